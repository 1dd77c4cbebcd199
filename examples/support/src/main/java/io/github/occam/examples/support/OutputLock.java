package io.github.occam.examples.support;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock of a command's output folder, {@value #FILE}: one command at a time may write into a
 * folder, so that two sweeps started on the same {@code --out} neither train the same run twice
 * nor lose each other's runs, and two runs of the logistic command do not leave the results of
 * one beside the predictions of the other. With {@link #acquire} the second is refused at once,
 * before it computes anything; with {@link #await} (for a command that only replaces its files)
 * it waits its turn. The lock is the operating system's ({@link FileChannel#tryLock()}), so it is released
 * when the command ends, however it ends (a kill too); the file itself stays, holding the process
 * id of the last holder, as deleting it would let two commands lock two different files.
 *
 * <pre>{@code
 * try (OutputLock lock = OutputLock.acquire(out, "sweep")) {
 *     SweepRunner.run(plan, out.resolve("runs.csv"), threads, trainer, progress);
 * }
 * }</pre>
 */
public final class OutputLock implements Closeable {

    /** The name of the lock file in the output folder. */
    public static final String FILE = ".lock";

    private static final long WAIT_MILLIS = 50;

    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates {@code dir} if needed and locks it.
     *
     * @param dir the {@code --out} folder
     * @param holder what holds it, for the message a second command gets: "sweep", "run"
     * @throws InputException if another command holds the folder, naming it and what to do
     * @throws IOException if the folder or its lock file cannot be created
     */
    public static OutputLock acquire(Path dir, String holder) throws IOException {
        FileChannel channel = open(dir);
        FileLock lock = tryLock(channel);
        if (lock == null) {
            String process = process(channel);
            channel.close();
            throw new InputException("--out " + dir + " is in use by another " + holder
                    + (process.isEmpty() ? "" : " (process " + process + ")") + ": wait for it to"
                    + " finish, or choose another --out");
        }
        return stamped(channel, lock);
    }

    /**
     * Creates {@code dir} if needed and locks it, waiting while another command holds it: for a
     * command that has done its work and only replaces its files, so that two of them writing one
     * folder take turns and the folder ends up holding one command's files, whole.
     *
     * @throws IOException if the folder or its lock file cannot be created
     * @throws InterruptedIOException if the thread is interrupted while it waits
     */
    public static OutputLock await(Path dir) throws IOException {
        FileChannel channel = open(dir);
        try {
            FileLock lock;
            while ((lock = tryLock(channel)) == null) {
                Thread.sleep(WAIT_MILLIS);
            }
            return stamped(channel, lock);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.close();
            throw new InterruptedIOException("interrupted while waiting for the lock of " + dir);
        }
    }

    private static FileChannel open(Path dir) throws IOException {
        Files.createDirectories(dir);
        return FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** The lock, or null while another process, or this one, holds it; closes the channel on an error. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this virtual machine
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Writes this process's id into the held lock file. */
    private static OutputLock stamped(FileChannel channel, FileLock lock) throws IOException {
        OutputLock held = new OutputLock(channel, lock);
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
        } catch (IOException | RuntimeException e) {
            held.close();
            throw e;
        }
        return held;
    }

    private static String process(FileChannel channel) {
        try {
            ByteBuffer text = ByteBuffer.allocate(32);
            channel.read(text, 0);
            return new String(text.array(), 0, text.position(), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** Releases the folder. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
