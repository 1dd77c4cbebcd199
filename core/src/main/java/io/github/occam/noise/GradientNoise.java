package io.github.occam.noise;

import io.github.occam.Batch;
import io.github.occam.Cost;
import io.github.occam.Estimate;
import io.github.occam.Model;
import io.github.occam.internal.Checks;
import io.github.occam.internal.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The gradient noise of a {@link Model} at a point, measured: the squared norm \(|G|^2\) of the
 * full-batch mean gradient, the trace of the per-example gradient covariance \(\Sigma\) and their
 * ratio, the simple noise scale \(B_{simple} = \mathrm{tr}(\Sigma) / |G|^2\) of McCandlish et al.
 * (2018), each with its standard error.
 *
 * <p>The per-example gradient is that of the per-example cost
 * \(C_i = H_i + \lambda |w|^2 / (2N)\) of Smith &amp; Le (eq. 3-5), whose batch mean SGD descends;
 * with \(\lambda = 0\) it is the model's cross-entropy alone. The prior part
 * \(\lambda w / N\) is the same for every example: it shifts G but leaves \(\Sigma\) alone. Here
 * \[ G = \frac{1}{N} \sum_{i=1}^{N} \nabla C_i, \qquad
 *    \mathrm{tr}\,\Sigma = \frac{1}{N} \sum_{i=1}^{N} |\nabla C_i - G|^2, \]
 * the covariance of the gradient of one example drawn uniformly from the N.
 *
 * <p><b>Method.</b> {@link #measure measure} draws {@code pairs} independent pairs of batches, one
 * of b and one of B examples, each without replacement (a partial Fisher-Yates shuffle driven by
 * {@code java.util.Random(seed)}), and takes the squared norms of their mean gradients. Sampling
 * without replacement from N examples gives
 * \(E |G_b|^2 = |G|^2 + \frac{N - b}{b (N - 1)} \mathrm{tr}\,\Sigma\), and each pair the unbiased
 * estimates of {@link GradientNoiseScale#squaredGradientNorm(int)} and
 * {@link GradientNoiseScale#covarianceTrace(int)}:
 * \[ \widehat{|G|^2} = \frac{B (N - b) |G_B|^2 - b (N - B) |G_b|^2}{N (B - b)}, \qquad
 *    \widehat{\mathrm{tr}\,\Sigma} = \frac{(N - 1)\, b B\, (|G_b|^2 - |G_B|^2)}{N (B - b)}. \]
 * (The two-batch formulas of McCandlish et al. assume sampling with replacement; used here they
 * would underestimate \(|G|^2\) by \(\mathrm{tr}\,\Sigma / (N - 1)\) and overestimate
 * \(\mathrm{tr}\,\Sigma\) by the factor \(N / (N - 1)\).) The reported values are the means
 * over the pairs, which are also (up to rounding) the estimates of the averaged
 * {@link #measurement()}; their standard errors are the sample standard deviations over the pairs
 * divided by \(\sqrt{pairs}\). With B = N the large batch is the full batch, computed once, and
 * the estimate of \(|G|^2\) is exact (error 0).
 *
 * <p><b>The ratio.</b> \(\hat r = \widehat{\mathrm{tr}\,\Sigma} / \widehat{|G|^2}\) (the ratio of
 * the means, far less noisy than the mean of per-pair ratios) gets its standard error from the
 * delta method, with \(\rho\) the correlation of the two estimates over the pairs and
 * \(s_G, s_\Sigma\) their standard errors:
 * \[ s_r^2 = \frac{s_\Sigma^2 - 2 \hat r \rho\, s_G s_\Sigma + \hat r^2 s_G^2}
 *    {\widehat{|G|^2}^2}. \]
 * The ratio is not unbiased: to second order its bias is
 * \((\hat r s_G^2 - \rho\, s_G s_\Sigma) / \widehat{|G|^2}^2\), of order 1/pairs and usually
 * positive (a noisy denominator inflates a ratio); it is at most \(s_r\) times the relative
 * error \(s_G / \widehat{|G|^2}\) of the denominator. Both the bias and the delta method's error bar are
 * good only when \(|G|^2\) is resolved, many standard errors above zero: {@link #trustworthy()}
 * asks for {@value #RESOLVED_STANDARD_ERRORS}. When the estimate of \(|G|^2\) is zero or negative
 * (a point near a minimum, where the gradient drowns in its noise), \(B_{simple}\) is not defined
 * and {@link #simpleNoiseScale()} is empty: measure with more pairs or larger batches.
 *
 * <pre>{@code
 * Model model = LogisticRegression.of(features, labels, true);
 * GradientNoise noise = GradientNoise.measure(model, 0.1, w, 8, 64, 100, 42L);
 * Estimate g2 = noise.squaredGradientNorm();     // |G|^2 +- one standard error
 * Estimate trace = noise.covarianceTrace();      // tr(Sigma) +- one standard error
 * if (noise.trustworthy()) {
 *     Estimate bSimple = noise.simpleNoiseScale().orElseThrow();
 * }
 * }</pre>
 *
 * @param measurement the squared norms of the two batch-mean gradients, averaged over the pairs
 *     ({@link GradientNoiseScale#mean(List)}); it holds b and B
 * @param exampleCount N, the number of examples the batches were drawn from, at least B
 * @param pairs the number of independent pairs of batches, at least 2
 * @param squaredGradientNorm the estimate of \(|G|^2\) with its standard error
 * @param covarianceTrace the estimate of \(\mathrm{tr}\,\Sigma\) with its standard error
 * @param correlation the correlation over the pairs of the per-pair estimates of \(|G|^2\) and
 *     \(\mathrm{tr}\,\Sigma\), in [-1, 1]; 0 when either does not vary (B = N)
 */
public record GradientNoise(GradientNoiseScale measurement, int exampleCount, int pairs,
        Estimate squaredGradientNorm, Estimate covarianceTrace, double correlation) {

    /**
     * How many standard errors above zero the estimate of \(|G|^2\) must be for
     * {@link #trustworthy()}: then the relative error of the denominator of \(B_{simple}\) is at
     * most 1/3 and the bias of the ratio at most about a third of its standard error.
     */
    public static final double RESOLVED_STANDARD_ERRORS = 3.0;

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException if a component is null, {@code exampleCount} is less than
     *     B, {@code pairs} is less than 2 or {@code correlation} is not in [-1, 1]
     */
    public GradientNoise {
        Checks.notNull("measurement", measurement);
        Checks.atLeast("exampleCount", exampleCount, measurement.largeBatch());
        Checks.atLeast("pairs", pairs, 2);
        Checks.notNull("squaredGradientNorm", squaredGradientNorm);
        Checks.notNull("covarianceTrace", covarianceTrace);
        if (!(correlation >= -1.0 && correlation <= 1.0)) {
            throw new IllegalArgumentException("correlation must be in [-1, 1], got "
                    + correlation);
        }
    }

    /**
     * Measures the gradient noise of {@code model} at {@code w} from {@code pairs} independent
     * pairs of batches of b and B examples, each batch drawn without replacement. The per-example
     * gradient is that of \(C_i = H_i + \lambda |w|^2 / (2N)\) ({@link Cost#value(double[],
     * Batch, double[])} divided by the batch size); \(\lambda = 0\) measures the cross-entropy
     * alone. Costs {@code pairs} (b + B) per-example gradients, or {@code pairs} b + N when B = N.
     * The same seed gives the same result.
     *
     * <pre>{@code
     * GradientNoise noise = GradientNoise.measure(model, 0.0, w, 4, 32, 200, 7L);
     * noise.simpleNoiseScale()
     *         .ifPresent(b -> System.out.println(b.value() + " +- " + b.error()));
     * }</pre>
     *
     * @param model the model, with N examples and P parameters
     * @param lambda the prior precision, finite and &gt;= 0 (0: the cross-entropy alone)
     * @param w the point, length P, finite (not modified)
     * @param smallBatch b, at least 1
     * @param largeBatch B, in [b + 1, N]; B = N uses the full batch
     * @param pairs the number of independent pairs, at least 2 (the standard errors come from
     *     their spread; a few tens or more for error bars that mean something)
     * @param seed the seed of the {@link Random} that draws the batches
     * @return the measurement
     * @throws IllegalArgumentException naming the first bad argument and its value, or if the
     *     model's gradient is not finite at {@code w}
     */
    public static GradientNoise measure(Model model, double lambda, double[] w, int smallBatch,
            int largeBatch, int pairs, long seed) {
        Checks.notNull("model", model);
        Checks.nonNegative("lambda", lambda);
        int n = model.exampleCount();
        Checks.finiteVector("w", w, model.parameterCount());
        Checks.atLeast("smallBatch", smallBatch, 1);
        if (largeBatch <= smallBatch) {
            throw new IllegalArgumentException("largeBatch must be > smallBatch = " + smallBatch
                    + ", got " + largeBatch);
        }
        if (largeBatch > n) {
            throw new IllegalArgumentException("largeBatch must be <= N = " + n
                    + ", the model's example count, got " + largeBatch);
        }
        Checks.atLeast("pairs", pairs, 2);

        BatchGradients gradients = new BatchGradients(model, lambda, w);
        Random random = new Random(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double fullBatch = largeBatch == n ? gradients.squaredNormOfMean(Batch.all(n)) : 0.0;
        List<GradientNoiseScale> measurements = new ArrayList<>(pairs);
        double[] g2 = new double[pairs];
        double[] trace = new double[pairs];
        for (int k = 0; k < pairs; k++) {
            double small = gradients.squaredNormOfMean(draw(random, order, smallBatch));
            double large = largeBatch == n ? fullBatch
                    : gradients.squaredNormOfMean(draw(random, order, largeBatch));
            GradientNoiseScale pair = GradientNoiseScale.of(smallBatch, small, largeBatch, large);
            measurements.add(pair);
            g2[k] = pair.squaredGradientNorm(n);
            trace[k] = pair.covarianceTrace(n);
        }
        Moments moments = new Moments(g2, trace);
        return new GradientNoise(GradientNoiseScale.mean(measurements), n, pairs,
                Estimate.of(moments.meanX, moments.standardErrorX()),
                Estimate.of(moments.meanY, moments.standardErrorY()), moments.correlation());
    }

    /** Returns b, the size of the small batches. */
    public int smallBatch() {
        return measurement.smallBatch();
    }

    /** Returns B, the size of the large batches. */
    public int largeBatch() {
        return measurement.largeBatch();
    }

    /**
     * Returns whether \(B_{simple}\) and its error bar can be trusted: the estimate of \(|G|^2\)
     * is at least {@value #RESOLVED_STANDARD_ERRORS} standard errors above zero (or positive and
     * exact, B = N).
     *
     * @return whether \(|G|^2\) is resolved
     */
    public boolean trustworthy() {
        return squaredGradientNorm.value() > 0.0 && simpleNoiseScale().isPresent()
                && squaredGradientNorm.value()
                        >= RESOLVED_STANDARD_ERRORS * squaredGradientNorm.error();
    }

    /**
     * Returns \(B_{simple} = \mathrm{tr}(\Sigma) / |G|^2\), the ratio of the two estimates, with
     * its delta-method standard error (see the class comment, which also gives its bias); empty
     * when the estimate of \(|G|^2\) is not positive, where the ratio means nothing, or so small
     * that the ratio overflows. The value is negative when the estimate of
     * \(\mathrm{tr}\,\Sigma\) is, as it can be when the noise is too small to measure. Check
     * {@link #trustworthy()} before relying on the error bar.
     *
     * @return the simple noise scale, a batch size, or empty when it is not defined
     */
    public Optional<Estimate> simpleNoiseScale() {
        double g = squaredGradientNorm.value();
        if (!(g > 0.0)) {
            return Optional.empty();
        }
        double ratio = covarianceTrace.value() / g;
        double sg = squaredGradientNorm.error();
        double st = covarianceTrace.error();
        double variance = (st * st - 2.0 * ratio * correlation * sg * st + ratio * ratio * sg * sg)
                / (g * g);
        double error = Math.sqrt(Math.max(0.0, variance));
        if (!Double.isFinite(ratio) || !Double.isFinite(error)) {
            return Optional.empty();
        }
        return Optional.of(Estimate.of(ratio, error));
    }

    /** Draws a batch of {@code size} distinct examples by a partial Fisher-Yates shuffle. */
    private static Batch draw(Random random, int[] order, int size) {
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(order.length - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return Batch.of(order, 0, size);
    }

    /** The batch-mean gradient of the per-example costs at one point, into one buffer. */
    private static final class BatchGradients {
        private final Cost cost;
        private final double[] w;
        private final double[] gradient;

        BatchGradients(Model model, double lambda, double[] w) {
            this.cost = Cost.of(model, lambda);
            this.w = w;
            this.gradient = new double[model.parameterCount()];
        }

        /** Returns the squared norm of the mean over {@code batch} of the gradients of C_i. */
        double squaredNormOfMean(Batch batch) {
            cost.value(w, batch, gradient);
            double size = batch.size();
            double squared = Vectors.dot(gradient, gradient) / (size * size);
            if (!Double.isFinite(squared)) {
                throw new IllegalArgumentException("the mean gradient over a batch of "
                        + batch.size() + " examples is not finite at w: squared norm " + squared);
            }
            return squared;
        }
    }

    /**
     * Means, standard errors of the means and correlation of paired samples, by two passes over
     * the deviations from the first pair: samples that do not vary give exactly 0.
     */
    private static final class Moments {
        final double meanX;
        final double meanY;
        final double varianceX;
        final double varianceY;
        final double covariance;
        final int count;

        Moments(double[] x, double[] y) {
            count = x.length;
            double dx = 0.0;
            double dy = 0.0;
            for (int k = 0; k < count; k++) {
                dx += x[k] - x[0];
                dy += y[k] - y[0];
            }
            dx /= count;
            dy /= count;
            double sxx = 0.0;
            double syy = 0.0;
            double sxy = 0.0;
            for (int k = 0; k < count; k++) {
                double ex = x[k] - x[0] - dx;
                double ey = y[k] - y[0] - dy;
                sxx += ex * ex;
                syy += ey * ey;
                sxy += ex * ey;
            }
            meanX = x[0] + dx;
            meanY = y[0] + dy;
            varianceX = sxx / (count - 1);
            varianceY = syy / (count - 1);
            covariance = sxy / (count - 1);
        }

        double standardErrorX() {
            return Math.sqrt(varianceX / count);
        }

        double standardErrorY() {
            return Math.sqrt(varianceY / count);
        }

        double correlation() {
            if (varianceX == 0.0 || varianceY == 0.0) {
                return 0.0;
            }
            double r = covariance / Math.sqrt(varianceX * varianceY);
            return Math.max(-1.0, Math.min(1.0, r));
        }
    }
}
