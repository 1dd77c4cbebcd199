package io.github.occam.examples.mnist;

import java.util.List;

/**
 * The sweeps the command line knows by name.
 *
 * <ul>
 *   <li>{@code quick}: one setting (&epsilon; = 0.1, N = 1,000, m = 0.9, H = 800), B on a log2
 *       grid, 3 seeds, a short epoch budget; a few minutes on two cores.</li>
 *   <li>{@code paper}: the three scaling rules around (&epsilon; = 0.1, N = 1,000, m = 0.9):
 *       &epsilon; in {0.025, 0.05, 0.1, 0.2, 0.4}, N in {250, 500, 1,000, 2,000, 4,000},
 *       m in {0, 0.5, 0.8, 0.9}, B = 2 ... 1,024 on a log2 grid, 5 seeds, 100 epochs. About 30 minutes on two cores;
 *       resumable.</li>
 * </ul>
 *
 * <pre>{@code
 * List<SweepGrid> grids = Presets.grids("quick");
 * }</pre>
 */
public final class Presets {

    /** Epochs of the quick preset. */
    public static final int QUICK_EPOCHS = 10;

    private static final List<Long> PAPER_SEEDS = List.of(1L, 2L, 3L, 4L, 5L);
    private static final List<Integer> PAPER_BATCHES = List.of(2, 4, 8, 16, 32, 64, 128, 256, 512, 1024);

    private Presets() {
    }

    /**
     * The grids of preset {@code name}.
     *
     * @throws IllegalArgumentException if the name is not {@code quick} or {@code paper}
     */
    public static List<SweepGrid> grids(String name) {
        return switch (name) {
            case "quick" -> List.of(SweepGrid.of(List.of(4, 8, 16, 32, 64, 128, 256), List.of(0.1), List.of(1000),
                    List.of(0.9), List.of(1L, 2L, 3L), SweepBudget.epochs(QUICK_EPOCHS)));
            case "paper" -> {
                SweepBudget budget = SweepBudget.epochs(100);
                yield List.of(
                        SweepGrid.of(PAPER_BATCHES, List.of(0.025, 0.05, 0.1, 0.2, 0.4), List.of(1000), List.of(0.9),
                                PAPER_SEEDS, budget),
                        SweepGrid.of(PAPER_BATCHES, List.of(0.1), List.of(250, 500, 1000, 2000, 4000), List.of(0.9),
                                PAPER_SEEDS, budget),
                        SweepGrid.of(PAPER_BATCHES, List.of(0.1), List.of(1000), List.of(0.0, 0.5, 0.8, 0.9),
                                PAPER_SEEDS, budget));
            }
            default -> throw new IllegalArgumentException("preset must be quick or paper, got " + name);
        };
    }
}
