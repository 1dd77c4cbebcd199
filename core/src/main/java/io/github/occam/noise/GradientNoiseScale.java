package io.github.occam.noise;

import io.github.occam.Model;

import io.github.occam.internal.Checks;
import java.util.List;

/**
 * The measured gradient noise scale of McCandlish, Kaplan, Amodei et al. ("An Empirical Model of
 * Large-Batch Training", 2018), \(B_{simple} = \mathrm{tr}(\Sigma) / |G|^2\), estimated from the
 * squared norms of two batch-mean gradients of sizes b &lt; B taken at the same parameters.
 *
 * <p>With G the full-batch mean gradient and \(\Sigma\) the covariance of the per-example
 * gradients, a batch mean of b examples drawn independently has
 * \(E |G_b|^2 = |G|^2 + \mathrm{tr}(\Sigma) / b\). Two batch sizes give the unbiased estimates
 * \[ |G|^2 \approx \frac{B |G_B|^2 - b |G_b|^2}{B - b}, \qquad
 *    \mathrm{tr}\,\Sigma \approx \frac{|G_b|^2 - |G_B|^2}{1/b - 1/B}. \]
 * Their ratio is not unbiased and is very noisy for a single pair; average the squared norms of
 * many pairs first ({@link #mean(List)}), as McCandlish et al. do. B_simple complements the
 * noise scale of Smith &amp; Le ({@link SgdNoiseScale}): it is the batch size at which the
 * gradient noise and the gradient itself are of equal size.
 *
 * <p>Batches drawn without replacement from a finite training set of N examples are less noisy:
 * \(E |G_b|^2 = |G|^2 + \frac{N - b}{b (N - 1)} \mathrm{tr}\,\Sigma\), with \(\Sigma\) the
 * covariance of the gradient of one example drawn uniformly from the N.
 * {@link #squaredGradientNorm(int)} and {@link #covarianceTrace(int)} are the unbiased estimates
 * for that sampling; {@link GradientNoise#measure GradientNoise.measure} takes the measurements
 * from a model.
 *
 * <pre>{@code
 * // |G_b|^2 = 2.5 at b = 8, |G_B|^2 = 1.25 at B = 64 (both measured at the same w)
 * GradientNoiseScale noise = GradientNoiseScale.of(8, 2.5, 64, 1.25);
 * double g2 = noise.squaredGradientNorm();   // (64 * 1.25 - 8 * 2.5) / 56 = 1.0714...
 * double tr = noise.covarianceTrace();       // (2.5 - 1.25) / (1/8 - 1/64) = 11.428...
 * double bSimple = noise.simpleNoiseScale(); // 10.666...
 * }</pre>
 *
 * @param smallBatch b, at least 1
 * @param smallBatchSquaredNorm \(|G_b|^2\), finite and &gt;= 0
 * @param largeBatch B, greater than b
 * @param largeBatchSquaredNorm \(|G_B|^2\), finite and &gt;= 0
 */
