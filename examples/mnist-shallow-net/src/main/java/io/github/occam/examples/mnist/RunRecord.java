package io.github.occam.examples.mnist;

import io.github.occam.sgd.SgdSettings.Budget;

/**
 * One finished training run: its key, what it did and what it reached. One line of
 * {@code runs.csv}.
 *
 * <pre>{@code
 * RunRecord r = new RunRecord(key, 100, 3200, key.noiseScale(), 0.99, 0.91, 0.03, 0.31, 12.5);
 * }</pre>
 *
 * @param key               the run's settings
 * @param epochs            passes over the training set done (fractional under an updates budget)
 * @param updates           parameter updates done
 * @param noiseScale        g = &epsilon; (N/B - 1) / (1 - m)
 * @param trainAccuracy     fraction of training examples classified correctly at the end
 * @param testAccuracy      fraction of test examples classified correctly at the end
 * @param trainCrossEntropy mean cross-entropy per training example at the end
 * @param testCrossEntropy  mean cross-entropy per test example at the end
 * @param seconds           wall-clock time of the run
 */
public record RunRecord(RunKey key, double epochs, long updates, double noiseScale,
                        double trainAccuracy, double testAccuracy, double trainCrossEntropy,
                        double testCrossEntropy, double seconds) {

    /** Checks the components. */
    public RunRecord {
        if (key == null) {
            throw new IllegalArgumentException("key must not be null");
        }
        if (!(epochs >= 0.0) || Double.isInfinite(epochs)) {
            throw new IllegalArgumentException("epochs must be finite and >= 0, got " + epochs);
        }
        if (updates < 0) {
            throw new IllegalArgumentException("updates must be >= 0, got " + updates);
        }
        if (!(testAccuracy >= 0.0 && testAccuracy <= 1.0)) {
            throw new IllegalArgumentException("test accuracy must be in [0, 1], got " + testAccuracy);
        }
        if (!(trainAccuracy >= 0.0 && trainAccuracy <= 1.0)) {
            throw new IllegalArgumentException("train accuracy must be in [0, 1], got " + trainAccuracy);
        }
    }

    /**
     * Whether this run was made under {@code budget}: as many epochs as an epochs budget, or as
     * many updates as an updates budget.
     */
    public boolean ranFor(Budget budget) {
        return budget.unit() == Budget.Unit.EPOCHS
                ? epochs == budget.amount()
                : updates == budget.amount();
    }

    /** This run's key under {@code budget}, for matching against the runs a sweep plans. */
    RunKey keyUnder(Budget budget) {
        return new RunKey(key.batchSize(), key.learningRate(), key.trainSize(), key.momentum(),
                key.seed(), budget);
    }
}
