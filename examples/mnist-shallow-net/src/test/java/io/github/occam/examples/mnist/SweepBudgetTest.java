package io.github.occam.examples.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.occam.sgd.SgdSettings;
import org.junit.jupiter.api.Test;

class SweepBudgetTest {

    @Test
    void aTimeBudgetGivesEachLearningRateAndMomentumItsUpdates() {
        SweepBudget t = SweepBudget.time(500);
        // U = ceil(T (1 - m) / eps)
        assertThat(t.updates(0.1, 0.9)).isEqualTo(500);   // 1 - 0.9 rounds below 0.1: still 500, not 501
        assertThat(t.updates(0.1, 0.0)).isEqualTo(5000);
        assertThat(t.updates(0.2, 0.5)).isEqualTo(1250);
        assertThat(t.updates(0.05, 0.8)).isEqualTo(2000);
        assertThat(t.updates(0.3, 0.0)).isEqualTo(1667);  // 1666.67 rounded up
        assertThat(SweepBudget.time(0.001).updates(0.1, 0.9)).isEqualTo(1);
        // U eps / (1 - m) is then T (or just above it) for every setting
        for (double eps : new double[] {0.0125, 0.025, 0.05, 0.1, 0.2, 0.4}) {
            for (double m : new double[] {0.0, 0.5, 0.8, 0.9}) {
                long u = t.updates(eps, m);
                assertThat(u * eps / (1 - m)).isGreaterThanOrEqualTo(500 * (1 - 1e-9))
                        .isLessThan(500 + eps / (1 - m));
            }
        }
        assertThat(t.trainerBudget(0.1, 0.0)).isEqualTo(SgdSettings.Budget.updates(5000));
        assertThat(SweepBudget.epochs(7).trainerBudget(0.1, 0.9)).isEqualTo(SgdSettings.Budget.epochs(7));
        assertThat(SweepBudget.updates(900).trainerBudget(0.3, 0.2)).isEqualTo(SgdSettings.Budget.updates(900));
        RunKey key = RunKey.of(32, 0.05, 1000, 0.5, 1L, SweepBudget.time(100));
        assertThat(key.trainerBudget()).isEqualTo(SgdSettings.Budget.updates(1000));
    }

    @Test
    void tagsReadBackAndNameTheKind() {
        for (SweepBudget b : new SweepBudget[] {SweepBudget.time(500), SweepBudget.time(0.25),
            SweepBudget.epochs(100), SweepBudget.updates(5000)}) {
            assertThat(SweepBudget.parse(b.tag())).isEqualTo(b);
        }
        assertThat(SweepBudget.time(500).tag()).isEqualTo("time:500");
        assertThat(SweepBudget.time(0.25).describe()).isEqualTo("time 0.25");
        assertThat(SweepBudget.time(0.25).fileTag()).isEqualTo("time0p25");
        assertThat(SweepBudget.epochs(100).describe()).isEqualTo("100 epochs");
        assertThat(SweepBudget.updates(5000).tag()).isEqualTo("updates:5000");
    }

    @Test
    void badBudgetsNameTheOptionAndTheValue() {
        assertThatThrownBy(() -> SweepBudget.time(0)).hasMessage("--time must be finite and > 0, got 0");
        assertThatThrownBy(() -> SweepBudget.time(Double.NaN)).hasMessageContaining("--time")
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> SweepBudget.time(Double.POSITIVE_INFINITY)).hasMessageContaining("Infinity");
        assertThatThrownBy(() -> SweepBudget.epochs(0)).hasMessageContaining("--epochs").hasMessageContaining("got 0");
        assertThatThrownBy(() -> SweepBudget.updates(0)).hasMessageContaining("--updates");
        assertThatThrownBy(() -> SweepBudget.time(1e14).updates(1e-3, 0.0)).hasMessageContaining("more than 1e15");
        assertThatThrownBy(() -> SweepBudget.epochs(3).updates(0.1, 0.9)).hasMessageContaining("only a time budget");
        assertThatThrownBy(() -> SweepBudget.parse("minutes:3")).hasMessageContaining("got 'minutes:3'");
        assertThatThrownBy(() -> SweepBudget.parse("500")).hasMessageContaining("got '500'");
    }
}
