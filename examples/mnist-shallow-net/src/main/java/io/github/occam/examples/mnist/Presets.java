package io.github.occam.examples.mnist;

import java.util.ArrayList;
import java.util.List;

/**
 * The sweeps the command line knows by name, both at a fixed SDE time ({@link SweepBudget#time}):
 * every run travels U &epsilon; / (1 - m) = T, so that within a family B changes only the noise.
 *
 * <ul>
 *   <li>{@code quick}: one setting (&epsilon; = 0.1, N = 1,000, m = 0.9, H = 800), B = 16 ... 256
 *       on a log2 grid, 5 seeds, T = {@value #QUICK_TIME} (2,000 updates). Smaller batches are
 *       left out: at this &epsilon; and m, B = 8 does not train stably (about 75-80% training
 *       accuracy) and B = 4 diverges, while every run at B = 16 trains to 100% training
 *       accuracy (with T = 1,000 two seeds in five did not).</li>
 *   <li>{@code paper}: the three scaling rules around the quick preset's setting, T =
 *       {@value #PAPER_TIME}, 5 seeds: &epsilon; in {0.025, 0.05, 0.1, 0.2} (N 1,000, m 0.9),
 *       N in {1,000, 2,000, 4,000, 8,000} (&epsilon; 0.1, m 0.9), m in {0, 0.5, 0.8, 0.9}
 *       (&epsilon; 0.1, N 1,000); each setting with its own log2 grid of B, from at most a
 *       quarter of the expected optimum (B = 1 where that asks for it) to at least eight times
 *       it, so that no optimum sits at a grid edge. Resumable; its runs include the quick
 *       preset's.</li>
 * </ul>
 *
 * <pre>{@code
 * List<SweepGrid> grids = Presets.grids("quick");
 * }</pre>
 */
public final class Presets {

    /** SDE time of the quick preset. */
    public static final double QUICK_TIME = 2000;

    /** SDE time of the paper preset, the same as the quick preset's (whose runs it reuses). */
    public static final double PAPER_TIME = 2000;

    private static final List<Long> SEEDS = List.of(1L, 2L, 3L, 4L, 5L);

    private Presets() {
    }

    /** B = 2^from ... 2^to. */
    private static List<Integer> powers(int from, int to) {
        List<Integer> b = new ArrayList<>();
        for (int k = from; k <= to; k++) {
            b.add(1 << k);
        }
        return List.copyOf(b);
    }

    /**
     * The grids of preset {@code name}.
     *
     * @throws IllegalArgumentException if the name is not {@code quick} or {@code paper}
     */
    public static List<SweepGrid> grids(String name) {
        return switch (name) {
            case "quick" -> List.of(SweepGrid.of(powers(4, 8), List.of(0.1), List.of(1000), List.of(0.9), SEEDS,
                    SweepBudget.time(QUICK_TIME)));
            case "paper" -> {
                SweepBudget t = SweepBudget.time(PAPER_TIME);
                yield List.of(
                        // the centre, eps 0.1, N 1,000, m 0.9: the quick preset's runs and more
                        SweepGrid.of(powers(3, 9), List.of(0.1), List.of(1000), List.of(0.9), SEEDS, t),
                        // eps: the optimum and the fitting edge are expected to move with eps
                        SweepGrid.of(powers(0, 7), List.of(0.025), List.of(1000), List.of(0.9), SEEDS, t),
                        SweepGrid.of(powers(1, 8), List.of(0.05), List.of(1000), List.of(0.9), SEEDS, t),
                        SweepGrid.of(powers(3, 9), List.of(0.2), List.of(1000), List.of(0.9), SEEDS, t),
                        // N: B up to 2,048 (B <= N)
                        SweepGrid.of(powers(3, 11), List.of(0.1), List.of(2000, 4000, 8000), List.of(0.9), SEEDS, t),
                        // 1/(1 - m): 1, 2, 5 (and 10, the centre)
                        SweepGrid.of(powers(0, 6), List.of(0.1), List.of(1000), List.of(0.0), SEEDS, t),
                        SweepGrid.of(powers(0, 7), List.of(0.1), List.of(1000), List.of(0.5), SEEDS, t),
                        SweepGrid.of(powers(1, 8), List.of(0.1), List.of(1000), List.of(0.8), SEEDS, t));
            }
            default -> throw new IllegalArgumentException("preset must be quick or paper, got " + name);
        };
    }
}
