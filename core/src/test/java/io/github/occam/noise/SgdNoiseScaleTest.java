package io.github.occam.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The noise scale of Smith &amp; Le, eq. 5, against values worked by hand from its definition. */
class SgdNoiseScaleTest {

    private static final double[] LEARNING_RATES = {1e-3, 0.03, 0.1, 2.0};
    private static final int[] TRAINING_SET_SIZES = {1, 7, 1000, 60_000};
    private static final double[] MOMENTA = {0.0, 0.5, 0.9, 0.99};

    @Test
    void exactAndApproximateValuesMatchHandWorkedNumbers() {
        // eps 0.1, N 1000, B 64, m 0.9: N/B = 15.625, g = 0.1 * 14.625 / 0.1 = 14.625;
        // approximate 0.1 * 1000 / (64 * 0.1) = 15.625.
        SgdNoiseScale a = SgdNoiseScale.of(0.1, 1000, 64, 0.9);
        assertThat(a.value()).isCloseTo(14.625, within(1e-12));
        assertThat(a.approximateValue()).isCloseTo(15.625, within(1e-12));
        // eps 0.05, N 60000, B 128, m 0: N/B = 468.75, g = 0.05 * 467.75 = 23.3875, approx 23.4375.
        SgdNoiseScale b = SgdNoiseScale.of(0.05, 60_000, 128, 0.0);
        assertThat(b.value()).isCloseTo(23.3875, within(1e-12));
        assertThat(b.approximateValue()).isCloseTo(23.4375, within(1e-12));
        // momentum 0.5 doubles both.
        assertThat(SgdNoiseScale.of(0.05, 60_000, 128, 0.5).value()).isCloseTo(46.775, within(1e-12));
        // full-batch gradient descent has no noise; B = 1 has the most.
        assertThat(SgdNoiseScale.of(0.3, 500, 500, 0.9).value()).isZero();
        assertThat(SgdNoiseScale.of(0.3, 500, 1, 0.0).value()).isCloseTo(0.3 * 499, within(1e-12));
    }

    @Test
    void approximationExceedsTheExactValueByEpsOverOneMinusM() {
        for (double eps : LEARNING_RATES) {
            for (int n : TRAINING_SET_SIZES) {
                for (double m : MOMENTA) {
                    for (int b = 1; b <= n; b = 2 * b + 1) {
                        SgdNoiseScale s = SgdNoiseScale.of(eps, n, b, m);
                        double difference = s.approximateValue() - s.value();
                        assertThat(difference).isCloseTo(eps / (1 - m),
                                within(1e-12 * s.approximateValue()));
                    }
                }
            }
        }
    }

    @Test
    void exactAndApproximateConvergeAsNOverBGrows() {
        // relative gap (approx - exact) / approx = B / N: halves as N doubles.
        double previous = Double.POSITIVE_INFINITY;
        for (int n = 64; n <= 1 << 24; n *= 2) {
            SgdNoiseScale s = SgdNoiseScale.of(0.1, n, 32, 0.9);
            double gap = (s.approximateValue() - s.value()) / s.approximateValue();
            assertThat(gap).isCloseTo(32.0 / n, within(1e-12));
            assertThat(gap).isLessThan(previous);
            previous = gap;
        }
        assertThat(previous).isLessThan(1e-5);
    }

    @Test
    void roundTripsNoiseScaleToBatchSizeAndBack() {
        for (double eps : LEARNING_RATES) {
            for (int n : TRAINING_SET_SIZES) {
                for (double m : MOMENTA) {
                    for (int b = 1; b < n; b = 3 * b + 1) {
                        SgdNoiseScale s = SgdNoiseScale.of(eps, n, b, m);
                        assertThat(SgdNoiseScale.batchSizeFor(s.value(), eps, n, m))
                                .isCloseTo(b, within(1e-9 * b));
                        assertThat(SgdNoiseScale.approximateBatchSizeFor(
                                s.approximateValue(), eps, n, m)).isCloseTo(b, within(1e-9 * b));
                        // and g -> B -> g, from a target that is not a whole batch size
                        double g = 0.7 * s.value() + 1e-3 * eps;
                        double bReal = SgdNoiseScale.batchSizeFor(g, eps, n, m);
                        double back = eps * (n / bReal - 1) / (1 - m);
                        assertThat(back).isCloseTo(g, within(1e-9 * g));
                    }
                }
            }
        }
    }

