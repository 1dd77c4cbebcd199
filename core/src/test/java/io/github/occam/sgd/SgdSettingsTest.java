package io.github.occam.sgd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Validation and schedule look-up of {@link SgdSettings}. */
class SgdSettingsTest {

    private static final SgdSettings BASE = SgdSettings.defaults();

    @Test
    void defaultsAreThePaperSettings() {
        assertThat(BASE.batchSize()).isEqualTo(32);
        assertThat(BASE.learningRate()).isEqualTo(0.1);
        assertThat(BASE.momentum()).isEqualTo(0.9);
        assertThat(BASE.lambda()).isZero();
        assertThat(BASE.budget()).isEqualTo(SgdSettings.Budget.epochs(100));
        assertThat(BASE.schedule()).isNull();
    }

    @Test
    void scheduleLooksUpTheMilestoneOfEachEpoch() {
        SgdSettings s = BASE.withSchedule(SgdTesting.schedule(1000, 0.9, 30,
                new double[] {0, 0.2, 16}, new double[] {10, 0.04, 16}, new double[] {20, 0.04, 80}));
        assertThat(s.batchSize()).isEqualTo(16);
        assertThat(s.learningRate()).isEqualTo(0.2);
        assertThat(s.budget()).isEqualTo(SgdSettings.Budget.epochs(30));
        assertThat(s.learningRateAt(0)).isEqualTo(0.2);
        assertThat(s.learningRateAt(9)).isEqualTo(0.2);
        assertThat(s.learningRateAt(10)).isEqualTo(0.04);
        assertThat(s.batchSizeAt(19)).isEqualTo(16);
        assertThat(s.batchSizeAt(20)).isEqualTo(80);
        assertThat(s.batchSizeAt(1000)).isEqualTo(80);
        assertThat(s.maxBatchSize()).isEqualTo(80);
    }

    @Test
    void changingTheFirstPhasesValuesDropsTheSchedule() {
        SgdSettings s = BASE.withSchedule(SgdTesting.schedule(1000, 0.9, 10,
                new double[] {0, 0.1, 4}, new double[] {3, 0.1, 8}));
        assertThat(s.schedule().phases()).hasSize(2);
        assertThat(s.withBatchSize(16).schedule()).isNull();
        assertThat(s.withLambda(0.5).schedule()).isSameAs(s.schedule());
        assertThat(s.withoutSchedule().batchSizeAt(5)).isEqualTo(4);
        assertThatThrownBy(() -> new SgdSettings(8, 0.1, 0.9, 0.0, SgdSettings.Budget.epochs(10), 1L,
                s.schedule())).hasMessageContaining("first phase has B = 4");
    }

    @Test
    void rejectsBadValuesNamingThem() {
        assertThatThrownBy(() -> BASE.withBatchSize(0)).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("batchSize")
                .hasMessageContaining("0");
        assertThatThrownBy(() -> BASE.withMomentum(1.0)).hasMessageContaining("momentum")
                .hasMessageContaining("1.0");
        assertThatThrownBy(() -> BASE.withMomentum(-0.1)).hasMessageContaining("-0.1");
        assertThatThrownBy(() -> BASE.withMomentum(Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> BASE.withLearningRate(0.0)).hasMessageContaining("learningRate")
                .hasMessageContaining("0.0");
        assertThatThrownBy(() -> BASE.withLearningRate(Double.NaN))
                .hasMessageContaining("learningRate").hasMessageContaining("NaN");
        assertThatThrownBy(() -> BASE.withLearningRate(Double.POSITIVE_INFINITY))
                .hasMessageContaining("Infinity");
        assertThatThrownBy(() -> ShallowNetTrainer.create().withHiddenUnits(0))
                .hasMessage("hiddenUnits must be >= 1, got 0");
        assertThat(ShallowNetTrainer.create().hiddenUnits()).isEqualTo(800);
        assertThatThrownBy(() -> BASE.withLambda(-1)).hasMessageContaining("lambda")
                .hasMessageContaining("-1.0");
        assertThatThrownBy(() -> BASE.withLambda(Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> BASE.withEpochs(0)).hasMessageContaining("0");
        assertThatThrownBy(() -> BASE.withUpdates(-5)).hasMessageContaining("-5");
        assertThatThrownBy(() -> BASE.withBudget(null)).hasMessageContaining("budget");
        assertThatThrownBy(() -> BASE.withSchedule((io.github.occam.noise.SgdSchedule) null))
                .hasMessage("schedule must not be null");
        assertThatThrownBy(() -> BASE.learningRateAt(-1)).hasMessageContaining("-1");
    }
}
