package io.github.occam.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.SymmetricOperator;
import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Lanczos with partial re-orthogonalization against full re-orthogonalization and against the
 * exact spectrum: the same tridiagonal up to rounding, no ghost eigenvalues, deflated directions
 * kept out, honest residual bounds, at a fraction of the Gram-Schmidt work.
 */
class PartialReorthogonalizationTest {

    /** A bulk of P - 5 eigenvalues in [1, 2] under the outliers 3, 5, 10, 20 and 40. */
    private static double[] outliers(int p) {
        double[] d = new double[p];
        double[] top = {3, 5, 10, 20, 40};
        for (int i = 0; i < p; i++) {
            d[i] = i < p - 5 ? 1.0 + (double) i / (p - 5) : top[i - (p - 5)];
        }
        return d;
    }

    private static SymmetricOperator diagonal(double[] d) {
        return Curvatures.diagonal(d);
    }

    private static double[] rademacher(int p, long seed) {
        Random random = new Random(seed);
        double[] z = new double[p];
        for (int i = 0; i < p; i++) {
            z[i] = random.nextBoolean() ? 1.0 : -1.0;
        }
        return z;
    }

    /** z' ln(A) z for the diagonal A, the exact value of the quadrature. */
    private static double exactLog(double[] d, double[] z) {
        double sum = 0.0;
        for (int i = 0; i < d.length; i++) {
            sum += z[i] * z[i] * Math.log(d[i]);
        }
        return sum;
    }

    @Test
    void theTridiagonalIsFullReorthogonalizationsUpToRoundingAtAFractionOfTheWork() {
        double[] d = outliers(2000);
        SymmetricOperator a = diagonal(d);
        double[] z = rademacher(d.length, 3L);
        Lanczos full = Lanczos.of(a, 200);
        Lanczos partial = Lanczos.partial(a, 200);
        LanczosTridiagonal tf = full.tridiagonalize(z, 200);
        LanczosTridiagonal tp = partial.tridiagonalize(z, 200);
        assertThat(tp.steps()).isEqualTo(200);
        DoubleUnaryOperator log = Math::log;
        double norm2 = tp.startNorm() * tp.startNorm();
        double exact = exactLog(d, z);
        assertThat(norm2 * tp.gaussRadau(0.5).integrate(log))
                .isCloseTo(norm2 * tf.gaussRadau(0.5).integrate(log), within(1e-10 * exact))
                .isCloseTo(exact, within(1e-8 * exact));
        double[] fullValues = TridiagonalEigensystem.of(tf.alphas(), tf.betas(), new int[0])
                .values();
        double[] partialValues = TridiagonalEigensystem.of(tp.alphas(), tp.betas(), new int[0])
                .values();
        for (int i = 1; i <= 5; i++) {
            assertThat(partialValues[200 - i]).isCloseTo(d[d.length - i],
                    within(1e-12 * d[d.length - i]));
            assertThat(partialValues[200 - i]).isCloseTo(fullValues[200 - i],
                    within(1e-12 * d[d.length - i]));
        }
        // the outliers converge early, so orthogonality is lost and has to be restored, but
        // rarely: a fraction of the passes over the basis that full re-orthogonalization makes
        assertThat(partial.innerProducts()).isPositive()
                .isLessThan(full.innerProducts() / 4);
    }

    @Test
    void noGhostCopiesOfConvergedEigenvalues() {
        // without re-orthogonalization the outliers, converged after a few dozen steps, come
        // back as spurious copies in T (Paige): 200 steps of plain Lanczos show several
        double[] d = outliers(2000);
        LanczosTridiagonal t = Lanczos.partial(diagonal(d), 200)
                .tridiagonalize(rademacher(d.length, 4L), 200);
        double[] values = TridiagonalEigensystem.of(t.alphas(), t.betas(), new int[0]).values();
        for (double outlier : new double[] {3, 5, 10, 20, 40}) {
            long copies = Arrays.stream(values).filter(v -> Math.abs(v - outlier) < 1e-6 * outlier)
                    .count();
            assertThat(copies).as("Ritz values at %s", outlier).isEqualTo(1);
        }
    }

