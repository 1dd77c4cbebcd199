package io.github.occam.examples.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SweepGridTest {

    private static final SweepBudget TEN = SweepBudget.epochs(10);

    @Test
    void expandsTheCartesianProductSeedBySeedSmallestBatchFirst() {
        SweepGrid grid = SweepGrid.of(List.of(64, 8, 32), List.of(0.1, 0.3), List.of(1000), List.of(0.9),
                List.of(1L, 2L), TEN);
        List<RunKey> runs = grid.runs();
        assertThat(runs).hasSize(3 * 2 * 2);
        assertThat(runs).doesNotHaveDuplicates();
        assertThat(runs.get(0)).isEqualTo(RunKey.of(8, 0.1, 1000, 0.9, 1L, TEN));
        assertThat(runs.get(2)).isEqualTo(RunKey.of(64, 0.1, 1000, 0.9, 1L, TEN));
        assertThat(runs.subList(0, 6)).allMatch(k -> k.seed() == 1L);
    }

    @Test
    void leavesOutBatchesLargerThanTheTrainingSet() {
        SweepGrid grid = SweepGrid.of(List.of(16, 256, 1024), List.of(0.1), List.of(200, 2000), List.of(0.0),
                List.of(7L), TEN);
        assertThat(grid.runs()).extracting(k -> k.batchSize() + "/" + k.trainSize())
                .containsExactly("16/200", "16/2000", "256/2000", "1024/2000");
    }

    @Test
    void unionOfGridsRunsEachKeyOnce() {
        SweepGrid a = SweepGrid.of(List.of(8, 16), List.of(0.1, 0.3), List.of(1000), List.of(0.9), List.of(1L), TEN);
        SweepGrid b = SweepGrid.of(List.of(8, 16), List.of(0.1), List.of(500, 1000), List.of(0.9), List.of(1L), TEN);
        assertThat(SweepGrid.runs(List.of(a, b))).hasSize(4 + 4 - 2).doesNotHaveDuplicates();
    }

    @Test
    void badGridsNameTheBadValue() {
        assertThatThrownBy(() -> SweepGrid.of(List.of(0, 8), List.of(0.1), List.of(100), List.of(0.9),
                List.of(1L), TEN)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
        assertThatThrownBy(() -> SweepGrid.of(List.of(8), List.of(-0.1), List.of(100), List.of(0.9),
                List.of(1L), TEN)).hasMessageContaining("learningRate").hasMessageContaining("-0.1");
        assertThatThrownBy(() -> SweepGrid.of(List.of(8), List.of(0.1), List.of(100), List.of(1.0),
                List.of(1L), TEN)).hasMessageContaining("momentum").hasMessageContaining("1.0");
        assertThatThrownBy(() -> SweepGrid.of(List.of(8), List.of(0.1), List.of(4), List.of(0.5),
                List.of(1L), TEN)).hasMessageContaining("N = 4");
        assertThatThrownBy(() -> SweepGrid.of(List.of(), List.of(0.1), List.of(100), List.of(0.5),
                List.of(1L), TEN)).hasMessageContaining("batch sizes must not be empty");
    }

    @Test
    void runKeyChecksBatchSizeAndMomentum() {
        assertThatThrownBy(() -> RunKey.of(0, 0.1, 100, 0.9, 1L, TEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("batchSize must be in [1, 100], got 0");
        assertThatThrownBy(() -> RunKey.of(101, 0.1, 100, 0.9, 1L, TEN)).hasMessageContaining("got 101");
        assertThatThrownBy(() -> RunKey.of(10, 0.1, 100, -0.1, 1L, TEN)).hasMessageContaining("[0, 1), got -0.1");
        assertThatThrownBy(() -> RunKey.of(10, Double.NaN, 100, 0.5, 1L, TEN)).hasMessageContaining("NaN");
    }

    @Test
    void noiseScaleIsTheExactFormulaWithMomentum() {
        // g = eps (N/B - 1) / (1 - m) = 0.1 * (1000/32 - 1) / 0.1 = 30.25
        assertThat(RunKey.of(32, 0.1, 1000, 0.9, 1L, TEN).noiseScale()).isCloseTo(30.25,
                org.assertj.core.api.Assertions.within(1e-12));
        // B = N: full-batch gradient, no noise
        assertThat(RunKey.of(100, 0.5, 100, 0.0, 1L, TEN).noiseScale()).isZero();
    }
}
