package io.github.occam.noise;

import io.github.occam.internal.Checks;

/**
 * The noise scale of SGD with momentum, and the batch sizes it implies (Smith &amp; Le, section
 * 4, eq. 3-5).
 *
 * <p>An SGD step on a batch of B of the N training examples, with learning rate \(\epsilon\) and
 * momentum m ({@code v <- m v + d; w <- w - eps v}, {@code d} the batch mean of
 * \(dC_i/d\omega\)), is a discretization of the stochastic differential equation of eq. 4 whose
 * noise has the scale (eq. 5, extended to momentum in Smith &amp; Le 2017)
 * \[ g = \frac{\epsilon}{1 - m} \left(\frac{N}{B} - 1\right) \approx \frac{\epsilon N}{B (1 - m)}. \]
 * The paper's claim is that there is an optimal noise scale, hence an optimal batch size
 * \(B_{opt} \propto \epsilon N / (1 - m)\). This record holds one setting (eps, N, B, m) and gives
 * its noise scale; the static methods invert the relation.
 *
 * <pre>{@code
 * SgdNoiseScale run = SgdNoiseScale.of(0.1, 1000, 32, 0.9);
 * double g = run.value();                                   // 0.1 (1000/32 - 1) / 0.1 = 30.25
 * double b = SgdNoiseScale.batchSizeFor(g, 0.1, 1000, 0.9); // 32 again
 * // the optimum measured at (eps 0.1, N 1000, m 0.9) was B = 32; the paper's rule for N = 4000:
 * double bOpt = run.optimalBatchSizeAt(0.1, 4000, 0.9);    // 128
 * }</pre>
 *
 * <p>A caveat from Occam's own measurements (the MNIST example, {@code docs/mnist-shallow-net.md}):
 * at a fixed SDE time the eps and 1/(1 - m) factors of the rule held, but the N factor did not
 * (from N = 1,000 to 8,000 the optimum stayed at the smallest batch whose runs fit the training
 * set). Measure the optimum at your N before scaling B with it.
 *
 * @param learningRate eps, finite and &gt; 0
 * @param trainingSetSize N, at least 1
 * @param batchSize B, in [1, N]
 * @param momentum m, in [0, 1)
 */
