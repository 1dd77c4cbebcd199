package io.github.occam.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.occam.Cost;
import io.github.occam.Model;
import io.github.occam.TestSupport;
import io.github.occam.models.ShallowNetwork;
import io.github.occam.optim.Minimizer;
import io.github.occam.optim.Minimum;
import io.github.occam.spectrum.SpectrumMethod;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * No silent wrong answer at a saddle (issue 9, cause 8): a stationary point that is not a minimum
 * says so, whether the Hessian shows it (a negative eigenvalue) or not (w = 0 of a ReLU network,
 * where every unit sits at its kink), and a true minimum is not flagged.
 */
class SaddleTest {

    /** XOR of the signs of the first two of three features, 60 examples, 6 hidden units. */
    private static ShallowNetwork xor() {
        Random random = new Random(3);
        double[][] x = new double[60][3];
        int[] y = new int[60];
        for (int i = 0; i < 60; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = random.nextGaussian();
            }
            y[i] = (x[i][0] > 0) == (x[i][1] > 0) ? 1 : 0;
        }
        return ShallowNetwork.of(x, y, 6, 2);
    }

    @Test
    void aReluNetworkStartedAtZeroIsNotReportedConverged() {
        ShallowNetwork net = xor();
        for (double lambda : new double[] {1e-3, 0.1, 3.0}) {
            for (Minimizer minimizer : new Minimizer[] {Minimizer.newton(), Minimizer.lbfgs()}) {
                Evidence e = Laplace.of(minimizer, SpectrumMethod.exact()).evidence(Cost.of(net, lambda));
                // the weights never move from 0 and the gradient (nearly) vanishes there ...
                assertThat(e.gradientNorm()).isLessThan(1e-6);
                // ... but a lower cost lies next to it
                assertThat(e.converged()).as("lambda %s, %s", lambda, minimizer).isFalse();
                assertThat(e.minimum().status()).isEqualTo(Minimum.Status.NOT_A_MINIMUM);
                assertThat(e.diagnosis()).contains("a lower cost lies right next to it")
                        .contains("start the minimizer elsewhere");
            }
        }
    }

    @Test
    void underAStrongEnoughPriorZeroIsAMinimumAndSaysSo() {
        ShallowNetwork net = xor();
        double lambda = 100.0;
        Evidence e = Evidence.of(net, lambda);
        assertThat(e.converged()).as(e.diagnosis()).isTrue();
        // no lower cost next to it: random displacements, each followed by gradient steps
        Cost cost = Cost.of(net, lambda);
        double[] w0 = e.parameters();
        double c0 = cost.value(w0);
        Random random = new Random(8);
        double[] gradient = new double[w0.length];
        for (int k = 0; k < 300; k++) {
            double scale = Math.pow(10, -3 + 2 * random.nextDouble());
            double[] w = w0.clone();
            for (int j = 0; j < w.length; j++) {
                w[j] += scale * random.nextGaussian();
            }
            for (int step = 0; step < 10; step++) {
                cost.value(w, gradient);
                for (int j = 0; j < w.length; j++) {
                    w[j] -= 1e-3 * gradient[j];
                }
                assertThat(cost.value(w)).isGreaterThan(c0 - 1e-9);
            }
        }
    }

    @Test
    void aStationaryPointWithNegativeCurvatureIsNotAMinimum() {
        Model model = new TestSupport.DoubleWell(3);
        for (Minimizer minimizer : new Minimizer[] {Minimizer.newton(), Minimizer.lbfgs()}) {
            Evidence e = Laplace.of(minimizer, SpectrumMethod.exact())
                    .evidenceFrom(Cost.of(model, 0.1), new double[3]);
            assertThat(e.converged()).as(minimizer.toString()).isFalse();
            assertThat(e.minimum().status()).isEqualTo(Minimum.Status.NOT_A_MINIMUM);
            assertThat(e.minimum().decrement()).isNaN();
            assertThat(e.diagnosis()).contains("has the eigenvalue").contains("a saddle point");
        }
        // started off the saddle, both find the minimum w_j^2 = 2 - lambda
        Evidence e = Evidence.from(model, 0.1, new double[] {0.3, -0.2, 1.0});
        assertThat(e.converged()).isTrue();
        assertThat(e.excludedEigenvalues()).isZero();
    }
}
