package io.github.occam.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.Cost;
import io.github.occam.TestSupport;
import io.github.occam.models.LogisticRegression;
import io.github.occam.models.ShallowNetwork;
import io.github.occam.models.SoftmaxRegression;
import io.github.occam.models.GaussianLinearRegression;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The evidence under the generalized Gauss-Newton curvature against the Hessian's. */
class GaussNewtonEvidenceTest {

    private static int[] labels(double[][] x, int classes, long seed) {
        Random random = new Random(seed);
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            double score = x[i][0] - 0.5 * x[i][1] + 0.7 * random.nextGaussian();
            y[i] = classes == 2 ? (score > 0 ? 1 : 0)
                    : Math.floorMod((int) Math.floor(score * 1.5), classes);
        }
        return y;
    }

    @Test
    void equalsTheHessianEvidenceForLogisticAndSoftmaxRegression() {
        double[][] x = TestSupport.gaussian(new Random(3), 60, 5);
        LogisticRegression logistic = LogisticRegression.of(x, labels(x, 2, 4), true);
        SoftmaxRegression softmax = SoftmaxRegression.of(x, labels(x, 3, 5), 3, true);
        for (var model : new io.github.occam.GaussNewton[] {logistic, softmax}) {
            Evidence hessian = Laplace.defaults().evidence(Cost.of(model, 0.7));
            Evidence ggn = Laplace.defaults().withGaussNewton().evidence(Cost.of(model, 0.7));
            assertThat(ggn.converged()).isTrue();
            assertThat(ggn.logEvidenceRatio()).as(model.getClass().getSimpleName())
                    .isCloseTo(hessian.logEvidenceRatio(),
                            within(1e-10 * Math.abs(hessian.logEvidenceRatio())));
        }
    }

    @Test
    void forANetworkItLeavesNothingOutAndDiffersFromTheHessian() {
        double[][] x = TestSupport.gaussian(new Random(7), 40, 3);
        ShallowNetwork net = ShallowNetwork.of(x, labels(x, 3, 8), 6, 3);
        double[] w = net.shape().initialParameters(9L);
        Evidence hessian = Laplace.defaults().evidenceAt(Cost.of(net, 0.05), w);
        Evidence ggn = Laplace.defaults().withGaussNewton().evidenceAt(Cost.of(net, 0.05), w);
        assertThat(ggn.excludedEigenvalues()).isZero();   // G + lambda I >= lambda I
        assertThat(ggn.spectrum().minEigenvalue()).isGreaterThanOrEqualTo(0.05 * (1 - 1e-12));
        assertThat(hessian.spectrum().minEigenvalue()).isLessThan(0.05);   // negative curvature
        assertThat(ggn.cost()).isEqualTo(hessian.cost());
        assertThat(ggn.logOccamFactor()).isNotEqualTo(hessian.logOccamFactor());
        assertThat(Laplace.defaults().withGaussNewton().toString()).contains("Gauss-Newton");
    }

    @Test
    void aModelWithoutGaussNewtonCurvatureIsNamed() {
        double[][] x = TestSupport.gaussian(new Random(1), 10, 2);
        GaussianLinearRegression model = GaussianLinearRegression.of(x,
                TestSupport.linearTargets(new Random(2), x, 0.5), 0.5);
        assertThatThrownBy(() -> Laplace.defaults().withGaussNewton().evidence(Cost.of(model, 1.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GaussianLinearRegression has no Gauss-Newton curvature: it does not"
                        + " implement GaussNewton");
    }
}
