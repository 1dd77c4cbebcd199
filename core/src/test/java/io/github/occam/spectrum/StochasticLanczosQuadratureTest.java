package io.github.occam.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.Estimate;
import io.github.occam.SymmetricOperator;
import io.github.occam.linalg.Curvatures;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stochastic Lanczos quadrature passes the contract statistically (every estimate within 4 of
 * its stated errors), with few steps and little deflation so that both the probes' spread and
 * the quadrature error are exercised; and keeps its promises on seeds, targets, deflation and the
 * cluster of eigenvalues at lambda.
 */
class StochasticLanczosQuadratureTest extends HessianSpectrumContractTest {

    private static SymmetricOperator network;
    private static HessianSpectrum networkExact;

    @BeforeAll
    static void network() {
        network = Curvatures.networkAtRandomPoint(60, 20, 12, 4, 0.1, 31L);
        networkExact = SpectrumMethod.exact().compute(network, 0.1);
    }

    @Override
    HessianSpectrum compute(double[][] a, double lambda) {
        return SpectrumMethod.slq().withDeflation(2).withSteps(8).withProbes(30).withSeed(1L)
                .compute(SymmetricOperator.ofDense(a), lambda);
    }

    @Override
    double relativeTolerance() {
        return 1e-8;
    }

    @Test
    void theSameSeedGivesTheSameNumbers() {
        StochasticLanczosQuadrature method = SpectrumMethod.slq().withProbes(8).withSteps(20)
                .withDeflation(5).withSeed(3L);
        HessianSpectrum first = method.compute(network, 0.1);
        assertThat(method.compute(network, 0.1)).isEqualTo(first);
        assertThat(method.withSeed(4L).compute(network, 0.1).sumLogRatio())
                .isNotEqualTo(first.sumLogRatio());
        assertThat(method.density(network, 0.5, 50)).isEqualTo(method.density(network, 0.5, 50));
    }

    @Test
    void smallOperatorsAreExact() {
        double[] eigenvalues = {-1, 0.2, 0.5, 0.5, 2, 3, 7, 7, 7, 40};
        HessianSpectrum spectrum = SpectrumMethod.slq()
                .compute(Curvatures.withEigenvalues(eigenvalues, 2L), 0.5);
        HessianSpectrum exact = HessianSpectrum.ofEigenvalues(eigenvalues, 0.5);
        assertThat(spectrum.sumLogRatio().value())
                .isCloseTo(exact.sumLogRatio().value(), within(1e-12));
        assertThat(spectrum.sumLogRatio().error()).isZero();
        assertThat(spectrum.excludedCount()).isEqualTo(exact.excludedCount());
        assertThat(spectrum.eigenvalues()).usingComparatorWithPrecision(1e-12)
                .containsExactly(exact.eigenvalues());
        assertThat(spectrum.converged()).isTrue();
        // 10 steps span the space; the 10 Ritz vectors meant for deflation check a product each
        assertThat(spectrum.products()).isEqualTo(20);
    }

    @Test
    void theNetworkEstimatesCoverTheDenseValues() {
        StochasticLanczosQuadrature method = SpectrumMethod.slq().withSeed(5L);
        HessianSpectrum spectrum = method.compute(network, 0.1);
        assertThat(networkExact.minEigenvalue()).isNegative();
        assertEstimate(spectrum.sumLogRatio(), networkExact.sumLogRatio().value(), 0.0);
        assertEstimate(spectrum.trace(), networkExact.trace().value(), 0.0);
        assertEstimate(spectrum.excludedCount(), networkExact.excludedCount().value(), 0.0);
        assertThat(spectrum.minEigenvalue())
                .isCloseTo(networkExact.minEigenvalue(), within(1e-9 * spectrum.maxEigenvalue()));
        assertThat(spectrum.maxEigenvalue())
                .isCloseTo(networkExact.maxEigenvalue(), within(1e-9 * spectrum.maxEigenvalue()));
        assertThat(spectrum.converged()).isTrue();
        // the deflated pairs are among the resolved eigenvalues: 20 largest and the smallest
        assertThat(spectrum.eigenvalues()).hasSize(21);
        // at most 3K + 60 + K products to deflate, then 60 per probe
        assertThat(spectrum.products()).isBetween(30 * 60, 30 * 60 + 140);
        assertThat(spectrum.sumLogRatio().error())
                .isLessThan(0.1 * networkExact.sumLogRatio().value());
    }

