package io.github.occam.examples.mnist;

import io.github.occam.examples.support.AtomicFiles;
import io.github.occam.examples.support.InputException;
import io.github.occam.sgd.SgdSettings.Budget;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code runs.csv} file of a sweep: one line per finished run, appended, flushed and forced
 * to disk as soon as the run ends, so that a killed sweep loses nothing but the runs in flight.
 *
 * <p>A kill can leave a last line without its newline. {@link #readAndRepair(Path)} drops such a
 * torn line and rewrites the file atomically; a malformed line anywhere else is an error.
 * {@link #read(Path)} reads without changing the file, as {@code analyze} does while a sweep may
 * be appending. Only one sweep writes a folder's file at a time ({@link SweepLock}); the header
 * of a new file is written through the same channel as the runs, so that no rename can replace a
 * file another writer has open.
 *
 * <pre>{@code
 * List<RunRecord> done = RunsCsv.readAndRepair(out.resolve("runs.csv"));
 * try (RunsCsv.Appender appender = RunsCsv.appender(out.resolve("runs.csv"))) {
 *     appender.append(record);
 * }
 * }</pre>
 */
public final class RunsCsv {

    /** The header line, exactly. */
    public static final String HEADER = "batch_size,learning_rate,train_size,momentum,seed,epochs,updates,"
            + "noise_scale,train_accuracy,test_accuracy,train_cross_entropy,test_cross_entropy,seconds";

    private static final int COLUMNS = 13;

    private RunsCsv() {
    }

    /**
     * Reads the runs of {@code file}; an absent or empty file has none. A torn last line (no
     * trailing newline) is dropped and the file rewritten without it, atomically.
     *
     * @throws IOException if the header is not {@link #HEADER} or a complete line is malformed
     *                     (the message gives the line number)
     */
    public static List<RunRecord> readAndRepair(Path file) throws IOException {
        return read(file, true);
    }

    /**
     * Reads the runs of {@code file} without changing it; a torn last line (one being written,
     * or left by a kill) is skipped. An absent or empty file has none.
     *
     * @throws IOException if the header is not {@link #HEADER} or a complete line is malformed
     *                     (the message gives the line number)
     */
    public static List<RunRecord> read(Path file) throws IOException {
        return read(file, false);
    }

    private static List<RunRecord> read(Path file, boolean repair) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return List.of();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        boolean torn = !text.endsWith("\n");
        String[] lines = text.split("\n", -1);
        // the element after the last '\n' is "" for a complete file, the torn fragment otherwise
        int complete = lines.length - 1;
        if (complete == 0) {
            // not even a complete header: rewrite an empty file with the header
            if (repair) {
                AtomicFiles.writeString(file, HEADER + "\n");
            }
            return List.of();
        }
        if (!lines[0].strip().equals(HEADER)) {
            throw new InputException(file + ": line 1 is not the runs.csv header; expected '" + HEADER
                    + "', got '" + lines[0].strip() + "'");
        }
        List<RunRecord> runs = new ArrayList<>();
        for (int i = 1; i < complete; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            runs.add(parse(line, file, i + 1));
        }
        if (torn && repair) {
            StringBuilder kept = new StringBuilder(HEADER).append('\n');
            for (RunRecord run : runs) {
                kept.append(format(run)).append('\n');
            }
            AtomicFiles.writeString(file, kept.toString());
        }
        return List.copyOf(runs);
    }

    /**
     * Opens {@code file} for appending, creating it, and writes the header first through the same
     * channel if the file is empty. Call {@link #readAndRepair(Path)} before, so that a torn last
     * line is gone.
     */
    public static Appender appender(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        Appender appender = new Appender(channel);
        try {
            if (channel.size() == 0) {
                appender.appendLine(HEADER);
            }
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return appender;
    }

    /** One CSV line (without newline) for {@code run}, in the column order of {@link #HEADER}. */
    public static String format(RunRecord run) {
        RunKey k = run.key();
        return k.batchSize() + "," + k.learningRate() + "," + k.trainSize() + "," + k.momentum() + ","
                + k.seed() + "," + number(run.epochs()) + "," + run.updates() + "," + run.noiseScale() + ","
                + run.trainAccuracy() + "," + run.testAccuracy() + "," + run.trainCrossEntropy() + ","
                + run.testCrossEntropy() + "," + run.seconds();
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value) : Double.toString(value);
    }

    private static RunRecord parse(String line, Path file, int lineNumber) throws IOException {
        String[] f = line.split(",", -1);
        if (f.length != COLUMNS) {
            throw new InputException(file + ": line " + lineNumber + " has " + f.length + " columns, expected "
                    + COLUMNS + ": '" + line + "'");
        }
        try {
            double epochs = Double.parseDouble(f[5]);
            long updates = Long.parseLong(f[6]);
            Budget budget = epochs == Math.rint(epochs) && epochs >= 1
                    ? Budget.epochs((int) epochs) : Budget.updates(Math.max(1, updates));
            RunKey key = RunKey.of(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Integer.parseInt(f[2]),
                    Double.parseDouble(f[3]), Long.parseLong(f[4]), budget);
            return new RunRecord(key, epochs, updates, Double.parseDouble(f[7]), Double.parseDouble(f[8]),
                    Double.parseDouble(f[9]), Double.parseDouble(f[10]), Double.parseDouble(f[11]),
                    Double.parseDouble(f[12]));
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": line " + lineNumber + " is malformed (" + e.getMessage() + "): '"
                    + line + "'", e);
        }
    }

    /**
     * Appends runs to an open {@code runs.csv}, one complete line per write, each forced to disk
     * before {@link #append(RunRecord)} returns. Safe to call from several threads.
     *
     * <pre>{@code
     * try (RunsCsv.Appender a = RunsCsv.appender(path)) { a.append(record); }
     * }</pre>
     */
    public static final class Appender implements Closeable {

        private final FileChannel channel;

        private Appender(FileChannel channel) {
            this.channel = channel;
        }

        /** Appends {@code run} as one line and forces it to disk. */
        public void append(RunRecord run) throws IOException {
            appendLine(format(run));
        }

        private synchronized void appendLine(String line) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        }

        @Override
        public synchronized void close() throws IOException {
            channel.close();
        }
    }
}
