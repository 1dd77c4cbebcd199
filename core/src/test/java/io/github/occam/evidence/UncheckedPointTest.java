package io.github.occam.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.Cost;
import io.github.occam.TestSupport;
import io.github.occam.optim.Minimizer;
import io.github.occam.optim.Minimum;
import io.github.occam.spectrum.HessianSpectrum;
import io.github.occam.spectrum.SpectrumMethod;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The evidence at a point taken as given: paper eq. 1-2 assembled there, with no verdict. */
class UncheckedPointTest {

    private final TestSupport.Logistic model = TestSupport.Logistic.random(new Random(21), 60, 5, 0.3);
    private final Cost cost = Cost.of(model, 0.4);
    private final Laplace laplace = Laplace.of(Minimizer.automatic(), SpectrumMethod.exact());

    @Test
    void atAPointThatIsNotAMinimumTheEquationsAreAssembledThereAndTheStatusSaysSo() {
        double[] w = {0.3, -0.1, 0.2, 0.5, -0.4};
        Minimum point = Minimum.unchecked(cost, w);
        assertThat(point.status()).isEqualTo(Minimum.Status.NOT_CHECKED);
        assertThat(point.iterations()).isZero();
        assertThat(point.decrement()).isNaN();
        Evidence evidence = laplace.evidenceOf(cost, point);
        // eq. 2 by hand from independent parts: H from the model, the dense spectrum, -N ln 2
        double h = model.crossEntropy(w);
        double squared = 0.09 + 0.01 + 0.04 + 0.25 + 0.16;
        HessianSpectrum spectrum = HessianSpectrum.exact(model, w, 0.4);
        double expected = h + 0.2 * squared + 0.5 * spectrum.sumLogRatio().value() - 60 * Math.log(2.0);
        assertThat(evidence.logEvidenceRatio()).isCloseTo(expected, within(1e-10));
        assertThat(evidence.converged()).isFalse();
        assertThat(evidence.diagnosis()).contains("not checked");
        assertThat(evidence.minimum().curvature()).isNull();
    }

    @Test
    void atTheMinimumItEqualsTheCheckedEvidenceButForTheVerdict() {
        Evidence checked = laplace.evidence(cost);
        Evidence unchecked = laplace.evidenceOf(cost, Minimum.unchecked(cost, checked.parameters()));
        assertThat(checked.converged()).isTrue();
        assertThat(unchecked.logEvidenceRatio()).isEqualTo(checked.logEvidenceRatio());
        assertThat(unchecked.minimum().status()).isEqualTo(Minimum.Status.NOT_CHECKED);
    }

    @Test
    void theEvidenceNeedsAPositiveLambdaAndAPointOfTheCost() {
        Cost bare = Cost.of(model, 0.0);
        assertThatThrownBy(() -> laplace.evidenceOf(bare, Minimum.unchecked(bare, new double[5])))
                .hasMessage("lambda must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> laplace.evidenceOf(cost, null)).hasMessage("point must not be null");
        assertThatThrownBy(() -> Minimum.unchecked(cost, new double[4]))
                .hasMessage("w has length 4, expected 5");
    }
}