    @Test
    void atAMinimumTheClusterAtLambdaIsNeitherCountedNorSummed() {
        SymmetricOperator a = Curvatures.softmaxAtMinimum(60, 60, 5, 0.01, 43L);
        HessianSpectrum exact = SpectrumMethod.exact().compute(a, 0.01);
        HessianSpectrum spectrum = SpectrumMethod.slq().withSteps(20).compute(a, 0.01);
        // no eigenvalue below lambda: the Gauss-Radau node at lambda takes the whole cluster
        assertThat(exact.excludedCount().value()).isZero();
        assertThat(spectrum.excludedCount()).isEqualTo(Estimate.exact(0.0));
        assertEstimate(spectrum.sumLogRatio(), exact.sumLogRatio().value(), 0.0);
        assertThat(spectrum.converged()).isTrue();
        assertThat(spectrum.maxEigenvalue())
                .isCloseTo(exact.maxEigenvalue(), within(1e-10 * exact.maxEigenvalue()));
        // the smallest eigenvalue, at the edge of the cluster, is not resolved in the budget:
        // the smallest Ritz value bounds it from above and is not among the resolved values
        assertThat(spectrum.minEigenvalue()).isGreaterThanOrEqualTo(exact.minEigenvalue());
        assertThat(spectrum.eigenvalues()[0]).isGreaterThan(spectrum.minEigenvalue());
    }

    @Test
    void anErrorTargetStopsTheProbesOnceMet() {
        StochasticLanczosQuadrature method = SpectrumMethod.slq().withSteps(40).withProbes(60);
        HessianSpectrum all = method.compute(network, 0.1);
        double reachable = 2 * all.sumLogRatio().error();
        HessianSpectrum early = method.withErrorTarget(reachable).compute(network, 0.1);
        assertThat(early.converged()).isTrue();
        assertThat(early.sumLogRatio().error()).isLessThanOrEqualTo(reachable);
        assertThat(early.products()).isLessThan(all.products());
        HessianSpectrum unreachable = method.withErrorTarget(1e-6).compute(network, 0.1);
        assertThat(unreachable.converged()).isFalse();
        assertThat(unreachable.products()).isEqualTo(all.products());
        assertThat(unreachable.sumLogRatio()).isEqualTo(all.sumLogRatio());
    }

    @Test
    void deflationRemovesTheVarianceOfTheLargestEigenvalues() {
        // 15 large eigenvalues over a bulk at lambda and a few small ones: deflated, only the
        // small ones are left to the probes
        double lambda = 0.1;
        double[] eigenvalues = new double[400];
        Arrays.fill(eigenvalues, lambda);
        for (int i = 0; i < 15; i++) {
            eigenvalues[i] = 50.0 * (i + 1);
        }
        for (int i = 15; i < 40; i++) {
            eigenvalues[i] = lambda * (1 + 0.1 * (i - 14));
        }
        for (int i = 40; i < 45; i++) {
            eigenvalues[i] = -0.02 * (i - 39);
        }
        SymmetricOperator a = Curvatures.withEigenvalues(eigenvalues, 8L);
        HessianSpectrum exact = HessianSpectrum.ofEigenvalues(eigenvalues, lambda);
        StochasticLanczosQuadrature method = SpectrumMethod.slq().withSteps(30).withSeed(2L);
        HessianSpectrum plain = method.withDeflation(0).compute(a, lambda);
        HessianSpectrum deflated = method.withDeflation(15).compute(a, lambda);
        for (HessianSpectrum s : new HessianSpectrum[] {plain, deflated}) {
            assertEstimate(s.sumLogRatio(), exact.sumLogRatio().value(), 0.0);
            assertEstimate(s.trace(), exact.trace().value(), 0.0);
            assertEstimate(s.excludedCount(), exact.excludedCount().value(), 0.0);
        }
        assertThat(deflated.sumLogRatio().error()).isLessThan(0.25 * plain.sumLogRatio().error());
        assertThat(deflated.trace().error()).isLessThan(0.01 * plain.trace().error());
        // the 355 eigenvalues at lambda are not counted as below it (5 are)
        assertThat(deflated.excludedCount().value()).isLessThan(10.0);
        assertThat(plain.excludedCount().value()).isLessThan(10.0);
    }

