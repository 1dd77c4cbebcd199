package io.github.occam.examples.mnist;

import io.github.occam.sgd.SgdSettings.Budget;

import io.github.occam.noise.SgdNoiseScale;
import java.util.Locale;

/**
 * The settings that identify one training run of a sweep: batch size B, learning rate &epsilon;,
 * training-set size N, momentum m, seed and budget. A sweep skips a run whose key is already in
 * {@code runs.csv}.
 *
 * <pre>{@code
 * RunKey key = RunKey.of(32, 0.1, 1000, 0.9, 1L, Budget.epochs(100));
 * double g = key.noiseScale();   // 0.1 * (1000/32 - 1) / (1 - 0.9) = 30.25
 * }</pre>
 *
 * @param batchSize    B, in [1, N]
 * @param learningRate &epsilon; &gt; 0
 * @param trainSize    N &gt;= 1
 * @param momentum     m in [0, 1)
 * @param seed         the seed of initialization and batch order
 * @param budget       epochs or updates
 */
public record RunKey(int batchSize, double learningRate, int trainSize, double momentum, long seed,
                     Budget budget) {

    /** Checks the components; every message names the argument and its bad value. */
    public RunKey {
        checkSettings(batchSize, learningRate, trainSize, momentum);
        if (budget == null) {
            throw new IllegalArgumentException("budget must not be null");
        }
    }

    /** Static factory, same as the canonical constructor. */
    public static RunKey of(int batchSize, double learningRate, int trainSize, double momentum,
                            long seed, Budget budget) {
        return new RunKey(batchSize, learningRate, trainSize, momentum, seed, budget);
    }

    /**
     * The SGD noise scale of this run, g = &epsilon; (N/B - 1) / (1 - m) (paper eq. 5 with
     * momentum).
     */
    public double noiseScale() {
        return SgdNoiseScale.of(learningRate, trainSize, batchSize, momentum).value();
    }

    /** The group of runs this run belongs to for the analysis: (&epsilon;, N, m). */
    public Setting setting() {
        return new Setting(learningRate, trainSize, momentum);
    }

    static void checkSettings(int batchSize, double learningRate, int trainSize, double momentum) {
        if (trainSize < 1) {
            throw new IllegalArgumentException("train size N must be >= 1, got " + trainSize);
        }
        if (batchSize < 1 || batchSize > trainSize) {
            throw new IllegalArgumentException(
                    "batch size B must be in [1, N = " + trainSize + "], got " + batchSize);
        }
        if (!(learningRate > 0.0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be finite and > 0, got " + learningRate);
        }
        if (!(momentum >= 0.0 && momentum < 1.0)) {
            throw new IllegalArgumentException("momentum m must be in [0, 1), got " + momentum);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "B=%d eps=%s N=%d m=%s seed=%d %s",
                batchSize, learningRate, trainSize, momentum, seed, describe(budget));
    }

    /** A budget in words, such as {@code 100 epochs} or {@code 5000 updates}. */
    public static String describe(Budget budget) {
        return budget.amount() + " " + budget.unit().name().toLowerCase(Locale.ROOT);
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
