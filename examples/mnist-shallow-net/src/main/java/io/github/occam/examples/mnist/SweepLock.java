package io.github.occam.examples.mnist;

import io.github.occam.examples.support.InputException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock of a sweep's output folder, {@value #FILE}: one sweep at a time may train into a
 * folder, so that two sweeps started on the same {@code --out} neither train the same run twice
 * nor lose each other's runs. The second is refused at once, before it trains anything. The lock
 * is the operating system's ({@link FileChannel#tryLock()}), so it is released when the sweep
 * ends, however it ends (a kill too); the file itself stays, holding the process id of the last
 * sweep, as deleting it would let two sweeps lock two different files.
 *
 * <pre>{@code
 * try (SweepLock lock = SweepLock.acquire(out)) {
 *     SweepRunner.run(plan, out.resolve("runs.csv"), threads, trainer, progress);
 * }
 * }</pre>
 */
final class SweepLock implements Closeable {

    /** The name of the lock file in the output folder. */
    static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private SweepLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates {@code dir} if needed and locks it for this sweep.
     *
     * @throws InputException if another sweep holds the folder, naming it and what to do
     * @throws IOException if the folder or its lock file cannot be created
     */
    static SweepLock acquire(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this virtual machine
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new InputException("--out " + dir + " is in use by another sweep"
                    + (holder.isEmpty() ? "" : " (process " + holder + ")") + ": wait for it to"
                    + " finish, or choose another --out");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n")
                .getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
        return new SweepLock(channel, lock);
    }

    private static String holder(FileChannel channel) {
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
