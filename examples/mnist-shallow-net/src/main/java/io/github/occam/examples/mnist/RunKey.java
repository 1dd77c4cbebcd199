package io.github.occam.examples.mnist;

import io.github.occam.noise.SgdNoiseScale;
import io.github.occam.sgd.SgdSettings;
import java.util.Locale;

/**
 * The settings that identify one training run of a sweep: batch size B, learning rate &epsilon;,
 * training-set size N, momentum m, seed and budget. A sweep skips a run whose key is already in
 * {@code runs.csv}. The seed draws the run's training subset of N examples from the pool
 * ({@link Digits#train(int, long)}), its initialization and its batch order.
 *
 * <pre>{@code
 * RunKey key = RunKey.of(32, 0.1, 1000, 0.9, 1L, SweepBudget.time(500));
 * double g = key.noiseScale();   // 0.1 * (1000/32 - 1) / (1 - 0.9) = 30.25
 * long u = key.trainerBudget().amount();   // 500 (1 - 0.9) / 0.1 = 500 updates
 * }</pre>
 *
 * @param sgd    the setting (&epsilon;, N, B, m), checked once by {@link SgdNoiseScale}: the
 *               same record gives the run's noise scale and its trainer settings
 * @param seed   the seed of the training subset, initialization and batch order
 * @param budget epochs, updates or SDE time
 */
public record RunKey(SgdNoiseScale sgd, long seed, SweepBudget budget) implements java.io.Serializable {

    /** Checks the components; every message names the argument and its bad value. */
    public RunKey {
        if (sgd == null) {
            throw new IllegalArgumentException("sgd must not be null");
        }
        if (budget == null) {
            throw new IllegalArgumentException("budget must not be null");
        }
        if (budget.kind() == SweepBudget.Kind.TIME) {
            budget.updates(sgd.learningRate(), sgd.momentum()); // the number of updates must be representable
        }
    }

    /**
     * Static factory: the key of (&epsilon;, N, B, m), seed and budget.
     *
     * @throws IllegalArgumentException naming the bad value ({@code batchSize must be in [1, 1000],
     *                                  got 2000})
     */
    public static RunKey of(int batchSize, double learningRate, int trainSize, double momentum,
                            long seed, SweepBudget budget) {
        return new RunKey(SgdNoiseScale.of(learningRate, trainSize, batchSize, momentum), seed, budget);
    }

    /** B. */
    public int batchSize() {
        return sgd.batchSize();
    }

    /** &epsilon;. */
    public double learningRate() {
        return sgd.learningRate();
    }

    /** N. */
    public int trainSize() {
        return sgd.trainingSetSize();
    }

    /** m. */
    public double momentum() {
        return sgd.momentum();
    }

    /**
     * The SGD noise scale of this run, g = &epsilon; (N/B - 1) / (1 - m) (paper eq. 5 with
     * momentum).
     */
    public double noiseScale() {
        return sgd.value();
    }

    /** The trainer's budget of this run: its epochs, its updates, or the updates of its SDE time. */
    public SgdSettings.Budget trainerBudget() {
        return budget.trainerBudget(sgd.learningRate(), sgd.momentum());
    }

    /** The group of runs this run belongs to for the analysis: (&epsilon;, N, m). */
    public Setting setting() {
        return new Setting(sgd.learningRate(), sgd.trainingSetSize(), sgd.momentum());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "B=%d eps=%s N=%d m=%s seed=%d %s",
                batchSize(), learningRate(), trainSize(), momentum(), seed, budget.describe());
    }

    /**
     * The fixed settings of one B<sub>opt</sub> measurement: learning rate, training-set size and
     * momentum.
     *
     * <pre>{@code
     * RunKey.Setting s = new RunKey.Setting(0.1, 1000, 0.9);
     * double x = s.momentumFactor();   // 1/(1-m) = 10
     * }</pre>
     *
     * @param learningRate &epsilon;
     * @param trainSize    N
     * @param momentum     m
     */
    public record Setting(double learningRate, int trainSize, double momentum) {

        /** 1/(1 - m), the factor by which momentum multiplies the noise scale. */
        public double momentumFactor() {
            return 1.0 / (1.0 - momentum);
        }
    }
}
