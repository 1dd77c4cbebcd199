package io.github.occam.evidence;

import io.github.occam.Cost;
import io.github.occam.spectrum.SpectrumMethod;
import io.github.occam.spectrum.HessianSpectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.models.ShallowNetwork;
import io.github.occam.optim.Minimizer;
import io.github.occam.optim.Minimum;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Evidence#from}: minimizing from a chosen start, for models with a saddle at w = 0. */
class EvidenceFromStartTest {

    private static final int HIDDEN = 6;

    /** XOR of the signs of the first two features: no linear model separates it. */
    private static ShallowNetwork xorNetwork() {
        Random random = new Random(3);
        int n = 60;
        double[][] x = new double[n][3];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = random.nextGaussian();
            }
            y[i] = (x[i][0] > 0) == (x[i][1] > 0) ? 1 : 0;
        }
        return ShallowNetwork.of(x, y, HIDDEN, 2);
    }

    @Test
    void startingAwayFromTheSaddleFindsAMuchLowerCostThanStartingAtZero() {
        ShallowNetwork net = xorNetwork();
        double lambda = 0.1;
        Evidence atZero = Evidence.of(net, lambda);
        double[] start = ShallowNetwork.initialParameters(3, HIDDEN, 2, 42L);
        Evidence trained = Laplace.of(Minimizer.lbfgs(), SpectrumMethod.exact()).evidenceFrom(Cost.of(net, lambda), start);

        // From w = 0 no gradient reaches the weights: only the output biases move, and they can do
        // no better than the class frequencies, whose cross-entropy is N times their entropy.
        double ones = 0;
        for (int p : net.predict(atZero.parameters())) {
            ones += p;
        }
        assertThat(ones == 0 || ones == net.exampleCount()).isTrue();
        // A ReLU network's cost has kinks, where the gradient norm need not reach the tolerance:
        // the result must say so rather than claim convergence.
        assertThat(trained.converged()).isEqualTo(
                trained.minimum().status() == Minimum.Status.CONVERGED);
        // and from w = 0, the saddle, the result says it is not a minimum
        assertThat(atZero.converged()).isFalse();
        assertThat(atZero.minimum().status()).isEqualTo(Minimum.Status.NOT_A_MINIMUM);
        assertThat(trained.cost()).isLessThan(0.5 * atZero.cost());
        assertThat(net.accuracy(trained.parameters())).isGreaterThan(0.9);

        // the same numbers as evaluating at the minimum directly
        Evidence again = Evidence.at(net, trained.parameters(), lambda);
        assertThat(again.logEvidence()).isCloseTo(trained.logEvidence(), within(1e-9));
        assertThat(again.excludedEigenvalues()).isEqualTo(trained.excludedEigenvalues());
    }

    @Test
    void startOfTheWrongLengthIsNamed() {
        ShallowNetwork net = xorNetwork();
        assertThatThrownBy(() -> Evidence.from(net, 1.0, new double[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("start")
                .hasMessageContaining("3");
    }
}