    @Test
    void theDensityMatchesTheSmoothedSpectrum() {
        double[] eigenvalues = new double[300];
        for (int i = 0; i < eigenvalues.length; i++) {
            eigenvalues[i] = i < 100 ? 1.0 : 2.0 + 3.0 * (i - 100) / 199.0;
        }
        SymmetricOperator a = Curvatures.withEigenvalues(eigenvalues, 6L);
        double sigma = 0.2;
        SpectralDensity density = SpectrumMethod.slq().withDeflation(5).withSeed(9L)
                .density(a, sigma, 120);
        double[] grid = density.grid();
        double[] phi = density.density();
        double[] error = density.error();
        assertThat(grid[0]).isCloseTo(1.0 - 4 * sigma, within(1e-9));
        assertThat(grid[119]).isCloseTo(5.0 + 4 * sigma, within(1e-9));
        double integral = 0.0;
        for (int i = 0; i < grid.length; i++) {
            double exact = 0.0;
            for (double e : eigenvalues) {
                double u = (grid[i] - e) / sigma;
                exact += Math.exp(-0.5 * u * u) / (sigma * Math.sqrt(2 * Math.PI));
            }
            exact /= eigenvalues.length;
            assertThat(phi[i]).isCloseTo(exact, within(4 * error[i] + 1e-3));
            if (i > 0) {
                integral += 0.5 * (phi[i] + phi[i - 1]) * (grid[i] - grid[i - 1]);
            }
        }
        assertThat(integral).isCloseTo(1.0, within(0.02));
        assertThat(density.products()).isPositive();
        SpectralDensity onGrid = SpectrumMethod.slq().withDeflation(5).withSeed(9L)
                .density(a, grid, sigma);
        assertThat(onGrid.density()).usingComparatorWithPrecision(1e-12).containsExactly(phi);
    }

    @Test
    void settingsAndBadInput() {
        StochasticLanczosQuadrature method = SpectrumMethod.slq();
        assertThat(method.probes()).isEqualTo(StochasticLanczosQuadrature.DEFAULT_PROBES);
        assertThat(method.steps()).isEqualTo(StochasticLanczosQuadrature.DEFAULT_STEPS);
        assertThat(method.deflation()).isEqualTo(StochasticLanczosQuadrature.DEFAULT_DEFLATION);
        assertThat(method.seed()).isEqualTo(StochasticLanczosQuadrature.DEFAULT_SEED);
        assertThat(method.errorTarget()).isZero();
        assertThat(method.withErrorTarget(0.5).toString()).isEqualTo(
                "StochasticLanczosQuadrature[probes=30, steps=60, deflation=20, seed=42,"
                        + " errorTarget=0.5]");
        assertThatThrownBy(() -> method.withProbes(1)).hasMessage("probes must be >= 2, got 1");
        assertThatThrownBy(() -> method.withSteps(0)).hasMessage("steps must be >= 1, got 0");
        assertThatThrownBy(() -> method.withDeflation(-1))
                .hasMessage("deflation must be >= 0, got -1");
        assertThatThrownBy(() -> method.withErrorTarget(0.0))
                .hasMessage("errorTarget must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> method.compute(null, 1.0))
                .hasMessage("costHessian must not be null");
        assertThatThrownBy(() -> method.compute(network, Double.NaN))
                .hasMessage("lambda must be finite and > 0, got NaN");
        assertThatThrownBy(() -> method.density(network, 0.0, 10))
                .hasMessage("sigma must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> method.density(network, 1.0, 1))
                .hasMessage("points must be >= 2, got 1");
        assertThatThrownBy(() -> method.density(network, new double[] {Double.NaN}, 1.0))
                .hasMessage("grid[0] must be finite, got NaN");
        SymmetricOperator empty = SymmetricOperator.ofDense(new double[0][]);
        assertThat(method.compute(empty, 1.0).dimension()).isZero();
        assertThat(method.density(empty, 1.0, 3).density()).containsExactly(0, 0, 0);
    }
}
