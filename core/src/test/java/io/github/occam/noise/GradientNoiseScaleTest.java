package io.github.occam.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The two-batch estimators of |G|^2 and tr(Sigma) of McCandlish et al. */
class GradientNoiseScaleTest {

    @Test
    void matchesHandWorkedValues() {
        // (64 * 1.25 - 8 * 2.5) / 56 = 60 / 56; (2.5 - 1.25) / (1/8 - 1/64) = 1.25 * 512 / 56.
        GradientNoiseScale noise = GradientNoiseScale.of(8, 2.5, 64, 1.25);
        assertThat(noise.squaredGradientNorm()).isCloseTo(60.0 / 56, within(1e-15));
        assertThat(noise.covarianceTrace()).isCloseTo(640.0 / 56, within(1e-13));
        assertThat(noise.simpleNoiseScale()).isCloseTo(640.0 / 60, within(1e-13));
    }

    @Test
    void recoversExactExpectations() {
        // with E|G_b|^2 = |G|^2 + tr(Sigma) / b plugged in, both estimates are exact.
        double g2 = 0.37;
        double trace = 5.9;
        for (int b : new int[] {1, 2, 7, 100}) {
            for (int bigB : new int[] {b + 1, 3 * b, 1000}) {
                GradientNoiseScale n = GradientNoiseScale.of(b, g2 + trace / b, bigB,
                        g2 + trace / bigB);
                assertThat(n.squaredGradientNorm()).isCloseTo(g2, within(1e-12));
                assertThat(n.covarianceTrace()).isCloseTo(trace, within(1e-9));
                assertThat(n.simpleNoiseScale()).isCloseTo(trace / g2, within(1e-8));
            }
        }
    }

    /**
     * Per-example gradients drawn from N(G, Sigma), Sigma = L L', in P = 4 dimensions: the means
     * of the two estimates over many independent (b, B) pairs agree with |G|^2 and tr(Sigma)
     * within 4.5 standard errors of those means.
     */
    @Test
    void estimatesAreUnbiasedOnAGaussianGradientModel() {
        double[] g = {0.3, -0.2, 0.1, 0.05};
        double[][] l = {{1.0, 0, 0, 0}, {0.5, 0.8, 0, 0}, {-0.3, 0.2, 0.6, 0}, {0.1, 0.4, -0.2, 1.2}};
        double trueG2 = 0.09 + 0.04 + 0.01 + 0.0025;
        double trueTrace = 0;
        for (double[] row : l) {
            for (double x : row) {
                trueTrace += x * x;                  // tr(L L') = sum of squares of L
            }
        }
        int b = 4;
        int bigB = 32;
        int draws = 20_000;
        SplittableRandom random = new SplittableRandom(20_180_101L);
        List<GradientNoiseScale> pairs = new ArrayList<>();
        double[] g2s = new double[draws];
        double[] traces = new double[draws];
        for (int k = 0; k < draws; k++) {
            GradientNoiseScale pair = GradientNoiseScale.of(b,
                    squaredNormOfBatchMean(g, l, b, random), bigB,
                    squaredNormOfBatchMean(g, l, bigB, random));
            pairs.add(pair);
            g2s[k] = pair.squaredGradientNorm();
            traces[k] = pair.covarianceTrace();
        }
        assertThat(mean(g2s)).isCloseTo(trueG2, within(4.5 * standardError(g2s)));
        assertThat(mean(traces)).isCloseTo(trueTrace, within(4.5 * standardError(traces)));
        // the standard errors are small enough for the check to mean something
        assertThat(standardError(g2s)).isLessThan(0.1 * trueG2);
        assertThat(standardError(traces)).isLessThan(0.02 * trueTrace);

        // averaging the squared norms first gives the mean of the (linear) estimates
        GradientNoiseScale averaged = GradientNoiseScale.mean(pairs);
        assertThat(averaged.squaredGradientNorm()).isCloseTo(mean(g2s), within(1e-9));
        assertThat(averaged.covarianceTrace()).isCloseTo(mean(traces), within(1e-9));
        assertThat(averaged.simpleNoiseScale()).isCloseTo(trueTrace / trueG2,
                within(0.2 * trueTrace / trueG2));
    }

    private static double squaredNormOfBatchMean(double[] g, double[][] l, int batch,
            SplittableRandom random) {
        int p = g.length;
        double[] sum = new double[p];
        double[] z = new double[p];
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < p; j++) {
                z[j] = gaussian(random);
            }
            for (int r = 0; r < p; r++) {
                double x = g[r];
                for (int c = 0; c <= r; c++) {
                    x += l[r][c] * z[c];
                }
                sum[r] += x;
            }
        }
        double s = 0;
        for (double x : sum) {
            s += (x / batch) * (x / batch);
        }
        return s;
    }

    /** Box-Muller, so that the numbers depend on nothing but the seed. */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double standardError(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1) / x.length);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> GradientNoiseScale.of(0, 1, 2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("smallBatch must be >= 1, got 0");
        assertThatThrownBy(() -> GradientNoiseScale.of(8, 1, 8, 1))
                .hasMessage("largeBatch must be > smallBatch = 8, got 8");
        assertThatThrownBy(() -> GradientNoiseScale.of(8, -1, 16, 1))
                .hasMessage("smallBatchSquaredNorm must be finite and >= 0, got -1.0");
        assertThatThrownBy(() -> GradientNoiseScale.of(8, 1, 16, Double.NaN))
                .hasMessage("largeBatchSquaredNorm must be finite and >= 0, got NaN");
        assertThatThrownBy(() -> GradientNoiseScale.mean(List.of()))
                .hasMessage("measurements must not be null or empty");
        assertThatThrownBy(() -> GradientNoiseScale.mean(
                java.util.Arrays.asList(GradientNoiseScale.of(1, 1, 2, 1), null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("measurements[1] must not be null");
        assertThatThrownBy(() -> GradientNoiseScale.mean(List.of(GradientNoiseScale.of(1, 1, 2, 1),
                GradientNoiseScale.of(1, 1, 3, 1))))
                .hasMessage("measurements[1] has b = 1, B = 3, expected b = 1, B = 2");
    }
}
