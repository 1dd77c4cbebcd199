package io.github.occam.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The two-batch estimators for batches drawn without replacement from N examples. */
class GradientNoiseScaleWithoutReplacementTest {

    @Test
    void matchesHandWorkedValues() {
        // N = 100: (64 * 92 * 1.25 - 8 * 36 * 2.5) / (100 * 56); 99 * 8 * 64 * 1.25 / (100 * 56)
        GradientNoiseScale noise = GradientNoiseScale.of(8, 2.5, 64, 1.25);
        assertThat(noise.squaredGradientNorm(100)).isCloseTo(6640.0 / 5600, within(1e-14));
        assertThat(noise.covarianceTrace(100)).isCloseTo(63_360.0 / 5600, within(1e-13));
        assertThat(noise.squaredGradientNorm(100))
                .isCloseTo(noise.squaredGradientNorm() + noise.covarianceTrace() / 100,
                        within(1e-14));
        assertThat(noise.covarianceTrace(100))
                .isCloseTo(noise.covarianceTrace() * 99 / 100, within(1e-13));
    }

    @Test
    void recoversExactExpectationsOfSamplingWithoutReplacement() {
        // E|G_b|^2 = |G|^2 + (N - b) / (b (N - 1)) tr(Sigma) plugged in: both estimates are exact
        double g2 = 0.37;
        double trace = 5.9;
        int n = 1000;
        for (int b : new int[] {1, 2, 7, 100}) {
            for (int bigB : new int[] {b + 1, 3 * b, 999, n}) {
                GradientNoiseScale noise = GradientNoiseScale.of(b, expected(g2, trace, b, n),
                        bigB, expected(g2, trace, bigB, n));
                assertThat(noise.squaredGradientNorm(n)).isCloseTo(g2, within(1e-12));
                assertThat(noise.covarianceTrace(n)).isCloseTo(trace, within(1e-9));
            }
        }
    }

    private static double expected(double g2, double trace, int batch, int n) {
        return g2 + (n - batch) / (batch * (n - 1.0)) * trace;
    }

    @Test
    void fullLargeBatchGivesItsSquaredNormExactly() {
        GradientNoiseScale noise = GradientNoiseScale.of(3, 0.7316, 17, 0.1234567);
        assertThat(noise.squaredGradientNorm(17)).isEqualTo(0.1234567);
    }

    @Test
    void tendsToSamplingWithReplacementForLargeN() {
        GradientNoiseScale noise = GradientNoiseScale.of(8, 2.5, 64, 1.25);
        int n = 1_000_000_000;
        assertThat(noise.squaredGradientNorm(n))
                .isCloseTo(noise.squaredGradientNorm(), within(1e-7));
        assertThat(noise.covarianceTrace(n)).isCloseTo(noise.covarianceTrace(), within(1e-7));
    }

    @Test
    void rejectsATrainingSetSmallerThanTheLargeBatch() {
        GradientNoiseScale noise = GradientNoiseScale.of(8, 2.5, 64, 1.25);
        assertThatThrownBy(() -> noise.squaredGradientNorm(63))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("exampleCount must be >= 64, got 63");
        assertThatThrownBy(() -> noise.covarianceTrace(0))
                .hasMessage("exampleCount must be >= 64, got 0");
    }
}