    @Test
    void inverseMatchesTheClosedFormAndItsBounds() {
        // B = eps N / (g (1 - m) + eps) = 0.1 * 1000 / (14.625 * 0.1 + 0.1) = 100 / 1.5625 = 64.
        assertThat(SgdNoiseScale.batchSizeFor(14.625, 0.1, 1000, 0.9)).isCloseTo(64, within(1e-12));
        // approximate: 0.1 * 1000 / (15.625 * 0.1) = 64.
        assertThat(SgdNoiseScale.approximateBatchSizeFor(15.625, 0.1, 1000, 0.9))
                .isCloseTo(64, within(1e-12));
        // the largest reachable g is that of B = 1: eps (N - 1) / (1 - m) = 999.
        assertThat(SgdNoiseScale.batchSizeFor(999, 0.1, 1000, 0.9)).isCloseTo(1, within(1e-12));
        assertThatThrownBy(() -> SgdNoiseScale.batchSizeFor(1000, 0.1, 1000, 0.9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("noiseScale must be <= eps (N - 1) / (1 - m) = ")
                .hasMessageEndingWith("got 1000.0");
        assertThatThrownBy(() -> SgdNoiseScale.approximateBatchSizeFor(1001, 0.1, 1000, 0.9))
                .hasMessageContaining("noiseScale must be <= eps N / (1 - m)");
        // tiny g: exact B approaches N from below; the approximation overshoots it.
        assertThat(SgdNoiseScale.batchSizeFor(1e-9, 0.1, 1000, 0.9)).isLessThan(1000)
                .isGreaterThan(999.99);
        assertThat(SgdNoiseScale.approximateBatchSizeFor(1e-3, 0.1, 1000, 0.9)).isGreaterThan(1000);
    }

    @Test
    void noiseScaleIsMonotoneInEachArgument() {
        assertThat(SgdNoiseScale.of(0.1, 1000, 10, 0.9).value())
                .isGreaterThan(SgdNoiseScale.of(0.1, 1000, 11, 0.9).value());
        assertThat(SgdNoiseScale.of(0.2, 1000, 10, 0.9).value())
                .isGreaterThan(SgdNoiseScale.of(0.1, 1000, 10, 0.9).value());
        assertThat(SgdNoiseScale.of(0.1, 1001, 10, 0.9).value())
                .isGreaterThan(SgdNoiseScale.of(0.1, 1000, 10, 0.9).value());
        assertThat(SgdNoiseScale.of(0.1, 1000, 10, 0.91).value())
                .isGreaterThan(SgdNoiseScale.of(0.1, 1000, 10, 0.9).value());
        double previous = Double.POSITIVE_INFINITY;
        for (int b = 1; b <= 1000; b++) {
            double g = SgdNoiseScale.of(0.1, 1000, b, 0.5).value();
            assertThat(g).isLessThan(previous);
            previous = g;
            double bBack = SgdNoiseScale.batchSizeFor(Math.max(g, 1e-12), 0.1, 1000, 0.5);
            assertThat(bBack).isCloseTo(b, within(1e-6 * b));
        }
    }

    @Test
    void predictsTheOptimumUnderTheThreeScalingRules() {
        SgdNoiseScale optimum = SgdNoiseScale.of(0.1, 1000, 64, 0.9);
        assertThat(optimum.optimalBatchSizeAt(0.1, 1000, 0.9)).isCloseTo(64, within(1e-12));
        assertThat(optimum.optimalBatchSizeAt(0.2, 1000, 0.9)).isCloseTo(128, within(1e-12));
        assertThat(optimum.optimalBatchSizeAt(0.1, 4000, 0.9)).isCloseTo(256, within(1e-12));
        // (1 - 0.9) / (1 - 0.95) = 2; (1 - 0.9) / (1 - 0) = 0.1.
        assertThat(optimum.optimalBatchSizeAt(0.1, 1000, 0.95)).isCloseTo(128, within(1e-9));
        assertThat(optimum.optimalBatchSizeAt(0.1, 1000, 0.0)).isCloseTo(6.4, within(1e-12));
        // all three at once: 64 * 0.5 * 3 * 4 = 384 (m 0.975: (0.1 / 0.025) = 4).
        assertThat(optimum.optimalBatchSizeAt(0.05, 3000, 0.975)).isCloseTo(384, within(1e-9));
        // the prediction keeps the approximate noise scale eps N / (B (1 - m)) at the optimum's.
        double g0 = 0.1 * 1000 / (64 * (1 - 0.9));
        for (double eps : LEARNING_RATES) {
            for (int n : TRAINING_SET_SIZES) {
                for (double m : MOMENTA) {
                    double b = optimum.optimalBatchSizeAt(eps, n, m);
                    assertThat(eps * n / (b * (1 - m))).isCloseTo(g0, within(1e-9 * g0));
                }
            }
        }
    }

    @Test
    void withersReplaceOneComponent() {
        SgdNoiseScale s = SgdNoiseScale.of(0.1, 1000, 64, 0.9);
        assertThat(s.withBatchSize(32)).isEqualTo(SgdNoiseScale.of(0.1, 1000, 32, 0.9));
        assertThat(s.withLearningRate(0.2)).isEqualTo(SgdNoiseScale.of(0.2, 1000, 64, 0.9));
    }

    @Test
    void rejectsBadInputNamingTheValue() {
        assertThatThrownBy(() -> SgdNoiseScale.of(0.0, 10, 1, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("learningRate must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> SgdNoiseScale.of(Double.NaN, 10, 1, 0.0))
                .hasMessage("learningRate must be finite and > 0, got NaN");
        assertThatThrownBy(() -> SgdNoiseScale.of(Double.POSITIVE_INFINITY, 10, 1, 0.0))
                .hasMessage("learningRate must be finite and > 0, got Infinity");
        assertThatThrownBy(() -> SgdNoiseScale.of(0.1, 0, 1, 0.0))
                .hasMessage("trainingSetSize must be >= 1, got 0");
        assertThatThrownBy(() -> SgdNoiseScale.of(0.1, 10, 0, 0.0))
                .hasMessage("batchSize must be in [1, 10], got 0");
        assertThatThrownBy(() -> SgdNoiseScale.of(0.1, 10, 11, 0.0))
                .hasMessage("batchSize must be in [1, 10], got 11");
        assertThatThrownBy(() -> SgdNoiseScale.of(0.1, 10, 1, 1.0))
                .hasMessage("momentum must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> SgdNoiseScale.of(0.1, 10, 1, -0.1))
                .hasMessage("momentum must be in [0, 1), got -0.1");
        assertThatThrownBy(() -> SgdNoiseScale.of(0.1, 10, 1, Double.NaN))
                .hasMessage("momentum must be in [0, 1), got NaN");
        assertThatThrownBy(() -> SgdNoiseScale.batchSizeFor(0.0, 0.1, 10, 0.0))
                .hasMessage("noiseScale must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> SgdNoiseScale.approximateBatchSizeFor(-1.0, 0.1, 10, 0.0))
                .hasMessage("noiseScale must be finite and > 0, got -1.0");
        assertThatThrownBy(() -> SgdNoiseScale.batchSizeFor(1.0, -0.1, 10, 0.0))
                .hasMessage("learningRate must be finite and > 0, got -0.1");
        assertThatThrownBy(() -> SgdNoiseScale.batchSizeFor(1.0, 0.1, -3, 0.0))
                .hasMessage("trainingSetSize must be >= 1, got -3");
        assertThatThrownBy(() -> SgdNoiseScale.batchSizeFor(1.0, 0.1, 10, 2.0))
                .hasMessage("momentum must be in [0, 1), got 2.0");
        SgdNoiseScale s = SgdNoiseScale.of(0.1, 10, 1, 0.0);
        assertThatThrownBy(() -> s.optimalBatchSizeAt(0.0, 10, 0.0))
                .hasMessage("learningRate must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> s.optimalBatchSizeAt(0.1, 0, 0.0))
                .hasMessage("trainingSetSize must be >= 1, got 0");
        assertThatThrownBy(() -> s.optimalBatchSizeAt(0.1, 10, 1.0))
                .hasMessage("momentum must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> s.withBatchSize(11))
                .hasMessage("batchSize must be in [1, 10], got 11");
    }

    @Test
    void aSettingWhoseNoiseScaleOverflowsIsRefusedNotInfinite() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SgdNoiseScale.of(Double.MAX_VALUE, 1000, 10, 0.9))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beyond the range of doubles");
        assertThat(SgdNoiseScale.of(1e300, 10, 5, 0.0).value()).isEqualTo(1e300);
    }
}
