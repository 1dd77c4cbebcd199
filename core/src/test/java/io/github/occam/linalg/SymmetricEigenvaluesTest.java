package io.github.occam.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.TestSupport;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

/**
 * The blocked reduction against matrices of known spectrum and against commons-math3, at sizes on
 * either side of its panel (32 steps) and of the size from which its work is cut into chunks
 * (384), and the same eigenvalues whatever the number of threads.
 */
class SymmetricEigenvaluesTest {

    private static final int[] SIZES = {1, 2, 3, 4, 5, 31, 32, 33, 34, 64, 65, 97, 130};

    @Test
    void emptyMatrixHasNoEigenvalues() {
        assertThat(SymmetricEigenvalues.of(new double[0][0])).isEmpty();
    }

    @Test
    void knownSpectraAreRecoveredAtEverySizeAroundThePanel() {
        Random random = new Random(31);
        for (int p : SIZES) {
            double[] eigenvalues = new double[p];
            for (int i = 0; i < p; i++) {
                eigenvalues[i] = 200.0 * random.nextDouble() - 50.0;
            }
            double[][] a = TestSupport.withEigenvalues(TestSupport.orthogonal(random, p),
                    eigenvalues);
            assertSpectrum("P = " + p, SymmetricEigenvalues.of(a), eigenvalues, 1e-12);
        }
    }

    @Test
    void agreesWithCommonsMathOnGaussianMatricesLargeEnoughToBeChunked() {
        Random random = new Random(32);
        for (int p : new int[] {383, 384, 450}) {
            double[][] a = TestSupport.symmetricGaussian(random, p);
            double[] expected = new EigenDecomposition(new Array2DRowRealMatrix(a))
                    .getRealEigenvalues();
            assertSpectrum("P = " + p, SymmetricEigenvalues.of(a), expected, 1e-12);
        }
    }

    @Test
    void diagonalIdentityZeroAndRepeatedEigenvalues() {
        double[][] diagonal = {{3, 0, 0}, {0, -1, 0}, {0, 0, 2}};
        assertThat(SymmetricEigenvalues.of(diagonal)).containsExactly(-1, 2, 3);
        double[][] identity = new double[40][40];
        for (int i = 0; i < 40; i++) {
            identity[i][i] = 1.0;
        }
        assertThat(SymmetricEigenvalues.of(identity)).containsOnly(1.0);
        assertThat(SymmetricEigenvalues.of(new double[50][50])).containsOnly(0.0);
        double[] repeated = new double[70];
        Arrays.fill(repeated, 0, 35, 2.0);
        Arrays.fill(repeated, 35, 70, -3.0);
        Random random = new Random(33);
        double[][] a = TestSupport.withEigenvalues(TestSupport.orthogonal(random, 70), repeated);
        assertSpectrum("repeated", SymmetricEigenvalues.of(a), repeated, 1e-13);
    }

    @Test
    void singularMatrixOfLowRank() {
        Random random = new Random(34);
        double[][] x = TestSupport.gaussian(random, 5, 60);
        double[][] gram = new double[60][60];
        for (double[] row : x) {
            for (int i = 0; i < 60; i++) {
                for (int j = 0; j < 60; j++) {
                    gram[i][j] += row[i] * row[j];
                }
            }
        }
        double[] values = SymmetricEigenvalues.of(gram);
        double largest = values[59];
        for (int i = 0; i < 55; i++) {
            assertThat(values[i]).isCloseTo(0.0, within(1e-13 * largest));
        }
        assertThat(values[55]).isGreaterThan(1e-3 * largest);
    }

    @Test
    void tinyAndHugeScalesKeepTheirRelativeAccuracy() {
        Random random = new Random(35);
        int p = 40;
        double[] unit = new double[p];
        for (int i = 0; i < p; i++) {
            unit[i] = 1.0 + 9.0 * random.nextDouble();
        }
        double[][] q = TestSupport.orthogonal(random, p);
        double[][] a = TestSupport.withEigenvalues(q, unit);
        for (double scale : new double[] {1e-200, 1e-150, 1e150, 1e200}) {
            double[][] scaled = new double[p][p];
            double[] expected = new double[p];
            for (int i = 0; i < p; i++) {
                expected[i] = unit[i] * scale;
                for (int j = 0; j < p; j++) {
                    scaled[i][j] = a[i][j] * scale;
                }
            }
            assertSpectrum("scale " + scale, SymmetricEigenvalues.of(scaled), expected, 1e-12);
        }
    }

    @Test
    void readsOnlyTheLowerTriangleAndLeavesTheMatrixAlone() {
        Random random = new Random(36);
        double[][] a = TestSupport.symmetricGaussian(random, 70);
        double[] expected = SymmetricEigenvalues.of(a);
        double[][] lowerOnly = new double[70][70];
        for (int i = 0; i < 70; i++) {
            for (int j = 0; j <= i; j++) {
                lowerOnly[i][j] = a[i][j];
            }
            for (int j = i + 1; j < 70; j++) {
                lowerOnly[i][j] = Double.POSITIVE_INFINITY;
            }
        }
        double[][] copy = Arrays.stream(lowerOnly).map(double[]::clone).toArray(double[][]::new);
        assertThat(SymmetricEigenvalues.of(lowerOnly)).containsExactly(expected);
        assertThat(lowerOnly).isDeepEqualTo(copy);
    }

    @Test
    void theSameBitsOnOneThreeAndTheCommonPoolsThreads() throws Exception {
        double[][] a = TestSupport.symmetricGaussian(new Random(37), 700);
        double[] common = SymmetricEigenvalues.of(a);
        for (int threads : new int[] {1, 3}) {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                double[] values = pool.submit(() -> SymmetricEigenvalues.of(a)).get();
                assertThat(values).as("%d threads", threads).containsExactly(common);
            } finally {
                pool.shutdown();
            }
        }
    }

    private static void assertSpectrum(String what, double[] actual, double[] expected,
            double relative) {
        double[] sorted = expected.clone();
        Arrays.sort(sorted);
        double scale = Math.max(Math.abs(sorted[0]), Math.abs(sorted[sorted.length - 1]));
        assertThat(actual).as(what).hasSize(sorted.length);
        for (int i = 0; i < sorted.length; i++) {
            assertThat(actual[i]).as("%s, eigenvalue %d", what, i)
                    .isCloseTo(sorted[i], within(relative * scale));
        }
    }
}
