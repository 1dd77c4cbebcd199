package io.github.occam.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.Estimate;
import io.github.occam.SymmetricOperator;
import io.github.occam.linalg.Curvatures;
import org.junit.jupiter.api.Test;

class LanczosSpectrumTest extends HessianSpectrumContractTest {

    @Override
    HessianSpectrum compute(double[][] a, double lambda) {
        // more wanted eigenvalues than the contract's P: the run spans the space and is exact
        return LanczosSpectrum.of(25).compute(SymmetricOperator.ofDense(a), lambda);
    }

    @Override
    double relativeTolerance() {
        return 1e-12;
    }

    @Test
    void smallOperatorsAreDecomposedExactlyOrBoundedByTheirExtremes() {
        double[] eigenvalues = {-2, 0.5, 1, 1, 1, 3, 8};
        SymmetricOperator a = Curvatures.withEigenvalues(eigenvalues, 3L);
        HessianSpectrum all = LanczosSpectrum.of(4).compute(a, 1.0);
        assertThat(all.eigenvalues()).usingComparatorWithPrecision(1e-13)
                .containsExactly(eigenvalues);
        assertThat(all.sumLogRatio().error()).isZero();
        assertThat(all.converged()).isTrue();
        assertThat(all.products()).isEqualTo(7);
        // one at each end: after a restart for the repeated 1, the extremes converge early
        HessianSpectrum extremes = LanczosSpectrum.of(1).compute(a, 1.0);
        assertThat(extremes.eigenvalues()).usingComparatorWithPrecision(1e-13)
                .containsExactly(-2, 8);
        assertThat(extremes.converged()).isTrue();
        assertThat(extremes.trace().error()).isPositive();
        assertThat(Math.abs(extremes.trace().value() - 13.5))
                .isLessThanOrEqualTo(extremes.trace().error());
    }

    @Test
    void extremesAreExactAndTheSumsAreGuaranteedIntervals() {
        double[] eigenvalues = new double[400];
        for (int i = 0; i < eigenvalues.length; i++) {
            eigenvalues[i] = (i % 2 == 0 ? 1 : -0.3) * Math.pow(10, -3 + 5.0 * (i / 2) / 199);
        }
        SymmetricOperator a = Curvatures.withEigenvalues(eigenvalues, 5L);
        double lambda = 0.05;
        HessianSpectrum spectrum = LanczosSpectrum.of(4).compute(a, lambda);
        HessianSpectrum exact = HessianSpectrum.ofEigenvalues(eigenvalues, lambda);
        assertExtremes(spectrum, exact, 4);
        assertThat(spectrum.products()).isLessThan(LanczosSpectrum.of(4).maxSteps());
        // the errors are half-widths of intervals that contain the exact sums
        for (Estimate[] pair : new Estimate[][] {
                {spectrum.sumLogRatio(), exact.sumLogRatio()},
                {spectrum.excludedCount(), exact.excludedCount()},
                {spectrum.trace(), exact.trace()}}) {
            assertThat(Math.abs(pair[0].value() - pair[1].value()))
                    .isLessThanOrEqualTo(pair[0].error());
        }
    }

    @Test
    void networkHessianExtremesMatchTheDenseDecomposition() {
        SymmetricOperator a = Curvatures.networkAtRandomPoint(60, 20, 16, 4, 0.1, 21L);
        HessianSpectrum exact = SpectrumMethod.exact().compute(a, 0.1);
        HessianSpectrum spectrum = LanczosSpectrum.of(3).withSeed(4L).compute(a, 0.1);
        assertThat(exact.minEigenvalue()).isNegative();
        assertExtremes(spectrum, exact, 3);
        assertThat(Math.abs(spectrum.sumLogRatio().value() - exact.sumLogRatio().value()))
                .isLessThanOrEqualTo(spectrum.sumLogRatio().error());
    }

    /** Asserts convergence and the k smallest and k largest eigenvalues to 1e-8 relative. */
    private static void assertExtremes(HessianSpectrum spectrum, HessianSpectrum exact, int k) {
        assertThat(spectrum.converged()).isTrue();
        double[] all = exact.eigenvalues();
        double[] resolved = spectrum.eigenvalues();
        int p = all.length;
        assertThat(resolved).hasSize(2 * k);
        for (int i = 0; i < k; i++) {
            assertThat(resolved[i]).isCloseTo(all[i], within(1e-8 * Math.abs(all[i])));
            assertThat(resolved[k + i])
                    .isCloseTo(all[p - k + i], within(1e-8 * Math.abs(all[p - k + i])));
        }
        assertThat(spectrum.minEigenvalue()).isEqualTo(resolved[0]);
        assertThat(spectrum.maxEigenvalue()).isEqualTo(resolved[2 * k - 1]);
    }

    @Test
    void settingsAndBadInput() {
        LanczosSpectrum method = LanczosSpectrum.of(2).withMaxSteps(50).withTolerance(1e-8)
                .withSeed(9L);
        assertThat(method.k()).isEqualTo(2);
        assertThat(method.maxSteps()).isEqualTo(50);
        assertThat(method.tolerance()).isEqualTo(1e-8);
        assertThat(method.seed()).isEqualTo(9L);
        assertThat(method.toString()).isEqualTo(
                "LanczosSpectrum[k=2, maxSteps=50, tolerance=1.0E-8, seed=9]");
        assertThatThrownBy(() -> LanczosSpectrum.of(0)).hasMessage("k must be >= 1, got 0");
        assertThatThrownBy(() -> method.withMaxSteps(3)).hasMessage("maxSteps must be >= 4, got 3");
        assertThatThrownBy(() -> method.withTolerance(-1))
                .hasMessage("tolerance must be finite and > 0, got -1.0");
        assertThatThrownBy(() -> method.compute(null, 1.0))
                .hasMessage("costHessian must not be null");
        SymmetricOperator one = SymmetricOperator.ofDense(new double[][] {{2.0}});
        assertThatThrownBy(() -> method.compute(one, 0.0))
                .hasMessage("lambda must be finite and > 0, got 0.0");
        assertThat(method.compute(SymmetricOperator.ofDense(new double[0][]), 1.0).dimension())
                .isZero();
    }
}
