package io.github.occam.examples.mnist;

import io.github.occam.noise.SgdNoiseScale;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Cartesian grid of training runs: every batch size, learning rate, training-set size, momentum
 * and seed, all under one budget. Combinations with B &gt; N cannot run and are left out, so that
 * one batch-size grid can serve several training-set sizes.
 *
 * <pre>{@code
 * SweepGrid grid = SweepGrid.of(List.of(16, 32, 64), List.of(0.1), List.of(1000), List.of(0.9),
 *         List.of(1L, 2L), SweepBudget.time(500));
 * List<RunKey> runs = grid.runs();   // 3 x 2 = 6 runs
 * }</pre>
 *
 * @param batchSizes    B values, each &gt;= 1
 * @param learningRates &epsilon; values, each &gt; 0
 * @param trainSizes    N values, each &gt;= 1
 * @param momenta       m values, each in [0, 1)
 * @param seeds         seeds (each draws its training subset, initialization and batch order)
 * @param budget        the budget of every run (a time budget gives each (&epsilon;, m) its own
 *                      number of updates)
 */
public record SweepGrid(List<Integer> batchSizes, List<Double> learningRates, List<Integer> trainSizes,
                        List<Double> momenta, List<Long> seeds, SweepBudget budget) {

    /** Checks every value; messages name the grid and the bad value. */
    public SweepGrid {
        batchSizes = distinct("batch sizes", batchSizes);
        learningRates = distinct("learning rates", learningRates);
        trainSizes = distinct("train sizes", trainSizes);
        momenta = distinct("momenta", momenta);
        seeds = distinct("seeds", seeds);
        if (budget == null) {
            throw new IllegalArgumentException("budget must not be null");
        }
        int smallestBatch = Integer.MAX_VALUE;
        for (int b : batchSizes) {
            if (b < 1) {
                throw new IllegalArgumentException("batch sizes: every B must be >= 1, got " + b);
            }
            smallestBatch = Math.min(smallestBatch, b);
        }
        for (int n : trainSizes) {
            // validates N and, with the smallest B, that N admits at least one batch size
            if (n < 1) {
                throw new IllegalArgumentException("train sizes: every N must be >= 1, got " + n);
            }
            if (smallestBatch > n) {
                throw new IllegalArgumentException("batch sizes: no B in " + batchSizes
                        + " is in [1, N] for train size N = " + n);
            }
        }
        for (double eps : learningRates) {
            SgdNoiseScale.of(eps, 1, 1, 0.0);         // the library's rule, named by the command
        }
        for (double m : momenta) {
            SgdNoiseScale.of(1.0, 1, 1, m);
        }
    }

    /** Static factory, same as the canonical constructor. */
    public static SweepGrid of(List<Integer> batchSizes, List<Double> learningRates, List<Integer> trainSizes,
                               List<Double> momenta, List<Long> seeds, SweepBudget budget) {
        return new SweepGrid(batchSizes, learningRates, trainSizes, momenta, seeds, budget);
    }

    /**
     * The runs of this grid, seed by seed (so that an interrupted sweep has whole seeds), and within
     * a seed by setting, smallest (slowest) batch first. Combinations with B &gt; N are left out.
     */
    public List<RunKey> runs() {
        List<RunKey> runs = new ArrayList<>();
        for (long seed : seeds) {
            for (double eps : learningRates) {
                for (int n : trainSizes) {
                    for (double m : momenta) {
                        for (int b : batchSizes.stream().sorted().toList()) {
                            if (b <= n) {
                                runs.add(RunKey.of(b, eps, n, m, seed, budget));
                            }
                        }
                    }
                }
            }
        }
        return List.copyOf(runs);
    }

    /** The runs of several grids, each run once, in the order of the grids. */
    public static List<RunKey> runs(List<SweepGrid> grids) {
        Set<RunKey> all = new LinkedHashSet<>();
        for (SweepGrid grid : grids) {
            all.addAll(grid.runs());
        }
        return List.copyOf(all);
    }

    private static <T> List<T> distinct(String name, List<T> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty, got " + values);
        }
        Set<T> set = new LinkedHashSet<>();
        for (T v : values) {
            if (v == null) {
                throw new IllegalArgumentException(name + " must not contain null, got " + values);
            }
            set.add(v);
        }
        return List.copyOf(set);
    }
}
