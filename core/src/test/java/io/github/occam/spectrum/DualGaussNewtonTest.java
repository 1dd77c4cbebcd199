package io.github.occam.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.Cost;
import io.github.occam.Model;
import io.github.occam.TestSupport;
import io.github.occam.models.LogisticRegression;
import io.github.occam.models.ShallowNetwork;
import io.github.occam.models.SoftmaxRegression;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The exact Gauss-Newton sum through the N n x N n dual matrix against the dense Gauss-Newton
 * matrix's eigenvalues, P above and below N n.
 */
class DualGaussNewtonTest {

    private static double[][] features(Random random, int n, int d) {
        return TestSupport.gaussian(random, n, d);
    }

    private static int[] labels(Random random, int n, int classes) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextInt(classes);
        }
        return y;
    }

    private static double[] point(Random random, int p, double scale) {
        double[] w = new double[p];
        for (int j = 0; j < p; j++) {
            w[j] = scale * random.nextGaussian();
        }
        return w;
    }

    /** The dual sum and trace equal those of the dense eigenvalues of G + lambda I. */
    private static void agreesWithTheDenseGaussNewton(Model model, double lambda, double[] w) {
        Cost cost = Cost.of(model, lambda);
        HessianSpectrum dense = SpectrumMethod.exact().compute(cost.gaussNewtonAt(w), lambda);
        HessianSpectrum dual = DualGaussNewton.spectrum(cost, w);
        double sum = dense.sumLogRatio().value();
        assertThat(dual.sumLogRatio().value()).as(model.getClass().getSimpleName())
                .isCloseTo(sum, within(1e-9 * Math.max(1.0, Math.abs(sum))));
        assertThat(dual.sumLogRatio().error()).isZero();
        assertThat(dual.excludedCount().value()).isZero();
        assertThat(dense.excludedCount().value()).isZero();
        assertThat(dual.trace().value()).isCloseTo(dense.trace().value(),
                within(1e-9 * dense.trace().value()));
        assertThat(dual.dimension()).isEqualTo(model.parameterCount());
    }

    @Test
    void logisticRegressionWithAndWithoutBiasParametersAboveAndBelowN() {
        Random random = new Random(1);
        for (int[] nd : new int[][] {{12, 30}, {40, 6}}) {
            double[][] x = features(random, nd[0], nd[1]);
            int[] y = labels(random, nd[0], 2);
            for (boolean bias : new boolean[] {false, true}) {
                LogisticRegression model = LogisticRegression.of(x, y, bias);
                agreesWithTheDenseGaussNewton(model, 0.3, point(random, model.parameterCount(), 0.5));
            }
        }
    }

    @Test
    void softmaxRegression() {
        Random random = new Random(2);
        double[][] x = features(random, 15, 4);
        int[] y = labels(random, 15, 3);
        SoftmaxRegression model = SoftmaxRegression.of(x, y, 3, true);
        agreesWithTheDenseGaussNewton(model, 0.1, point(random, model.parameterCount(), 0.7));
        SoftmaxRegression wide = SoftmaxRegression.of(features(random, 6, 9), labels(random, 6, 4), 4, false);
        agreesWithTheDenseGaussNewton(wide, 2.0, point(random, wide.parameterCount(), 0.7));
    }

    @Test
    void shallowNetworkByItsClosedForm() {
        Random random = new Random(3);
        double[][] x = features(random, 12, 5);
        int[] y = labels(random, 12, 3);
        ShallowNetwork net = ShallowNetwork.of(x, y, 4, 3);       // P = 39, N n = 36
        agreesWithTheDenseGaussNewton(net, 0.5, point(random, net.parameterCount(), 0.8));
        ShallowNetwork wide = ShallowNetwork.of(features(random, 5, 6), labels(random, 5, 3), 7, 3);
        agreesWithTheDenseGaussNewton(wide, 0.05, point(random, wide.parameterCount(), 0.8));
    }

    @Test
    void refusesAModelWithoutTheDualFormAndLambdaZero() {
        Model plain = TestSupport.Logistic.random(new Random(4), 10, 3, 0.2);
        assertThatThrownBy(() -> DualGaussNewton.spectrum(Cost.of(plain, 1.0), new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OutputJacobians");
        LogisticRegression model = LogisticRegression.of(features(new Random(5), 8, 2), labels(new Random(6), 8, 2),
                false);
        assertThatThrownBy(() -> DualGaussNewton.spectrum(Cost.of(model, 0.0), new double[2]))
                .hasMessage("lambda must be finite and > 0, got 0.0");
    }

    @Test
    void theLaplaceEvidenceUnderTheDualEqualsThatOfTheDenseGaussNewton() {
        Random random = new Random(7);
        ShallowNetwork net = ShallowNetwork.of(features(random, 10, 4), labels(random, 10, 3), 5, 3);
        Cost cost = Cost.of(net, 0.2);
        double[] w = point(random, net.parameterCount(), 0.8);
        io.github.occam.evidence.Evidence dense = io.github.occam.evidence.Laplace.defaults().withGaussNewton()
                .evidenceOf(cost, io.github.occam.optim.Minimum.unchecked(cost, w));
        io.github.occam.evidence.Evidence dual = io.github.occam.evidence.Laplace.defaults().withDualGaussNewton()
                .evidenceOf(cost, io.github.occam.optim.Minimum.unchecked(cost, w));
        assertThat(dual.logEvidenceRatio()).isCloseTo(dense.logEvidenceRatio(),
                within(1e-9 * Math.abs(dense.logEvidenceRatio())));
        assertThat(dual.logOccamFactorError()).isZero();
    }

    @Test
    void theNetworksFoldedDualMatrixIsTheGenericFoldOfItsGramAndFactors() {
        Random random = new Random(8);
        ShallowNetwork net = ShallowNetwork.of(features(random, 9, 4), labels(random, 9, 3), 6, 3);
        double[] w = point(random, net.parameterCount(), 0.9);
        double[][] fast = net.dualMatrix(w);
        double[][] generic = io.github.occam.OutputJacobians.fold(net.scoreGram(w), net.scoreCurvatureFactors(w), 3);
        for (int r = 0; r < fast.length; r++) {
            for (int c = 0; c < fast.length; c++) {
                assertThat(fast[r][c]).isCloseTo(generic[r][c], within(1e-12 * (1 + Math.abs(generic[r][c]))));
            }
        }
        // the same on one thread as on several
        assertThat(net.withThreads(1).dualMatrix(w)).isDeepEqualTo(net.withThreads(2).dualMatrix(w));
    }
}
