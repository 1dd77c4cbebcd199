package io.github.occam.examples.mnist;

import io.github.occam.examples.support.AtomicFiles;
import io.github.occam.examples.support.InputException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@code runs.csv} file of a sweep: one line per finished run, appended, flushed and forced
 * to disk as soon as the run ends, so that a killed sweep loses nothing but the runs in flight.
 *
 * <p>A kill can leave a last line without its newline. {@link #readAndRepair(Path)} drops such a
 * torn line and rewrites the file atomically; a malformed line anywhere else is an error.
 * {@link #read(Path)} reads without changing the file, as {@code analyze} does while a sweep may
 * be appending. Only one sweep writes a folder's file at a time
 * ({@link io.github.occam.examples.support.OutputLock}); the header of a new file is written
 * through the same channel as the runs, so that no rename can replace a file another writer has
 * open.
 *
 * <p>The columns: the run's key ({@code batch_size, learning_rate, train_size, momentum, seed,
 * budget}), what it did ({@code epochs, updates, time} = U &epsilon; / (1 - m)), what it reached
 * ({@code noise_scale, train_accuracy, test_accuracy, train_cross_entropy, test_cross_entropy}),
 * whether it {@code diverged} ({@link RunRecord#diverged(double, double, double, int)}) and its
 * {@code seconds}. A file of an earlier version ({@link #LEGACY_HEADER}: no {@code budget},
 * {@code time} or {@code diverged}) is still read: its budget is its whole number of epochs (else
 * its updates) and divergence is judged from its numbers, with ten classes. A sweep does not add
 * runs to such a file (its runs trained on the first N digits, not on a subset drawn per seed).
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
    public static final String HEADER = "batch_size,learning_rate,train_size,momentum,seed,budget,epochs,updates,"
            + "time,noise_scale,train_accuracy,test_accuracy,train_cross_entropy,test_cross_entropy,diverged,seconds";

    /** The header of the files of earlier versions, read but not appended to. */
    public static final String LEGACY_HEADER = "batch_size,learning_rate,train_size,momentum,seed,epochs,updates,"
            + "noise_scale,train_accuracy,test_accuracy,train_cross_entropy,test_cross_entropy,seconds";

    /** The classes of the digits, for judging divergence in a file of an earlier version. */
    private static final int LEGACY_CLASSES = 10;

    private RunsCsv() {
    }

    /**
     * Reads the runs of {@code file}; an absent or empty file has none. A torn last line (no
     * trailing newline) is dropped and the file rewritten without it, atomically.
     *
     * @throws IOException if the header is not {@link #HEADER} (a file of an earlier version
     *                     cannot be repaired or appended to) or a complete line is malformed (the
     *                     message gives the line number)
     */
    public static List<RunRecord> readAndRepair(Path file) throws IOException {
        return read(file, true, note -> { });
    }

    /**
     * Reads the runs of {@code file} without changing it; a torn last line (one being written,
     * or left by a kill) is skipped. An absent or empty file has none.
     *
     * @throws IOException if the header is neither {@link #HEADER} nor {@link #LEGACY_HEADER}, or
     *                     a complete line is malformed (the message gives the line number)
     */
    public static List<RunRecord> read(Path file) throws IOException {
        return read(file, false, note -> { });
    }

    /**
     * Reads the runs of {@code file} as {@link #read(Path)} does, and tells {@code notes} of each
     * line that repeats a run with the same numbers (counted once).
     */
    public static List<RunRecord> read(Path file, Consumer<String> notes) throws IOException {
        return read(file, false, notes);
    }

    /**
     * A run appears once: a line that repeats a run's key with the same numbers (all but
     * {@code seconds}; two folders merged by hand) is counted once and noted, one with other
     * numbers is refused, since no analysis can tell which to keep.
     */
    private static List<RunRecord> read(Path file, boolean repair, Consumer<String> notes) throws IOException {
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
        String header = lines[0].strip();
        boolean legacy = header.equals(LEGACY_HEADER);
        if (!legacy && !header.equals(HEADER)) {
            throw new InputException(file + ": line 1 is not the runs.csv header; expected '" + HEADER
                    + "', got '" + header + "'");
        }
        if (legacy && repair) {
            throw new InputException(file + " was written by an earlier version (no budget, time or diverged "
                    + "column; its runs trained on the first N digits): a sweep cannot add runs to it, "
                    + "choose another --out (analyze still reads it)");
        }
        Map<String, Integer> columns = new HashMap<>();
        String[] names = header.split(",", -1);
        for (int c = 0; c < names.length; c++) {
            columns.put(names[c], c);
        }
        List<RunRecord> runs = new ArrayList<>();
        Map<RunKey, Integer> lineOf = new HashMap<>();
        for (int i = 1; i < complete; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            RunRecord run = parse(line, columns, file, i + 1);
            Integer first = lineOf.putIfAbsent(run.key(), runs.size());
            if (first == null) {
                runs.add(run);
            } else if (withoutSeconds(runs.get(first)).equals(withoutSeconds(run))) {
                notes.accept(file + " line " + (i + 1) + " repeats the run " + run.key()
                        + " with the same numbers; counted once");
            } else {
                throw new InputException(file + " line " + (i + 1) + ": the run " + run.key()
                        + " is already in the file with other numbers; a run must appear once (keep"
                        + " one of the two lines)");
            }
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

    private static RunRecord withoutSeconds(RunRecord r) {
        return new RunRecord(r.key(), r.epochs(), r.updates(), r.noiseScale(), r.trainAccuracy(),
                r.testAccuracy(), r.trainCrossEntropy(), r.testCrossEntropy(), r.diverged(), 0.0);
    }

    /**
     * Puts the complete lines of a sweep's CSV file ({@code runs.csv} or {@code evidence.csv},
     * both led by the six key fields B, eps, N, m, seed, budget) in key order: budget, eps, N, m,
     * B, seed. Rewrites the file atomically, and only if the order changes; a torn last line is
     * dropped. Called once a sweep has made every run: the lines were appended as runs finished,
     * in an order that depends on timing, and the sorted file is the same wherever they ran.
     *
     * @throws IOException if the file cannot be read or written
     */
    public static void sortByKey(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        if (lines.length < 2) {
            return;
        }
        List<String> data = new ArrayList<>();
        for (int i = 1; i < lines.length - 1; i++) {
            if (!lines[i].isBlank()) {
                data.add(lines[i]);
            }
        }
        List<String> sorted = new ArrayList<>(data);
        sorted.sort(java.util.Comparator.comparing((String line) -> line.split(",", 7)[5])
                .thenComparingDouble(line -> Double.parseDouble(line.split(",", 7)[1]))
                .thenComparingInt(line -> Integer.parseInt(line.split(",", 7)[2]))
                .thenComparingDouble(line -> Double.parseDouble(line.split(",", 7)[3]))
                .thenComparingInt(line -> Integer.parseInt(line.split(",", 7)[0]))
                .thenComparingLong(line -> Long.parseLong(line.split(",", 7)[4])));
        boolean torn = !lines[lines.length - 1].isEmpty();
        if (sorted.equals(data) && !torn) {
            return;
        }
        StringBuilder out = new StringBuilder(lines[0]).append('\n');
        for (String line : sorted) {
            out.append(line).append('\n');
        }
        AtomicFiles.writeString(file, out.toString());
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
                + k.seed() + "," + k.budget().tag() + "," + SweepBudget.number(run.epochs()) + "," + run.updates()
                + "," + run.time() + "," + run.noiseScale() + "," + run.trainAccuracy() + "," + run.testAccuracy()
                + "," + run.trainCrossEntropy() + "," + run.testCrossEntropy() + "," + run.diverged() + ","
                + run.seconds();
    }

    private static RunRecord parse(String line, Map<String, Integer> columns, Path file, int lineNumber)
            throws IOException {
        String[] f = line.split(",", -1);
        if (f.length != columns.size()) {
            throw new InputException(file + ": line " + lineNumber + " has " + f.length + " columns, expected "
                    + columns.size() + ": '" + line + "'");
        }
        try {
            double epochs = Double.parseDouble(f[columns.get("epochs")]);
            long updates = Long.parseLong(f[columns.get("updates")]);
            Integer budgetColumn = columns.get("budget");
            SweepBudget budget = budgetColumn != null ? SweepBudget.parse(f[budgetColumn])
                    : epochs == Math.rint(epochs) && epochs >= 1
                    ? SweepBudget.epochs((int) epochs) : SweepBudget.updates(Math.max(1, updates));
            RunKey key = RunKey.of(Integer.parseInt(f[columns.get("batch_size")]),
                    Double.parseDouble(f[columns.get("learning_rate")]), Integer.parseInt(f[columns.get("train_size")]),
                    Double.parseDouble(f[columns.get("momentum")]), Long.parseLong(f[columns.get("seed")]), budget);
            double trainAccuracy = Double.parseDouble(f[columns.get("train_accuracy")]);
            double trainCrossEntropy = Double.parseDouble(f[columns.get("train_cross_entropy")]);
            double testCrossEntropy = Double.parseDouble(f[columns.get("test_cross_entropy")]);
            Integer divergedColumn = columns.get("diverged");
            boolean diverged = divergedColumn != null ? bool(f[divergedColumn])
                    : RunRecord.diverged(trainAccuracy, trainCrossEntropy, testCrossEntropy, LEGACY_CLASSES);
            return new RunRecord(key, epochs, updates, Double.parseDouble(f[columns.get("noise_scale")]),
                    trainAccuracy, Double.parseDouble(f[columns.get("test_accuracy")]), trainCrossEntropy,
                    testCrossEntropy, diverged, Double.parseDouble(f[columns.get("seconds")]));
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": line " + lineNumber + " is malformed (" + e.getMessage() + "): '"
                    + line + "'", e);
        }
    }

    private static boolean bool(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("diverged must be true or false, got '" + value + "'");
        };
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
