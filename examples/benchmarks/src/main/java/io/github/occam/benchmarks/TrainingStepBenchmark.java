package io.github.occam.benchmarks;

import io.github.occam.data.Dataset;
import io.github.occam.sgd.SgdResult;
import io.github.occam.sgd.SgdSettings;
import io.github.occam.sgd.ShallowNetTrainer;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * SGD with momentum on the 784-H-10 network in float32 with {@link ShallowNetTrainer}: the first
 * N = 1,000 bundled digits, H = 800, batch size B, eps = 0.1, m = 0.9, the training that
 * {@code mlp_baseline.py --batch B --epochs E} times with its defaults.
 *
 * <p>What is timed: one {@link ShallowNetTrainer#train} call with a budget of
 * {@code E ceil(N / B)} updates, that is E epochs. The primary score is the time of that call
 * (compare it with the baseline's {@code seconds} for the same E); the secondary score
 * {@code trainingRun:updates} divides it by the number of updates, the time of one training step.
 * Besides the updates, the call starts its worker threads, draws the seeded initial parameters,
 * evaluates the training set (and a one-example test set) at the end and copies the parameters
 * into the result: a fixed cost per call, which 50 epochs of updates keep small at every B. The
 * number of updates per call varies as 1/B, so JMH counts them with {@link AuxCounters} rather
 * than a fixed {@code @OperationsPerInvocation}.
 */
public class TrainingStepBenchmark extends BenchmarkDefaults {

    /** Training-set size N, as in {@code mlp_baseline.py}. */
    private static final int TRAINING_SIZE = 1000;

    /** B, the examples per update. */
    @Param({"1", "16", "128", "1000"})
    public int batchSize;

    /** H, the hidden units. */
    @Param({"800"})
    public int hiddenUnits;

    /** E, the epochs of one call. */
    @Param({"50"})
    public int epochs;

    private Dataset train;
    private Dataset test;
    private ShallowNetTrainer trainer;
    private SgdSettings settings;
    private long updatesPerCall;

    /** Loads the digits and fixes the settings, outside the timed part. */
    @Setup
    public void setUp() {
        Dataset digits = Digits.first(TRAINING_SIZE + 1);
        train = digits.head(TRAINING_SIZE);
        test = digits.tail(1);
        trainer = ShallowNetTrainer.create().withHiddenUnits(hiddenUnits);
        updatesPerCall = (long) epochs * ((TRAINING_SIZE + batchSize - 1) / batchSize);
        settings = SgdSettings.defaults().withBatchSize(batchSize)
                .withLearningRate(0.1).withMomentum(0.9).withSeed(1L).withUpdates(updatesPerCall);
    }

    /** Trains from the seeded initialization for E epochs. */
    @Benchmark
    public SgdResult trainingRun(Updates counter) {
        counter.updates += updatesPerCall;
        return trainer.train(train, test, settings);
    }

    /** Counts the updates of an iteration; JMH reports the time per update. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Updates {

        /** Updates done in the current iteration. */
        public long updates;

        /** Starts each iteration's count at zero. */
        @Setup(Level.Iteration)
        public void reset() {
            updates = 0;
        }
    }
}
