package io.github.occam.examples.mnist;

import io.github.occam.data.Dataset;
import io.github.occam.sgd.SgdResult;
import io.github.occam.sgd.SgdSettings;
import io.github.occam.sgd.ShallowNetTrainer;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one run of a sweep computes, and nothing about who runs it: trains the run's network with
 * {@link ShallowNetTrainer} on one thread, on the N examples its seed draws from the pool
 * ({@link Digits#train(int, long)}), then, when asked, its evidence ({@link RunEvidence}) and a
 * copy of its final network, and returns them as a {@link RunOutcome}. The local sweep calls it
 * from a pool of threads; a cluster sends it to its executors (it is {@link Serializable}: the
 * settings travel, the data are read again where it runs, from the jar or from {@code --data},
 * once per JVM). Each run's numbers depend on its key only, not on where or beside what it ran.
 *
 * <pre>{@code
 * RunComputation one = RunComputation.of(Digits.bundled(), null, 800, 0.0);
 * RunOutcome r = one.compute(RunKey.of(32, 0.1, 1000, 0.9, 1L, SweepBudget.time(500)));
 * }</pre>
 */
public final class RunComputation implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * The digits of each data folder ("" for the bundled ones) that copies of a computation read
     * where they run (a cluster's executors), once per JVM; the computation made here keeps its
     * own reference instead.
     */
    private static final Map<String, Digits> LOADED = new ConcurrentHashMap<>();

    private final String dataDir;
    private final int hidden;
    private final double lambda;
    private final RunEvidence.Settings evidence;
    private final boolean keepWeights;
    private transient Digits digits;

    private RunComputation(Digits digits, String dataDir, int hidden, double lambda,
            RunEvidence.Settings evidence, boolean keepWeights) {
        this.digits = digits;
        this.dataDir = dataDir;
        this.hidden = hidden;
        this.lambda = lambda;
        this.evidence = evidence;
        this.keepWeights = keepWeights;
    }

    /**
     * The computation of plain runs (no evidence, no network kept).
     *
     * @param digits      the data, already read (checked by the caller)
     * @param dataDir     the folder they were read from, or null for the bundled digits: where a
     *                    copy of this computation in another JVM reads them again
     * @param hiddenUnits H, at least 1
     * @param lambda      L2 coefficient in the training cost, finite and &gt;= 0
     * @throws IllegalArgumentException on a bad value, before any run
     */
    public static RunComputation of(Digits digits, Path dataDir, int hiddenUnits, double lambda) {
        if (digits == null) {
            throw new IllegalArgumentException("digits must not be null");
        }
        // checked here so that a bad value fails before any run starts
        ShallowNetTrainer.create().withHiddenUnits(hiddenUnits);
        SgdSettings.defaults().withLambda(lambda);
        String dir = dataDir == null ? "" : dataDir.toAbsolutePath().normalize().toString();
        return new RunComputation(digits, dir, hiddenUnits, lambda, null, false);
    }

    /** Returns a copy that also computes each run's evidence with {@code settings}. */
    public RunComputation withEvidence(RunEvidence.Settings settings) {
        return new RunComputation(digits, dataDir, hidden, lambda, settings, keepWeights);
    }

    /** Returns a copy that also returns each run's final network. */
    public RunComputation withWeights() {
        return new RunComputation(digits, dataDir, hidden, lambda, evidence, true);
    }

    /** The trainer settings of {@code key}'s run. */
    public SgdSettings settings(RunKey key) {
        return SgdSettings.defaults().withSetting(key.sgd()).withLambda(lambda).withBudget(key.trainerBudget())
                .withSeed(key.seed());
    }

    /**
     * Trains the run {@code key} and computes what was asked of it.
     *
     * @throws UncheckedIOException if the data cannot be read where this runs
     */
    public RunOutcome compute(RunKey key) {
        Digits data = digits();
        // drawn for each run (a copy of N rows, negligible beside the training), not cached: a
        // sweep over several N and seeds would otherwise hold every subset at once
        Dataset train = data.train(key.trainSize(), key.seed());
        ShallowNetTrainer trainer = ShallowNetTrainer.create().withHiddenUnits(hidden).withThreads(1);
        // a run that diverges is kept as it is (accuracy near chance, cross-entropy not finite),
        // flagged: it is data, but never an optimum
        SgdResult r = trainer.train(train, data.test(), settings(key));
        boolean diverged = RunRecord.diverged(r.trainAccuracy(), r.trainCrossEntropy(), r.testCrossEntropy(),
                train.classCount());
        String line = evidence == null ? null : RunEvidence.line(data, hidden, evidence, key, r);
        RunRecord record = new RunRecord(key, r.epochs(), r.updates(), key.noiseScale(), r.trainAccuracy(),
                r.testAccuracy(), r.trainCrossEntropy(), r.testCrossEntropy(), diverged, r.seconds());
        return new RunOutcome(record, line, keepWeights ? r.parameters() : null);
    }

    private Digits digits() {
        if (digits == null) {
            digits = LOADED.computeIfAbsent(dataDir, dir -> {
                try {
                    return Digits.load(dir.isEmpty() ? null : Path.of(dir));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the data " + (dir.isEmpty() ? "bundled in the jar"
                            : "of --data " + dir) + ": " + e.getMessage(), e);
                }
            });
        }
        return digits;
    }
}
