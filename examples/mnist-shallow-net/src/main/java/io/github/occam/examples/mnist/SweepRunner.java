package io.github.occam.examples.mnist;

import io.github.occam.examples.support.ProgressBars;
import io.github.occam.sgd.SgdSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ProgressBar;

/**
 * Runs the planned runs of a sweep that {@code runs.csv} does not hold yet, in parallel on a
 * fixed pool of threads, and appends each finished run to {@code runs.csv} at once, after its
 * other outputs. Each run is seeded, so its numbers do not depend on the pool size or the order
 * in which runs finish; only the order of the lines in {@code runs.csv} does, until the sweep
 * sorts it ({@link RunsCsv#sortByKey}). The executor decides where a run executes: a thread of
 * this JVM or a task on a cluster.
 *
 * <pre>{@code
 * SweepRunner.Summary s = SweepRunner.run(grid.runs(), out.resolve("runs.csv"), 2,
 *         key -> trainer.apply(key), System.err);
 * }</pre>
 */
public final class SweepRunner {

    /** Runs one run. Called from the pool's threads, several at once. */
    @FunctionalInterface
    public interface RunExecutor {

        /** Runs the run {@code key} (here or elsewhere) and returns what it computed. */
        RunOutcome run(RunKey key) throws Exception;
    }

    /**
     * Writes a run's outputs other than its record (its evidence line, its network), on the
     * thread that writes {@code runs.csv}, just before the record.
     */
    @FunctionalInterface
    public interface Extras {

        /** Writes what {@code outcome} holds besides its record. */
        void write(RunOutcome outcome) throws IOException;
    }

    /**
     * What a sweep did.
     *
     * @param planned runs in the plan
     * @param skipped runs found already in {@code runs.csv}
     * @param ran     runs trained now
     * @param seconds wall-clock time
     */
    public record Summary(int planned, int skipped, int ran, double seconds) {
    }

    private SweepRunner() {
    }

    /**
     * Runs what is missing from {@code runsCsv}. The first failing run stops the sweep (the runs
     * already finished stay in the file) and its exception is rethrown with the run's settings.
     *
     * @param threads  pool size, at least 1
     * @param progress where the progress goes (a bar on a terminal, lines otherwise), or null
     */
    public static Summary run(List<RunKey> planned, Path runsCsv, int threads, RunExecutor executor,
                              PrintStream progress) throws IOException, InterruptedException {
        return run(planned, runsCsv, threads, executor, outcome -> { }, progress);
    }

    /**
     * Runs what is missing from {@code runsCsv}, as {@link #run(List, Path, int, RunExecutor,
     * PrintStream)}, writing each run's other outputs with {@code extras} before its record.
     */
    public static Summary run(List<RunKey> planned, Path runsCsv, int threads, RunExecutor executor,
                              Extras extras, PrintStream progress) throws IOException, InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        long start = System.nanoTime();
        List<RunKey> todo = pending(planned, RunsCsv.readAndRepair(runsCsv));
        AtomicInteger workerId = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sweep-worker-" + workerId.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        long totalWork = 0;
        for (RunKey key : todo) {
            totalWork += estimatedWork(key);
        }
        try (RunsCsv.Appender appender = RunsCsv.appender(runsCsv);
             // no bar when every run is already done: a resumed, finished sweep says so in its summary
             ProgressBar bar = progress == null || todo.isEmpty() ? null
                     : ProgressBars.create("sweep", Math.max(1, totalWork), progress)) {
            CompletionService<RunOutcome> done = new ExecutorCompletionService<>(pool);
            List<Future<RunOutcome>> futures = new ArrayList<>();
            for (RunKey key : todo) {
                futures.add(done.submit(() -> {
                    try {
                        return executor.run(key);
                    } catch (Exception e) {
                        throw new IOException("run " + key + " failed: " + e.getMessage(), e);
                    }
                }));
            }
            for (int i = 0; i < todo.size(); i++) {
                RunOutcome outcome;
                try {
                    outcome = done.take().get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof IOException io) {
                        throw io;
                    }
                    throw new IOException(cause.getMessage(), cause);
                }
                extras.write(outcome);
                RunRecord record = outcome.record();
                appender.append(record);
                if (bar != null) {
                    bar.stepBy(estimatedWork(record.key()));
                    bar.setExtraMessage((i + 1) + "/" + todo.size() + " runs");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Summary(planned.size(), planned.size() - todo.size(), todo.size(),
                (System.nanoTime() - start) * 1e-9);
    }

    /** The planned runs that {@code done} does not hold, in plan order. */
    public static List<RunKey> pending(List<RunKey> planned, List<RunRecord> done) {
        Set<RunKey> finished = new HashSet<>();
        for (RunRecord run : done) {
            finished.add(run.key());
        }
        List<RunKey> todo = new ArrayList<>();
        for (RunKey key : planned) {
            if (!finished.contains(key)) {
                todo.add(key);
            }
        }
        return todo;
    }

    /**
     * Rough cost of a run for the progress bar's ETA: examples processed plus a per-update
     * overhead worth 32 examples (a small batch costs more per example).
     */
    static long estimatedWork(RunKey key) {
        long batchesPerEpoch = (key.trainSize() + key.batchSize() - 1) / key.batchSize();
        SgdSettings.Budget budget = key.trainerBudget();
        long updates = budget.unit() == SgdSettings.Budget.Unit.EPOCHS
                ? budget.amount() * batchesPerEpoch : budget.amount();
        return updates * (Math.min(key.batchSize(), key.trainSize()) + 32L);
    }
}
