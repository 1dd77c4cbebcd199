package io.github.occam.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The learning-rate step decay against the equivalent batch-size increase. */
class SgdScheduleTest {

    private static final SgdNoiseScale START = SgdNoiseScale.of(0.1, 1000, 20, 0.9);
    private static final int[] MILESTONES = {30, 60, 80};

    @Test
    void learningRateDecayDividesEpsAtEachMilestone() {
        SgdSchedule decay = SgdSchedule.learningRateDecay(START, 100, MILESTONES, 5);
        assertThat(decay.phases()).hasSize(4);
        double[] eps = {0.1, 0.02, 0.004, 0.0008};
        int[] starts = {0, 30, 60, 80};
        int[] ends = {30, 60, 80, 100};
        for (int k = 0; k < 4; k++) {
            SgdSchedule.Phase phase = decay.phases().get(k);
            assertThat(phase.startEpoch()).isEqualTo(starts[k]);
            assertThat(phase.endEpoch()).isEqualTo(ends[k]);
            assertThat(phase.settings().learningRate()).isCloseTo(eps[k], within(1e-15));
            assertThat(phase.settings().batchSize()).isEqualTo(20);
        }
        // 100 epochs of ceil(1000 / 20) = 50 updates.
        assertThat(decay.updates()).isEqualTo(5000);
        assertThat(decay.epochs()).isEqualTo(100);
    }

    @Test
    void batchSizeIncreaseMultipliesBUntilNThenDecaysEps() {
        SgdSchedule grow = SgdSchedule.batchSizeIncrease(START, 100, MILESTONES, 5);
        int[] batch = {20, 100, 500, 1000};              // 2500 capped at N = 1000
        double[] eps = {0.1, 0.1, 0.1, 0.1 * 1000 / 2500};
        for (int k = 0; k < 4; k++) {
            SgdNoiseScale s = grow.phases().get(k).settings();
            assertThat(s.batchSize()).isEqualTo(batch[k]);
            assertThat(s.learningRate()).isCloseTo(eps[k], within(1e-15));
        }
        assertThat(grow.phases().get(1).settings().learningRate()).isEqualTo(0.1);
        // 30 * 50 + 30 * 10 + 20 * 2 + 20 * 1 = 1860 updates, against 5000 for the decay.
        assertThat(grow.updates()).isEqualTo(1860);
    }

    @Test
    void bothSchedulesHaveTheSameNoiseScaleEpochByEpoch() {
        int[][] milestoneSets = {{}, {10}, {30, 60, 80}, {1, 2, 3, 4, 5}};
        for (int[] milestones : milestoneSets) {
            for (double factor : new double[] {2, 2.5, 3, 10}) {
                for (int b0 : new int[] {1, 3, 20, 128}) {
                    SgdNoiseScale start = SgdNoiseScale.of(0.05, 2000, b0, 0.5);
                    SgdSchedule decay = SgdSchedule.learningRateDecay(start, 90, milestones, factor);
                    SgdSchedule grow = SgdSchedule.batchSizeIncrease(start, 90, milestones, factor);
                    assertThat(grow.phases()).hasSameSizeAs(decay.phases());
                    for (int epoch = 0; epoch < 90; epoch++) {
                        SgdNoiseScale a = decay.phaseAt(epoch).settings();
                        SgdNoiseScale b = grow.phaseAt(epoch).settings();
                        // g = eps N / (B (1 - m)), computed here from the components
                        double ga = a.learningRate() * 2000 / (a.batchSize() * 0.5);
                        double gb = b.learningRate() * 2000 / (b.batchSize() * 0.5);
                        assertThat(gb).isCloseTo(ga, within(1e-12 * ga));
                        assertThat(b.batchSize()).isGreaterThanOrEqualTo(a.batchSize());
                        assertThat(b.learningRate()).isLessThanOrEqualTo(start.learningRate());
                    }
                    assertThat(grow.updates()).isLessThanOrEqualTo(decay.updates());
                    if (milestones.length > 0 && b0 < 2000) {
                        assertThat(grow.updates()).isLessThan(decay.updates());
                    }
                }
            }
        }
    }

