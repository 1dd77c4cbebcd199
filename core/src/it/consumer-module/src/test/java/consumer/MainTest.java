package consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.evidence.Evidence;
import io.github.occam.noise.SgdNoiseScale;
import org.junit.jupiter.api.Test;

/** The module's program, run on the module path by Surefire. */
class MainTest {

    @Test
    void theModuleReadsTheCoreAndComputesTheEvidence() {
        assertThat(Main.class.getModule().isNamed()).isTrue();
        assertThat(Evidence.class.getModule().getName()).isEqualTo("io.github.occam.core");
        Evidence e = Main.evidence();
        assertThat(e.converged()).isTrue();
        assertThat(e.logEvidenceRatio()).isFinite();
        // g = eps (N / B - 1) / (1 - m) = 0.1 * 9 / 0.1
        assertThat(SgdNoiseScale.of(0.1, 1000, 100, 0.9).value()).isCloseTo(9.0, within(1e-12));
    }
}