public record SgdNoiseScale(double learningRate, int trainingSetSize, int batchSize,
        double momentum) implements java.io.Serializable {

    /** Checks eps &gt; 0, N &gt;= 1, B in [1, N] and m in [0, 1). */
    public SgdNoiseScale {
        checkLearningRate(learningRate);
        checkTrainingSetSize(trainingSetSize);
        Checks.inRange("batchSize", batchSize, 1, trainingSetSize);
        checkMomentum(momentum);
        if (!(learningRate * trainingSetSize / (1.0 - momentum) < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("eps N / (1 - m) = " + learningRate + " * "
                    + trainingSetSize + " / (1 - " + momentum + ") is beyond the range of doubles:"
                    + " no noise scale");
        }
    }

    /**
     * Returns the setting (eps, N, B, m).
     *
     * <pre>{@code
     * SgdNoiseScale plain = SgdNoiseScale.of(0.05, 60000, 128, 0.0);   // SGD without momentum
     * }</pre>
     *
     * @param learningRate eps, finite and &gt; 0
     * @param trainingSetSize N, at least 1
     * @param batchSize B, in [1, N]
     * @param momentum m, in [0, 1)
     * @return the setting
     * @throws IllegalArgumentException naming the first bad argument
     */
    public static SgdNoiseScale of(double learningRate, int trainingSetSize, int batchSize,
            double momentum) {
        return new SgdNoiseScale(learningRate, trainingSetSize, batchSize, momentum);
    }

    /**
     * Returns the exact noise scale {@code g = eps (N/B - 1) / (1 - m)} (eq. 5 with momentum);
     * zero for full-batch gradient descent, B = N.
     *
     * @return g, &gt;= 0
     */
    public double value() {
        return learningRate * ((double) trainingSetSize / batchSize - 1.0) / (1.0 - momentum);
    }

    /**
     * Returns the approximate noise scale {@code g = eps N / (B (1 - m))}, the form the paper uses
     * when B &lt;&lt; N (after eq. 5). It exceeds {@link #value()} by {@code eps / (1 - m)}.
     *
     * @return g, &gt; 0
     */
    public double approximateValue() {
        return learningRate * trainingSetSize / (batchSize * (1.0 - momentum));
    }

    /**
     * Returns a copy with the batch size replaced.
     *
     * @param value the new B, in [1, N]
     * @return the new setting
     */
    public SgdNoiseScale withBatchSize(int value) {
        return new SgdNoiseScale(learningRate, trainingSetSize, value, momentum);
    }

    /**
     * Returns a copy with the learning rate replaced.
     *
     * @param value the new eps, finite and &gt; 0
     * @return the new setting
     */
    public SgdNoiseScale withLearningRate(double value) {
        return new SgdNoiseScale(value, trainingSetSize, batchSize, momentum);
    }

    /**
     * Predicts the optimal batch size for another learning rate, training-set size and momentum,
     * taking this setting as a measured optimum (eps0, N0, B0, m0) and keeping the noise scale
     * \(\epsilon N / (B (1 - m))\) at its optimal value (the three scaling rules
     * \(B_{opt} \propto \epsilon\), \(\propto N\), \(\propto 1/(1 - m)\) of section 4):
     * {@code B0 (eps/eps0) (N/N0) ((1 - m0)/(1 - m))}.
     *
     * <pre>{@code
     * SgdNoiseScale optimum = SgdNoiseScale.of(0.1, 1000, 64, 0.9);
     * optimum.optimalBatchSizeAt(0.2, 1000, 0.9);    // 128: twice the learning rate
     * optimum.optimalBatchSizeAt(0.1, 1000, 0.95);   // 128: 1/(1 - m) doubled
     * }</pre>
     *
     * @param learningRate eps, finite and &gt; 0
     * @param trainingSetSize N, at least 1
     * @param momentum m, in [0, 1)
     * @return the predicted B_opt, a real number (round it to use it); not clamped to [1, N]
     * @throws IllegalArgumentException naming the first bad argument
     */
    public double optimalBatchSizeAt(double learningRate, int trainingSetSize, double momentum) {
        checkLearningRate(learningRate);
        checkTrainingSetSize(trainingSetSize);
        checkMomentum(momentum);
        return batchSize * (learningRate / this.learningRate)
                * ((double) trainingSetSize / this.trainingSetSize)
                * ((1.0 - this.momentum) / (1.0 - momentum));
    }

    /**
     * Returns the batch size that gives the noise scale {@code noiseScale} exactly, the inverse
     * of {@link #value()}: {@code B = eps N / (g (1 - m) + eps)}.
     *
     * <pre>{@code
     * double b = SgdNoiseScale.batchSizeFor(14.625, 0.1, 1000, 0.9);   // 64
     * }</pre>
     *
     * @param noiseScale the target g, finite and &gt; 0
     * @param learningRate eps, finite and &gt; 0
     * @param trainingSetSize N, at least 1
     * @param momentum m, in [0, 1)
     * @return B in [1, N), a real number (round it to use it)
     * @throws IllegalArgumentException naming the first bad argument, or if g exceeds
     *     {@code eps (N - 1) / (1 - m)}, the noise scale of B = 1
     */
    public static double batchSizeFor(double noiseScale, double learningRate, int trainingSetSize,
            double momentum) {
        checkTarget(noiseScale, learningRate, trainingSetSize, momentum);
        double largest = learningRate * (trainingSetSize - 1.0) / (1.0 - momentum);
        if (noiseScale > largest) {
            throw new IllegalArgumentException("noiseScale must be <= eps (N - 1) / (1 - m) = "
                    + largest + " (the noise scale of batch size 1), got " + noiseScale);
        }
        return Math.max(1.0, learningRate * trainingSetSize
                / (noiseScale * (1.0 - momentum) + learningRate));
    }

    /**
     * Returns the batch size that gives the noise scale {@code noiseScale} under the
     * approximation {@code g = eps N / (B (1 - m))}: {@code B = eps N / (g (1 - m))}.
     *
     * @param noiseScale the target g, finite and &gt; 0
     * @param learningRate eps, finite and &gt; 0
     * @param trainingSetSize N, at least 1
     * @param momentum m, in [0, 1)
     * @return B, at least 1, a real number; not clamped to N (for small g it exceeds N, where the
     *     approximation no longer holds)
     * @throws IllegalArgumentException naming the first bad argument, or if g exceeds
     *     {@code eps N / (1 - m)}, the approximate noise scale of B = 1
     */
    public static double approximateBatchSizeFor(double noiseScale, double learningRate,
            int trainingSetSize, double momentum) {
        checkTarget(noiseScale, learningRate, trainingSetSize, momentum);
        double largest = learningRate * trainingSetSize / (1.0 - momentum);
        if (noiseScale > largest) {
            throw new IllegalArgumentException("noiseScale must be <= eps N / (1 - m) = "
                    + largest + " (the noise scale of batch size 1), got " + noiseScale);
        }
        return Math.max(1.0, learningRate * trainingSetSize / (noiseScale * (1.0 - momentum)));
    }

    private static void checkTarget(double noiseScale, double learningRate, int trainingSetSize,
            double momentum) {
        Checks.positive("noiseScale", noiseScale);
        checkLearningRate(learningRate);
        checkTrainingSetSize(trainingSetSize);
        checkMomentum(momentum);
    }

    static void checkLearningRate(double learningRate) {
        Checks.positive("learningRate", learningRate);
    }

    static void checkTrainingSetSize(int trainingSetSize) {
        Checks.atLeast("trainingSetSize", trainingSetSize, 1);
    }

    static void checkMomentum(double momentum) {
        Checks.fraction("momentum", momentum);
    }
}