    @Test
    void deflatedDirectionsStayOutOverLongVectors() {
        // P = 70,000: the passes run chunk by chunk on every core; the three largest
        // eigenvectors deflated, with their values and (zero) residuals
        int p = 70_000;
        double[] d = outliers(p);
        double[][] top = new double[3][p];
        double[] values = new double[3];
        for (int k = 0; k < 3; k++) {
            top[k][p - 1 - k] = 1.0;
            values[k] = d[p - 1 - k];
        }
        double[] z = rademacher(p, 5L);
        Lanczos partial = Lanczos.partial(diagonal(d), 150, top, values, new double[3]);
        LanczosTridiagonal t = partial.tridiagonalize(z, 150);
        double[] ritz = TridiagonalEigensystem.of(t.alphas(), t.betas(), new int[0]).values();
        assertThat(ritz[ritz.length - 1]).isCloseTo(5.0, within(1e-9 * 5));
        assertThat(ritz[ritz.length - 2]).isCloseTo(3.0, within(1e-9 * 3));
        assertThat(ritz[ritz.length - 3]).isLessThanOrEqualTo(2.0 + 1e-9);
        assertThat(t.startNorm()).isCloseTo(Math.sqrt(p - 3), within(1e-9));
        LanczosTridiagonal again = Lanczos.partial(diagonal(d), 150, top, values, new double[3])
                .tridiagonalize(z, 150);
        assertThat(again.alphas()).isEqualTo(t.alphas());
        assertThat(again.betas()).isEqualTo(t.betas());
        // the same quadrature as with the deflated vectors projected out at every step
        LanczosTridiagonal full = Lanczos.of(diagonal(d), 150, top).tridiagonalize(z, 150);
        double norm2 = t.startNorm() * t.startNorm();
        assertThat(norm2 * t.gaussRadau(0.5).integrate(Math::log))
                .isCloseTo(norm2 * full.gaussRadau(0.5).integrate(Math::log),
                        within(1e-10 * norm2));
    }

    @Test
    void extremalPairsHaveHonestBounds() {
        // the Gram-Schmidt coefficients that partial re-orthogonalization leaves out of T enter
        // the residual of a Ritz vector; the bound includes them
        double[] d = outliers(3000);
        RitzPairs pairs = Lanczos.partial(diagonal(d), 300).extremal(5, 1, 1e-8, 6L, true);
        assertThat(pairs.converged()).isTrue();
        double[] values = pairs.values();
        double[] bounds = pairs.residualBounds();
        double[] residuals = pairs.residuals();
        for (int i = 0; i < values.length; i++) {
            assertThat(residuals[i]).isLessThanOrEqualTo(bounds[i] + 1e-13 * 40);
            assertThat(Curvatures.distanceToSpectrum(values[i], d))
                    .isLessThanOrEqualTo(bounds[i] + 1e-13 * 40);
        }
        for (int i = 1; i <= 5; i++) {
            assertThat(values[values.length - i]).isCloseTo(d[d.length - i],
                    within(1e-10 * d[d.length - i]));
        }
    }

    @Test
    void rejectsBadInput() {
        SymmetricOperator a = SymmetricOperator.ofDense(new double[][] {{1, 0}, {0, 2}});
        double[][] v = {{1, 0}};
        assertThatThrownBy(() -> Lanczos.partial(a, 0)).hasMessage("maxSteps must be >= 1, got 0");
        assertThatThrownBy(() -> Lanczos.partial(a, 2, v, new double[2], new double[1]))
                .hasMessage("values has length 2, expected 1");
        assertThatThrownBy(() -> Lanczos.partial(a, 2, v, new double[1], new double[] {-1}))
                .hasMessage("residuals[0] must be finite and >= 0, got -1.0");
        assertThatThrownBy(() -> Lanczos.partial(a, 2, v, new double[] {Double.NaN},
                new double[1])).hasMessageContaining("values");
    }
}