public record GradientNoiseScale(int smallBatch, double smallBatchSquaredNorm, int largeBatch,
        double largeBatchSquaredNorm) {

    /** Checks {@code 1 <= b < B} and that the squared norms are finite and non-negative. */
    public GradientNoiseScale {
        Checks.atLeast("smallBatch", smallBatch, 1);
        if (largeBatch <= smallBatch) {
            throw new IllegalArgumentException("largeBatch must be > smallBatch = " + smallBatch
                    + ", got " + largeBatch);
        }
        Checks.nonNegative("smallBatchSquaredNorm", smallBatchSquaredNorm);
        Checks.nonNegative("largeBatchSquaredNorm", largeBatchSquaredNorm);
    }

    /**
     * Returns the measurement (b, |G_b|^2, B, |G_B|^2).
     *
     * @param smallBatch b, at least 1
     * @param smallBatchSquaredNorm squared norm of a batch-mean gradient over b examples
     * @param largeBatch B &gt; b
     * @param largeBatchSquaredNorm squared norm of a batch-mean gradient over B examples
     * @return the measurement
     * @throws IllegalArgumentException naming the first bad argument
     */
    public static GradientNoiseScale of(int smallBatch, double smallBatchSquaredNorm,
            int largeBatch, double largeBatchSquaredNorm) {
        return new GradientNoiseScale(smallBatch, smallBatchSquaredNorm, largeBatch,
                largeBatchSquaredNorm);
    }

    /**
     * Returns the measurement whose squared norms are the means over {@code measurements}, all
     * taken with the same b and B. The two estimates are linear in the squared norms, so they are
     * the means of the individual estimates; the ratio {@link #simpleNoiseScale()} of the means is
     * far less noisy than the mean of the ratios.
     *
     * @param measurements at least one, all with the same b and B
     * @return the averaged measurement
     * @throws IllegalArgumentException if the list is empty or the batch sizes differ
     */
    public static GradientNoiseScale mean(List<GradientNoiseScale> measurements) {
        if (measurements == null || measurements.isEmpty()) {
            throw new IllegalArgumentException("measurements must not be null or empty");
        }
        GradientNoiseScale first = Checks.notNull("measurements[0]", measurements.get(0));
        double small = 0.0;
        double large = 0.0;
        for (int k = 0; k < measurements.size(); k++) {
            GradientNoiseScale m = Checks.notNull("measurements[" + k + "]", measurements.get(k));
            if (m.smallBatch != first.smallBatch || m.largeBatch != first.largeBatch) {
                throw new IllegalArgumentException("measurements[" + k + "] has b = "
                        + m.smallBatch + ", B = " + m.largeBatch + ", expected b = "
                        + first.smallBatch + ", B = " + first.largeBatch);
            }
            small += m.smallBatchSquaredNorm;
            large += m.largeBatchSquaredNorm;
        }
        int n = measurements.size();
        return new GradientNoiseScale(first.smallBatch, small / n, first.largeBatch, large / n);
    }

    /**
     * Returns the unbiased estimate of \(|G|^2\), {@code (B |G_B|^2 - b |G_b|^2) / (B - b)}. It
     * can be negative when the gradient is small compared with its noise.
     *
     * @return the estimate of the squared norm of the full-batch mean gradient
     */
    public double squaredGradientNorm() {
        return ((double) largeBatch * largeBatchSquaredNorm
                - (double) smallBatch * smallBatchSquaredNorm) / ((double) largeBatch - smallBatch);
    }

    /**
     * Returns the unbiased estimate of \(\mathrm{tr}\,\Sigma\),
     * {@code (|G_b|^2 - |G_B|^2) / (1/b - 1/B)}, written as
     * {@code b B (|G_b|^2 - |G_B|^2) / (B - b)}. It can be negative for a single noisy pair.
     *
     * @return the estimate of the trace of the per-example gradient covariance
     */
    public double covarianceTrace() {
        return (double) smallBatch * largeBatch * (smallBatchSquaredNorm - largeBatchSquaredNorm)
                / ((double) largeBatch - smallBatch);
    }

    /**
     * Returns the unbiased estimate of \(|G|^2\) when both batches were drawn without replacement
     * from the N examples of a training set, so that
     * \(E |G_b|^2 = |G|^2 + \frac{N - b}{b (N - 1)} \mathrm{tr}\,\Sigma\):
     * \[ |G|^2 \approx \frac{B (N - b) |G_B|^2 - b (N - B) |G_b|^2}{N (B - b)}. \]
     * It exceeds {@link #squaredGradientNorm()} by {@link #covarianceTrace()}{@code / N} and
     * tends to it as N grows; for B = N it is \(|G_B|^2\), the exact full-batch value. It can
     * be negative when the gradient is small compared with its noise.
     *
     * <pre>{@code
     * GradientNoiseScale noise = GradientNoiseScale.of(8, 2.5, 64, 1.25);
     * double g2 = noise.squaredGradientNorm(100);   // (64 * 92 * 1.25 - 8 * 36 * 2.5) / 5600
     * }</pre>
     *
     * @param exampleCount N, the number of examples the batches were drawn from, at least B
     * @return the estimate of the squared norm of the full-batch mean gradient
     * @throws IllegalArgumentException if {@code exampleCount} is less than B
     */
    public double squaredGradientNorm(int exampleCount) {
        Checks.atLeast("exampleCount", exampleCount, largeBatch);
        // the same as the formula above, written so that B = N gives |G_B|^2 to the last bit
        return largeBatchSquaredNorm - (double) smallBatch * (exampleCount - largeBatch)
                * (smallBatchSquaredNorm - largeBatchSquaredNorm)
                / ((double) exampleCount * (largeBatch - smallBatch));
    }

    /**
     * Returns the unbiased estimate of \(\mathrm{tr}\,\Sigma\), the total variance of the
     * gradient of one example drawn uniformly from the N, when both batches were drawn without
     * replacement from them:
     * \[ \mathrm{tr}\,\Sigma \approx \frac{(N - 1)\, b B \,(|G_b|^2 - |G_B|^2)}{N (B - b)}, \]
     * {@link #covarianceTrace()} times \((N - 1)/N\). It can be negative for a single noisy pair.
     *
     * <pre>{@code
     * double trace = GradientNoiseScale.of(8, 2.5, 64, 1.25).covarianceTrace(100);   // 11.314...
     * }</pre>
     *
     * @param exampleCount N, the number of examples the batches were drawn from, at least B
     * @return the estimate of the trace of the per-example gradient covariance
     * @throws IllegalArgumentException if {@code exampleCount} is less than B
     */
    public double covarianceTrace(int exampleCount) {
        Checks.atLeast("exampleCount", exampleCount, largeBatch);
        return (exampleCount - 1.0) * smallBatch * largeBatch
                * (smallBatchSquaredNorm - largeBatchSquaredNorm)
                / ((double) exampleCount * (largeBatch - smallBatch));
    }

    /**
     * Returns \(B_{simple} = \mathrm{tr}(\Sigma) / |G|^2\), the ratio of the two estimates. Not
     * unbiased; negative or infinite when the estimate of \(|G|^2\) is not positive.
     *
     * @return the simple noise scale, a batch size
     */
    public double simpleNoiseScale() {
        return covarianceTrace() / squaredGradientNorm();
    }
}
