package io.github.occam.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TridiagonalEigensystemTest {

    @Test
    void secondDifferenceMatrixHasItsClosedFormEigensystem() {
        // tridiag(1, 2, 1): eigenvalues 2 + 2 cos(k pi / (n + 1)), vectors sin(j k pi / (n + 1))
        int n = 12;
        double[] alpha = new double[n];
        double[] beta = new double[n - 1];
        java.util.Arrays.fill(alpha, 2.0);
        java.util.Arrays.fill(beta, 1.0);
        TridiagonalEigensystem t = TridiagonalEigensystem.of(alpha, beta);
        for (int i = 0; i < n; i++) {
            int k = n - i;          // ascending values: k = n down to 1
            double angle = k * Math.PI / (n + 1);
            assertThat(t.value(i)).isCloseTo(2 + 2 * Math.cos(angle), within(1e-14));
            double[] v = t.vector(i);
            double norm = Math.sqrt((n + 1) / 2.0);
            double sign = Math.signum(v[0]) * Math.signum(Math.sin(angle));
            for (int j = 0; j < n; j++) {
                assertThat(v[j]).isCloseTo(sign * Math.sin((j + 1) * angle) / norm,
                        within(1e-14));
            }
        }
    }

    @Test
    void randomTridiagonalIsDiagonalizedAccurately() {
        Random random = new Random(3);
        int n = 60;
        double[] alpha = new double[n];
        double[] beta = new double[n - 1];
        double[][] dense = new double[n][n];
        for (int i = 0; i < n; i++) {
            alpha[i] = random.nextGaussian();
            dense[i][i] = alpha[i];
            if (i > 0) {
                beta[i - 1] = random.nextGaussian();
                dense[i][i - 1] = beta[i - 1];
                dense[i - 1][i] = beta[i - 1];
            }
        }
        TridiagonalEigensystem t = TridiagonalEigensystem.of(alpha, beta);
        double[] reference = SymmetricEigenvalues.of(dense);
        for (int i = 0; i < n; i++) {
            assertThat(t.value(i)).isCloseTo(reference[i], within(1e-13));
            double[] v = t.vector(i);
            for (int r = 0; r < n; r++) {
                double tv = alpha[r] * v[r] + (r > 0 ? beta[r - 1] * v[r - 1] : 0.0)
                        + (r < n - 1 ? beta[r] * v[r + 1] : 0.0);
                assertThat(tv).isCloseTo(t.value(i) * v[r], within(1e-13));
            }
            for (int j = 0; j <= i; j++) {
                double dot = 0.0;
                double[] u = t.vector(j);
                for (int r = 0; r < n; r++) {
                    dot += u[r] * v[r];
                }
                assertThat(dot).isCloseTo(i == j ? 1.0 : 0.0, within(1e-13));
            }
        }
        // rows asked for alone equal the same rows of the full decomposition
        TridiagonalEigensystem ends = TridiagonalEigensystem.of(alpha, beta, 0, n - 1);
        for (int i = 0; i < n; i++) {
            assertThat(ends.value(i)).isEqualTo(t.value(i));
            assertThat(ends.component(0, i)).isCloseTo(t.component(0, i), within(1e-14));
            assertThat(ends.component(n - 1, i)).isCloseTo(t.component(n - 1, i), within(1e-14));
        }
    }

    @Test
    void splitMatrixAndTinySizes() {
        TridiagonalEigensystem split = TridiagonalEigensystem.of(new double[] {3, 1, 2},
                new double[] {0, 0});
        assertThat(split.values()).containsExactly(1, 2, 3);
        assertThat(split.vector(0)).containsExactly(0, 1, 0);
        assertThat(TridiagonalEigensystem.of(new double[0], new double[0]).size()).isZero();
        TridiagonalEigensystem one = TridiagonalEigensystem.of(new double[] {-4}, new double[0], 0);
        assertThat(one.values()).containsExactly(-4);
        assertThat(one.component(0, 0)).isEqualTo(1.0);
        TridiagonalEigensystem repeated = TridiagonalEigensystem.of(new double[] {2, 2, 2, 2},
                new double[] {1e-300, 0, 1e-300});
        assertThat(repeated.values()).containsExactly(2, 2, 2, 2);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> TridiagonalEigensystem.of(null, new double[0]))
                .hasMessage("diagonal must not be null");
        assertThatThrownBy(() -> TridiagonalEigensystem.of(new double[] {1, 2}, new double[0]))
                .hasMessage("offDiagonal has length 0, expected at least 1");
        assertThatThrownBy(() -> TridiagonalEigensystem.of(new double[] {1, Double.NaN},
                new double[] {1})).hasMessage("diagonal[1] must be finite, got NaN");
        assertThatThrownBy(() -> TridiagonalEigensystem.of(new double[] {1, 2}, new double[] {1},
                2)).hasMessage("rows[0] must be in [0, 1], got 2");
        assertThatThrownBy(() -> TridiagonalEigensystem.of(new double[] {1, 2}, new double[] {1},
                1, 1)).hasMessage("rows[1] repeats row 1");
        TridiagonalEigensystem first = TridiagonalEigensystem.of(new double[] {1, 2},
                new double[] {1}, 0);
        assertThatThrownBy(() -> first.component(1, 0))
                .hasMessage("row 1 was not computed; rows [0] were");
        assertThatThrownBy(() -> first.vector(0))
                .hasMessage("only rows [0] were computed, not the whole eigenvector");
    }

    @Test
    void hypotIsTheEuclideanNormAtEveryScale() {
        for (double scale : new double[] {0x1p-1060, 1e-300, 0x1p-500, 1.0, 0x1p500, 1e300}) {
            double a = 3.0 * scale;
            double b = 4.0 * scale;
            assertThat(TridiagonalEigensystem.hypot(a, b))
                    .isCloseTo(Math.hypot(a, b), within(2 * Math.ulp(Math.hypot(a, b))));
        }
        assertThat(TridiagonalEigensystem.hypot(0.0, 0.0)).isZero();
        assertThat(TridiagonalEigensystem.hypot(-5.0, 12.0)).isEqualTo(13.0);
    }
}
