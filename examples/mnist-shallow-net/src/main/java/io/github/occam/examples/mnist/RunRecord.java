package io.github.occam.examples.mnist;

/**
 * One finished training run: its key, what it did and what it reached. One line of
 * {@code runs.csv}.
 *
 * <pre>{@code
 * RunRecord r = new RunRecord(key, 16, 500, key.noiseScale(), 0.99, 0.91, 0.03, 0.31, false, 12.5);
 * double t = r.time();   // 500 eps / (1 - m): the SDE time the run travelled
 * }</pre>
 *
 * @param key               the run's settings
 * @param epochs            passes over the training set done (fractional under an updates or time budget)
 * @param updates           parameter updates done
 * @param noiseScale        g = &epsilon; (N/B - 1) / (1 - m)
 * @param trainAccuracy     fraction of training examples classified correctly at the end
 * @param testAccuracy      fraction of test examples classified correctly at the end
 * @param trainCrossEntropy mean cross-entropy per training example at the end
 * @param testCrossEntropy  mean cross-entropy per test example at the end
 * @param diverged          whether the run diverged ({@link #diverged(double, double, double, int)})
 * @param seconds           wall-clock time of the run
 */
public record RunRecord(RunKey key, double epochs, long updates, double noiseScale,
                        double trainAccuracy, double testAccuracy, double trainCrossEntropy,
                        double testCrossEntropy, boolean diverged, double seconds) implements java.io.Serializable {

    /**
     * A run whose training accuracy is below this many times the chance level 1/K counts as
     * diverged: 20% for the ten digits.
     */
    public static final double CHANCE_FACTOR = 2.0;

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
     * Whether a run diverged: its final training or test cross-entropy is not finite, or its
     * training accuracy is below {@link #CHANCE_FACTOR} times chance (1/{@code classes}), that is,
     * it learned nothing. Such a run is data (it stays in {@code runs.csv}), but it is never an
     * optimum.
     *
     * @param classes the number of classes K, at least 2
     */
    public static boolean diverged(double trainAccuracy, double trainCrossEntropy, double testCrossEntropy,
                                   int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be >= 2, got " + classes);
        }
        return !Double.isFinite(trainCrossEntropy) || !Double.isFinite(testCrossEntropy)
                || trainAccuracy < CHANCE_FACTOR / classes;
    }

    /**
     * The SDE time the run travelled, U &epsilon; / (1 - m): at least the T of a time budget
     * (U is rounded up).
     */
    public double time() {
        return updates * key.learningRate() / (1.0 - key.momentum());
    }
}
