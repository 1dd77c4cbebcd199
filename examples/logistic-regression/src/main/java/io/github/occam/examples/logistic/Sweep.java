package io.github.occam.examples.logistic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.stream.Collectors;

/**
 * Runs an {@link Evaluator} over every task and every lambda of a grid: the tasks in parallel
 * over the common fork-join pool, the lambdas of a task one after the other from the largest
 * down, so that each minimization can start from the minima at the lambdas before
 * ({@link Continuation}: about a third of the Newton steps of starting every lambda from
 * w = 0). The order of the calls is fixed by the grid alone, so the rows do not depend on the
 * number of threads; they come back ordered by task, then in the order of the grid.
 *
 * <pre>{@code
 * List<ResultRow> rows = Sweep.run(List.of(tasks.random(), tasks.informative()),
 *         Sweep.defaultLambdas(), false, new EvidenceEvaluator(), () -> { });
 * }</pre>
 */
public final class Sweep {

    /** The smallest lambda of the default grid. */
    public static final double DEFAULT_LOWEST = 1e-3;
    /** The largest lambda of the default grid. */
    public static final double DEFAULT_HIGHEST = 1e2;
    /** Points per decade of the default grid. */
    public static final int DEFAULT_PER_DECADE = 4;

    private Sweep() {
    }

    /**
     * Returns the default grid: {@value #DEFAULT_PER_DECADE} points per decade from
     * {@value #DEFAULT_LOWEST} to {@value #DEFAULT_HIGHEST}, both included (21 values).
     */
    public static double[] defaultLambdas() {
        return logGrid(DEFAULT_LOWEST, DEFAULT_HIGHEST, DEFAULT_PER_DECADE);
    }

    /**
     * Returns {@code 10^(log10(low) + k / perDecade)} for k = 0, 1, ... up to {@code high}.
     *
     * @param low the first value, finite and > 0
     * @param high the last value, at least {@code low}
     * @param perDecade points per factor of ten, at least 1
     */
    public static double[] logGrid(double low, double high, int perDecade) {
        if (!(low > 0.0) || !Double.isFinite(high) || !(high >= low)) {
            throw new IllegalArgumentException(
                    "need 0 < low <= high < infinity, got low = " + low + ", high = " + high);
        }
        if (perDecade < 1) {
            throw new IllegalArgumentException("perDecade must be >= 1, got " + perDecade);
        }
        double start = Math.log10(low);
        int steps = (int) Math.round((Math.log10(high) - start) * perDecade);
        double[] grid = new double[steps + 1];
        for (int k = 0; k <= steps; k++) {
            grid[k] = Math.pow(10.0, start + (double) k / perDecade);
        }
        return grid;
    }

    /**
     * Evaluates every task at every lambda.
     *
     * @param tasks the tasks, at least one
     * @param lambdas the grid, each finite and > 0
     * @param bias whether the model has an intercept
     * @param evaluator what to compute at each point
     * @param onPointDone called once per finished (task, lambda), from any thread
     * @return the rows, task by task, each in the order of {@code lambdas}
     */
    public static List<ResultRow> run(List<Task> tasks, double[] lambdas, boolean bias,
            Evaluator evaluator, Runnable onPointDone) {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("tasks must not be empty");
        }
        for (double lambda : lambdas) {
            if (!(lambda > 0.0) || Double.isInfinite(lambda)) {
                throw new IllegalArgumentException("lambda must be finite and > 0, got " + lambda);
            }
        }
        Integer[] descending = new Integer[lambdas.length];
        for (int k = 0; k < descending.length; k++) {
            descending[k] = k;
        }
        Arrays.sort(descending, (a, b) -> Double.compare(lambdas[b], lambdas[a]));
        List<ResultRow[]> perTask = tasks.parallelStream()
                .map(task -> {
                    DoubleFunction<ResultRow> atLambda = evaluator.prepare(task, bias);
                    ResultRow[] rows = new ResultRow[lambdas.length];
                    for (int k : descending) {
                        rows[k] = atLambda.apply(lambdas[k]);
                        onPointDone.run();
                    }
                    return rows;
                })
                .collect(Collectors.toList());
        List<ResultRow> rows = new ArrayList<>();
        for (ResultRow[] task : perTask) {
            rows.addAll(Arrays.asList(task));
        }
        return rows;
    }
}