    @Test
    void roundsFractionalBatchSizesAndCompensatesWithEps() {
        // B0 = 3, factor 2.5: 3, 7.5 -> 7 (eps * 7 / 7.5), 18.75 -> 18 (eps * 18 / 18.75).
        SgdNoiseScale start = SgdNoiseScale.of(0.1, 1000, 3, 0.0);
        SgdSchedule grow = SgdSchedule.batchSizeIncrease(start, 30, new int[] {10, 20}, 2.5);
        assertThat(grow.phases().get(1).settings().batchSize()).isEqualTo(7);
        assertThat(grow.phases().get(1).settings().learningRate())
                .isCloseTo(0.1 * 7 / 7.5, within(1e-15));
        assertThat(grow.phases().get(2).settings().batchSize()).isEqualTo(18);
        assertThat(grow.phases().get(2).settings().learningRate())
                .isCloseTo(0.1 * 18 / 18.75, within(1e-15));
        // 10 * ceil(1000/3) + 10 * ceil(1000/7) + 10 * ceil(1000/18) = 3340 + 1430 + 560
        assertThat(grow.updates()).isEqualTo(3340 + 1430 + 560);
    }

    @Test
    void constantScheduleAndPhaseLookup() {
        SgdSchedule constant = SgdSchedule.constant(START, 7);
        assertThat(constant.updates()).isEqualTo(7 * 50);
        assertThat(constant.phaseAt(6).settings()).isEqualTo(START);
        SgdSchedule decay = SgdSchedule.learningRateDecay(START, 100, MILESTONES, 5);
        assertThat(decay.phaseAt(29).startEpoch()).isZero();
        assertThat(decay.phaseAt(30).startEpoch()).isEqualTo(30);
        assertThat(decay.phaseAt(99).startEpoch()).isEqualTo(80);
        assertThatThrownBy(() -> decay.phaseAt(100)).hasMessage("epoch must be in [0, 99], got 100");
        assertThat(new SgdSchedule.Phase(0, 3, SgdNoiseScale.of(0.1, 10, 3, 0)).updates())
                .isEqualTo(3 * 4);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> SgdSchedule.learningRateDecay(START, 100, new int[] {30, 30}, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("milestones[1] must be in [31, 99] (strictly increasing, inside the"
                        + " budget of 100 epochs), got 30");
        assertThatThrownBy(() -> SgdSchedule.batchSizeIncrease(START, 100, new int[] {0}, 5))
                .hasMessageStartingWith("milestones[0] must be in [1, 99]");
        assertThatThrownBy(() -> SgdSchedule.batchSizeIncrease(START, 100, new int[] {100}, 5))
                .hasMessageEndingWith("got 100");
        assertThatThrownBy(() -> SgdSchedule.learningRateDecay(START, 100, MILESTONES, 1.0))
                .hasMessage("decayFactor must be finite and > 1, got 1.0");
        assertThatThrownBy(() -> SgdSchedule.learningRateDecay(START, 100, MILESTONES, Double.NaN))
                .hasMessage("decayFactor must be finite and > 1, got NaN");
        assertThatThrownBy(() -> SgdSchedule.learningRateDecay(START, 0, new int[0], 5))
                .hasMessage("epochs must be >= 1, got 0");
        assertThatThrownBy(() -> SgdSchedule.learningRateDecay(null, 10, new int[0], 5))
                .hasMessage("start must not be null");
        assertThatThrownBy(() -> SgdSchedule.learningRateDecay(START, 10, null, 5))
                .hasMessage("milestones must not be null");
        assertThatThrownBy(() -> new SgdSchedule.Phase(5, 5, START))
                .hasMessage("endEpoch must be > startEpoch = 5, got 5");
        assertThatThrownBy(() -> new SgdSchedule(List.of(new SgdSchedule.Phase(0, 5, START),
                new SgdSchedule.Phase(6, 9, START))))
                .hasMessage("phases[1] starts at epoch 6, expected 5");
        assertThatThrownBy(() -> new SgdSchedule(List.of(new SgdSchedule.Phase(0, 5, START),
                new SgdSchedule.Phase(5, 9, SgdNoiseScale.of(0.1, 999, 20, 0.9)))))
                .hasMessageStartingWith("phases[1] has N = 999");
        assertThatThrownBy(() -> new SgdSchedule(List.of()))
                .hasMessage("phases must not be null or empty");
        assertThatThrownBy(() -> new SgdSchedule(java.util.Arrays.asList(
                new SgdSchedule.Phase(0, 5, START), null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("phases[1] must not be null");
    }
}
