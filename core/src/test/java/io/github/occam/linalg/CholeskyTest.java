package io.github.occam.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CholeskyTest {

    /** B B' / p + shift I, with B standard normal: symmetric, positive definite for shift > 0. */
    private static double[][] spd(int p, double shift, long seed) {
        Random random = new Random(seed);
        double[][] b = new double[p][p];
        for (double[] row : b) {
            for (int j = 0; j < p; j++) {
                row[j] = random.nextGaussian();
            }
        }
        double[][] a = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0.0;
                for (int k = 0; k < p; k++) {
                    s += b[i][k] * b[j][k];
                }
                a[i][j] = s / p + (i == j ? shift : 0.0);
            }
        }
        return a;
    }

    @ParameterizedTest
    // 128 columns per block, tiles of 256; 1203: the trailing updates run in parallel
    @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 9, 33, 127, 128, 129, 130, 257, 1203})
    void factorMatchesCommonsMathAndSolves(int p) {
        double[][] a = spd(p, 0.1, p);
        double tau = 0.25;
        double[][] l = new double[p][];
        assertThat(Cholesky.factor(a, tau, l)).isTrue();

        double[][] shifted = new double[p][];
        for (int i = 0; i < p; i++) {
            shifted[i] = a[i].clone();
            shifted[i][i] += tau;
        }
        RealMatrix reference = new CholeskyDecomposition(new Array2DRowRealMatrix(shifted),
                1e-12, 0.0).getL();
        for (int i = 0; i < p; i++) {
            assertThat(l[i]).hasSize(i + 1);
            for (int j = 0; j <= i; j++) {
                assertThat(l[i][j]).as("L[%d][%d]", i, j)
                        .isCloseTo(reference.getEntry(i, j), within(1e-12));
            }
        }

        Random random = new Random(7);
        double[] b = new double[p];
        for (int i = 0; i < p; i++) {
            b[i] = random.nextGaussian();
        }
        double[] x = new double[p];
        Cholesky.solve(l, b, x);
        for (int i = 0; i < p; i++) {
            double ax = 0.0;
            for (int j = 0; j < p; j++) {
                ax += shifted[i][j] * x[j];
            }
            assertThat(ax).as("row %d of (A + tau I) x", i).isCloseTo(b[i], within(1e-10));
        }
        assertThat(a[0][0]).as("a is not modified").isEqualTo(spd(p, 0.1, p)[0][0]);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 6, 41})
    void rejectsAMatrixThatIsNotPositiveDefinite(int p) {
        double[][] a = spd(p, 0.1, 3 * p);
        a[p - 1][p - 1] -= 1e3;                    // the last pivot turns negative
        assertThat(Cholesky.factor(a, 0.0, new double[p][])).isFalse();
        a[p - 1][p - 1] = Double.NaN;
        assertThat(Cholesky.factor(a, 0.0, new double[p][])).isFalse();
        a[p - 1][p - 1] = 1e3 + 10.0;
        assertThat(Cholesky.factor(a, 0.0, new double[p][])).isTrue();
    }
}
