package io.github.occam.examples.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PresetsTest {

    @Test
    void quickIsOneSettingAtAFixedTimeWithFiveSeeds() {
        List<RunKey> runs = SweepGrid.runs(Presets.grids("quick"));
        assertThat(runs).hasSize(5 * 5);
        assertThat(runs).allMatch(k -> k.setting().equals(new RunKey.Setting(0.1, 1000, 0.9))
                && k.budget().equals(SweepBudget.time(2000)) && k.trainerBudget().amount() == 2000);
        assertThat(runs.stream().map(RunKey::batchSize).distinct().sorted().toList())
                .containsExactly(16, 32, 64, 128, 256);
    }

    @Test
    void paperHasTheThreeFamiliesWithGridsAroundTheExpectedOptimum() {
        List<RunKey> runs = SweepGrid.runs(Presets.grids("paper"));
        assertThat(runs).doesNotHaveDuplicates().allMatch(k -> k.budget().equals(SweepBudget.time(2000))
                && k.batchSize() <= k.trainSize());
        assertThat(runs).containsAll(SweepGrid.runs(Presets.grids("quick")));
        Map<RunKey.Setting, TreeSet<Integer>> grids = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        for (RunKey k : runs) {
            grids.computeIfAbsent(k.setting(), s -> new TreeSet<>()).add(k.batchSize());
        }
        assertThat(runs.stream().map(RunKey::seed).collect(Collectors.toSet())).containsExactlyInAnyOrder(1L, 2L, 3L,
                4L, 5L);
        // eps over a factor 8, N over a factor 8 within the pool, 1/(1-m) in {1, 2, 5, 10}
        assertThat(grids.keySet().stream().filter(s -> s.trainSize() == 1000 && s.momentum() == 0.9)
                .map(RunKey.Setting::learningRate).sorted().toList()).containsExactly(0.025, 0.05, 0.1, 0.2);
        assertThat(grids.keySet().stream().filter(s -> s.learningRate() == 0.1 && s.momentum() == 0.9)
                .map(RunKey.Setting::trainSize).sorted().toList()).containsExactly(1000, 2000, 4000, 8000);
        assertThat(grids.keySet().stream().filter(s -> s.learningRate() == 0.1 && s.trainSize() == 1000)
                .map(RunKey.Setting::momentum).sorted().toList()).containsExactly(0.0, 0.5, 0.8, 0.9);
        assertThat(grids).hasSize(4 + 3 + 3);
        // if B_opt were eps N / (1 - m) times that of the centre (32), it would lie at least two grid
        // steps inside every grid, and eight times below its largest B
        for (Map.Entry<RunKey.Setting, TreeSet<Integer>> e : grids.entrySet()) {
            RunKey.Setting s = e.getKey();
            double expected = 32 * (s.learningRate() / 0.1) * (s.trainSize() / 1000.0) * (0.1 / (1 - s.momentum()));
            assertThat(e.getValue().first()).as(s.toString()).matches(b -> b == 1 || b <= expected / 4);
            assertThat(e.getValue().last()).as(s.toString())
                    .isGreaterThanOrEqualTo((int) Math.ceil(8 * expected * (1 - 1e-9)));
        }
        assertThat(runs).hasSize(5 * (7 + 8 + 8 + 7 + 8 + 9 + 9 + 7 + 8 + 8));
        assertThatThrownBy(() -> Presets.grids("huge")).hasMessageContaining("got huge");
    }
}
