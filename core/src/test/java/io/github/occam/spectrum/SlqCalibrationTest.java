package io.github.occam.spectrum;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.occam.Estimate;
import io.github.occam.SymmetricOperator;
import io.github.occam.linalg.Curvatures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Whether the errors stochastic Lanczos quadrature states are honest: over many probe seeds, the
 * interval of plus or minus 1.96 errors around each estimate must contain the dense value at
 * least 90% of the time (95% is nominal), away from a minimum (negative eigenvalues, a kink of
 * the log ratio inside the spectrum, the quadrature error counting) and at one (every
 * eigenvalue at or above lambda, most of them exactly at it).
 */
class SlqCalibrationTest {

    /** How often the 95% intervals of the three estimates contained the dense values. */
    record Coverage(int runs, int sum, int trace, int count, double meanSumError,
            double meanStatedSumError) {
    }

    static Coverage coverage(SymmetricOperator a, double lambda, StochasticLanczosQuadrature method,
            int seeds) {
        HessianSpectrum exact = SpectrumMethod.exact().compute(a, lambda);
        int sum = 0;
        int trace = 0;
        int count = 0;
        double error = 0.0;
        double stated = 0.0;
        for (long seed = 0; seed < seeds; seed++) {
            HessianSpectrum s = method.withSeed(seed).compute(a, lambda);
            sum += covers(s.sumLogRatio(), exact.sumLogRatio()) ? 1 : 0;
            trace += covers(s.trace(), exact.trace()) ? 1 : 0;
            count += covers(s.excludedCount(), exact.excludedCount()) ? 1 : 0;
            error += Math.abs(s.sumLogRatio().value() - exact.sumLogRatio().value()) / seeds;
            stated += s.sumLogRatio().error() / seeds;
        }
        return new Coverage(seeds, sum, trace, count, error, stated);
    }

    private static boolean covers(Estimate estimate, Estimate exact) {
        return Math.abs(estimate.value() - exact.value()) <= 1.96 * estimate.error();
    }

    private static void assertCalibrated(Coverage c) {
        int needed = (int) Math.ceil(0.9 * c.runs());
        assertThat(c.sum()).as("sum %s", c).isGreaterThanOrEqualTo(needed);
        assertThat(c.trace()).as("trace %s", c).isGreaterThanOrEqualTo(needed);
        assertThat(c.count()).as("count %s", c).isGreaterThanOrEqualTo(needed);
    }

    @Test
    void atARandomPointOfANetwork() {
        // 20-12-4 network on 60 examples, P = 304, about 70 eigenvalues below lambda
        SymmetricOperator a = Curvatures.networkAtRandomPoint(60, 20, 12, 4, 0.1, 41L);
        assertThat(SpectrumMethod.exact().compute(a, 0.1).minEigenvalue()).isNegative();
        assertCalibrated(coverage(a, 0.1,
                SpectrumMethod.slq().withDeflation(10).withSteps(40).withProbes(20), 50));
    }

    @Test
    void atTheMinimumOfASoftmaxRegression() {
        // 60 inputs, 5 classes, biases: P = 305, rank of the curvature at most 240
        SymmetricOperator a = Curvatures.softmaxAtMinimum(60, 60, 5, 0.01, 43L);
        assertThat(SpectrumMethod.exact().compute(a, 0.01).excludedCount().value()).isZero();
        assertCalibrated(coverage(a, 0.01,
                SpectrumMethod.slq().withDeflation(10).withSteps(20).withProbes(20), 50));
    }

    @Test
    @Tag("slow")
    void withTheDefaultsOnALargerNetworkAndAtALargerMinimum() {
        // 20-30-5 network on 80 examples, P = 785; softmax with 120 inputs, 6 classes, P = 726
        assertCalibrated(coverage(Curvatures.networkAtRandomPoint(80, 20, 30, 5, 0.1, 47L), 0.1,
                SpectrumMethod.slq(), 100));
        assertCalibrated(coverage(Curvatures.softmaxAtMinimum(100, 120, 6, 0.003, 53L), 0.003,
                SpectrumMethod.slq(), 100));
    }

    @Test
    @Tag("slow")
    void theGaussNewtonSumAtAPolishedMinimumAgainstTheExactDual() {
        // a 30-20-4 network on 50 examples (P = 704) polished to a minimum of C (lambda = 1): SLQ on
        // the Gauss-Newton products against the exact sum through the 150 x 150 dual matrix
        java.util.Random random = new java.util.Random(17);
        double[][] x = new double[50][30];
        int[] y = new int[50];
        for (int i = 0; i < 50; i++) {
            for (int j = 0; j < 30; j++) {
                x[i][j] = random.nextGaussian();
            }
            y[i] = (x[i][0] > 0 ? 1 : 0) + (x[i][1] > 0 ? 2 : 0);
        }
        io.github.occam.models.ShallowNetwork net = io.github.occam.models.ShallowNetwork.of(x, y, 20, 4);
        io.github.occam.Cost cost = io.github.occam.Cost.of(net, 1.0);
        double[] w0 = io.github.occam.optim.Polish.defaults()
                .polish(cost, io.github.occam.models.ShallowNetwork.initialParameters(30, 20, 4, 3L))
                .minimum().parameters();
        double exact = DualGaussNewton.spectrum(cost, w0).sumLogRatio().value();
        SymmetricOperator ggn = cost.gaussNewtonAt(w0);
        // 100 seeds: 92 covered, mean stated error 2.28 nats against a mean absolute error of 1.82
        // (0.8 of a standard error, as for a normal estimate): calibrated
        int seeds = 100;
        int covered = 0;
        double stated = 0.0;
        double actual = 0.0;
        for (long seed = 0; seed < seeds; seed++) {
            Estimate sum = StochasticLanczosQuadrature.withDefaults().withSeed(seed).compute(ggn, 1.0).sumLogRatio();
            covered += Math.abs(sum.value() - exact) <= 1.96 * sum.error() ? 1 : 0;
            stated += sum.error() / seeds;
            actual += Math.abs(sum.value() - exact) / seeds;
        }
        assertThat(covered).as("covered in %d of %d", covered, seeds).isGreaterThanOrEqualTo(90);
        assertThat(actual).isBetween(0.5 * stated, 1.2 * stated);
        // the defaults (30 probes) state 1.8% of the log Occam factor; 100 probes bring it under 1%
        assertThat(stated).isGreaterThan(0.01 * exact);
        Estimate more = StochasticLanczosQuadrature.withDefaults().withProbes(100).withSeed(7).compute(ggn, 1.0)
                .sumLogRatio();
        assertThat(more.error()).isLessThan(0.01 * exact);
        assertThat(Math.abs(more.value() - exact)).isLessThan(3 * more.error());
    }
}
