package io.github.occam.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.Batch;
import io.github.occam.Estimate;
import io.github.occam.Model;
import io.github.occam.TestSupport;
import io.github.occam.models.LogisticRegression;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The measured gradient noise against the exact |G|^2 and tr(Sigma) of models whose per-example
 * gradients are all computed, one {@link Batch#of(int...)} each.
 */
class GradientNoiseTest {

    private static final double LAMBDA = 0.5;
    private static final double[] W = {0.4, -0.3, 0.2, 0.1, -0.2};

    /** Logistic regression with a bias on N examples of 4 normal features, noisy labels. */
    private static LogisticRegression logistic(int n) {
        Random random = new Random(20_180_101L + n);
        double[][] x = TestSupport.gaussian(random, n, 4);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = x[i][0] - x[i][1] + random.nextGaussian() > 0 ? 1 : 0;
        }
        return LogisticRegression.of(x, y, true);
    }

    /** |G|^2 and tr(Sigma) of the population of the N per-example gradients of C_i. */
    private record Exact(double squaredGradientNorm, double covarianceTrace) {

        static Exact of(Model model, double lambda, double[] w) {
            int n = model.exampleCount();
            int p = model.parameterCount();
            double[][] g = new double[n][p];
            double[] mean = new double[p];
            for (int i = 0; i < n; i++) {
                model.crossEntropy(w, Batch.of(i), g[i]);
                for (int j = 0; j < p; j++) {
                    g[i][j] += lambda * w[j] / n;
                    mean[j] += g[i][j] / n;
                }
            }
            double trace = 0;
            for (double[] gi : g) {
                for (int j = 0; j < p; j++) {
                    trace += (gi[j] - mean[j]) * (gi[j] - mean[j]) / n;
                }
            }
            return new Exact(dot(mean, mean), trace);
        }

        double simpleNoiseScale() {
            return covarianceTrace / squaredGradientNorm;
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    private static boolean covers(Estimate estimate, double exact, double z) {
        return Math.abs(estimate.value() - exact) <= z * estimate.error();
    }

    @Test
    void estimatesLieWithinThreeStandardErrorsOfTheExactValues() {
        LogisticRegression model = logistic(120);
        for (double lambda : new double[] {0.0, LAMBDA}) {
            Exact exact = Exact.of(model, lambda, W);
            GradientNoise noise = GradientNoise.measure(model, lambda, W, 4, 32, 100, 11L);

            assertThat(noise.squaredGradientNorm().value()).isCloseTo(
                    exact.squaredGradientNorm(), within(3 * noise.squaredGradientNorm().error()));
            assertThat(noise.covarianceTrace().value()).isCloseTo(
                    exact.covarianceTrace(), within(3 * noise.covarianceTrace().error()));
            // the error bars are tight enough for the check to mean something
            assertThat(noise.squaredGradientNorm().error())
                    .isBetween(0.0, 0.2 * exact.squaredGradientNorm());
            assertThat(noise.covarianceTrace().error())
                    .isBetween(0.0, 0.1 * exact.covarianceTrace());
            assertThat(noise.squaredGradientNorm().error()).isPositive();

            assertThat(noise.trustworthy()).isTrue();
            Estimate bSimple = noise.simpleNoiseScale().orElseThrow();
            assertThat(bSimple.value()).isCloseTo(exact.simpleNoiseScale(),
                    within(3 * bSimple.error()));
            assertThat(bSimple.value()).isCloseTo(noise.measurement().covarianceTrace(120)
                    / noise.measurement().squaredGradientNorm(120), within(1e-9));

            assertThat(noise.smallBatch()).isEqualTo(4);
            assertThat(noise.largeBatch()).isEqualTo(32);
            assertThat(noise.pairs()).isEqualTo(100);
            assertThat(noise.exampleCount()).isEqualTo(120);
            // the estimates are those of the averaged squared norms
            assertThat(noise.squaredGradientNorm().value()).isCloseTo(
                    noise.measurement().squaredGradientNorm(120), within(1e-12));
            assertThat(noise.covarianceTrace().value()).isCloseTo(
                    noise.measurement().covarianceTrace(120), within(1e-12));
        }
    }

    /**
     * Over 200 seeds the +-1.96 standard-error intervals cover the exact values about 95% of the
     * time: the error bars are neither too narrow nor too wide.
     */
    @Test
    void errorBarsAreHonest() {
        LogisticRegression model = logistic(120);
        Exact exact = Exact.of(model, LAMBDA, W);
        int seeds = 200;
        int g2 = 0;
        int trace = 0;
        int bSimple = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            GradientNoise noise = GradientNoise.measure(model, LAMBDA, W, 4, 32, 100, seed);
            g2 += covers(noise.squaredGradientNorm(), exact.squaredGradientNorm(), 1.96) ? 1 : 0;
            trace += covers(noise.covarianceTrace(), exact.covarianceTrace(), 1.96) ? 1 : 0;
            bSimple += noise.simpleNoiseScale()
                    .filter(e -> covers(e, exact.simpleNoiseScale(), 1.96)).isPresent() ? 1 : 0;
        }
        assertThat((double) g2 / seeds).as("coverage of |G|^2").isBetween(0.88, 0.99);
        assertThat((double) trace / seeds).as("coverage of tr(Sigma)").isBetween(0.88, 0.99);
        assertThat((double) bSimple / seeds).as("coverage of B_simple").isBetween(0.85, 0.99);
    }

    /**
     * On a training set of 12 examples, batches of 2 and 8 drawn without replacement: the
     * corrected estimates agree with the exact values, while the formulas for sampling with
     * replacement are visibly biased (|G|^2 low by tr(Sigma) / (N - 1)).
     */
    @Test
    void correctsForSamplingWithoutReplacement() {
        LogisticRegression model = logistic(12);
        Exact exact = Exact.of(model, 0.0, W);
        GradientNoise noise = GradientNoise.measure(model, 0.0, W, 2, 8, 20_000, 3L);
        Estimate g2 = noise.squaredGradientNorm();
        Estimate trace = noise.covarianceTrace();
        assertThat(g2.value()).isCloseTo(exact.squaredGradientNorm(), within(3 * g2.error()));
        assertThat(trace.value()).isCloseTo(exact.covarianceTrace(), within(3 * trace.error()));
        double uncorrected = noise.measurement().squaredGradientNorm();
        assertThat(exact.squaredGradientNorm() - uncorrected).isGreaterThan(6 * g2.error());
        assertThat(exact.squaredGradientNorm() - uncorrected)
                .isCloseTo(exact.covarianceTrace() / 11, within(3 * g2.error()));
    }

    @Test
    void fullLargeBatchMakesTheSquaredGradientNormExact() {
        LogisticRegression model = logistic(40);
        Exact exact = Exact.of(model, LAMBDA, W);
        GradientNoise noise = GradientNoise.measure(model, LAMBDA, W, 5, 40, 60, 5L);
        assertThat(noise.squaredGradientNorm().isExact()).isTrue();
        assertThat(noise.squaredGradientNorm().value())
                .isCloseTo(exact.squaredGradientNorm(), within(1e-13));
        assertThat(noise.measurement().largeBatchSquaredNorm())
                .isCloseTo(noise.squaredGradientNorm().value(), within(1e-16));
        assertThat(noise.correlation()).isZero();
        assertThat(noise.covarianceTrace().value()).isCloseTo(exact.covarianceTrace(),
                within(3 * noise.covarianceTrace().error()));
        Estimate bSimple = noise.simpleNoiseScale().orElseThrow();
        assertThat(bSimple.error()).isCloseTo(
                noise.covarianceTrace().error() / noise.squaredGradientNorm().value(),
                within(1e-12 * bSimple.error()));
        assertThat(noise.trustworthy()).isTrue();
    }

    @Test
    void sameSeedGivesTheSameResult() {
        LogisticRegression model = logistic(60);
        GradientNoise first = GradientNoise.measure(model, LAMBDA, W, 3, 20, 25, 99L);
        GradientNoise again = GradientNoise.measure(model, LAMBDA, W, 3, 20, 25, 99L);
        GradientNoise other = GradientNoise.measure(model, LAMBDA, W, 3, 20, 25, 100L);
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    /**
     * Where the mean gradient vanishes, its estimate is as often negative as positive: B_simple is
     * then absent, and never trustworthy.
     */
    @Test
    void simpleNoiseScaleIsAbsentWhenTheGradientDrownsInItsNoise() {
        FixedGradients model = FixedGradients.centred(new Random(8), 50, 3);
        double[] w = new double[3];
        int undefined = 0;
        for (long seed = 1; seed <= 20; seed++) {
            GradientNoise noise = GradientNoise.measure(model, 0.0, w, 2, 10, 10, seed);
            assertThat(noise.trustworthy()).isFalse();
            if (noise.squaredGradientNorm().value() <= 0) {
                assertThat(noise.simpleNoiseScale()).isEmpty();
                undefined++;
            } else {
                assertThat(noise.simpleNoiseScale()).isPresent();
            }
        }
        assertThat(undefined).isBetween(3, 17);
    }

    /** The prior shifts G by lambda w / N for every example and leaves tr(Sigma) unchanged. */
    @Test
    void priorShiftsTheGradientButNotItsCovariance() {
        FixedGradients model = FixedGradients.centred(new Random(9), 30, 3);
        double[] w = {3.0, -4.0, 12.0};
        Exact exact = Exact.of(model, 6.0, w);                  // G = 6 w / 30 = 0.2 w
        assertThat(exact.squaredGradientNorm()).isCloseTo(0.04 * 169, within(1e-12));
        assertThat(exact.covarianceTrace()).isCloseTo(model.covarianceTrace(), within(1e-12));
        GradientNoise noise = GradientNoise.measure(model, 6.0, w, 3, 15, 200, 4L);
        assertThat(noise.squaredGradientNorm().value()).isCloseTo(exact.squaredGradientNorm(),
                within(3 * noise.squaredGradientNorm().error()));
        assertThat(noise.covarianceTrace().value()).isCloseTo(model.covarianceTrace(),
                within(3 * noise.covarianceTrace().error()));
    }

    @Test
    void rejectsBadArgumentsNamingTheValue() {
        LogisticRegression model = logistic(20);
        assertThatThrownBy(() -> GradientNoise.measure(null, 0.0, W, 2, 8, 10, 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model must not be null");
        assertThatThrownBy(() -> GradientNoise.measure(model, -1.0, W, 2, 8, 10, 1L))
                .hasMessage("lambda must be finite and >= 0, got -1.0");
        assertThatThrownBy(() -> GradientNoise.measure(model, Double.NaN, W, 2, 8, 10, 1L))
                .hasMessage("lambda must be finite and >= 0, got NaN");
        assertThatThrownBy(() -> GradientNoise.measure(model, 0.0, new double[4], 2, 8, 10, 1L))
                .hasMessage("w has length 4, expected 5");
        assertThatThrownBy(() -> GradientNoise.measure(model, 0.0,
                new double[] {0, 0, Double.POSITIVE_INFINITY, 0, 0}, 2, 8, 10, 1L))
                .hasMessage("w[2] must be finite, got Infinity");
        assertThatThrownBy(() -> GradientNoise.measure(model, 0.0, W, 0, 8, 10, 1L))
                .hasMessage("smallBatch must be >= 1, got 0");
        assertThatThrownBy(() -> GradientNoise.measure(model, 0.0, W, 8, 8, 10, 1L))
                .hasMessage("largeBatch must be > smallBatch = 8, got 8");
        assertThatThrownBy(() -> GradientNoise.measure(model, 0.0, W, 2, 21, 10, 1L))
                .hasMessage("largeBatch must be <= N = 20, the model's example count, got 21");
        assertThatThrownBy(() -> GradientNoise.measure(model, 0.0, W, 2, 8, 1, 1L))
                .hasMessage("pairs must be >= 2, got 1");
    }

    @Test
    void rejectsANonFiniteGradient() {
        FixedGradients model = FixedGradients.centred(new Random(1), 10, 2);
        model.gradients[4][1] = Double.NaN;
        assertThatThrownBy(() -> GradientNoise.measure(model, 0.0, new double[2], 2, 10, 5, 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the mean gradient over a batch of 10 examples is not "
                        + "finite at w");
    }

    @Test
    void recordChecksItsComponents() {
        GradientNoiseScale m = GradientNoiseScale.of(2, 1.0, 8, 0.5);
        Estimate e = Estimate.of(1.0, 0.1);
        assertThatThrownBy(() -> new GradientNoise(m, 7, 10, e, e, 0.0))
                .hasMessage("exampleCount must be >= 8, got 7");
        assertThatThrownBy(() -> new GradientNoise(m, 8, 1, e, e, 0.0))
                .hasMessage("pairs must be >= 2, got 1");
        assertThatThrownBy(() -> new GradientNoise(m, 8, 10, e, e, 1.5))
                .hasMessage("correlation must be in [-1, 1], got 1.5");
        assertThatThrownBy(() -> new GradientNoise(m, 8, 10, null, e, 0.0))
                .hasMessage("squaredGradientNorm must not be null");
    }

    /**
     * H_i(w) = v_i . w: every per-example gradient is the fixed vector v_i, whatever w, so G and
     * Sigma are known exactly.
     */
    private static final class FixedGradients implements Model {
        final double[][] gradients;

        private FixedGradients(double[][] gradients) {
            this.gradients = gradients;
        }

        /** Returns n normal vectors in p dimensions, shifted to mean zero (up to rounding). */
        static FixedGradients centred(Random random, int n, int p) {
            double[][] v = TestSupport.gaussian(random, n, p);
            for (int j = 0; j < p; j++) {
                double mean = 0;
                for (double[] vi : v) {
                    mean += vi[j] / n;
                }
                for (double[] vi : v) {
                    vi[j] -= mean;
                }
            }
            return new FixedGradients(v);
        }

        /** The exact tr(Sigma), the mean of |v_i|^2 (the v_i have mean 0). */
        double covarianceTrace() {
            return Arrays.stream(gradients).mapToDouble(v -> dot(v, v)).average().orElseThrow();
        }

        @Override
        public int parameterCount() {
            return gradients[0].length;
        }

        @Override
        public int exampleCount() {
            return gradients.length;
        }

        @Override
        public int classCount() {
            return 2;
        }

        @Override
        public double crossEntropy(double[] w, Batch batch, double[] gradient) {
            batch.checkWithin(gradients.length);
            double value = 0;
            if (gradient != null) {
                Arrays.fill(gradient, 0.0);
            }
            for (int k = 0; k < batch.size(); k++) {
                double[] v = gradients[batch.index(k)];
                value += dot(v, w);
                if (gradient != null) {
                    for (int j = 0; j < v.length; j++) {
                        gradient[j] += v[j];
                    }
                }
            }
            return value;
        }
    }
}
