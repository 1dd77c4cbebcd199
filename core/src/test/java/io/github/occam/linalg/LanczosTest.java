package io.github.occam.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.SymmetricOperator;
import io.github.occam.TestSupport;
import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LanczosTest {

    /** The Hessian of C of a 20-30-5 ReLU network on 80 examples at a random point: P = 785. */
    private static SymmetricOperator network;
    private static double[] networkSpectrum;

    @BeforeAll
    static void network() {
        network = Curvatures.networkAtRandomPoint(80, 20, 30, 5, 0.1, 11L);
        networkSpectrum = Curvatures.eigenvalues(network);
    }

    /** 300 eigenvalues: -10^u and 10^u, u log-spaced, with a gap around 0. */
    private static double[] knownSpectrum() {
        double[] values = new double[300];
        for (int i = 0; i < values.length; i++) {
            double u = -3 + 6.0 * (i / 2) / (values.length / 2 - 1);
            values[i] = (i % 2 == 0 ? 1 : -0.3) * Math.pow(10, u);
        }
        return values;
    }

    @Test
    void extremalEigenvaluesOfAKnownSpectrum() {
        double[] eigenvalues = knownSpectrum();
        SymmetricOperator a = Curvatures.withEigenvalues(eigenvalues, 1L);
        Arrays.sort(eigenvalues);
        Lanczos lanczos = Lanczos.of(a, 300);
        RitzPairs pairs = lanczos.extremal(5, 5, 1e-10, 7L, false);
        assertThat(pairs.converged()).isTrue();
        assertThat(pairs.complete()).isFalse();
        assertThat(pairs.steps()).isLessThan(300);
        assertThat(pairs.products()).isEqualTo(pairs.steps()).isEqualTo(lanczos.products());
        double[] values = pairs.values();
        int p = eigenvalues.length;
        for (int i = 0; i < 5; i++) {
            assertThat(values[i]).isCloseTo(eigenvalues[i], within(1e-8 * Math.abs(eigenvalues[i])));
            assertThat(values[5 + i])
                    .isCloseTo(eigenvalues[p - 5 + i], within(1e-8 * eigenvalues[p - 5 + i]));
        }
        assertThat(pairs.vectors()).isNull();
        assertThat(pairs.residuals()).containsOnly(Double.NaN);
    }

    @Test
    void residualBoundsHoldBeforeAndAfterConvergence() {
        double[] eigenvalues = knownSpectrum();
        SymmetricOperator a = Curvatures.withEigenvalues(eigenvalues, 2L);
        double norm = 1000.0;
        for (int steps : new int[] {25, 60, 300}) {
            RitzPairs pairs = Lanczos.of(a, steps).extremal(4, 4, 1e-10, 3L, true);
            double[] values = pairs.values();
            double[] bounds = pairs.residualBounds();
            double[] residuals = pairs.residuals();
            double[][] vectors = pairs.vectors();
            for (int i = 0; i < values.length; i++) {
                assertThat(Curvatures.distanceToSpectrum(values[i], eigenvalues))
                        .isLessThanOrEqualTo(bounds[i] + 1e-13 * norm);
                // the measured residual is the bound, up to rounding
                assertThat(residuals[i]).isCloseTo(bounds[i], within(1e-11 * norm));
                assertThat(TestSupport.maxAbsDifference(new double[] {norm2(vectors[i])},
                        new double[] {1.0})).isLessThan(1e-12);
            }
            double largestBound = Arrays.stream(bounds).max().orElseThrow();
            assertThat(pairs.converged())
                    .isEqualTo(largestBound <= 1e-10 * pairs.normEstimate());
            if (steps == 25) {
                assertThat(pairs.converged()).isFalse();
            }
            assertThat(pairs.products()).isEqualTo(pairs.steps() + values.length);
        }
    }

    @Test
    void networkHessianExtremesMatchTheDenseDecomposition() {
        int p = network.dimension();
        assertThat(p).isEqualTo(785);
        assertThat(networkSpectrum[0]).isNegative();
        RitzPairs pairs = Lanczos.of(network, 400).extremal(6, 6, 1e-10, 5L, true);
        assertThat(pairs.converged()).isTrue();
        double norm = Math.max(-networkSpectrum[0], networkSpectrum[p - 1]);
        assertThat(pairs.normEstimate()).isCloseTo(norm, within(1e-10 * norm));
        double[] values = pairs.values();
        double[] bounds = pairs.residualBounds();
        double[] residuals = pairs.residuals();
        for (int i = 0; i < 6; i++) {
            assertThat(values[i]).isCloseTo(networkSpectrum[i],
                    within(1e-8 * Math.abs(networkSpectrum[i])));
            assertThat(values[6 + i]).isCloseTo(networkSpectrum[p - 6 + i],
                    within(1e-8 * networkSpectrum[p - 6 + i]));
        }
        for (int i = 0; i < values.length; i++) {
            assertThat(Curvatures.distanceToSpectrum(values[i], networkSpectrum))
                    .isLessThanOrEqualTo(bounds[i] + 1e-12 * norm);
            assertThat(residuals[i]).isLessThan(1e-9 * norm);
        }
    }

    @Test
    void repeatedEigenvaluesAreFoundAsOftenAsTheyMatter() {
        // 5 twice, 3, 2 and 1 ten times each: a Krylov space holds one copy of each
        double[] eigenvalues = new double[32];
        Arrays.fill(eigenvalues, 0, 10, 1.0);
        Arrays.fill(eigenvalues, 10, 20, 2.0);
        Arrays.fill(eigenvalues, 20, 30, 3.0);
        eigenvalues[30] = 5.0;
        eigenvalues[31] = 5.0;
        SymmetricOperator a = Curvatures.withEigenvalues(eigenvalues, 4L);
        RitzPairs top = Lanczos.of(a, 32).extremal(4, 0, 1e-10, 9L, false);
        assertThat(top.values()).usingComparatorWithPrecision(1e-12).containsExactly(3, 3, 5, 5);
        assertThat(top.converged()).isTrue();
        assertThat(top.complete()).isFalse();
        RitzPairs bottom = Lanczos.of(a, 32).extremal(0, 12, 1e-10, 9L, false);
        double[] expected = new double[12];
        Arrays.fill(expected, 1.0);
        expected[10] = 2.0;
        expected[11] = 2.0;
        assertThat(bottom.values()).usingComparatorWithPrecision(1e-12).containsExactly(expected);
        assertThat(bottom.converged()).isTrue();
    }

    @Test
    void theSmallestIsWaitedForOnlyBelowTheLevel() {
        // 600 eigenvalues: a cluster at 1 with a tiny gap (the edge of a minimum's spectrum at
        // lambda), a bulk up to 10 and three outliers; then the same with one eigenvalue at -2
        double[] d = new double[600];
        for (int i = 0; i < d.length; i++) {
            d[i] = i < 400 ? 1.0 + 1e-6 * i : 1.0 + 9.0 * (i - 400) / 200;
        }
        d[597] = 30;
        d[598] = 50;
        d[599] = 80;
        SymmetricOperator minimum = Curvatures.withEigenvalues(d, 12L);
        RitzPairs waiting = Lanczos.of(minimum, 300).extremal(3, 1, 1e-10, 2L, false);
        RitzPairs above = Lanczos.of(minimum, 300).extremalBelow(3, 1, 1.0, 1e-10, 2L, false);
        assertThat(above.converged()).isTrue();
        assertThat(above.steps()).isLessThan(waiting.steps() / 2);
        assertThat(above.values()[3]).isCloseTo(80.0, within(1e-8 * 80));
        assertThat(above.values()[0]).isGreaterThanOrEqualTo(1.0 - 1e-12);   // an upper bound
        d[0] = -2.0;
        RitzPairs saddle = Lanczos.of(Curvatures.withEigenvalues(d, 12L), 300)
                .extremalBelow(3, 1, 1.0, 1e-10, 2L, false);
        assertThat(saddle.converged()).isTrue();
        assertThat(saddle.values()[0]).isCloseTo(-2.0, within(1e-8 * 80));
        assertThatThrownBy(() -> Lanczos.of(minimum, 3).extremalBelow(1, 1, Double.NaN, 1e-10,
                1L, false)).hasMessage("level must not be NaN");
    }

    @Test
    void theIdentityBreaksDownAtEveryStepAndIsStillResolved() {
        int p = 9;
        double[][] identity = new double[p][p];
        for (int i = 0; i < p; i++) {
            identity[i][i] = 1.0;
        }
        SymmetricOperator a = SymmetricOperator.ofDense(identity);
        RitzPairs pairs = Lanczos.of(a, 50).extremal(2, 2, 1e-10, 1L, false);
        assertThat(pairs.values()).usingComparatorWithPrecision(1e-15).containsExactly(1, 1, 1, 1);
        assertThat(pairs.converged()).isTrue();
        LanczosTridiagonal t = Lanczos.of(a, 50).tridiagonalize(TestSupport.gaussian(
                new Random(1), 1, p)[0], 5);
        assertThat(t.steps()).isEqualTo(1);
        assertThat(t.remainder()).isZero();
    }

    @Test
    void aDimensionBelowTheStepsRunsToCompletion() {
        Random random = new Random(8);
        double[][] m = TestSupport.symmetricGaussian(random, 7);
        RitzPairs pairs = Lanczos.of(SymmetricOperator.ofDense(m), 50).extremal(1, 1, 1e-10, 2L,
                false);
        assertThat(pairs.complete()).isTrue();
        assertThat(pairs.converged()).isTrue();
        assertThat(pairs.steps()).isEqualTo(7);
        assertThat(TestSupport.maxAbsDifference(pairs.ritzValues(), SymmetricEigenvalues.of(m)))
                .isLessThan(1e-13);
        assertThat(Lanczos.of(SymmetricOperator.ofDense(m), 50).capacity()).isEqualTo(7);
    }

    @Test
    void vectorsLongerThanAChunkAreOrthogonalizedChunkByChunk() {
        // P = 50,000: four chunks of the Gram-Schmidt pass, spread over the cores; a diagonal
        // operator, a bulk in [1, 2) under five outliers 10, 20, .., 50, the three largest deflated
        int p = 50_000;
        double[] d = new double[p];
        for (int i = 0; i < p; i++) {
            d[i] = i < p - 5 ? 1.0 + (double) i / p : 10.0 * (i - p + 6);
        }
        SymmetricOperator diagonal = Curvatures.diagonal(d);
        double[][] top = new double[3][p];
        for (int k = 0; k < 3; k++) {
            top[k][p - 1 - k] = 1.0;
        }
        RitzPairs pairs = Lanczos.of(diagonal, 300, top).extremal(2, 0, 1e-10, 8L, false);
        assertThat(pairs.converged()).isTrue();
        assertThat(pairs.values()).usingComparatorWithPrecision(1e-6)
                .containsExactly(10.0, 20.0);
        RitzPairs again = Lanczos.of(diagonal, 300, top).extremal(2, 0, 1e-10, 8L, false);
        assertThat(again.values()).isEqualTo(pairs.values());
    }

    @Test
    void deflatedRunsSeeOnlyTheRestOfTheSpectrum() {
        int p = 40;
        double[] eigenvalues = new double[p];
        for (int i = 0; i < p; i++) {
            eigenvalues[i] = i + 1;
        }
        double[][] q = TestSupport.orthogonal(new Random(6), p);
        SymmetricOperator a = SymmetricOperator.ofDense(TestSupport.withEigenvalues(q, eigenvalues));
        double[][] top = new double[3][p];
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < p; i++) {
                top[k][i] = q[i][p - 1 - k];
            }
        }
        RitzPairs rest = Lanczos.of(a, 100, top).extremal(1, 1, 1e-10, 4L, false);
        assertThat(rest.values()).usingComparatorWithPrecision(1e-9).containsExactly(1, 37);
        assertThat(rest.converged()).isTrue();
        RitzPairs all = Lanczos.of(a, 100, top).extremal(20, 20, 1e-10, 4L, false);
        assertThat(all.complete()).isTrue();
        assertThat(all.steps()).isEqualTo(37);
        assertThat(TestSupport.maxAbsDifference(all.ritzValues(),
                Arrays.copyOf(eigenvalues, 37))).isLessThan(1e-12);
    }

    @Test
    void gaussQuadratureIsExactForPolynomialsUpToDegreeTwoMMinusOne() {
        double[] eigenvalues = knownSpectrum();
        SymmetricOperator a = Curvatures.withEigenvalues(eigenvalues, 5L);
        double[] z = new double[a.dimension()];
        Random random = new Random(2);
        for (int i = 0; i < z.length; i++) {
            z[i] = random.nextBoolean() ? 1 : -1;
        }
        int m = 6;
        LanczosTridiagonal t = Lanczos.of(a, m).tridiagonalize(z, m);
        assertThat(t.startNorm()).isCloseTo(Math.sqrt(z.length), within(1e-12));
        double norm2 = t.startNorm() * t.startNorm();
        double[] power = z.clone();
        double[] next = new double[z.length];
        QuadratureRule gauss = t.gauss();
        QuadratureRule radau = t.gaussRadau(-400.0);
        for (int degree = 0; degree <= 2 * m; degree++) {
            double exact = 0.0;           // z' A^degree z as (A^(d/2) z)'(A^(d - d/2) z)
            for (int i = 0; i < z.length; i++) {
                exact += z[i] * power[i];
            }
            int d = degree;
            DoubleUnaryOperator monomial = x -> Math.pow(x / 1000, d);
            double scale = Math.pow(1000, d);
            if (degree <= 2 * m - 1) {
                assertThat(norm2 * gauss.integrate(monomial) * scale)
                        .isCloseTo(exact, within(1e-9 * Math.abs(exact) + 1e-9));
            }
            assertThat(norm2 * radau.integrate(monomial) * scale)
                    .isCloseTo(exact, within(1e-9 * Math.abs(exact) + 1e-9));
            a.apply(power, next);
            System.arraycopy(next, 0, power, 0, z.length);
        }
        assertThat(radau.size()).isEqualTo(m + 1);
        assertThat(radau.nodes()).contains(-400.0);
        assertThat(Arrays.stream(gauss.weights()).sum()).isCloseTo(1.0, within(1e-14));
    }

    @Test
    void gaussAndGaussRadauBracketTheLogarithm() {
        // positive definite: z' ln(A) z lies between Gauss-Radau (node below) and Gauss
        double[] eigenvalues = new double[200];
        for (int i = 0; i < eigenvalues.length; i++) {
            eigenvalues[i] = Math.pow(10, -1 + 3.0 * i / 199);
        }
        double[][] q = TestSupport.orthogonal(new Random(9), eigenvalues.length);
        SymmetricOperator a = SymmetricOperator.ofDense(TestSupport.withEigenvalues(q, eigenvalues));
        double[] z = new double[eigenvalues.length];
        Random random = new Random(10);
        for (int i = 0; i < z.length; i++) {
            z[i] = random.nextBoolean() ? 1 : -1;
        }
        double exact = 0.0;
        for (int k = 0; k < eigenvalues.length; k++) {
            double c = 0.0;
            for (int i = 0; i < z.length; i++) {
                c += q[i][k] * z[i];
            }
            exact += c * c * Math.log(eigenvalues[k]);
        }
        double previousWidth = Double.POSITIVE_INFINITY;
        for (int m : new int[] {3, 6, 12, 24, 60}) {
            LanczosTridiagonal t = Lanczos.of(a, m).tridiagonalize(z, m);
            double norm2 = t.startNorm() * t.startNorm();
            double upper = norm2 * t.gauss().integrate(Math::log);
            double lower = norm2 * t.gaussRadau(0.1).integrate(Math::log);
            assertThat(lower).isLessThan(exact);
            assertThat(upper).isGreaterThan(exact);
            assertThat(upper - lower).isLessThan(previousWidth);
            previousWidth = upper - lower;
        }
        assertThat(previousWidth).isLessThan(1e-3 * Math.abs(exact));
    }

    @Test
    void aPrescribedNodeAtAnEigenvalueOfTheTridiagonalGivesTheGaussRule() {
        LanczosTridiagonal t = new LanczosTridiagonal(new double[] {0.0, 0.0},
                new double[] {1.0, 0.5}, 1.0);
        QuadratureRule gauss = t.gauss();             // nodes -1 and 1
        QuadratureRule radau = t.gaussRadau(1.0);
        assertThat(radau.nodes()).usingComparatorWithPrecision(1e-15).containsExactly(-1.0, 1.0);
        assertThat(radau.nodes()[1]).isEqualTo(1.0);
        assertThat(radau.weights()).usingComparatorWithPrecision(1e-15)
                .containsExactly(gauss.weights());
        QuadratureRule snapped = new QuadratureRule(new double[] {-1, 0.3, 2},
                new double[] {0.2, 0.3, 0.5}).withNodeAt(0.25);
        assertThat(snapped.nodes()).containsExactly(-1, 0.25, 2);
    }

    @Test
    void theSameSeedGivesTheSameNumbers() {
        SymmetricOperator a = Curvatures.withEigenvalues(knownSpectrum(), 3L);
        RitzPairs first = Lanczos.of(a, 80).extremal(3, 1, 1e-10, 17L, true);
        RitzPairs second = Lanczos.of(a, 80).extremal(3, 1, 1e-10, 17L, true);
        assertThat(second).isEqualTo(first);
        assertThat(second.hashCode()).isEqualTo(first.hashCode());
        assertThat(Lanczos.of(a, 80).extremal(3, 1, 1e-10, 18L, true)).isNotEqualTo(first);
        assertThat(first.toString()).contains("steps=", "converged=");
    }

    @Test
    void rejectsBadInput() {
        SymmetricOperator a = SymmetricOperator.ofDense(new double[][] {{1, 0}, {0, 2}});
        assertThatThrownBy(() -> Lanczos.of(null, 3)).hasMessage("operator must not be null");
        assertThatThrownBy(() -> Lanczos.of(a, 0)).hasMessage("maxSteps must be >= 1, got 0");
        assertThatThrownBy(() -> Lanczos.of(a, 3, new double[][] {{1.0}}))
                .hasMessage("orthonormal[0] has length 1, expected 2");
        Lanczos lanczos = Lanczos.of(a, 2);
        assertThatThrownBy(() -> lanczos.extremal(-1, 0, 1e-10, 1L, false))
                .hasMessage("largest must be >= 0, got -1");
        assertThatThrownBy(() -> lanczos.extremal(1, 1, 0.0, 1L, false))
                .hasMessage("tolerance must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> lanczos.tridiagonalize(new double[3], 1))
                .hasMessage("start has length 3, expected 2");
        assertThatThrownBy(() -> lanczos.tridiagonalize(new double[2], 3))
                .hasMessage("steps must be in [1, 2], got 3");
        assertThat(lanczos.tridiagonalize(new double[2], 2).steps()).isZero();
        assertThatThrownBy(() -> new LanczosTridiagonal(new double[] {1}, new double[0], 1.0))
                .hasMessage("betas has length 0, expected 1");
    }

    private static double norm2(double[] v) {
        double s = 0.0;
        for (double x : v) {
            s += x * x;
        }
        return s;
    }
}
