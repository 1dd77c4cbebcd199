package io.github.occam.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.occam.SymmetricOperator;
import io.github.occam.TestSupport;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AutomaticSpectrumTest {

    @Test
    void exactUpToTheLimitTheGivenMethodAbove() {
        StochasticLanczosQuadrature slq = SpectrumMethod.slq().withSeed(3L);
        SpectrumMethod automatic = SpectrumMethod.automatic(slq);
        assertThat(automatic.resolve(1)).isSameAs(SpectrumMethod.exact());
        assertThat(automatic.resolve(SpectrumMethod.EXACT_LIMIT)).isSameAs(SpectrumMethod.exact());
        assertThat(automatic.resolve(SpectrumMethod.EXACT_LIMIT + 1)).isSameAs(slq);
        assertThat(SpectrumMethod.automatic().resolve(SpectrumMethod.EXACT_LIMIT + 1))
                .isInstanceOf(StochasticLanczosQuadrature.class);
        assertThat(slq.resolve(5)).isSameAs(slq);
        assertThatThrownBy(() -> SpectrumMethod.automatic(null))
                .hasMessage("above must not be null");
    }

    @Test
    void belowTheLimitItIsTheExactSpectrum() {
        double[] eigenvalues = {0.5, 1.0, 2.0, 3.0, 10.0, 40.0};
        double[][] matrix = TestSupport.withEigenvalues(TestSupport.orthogonal(new Random(8), 6),
                eigenvalues);
        SymmetricOperator operator = SymmetricOperator.ofDense(matrix);
        HessianSpectrum automatic = SpectrumMethod.automatic().compute(operator, 1.0);
        assertThat(automatic).isEqualTo(SpectrumMethod.exact().compute(operator, 1.0));
        double expected = Math.log(2.0) + Math.log(3.0) + Math.log(10.0) + Math.log(40.0);
        assertThat(automatic.sumLogRatio().value()).isCloseTo(expected,
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(automatic.excludedCount().value()).isEqualTo(1.0);
    }
}
