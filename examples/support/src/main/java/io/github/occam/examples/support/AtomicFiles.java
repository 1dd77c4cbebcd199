package io.github.occam.examples.support;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes result files so that a reader sees either the old or the new content, never a part,
 * and so that the new content is on disk when the call returns: the bytes go to a temporary file
 * in the same directory and are forced to disk, the file is renamed over the target with
 * {@link StandardCopyOption#ATOMIC_MOVE}, and the directory is forced too, so that the rename
 * survives a crash (where the platform lets a directory be opened; Windows does not).
 *
 * <p>The parent directories are created if missing. The new file gets the permissions of any
 * file the user creates (the umask), not the owner-only ones of a temporary file. If writing
 * fails, the target is left as it was and the temporary file is deleted.
 *
 * <pre>{@code
 * AtomicFiles.writeString(out.resolve("optimum.csv"), csvText);
 * AtomicFiles.write(out.resolve("figure.png"), stream -> ImageIO.write(image, "png", stream));
 * }</pre>
 */
public final class AtomicFiles {

    /** Writes the content of a file to the stream it is given. */
    @FunctionalInterface
    public interface Content {

        /**
         * Writes the whole content to {@code out}. Closing {@code out} only flushes it: the file
         * is forced and closed after this method returns.
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /** The suffix of the temporary file a write goes to before its rename. */
    private static final String TEMPORARY = ".tmp";

    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code text} encoded as UTF-8, atomically. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces {@code target} with {@code bytes}, atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Replaces {@code target} with what {@code content} writes, atomically; see the class
     * comment for the steps.
     *
     * @throws IOException if the content, the file system or the atomic rename fails; the target
     *                     is then unchanged
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        // A plain new file (not Files.createTempFile, which makes it owner-only) so that the
        // result gets the usual permissions of the user's umask.
        Path temporary = directory.resolve("." + absolute.getFileName() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + TEMPORARY);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
                content.writeTo(new CloseFlushes(out));
                out.flush();
                channel.force(true);
            }
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(directory);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Deletes the temporary files that a write into {@code directory} left when its process was
     * killed (named {@code .NAME.RANDOM.tmp} as {@link #write} names them), for the names given;
     * call it while the folder is locked ({@link OutputLock}), when no write of another process
     * can be under way.
     *
     * @param names the file names whose temporaries are deleted ({@code results.csv}, ...)
     * @return how many were deleted
     * @throws IOException if the folder cannot be listed or a file deleted
     */
    public static int deleteLeftovers(Path directory, Collection<String> names) throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, ".*" + TEMPORARY)) {
            for (Path file : files) {
                // ".NAME.RANDOM.tmp", RANDOM an unsigned long in base 36, as write names them
                String name = file.getFileName().toString();
                int end = name.length() - TEMPORARY.length();
                int dot = name.lastIndexOf('.', end - 1);
                if (dot > 1 && names.contains(name.substring(1, dot))
                        && name.substring(dot + 1, end).matches("[0-9a-z]{1,13}")) {
                    Files.deleteIfExists(file);
                    deleted++;
                }
            }
        }
        return deleted;
    }

    /** Forces the directory entry of a rename to disk, where a directory can be opened. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory, and some file systems refuse to sync one: the file
            // itself is on disk and the rename is atomic, only its durability is the platform's.
        }
    }

    /** The stream handed to {@link Content}: its {@code close()} flushes and leaves it open. */
    private static final class CloseFlushes extends FilterOutputStream {

        CloseFlushes(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
