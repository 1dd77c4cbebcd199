package io.github.occam.evidence;

import io.github.occam.Cost;
import io.github.occam.Model;
import io.github.occam.internal.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * The evidence against \(\lambda\): a scan of the prior precision that returns every evaluation
 * it made, and the \(\lambda\) of largest evidence (the type-II maximum likelihood of MacKay's
 * evidence framework). Each minimization starts from the previous converged minimum (from
 * w = 0 until there is one). Evaluations that did not converge ({@link Evidence#converged()}
 * false) stay in the table but are chosen as the best only when none converged. A model whose
 * cross-entropy is not finite stops the search with the exception of {@link Laplace}: no
 * \(\lambda\) is ever chosen on a NaN. Immutable.
 *
 * <pre>{@code
 * LambdaSearch.Result result = LambdaSearch.defaults().maximize(model, 1e-3, 1e3);
 * for (LambdaSearch.Point point : result.table()) {       // evidence against lambda
 *     System.out.println(point.lambda() + " " + point.logEvidenceRatio());
 * }
 * double best = result.lambda();
 * if (!result.interior()) {
 *     // the maximum lies at an end of the range: widen it
 * }
 * }</pre>
 */
public final class LambdaSearch {

    private final Laplace laplace;
    private final Consumer<Evidence> listener;

    private LambdaSearch(Laplace laplace, Consumer<Evidence> listener) {
        this.laplace = laplace;
        this.listener = listener;
    }

    /** Returns the search with {@link Laplace#defaults()}. */
    public static LambdaSearch defaults() {
        return new LambdaSearch(Laplace.defaults(), evidence -> { });
    }

    /**
     * Returns a copy that hands every evidence it evaluates to {@code listener} as soon as it
     * is computed, in the order of evaluation (for a progress display: a search makes a grid of
     * evaluations, then Brent's, a number known only at the end).
     *
     * @param listener called on the calling thread after each evaluation
     * @return the new search
     * @throws IllegalArgumentException if {@code listener} is null
     */
    public LambdaSearch withListener(Consumer<Evidence> listener) {
        return new LambdaSearch(laplace, Checks.notNull("listener", listener));
    }

    /**
     * Returns the search that evaluates each \(\lambda\) with {@code laplace}.
     *
     * @param laplace the evidence flow
     * @return the search
     * @throws IllegalArgumentException if {@code laplace} is null
     */
    public static LambdaSearch of(Laplace laplace) {
        return new LambdaSearch(Checks.notNull("laplace", laplace), evidence -> { });
    }

    /**
     * Evaluates the evidence at each of the given \(\lambda\), in the given order, each
     * minimization starting from the previous converged minimum.
     *
     * @param model the model
     * @param lambdas the prior precisions, each finite and &gt; 0
     * @return one evidence per \(\lambda\), in the given order
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public List<Evidence> scan(Model model, double... lambdas) {
        Checks.notNull("model", model);
        Checks.notNull("lambdas", lambdas);
        for (int k = 0; k < lambdas.length; k++) {
            Checks.positive("lambdas[" + k + "]", lambdas[k]);
            laplace.checkProblem(Cost.of(model, lambdas[k]));
        }
        Search search = new Search(model);
        List<Evidence> evidences = new ArrayList<>(lambdas.length);
        for (double lambda : lambdas) {
            search.value(Math.log(lambda));
            evidences.add(search.last);
        }
        return Collections.unmodifiableList(evidences);
    }

    /**
     * Chooses \(\lambda\) in {@code [lambdaLow, lambdaHigh]} by maximizing the log evidence
     * {@link Evidence#logEvidence()} over \(\ln \lambda\). A log grid of about four points per
     * decade (at least five) locates the best grid point; Brent's method then refines
     * \(\ln \lambda\) between its neighbours to about 1e-6, a relative precision of about 1e-6 in
     * \(\lambda\). (Finer is wasted work: the log evidence is flat at its maximum.) The grid
     * point and the result are the best among the converged evaluations, if any converged. On that model (P = N = 200, lambda in [0.01, 1000]) the search takes about
     * 35 evaluations and half a second. If the best grid point is an end of the range, that end
     * is returned with {@link Result#interior()} false: widen the range.
     *
     * @param model the model
     * @param lambdaLow the lower end, finite and &gt; 0
     * @param lambdaHigh the upper end, finite and &gt; {@code lambdaLow}
     * @return the best \(\lambda\) found, its evidence and the table of every evaluation; check
     *     {@code evidence().converged()}
     * @throws IllegalArgumentException on a bad argument, naming it and its value, or as
     *     {@link Laplace#evidenceFrom} on a model's mistake
     */
    public Result maximize(Model model, double lambdaLow, double lambdaHigh) {
        Checks.notNull("model", model);
        Checks.positive("lambdaLow", lambdaLow);
        Checks.positive("lambdaHigh", lambdaHigh);
        if (!(lambdaHigh > lambdaLow)) {
            throw new IllegalArgumentException("lambdaHigh must be > lambdaLow = " + lambdaLow
                    + ", got " + lambdaHigh);
        }
        laplace.checkProblem(Cost.of(model, lambdaHigh));
        Search search = new Search(model);
        double low = Math.log(lambdaLow);
        double high = Math.log(lambdaHigh);
        int points = Math.max(5, (int) Math.ceil(4.0 * (high - low) / Math.log(10.0)) + 1);
        double[] grid = new double[points];
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        boolean bestConverged = false;
        for (int k = 0; k < points; k++) {
            grid[k] = k == points - 1 ? high : low + (high - low) * k / (points - 1);
            double value = search.value(grid[k]);
            boolean converged = search.last.converged();
            if (converged && !bestConverged || converged == bestConverged && value > bestValue) {
                bestValue = value;
                best = k;
                bestConverged = converged;
            }
        }
        boolean interior = best != 0 && best != points - 1;
        if (interior) {
            BrentOptimizer brent = new BrentOptimizer(1e-8, 1e-6);
            brent.optimize(new MaxEval(200), new UnivariateObjectiveFunction(search::value),
                    GoalType.MAXIMIZE,
                    new SearchInterval(grid[best - 1], grid[best + 1], grid[best]));
        }
        return new Result(search.best, search.table(), interior);
    }

    /** The evaluations of a search over ln lambda, warm-started, remembering the best. */
    private final class Search {
        final Cost cost;
        final List<Point> points = new ArrayList<>();
        double[] start;
        Evidence best;
        Evidence last;

        Search(Model model) {
            this.cost = Cost.of(model, 0.0);
            this.start = new double[cost.parameterCount()];
        }

        double value(double logLambda) {
            Evidence evidence = laplace.evidenceFrom(cost.withLambda(Math.exp(logLambda)), start);
            last = evidence;
            points.add(new Point(evidence.lambda(), evidence.logEvidence(),
                    evidence.logEvidenceRatio(), evidence.converged()));
            if (evidence.converged()) {
                start = evidence.parameters();
            }
            if (best == null || evidence.converged() && !best.converged()
                    || evidence.converged() == best.converged()
                            && evidence.logEvidence() > best.logEvidence()) {
                best = evidence;
            }
            listener.accept(evidence);
            return evidence.logEvidence();
        }

        List<Point> table() {
            List<Point> sorted = new ArrayList<>(points);
            sorted.sort(Comparator.comparingDouble(Point::lambda));
            return sorted;
        }
    }

    /**
     * One evaluation of a search.
     *
     * @param lambda the prior precision
     * @param logEvidence \(\ln P(y \mid x; M)\), the Laplace estimate
     * @param logEvidenceRatio E, the log evidence ratio in favour of the null model
     * @param converged whether the evaluation converged ({@link Evidence#converged()})
     */
    public record Point(double lambda, double logEvidence, double logEvidenceRatio,
            boolean converged) {
    }

    /**
     * The result of {@link #maximize}: the \(\lambda\) of largest evidence found, its evidence,
     * and every evaluation of the search sorted by \(\lambda\) (the grid and Brent's refinement).
     *
     * @param evidence the evidence at the best \(\lambda\)
     * @param table every evaluation, by increasing \(\lambda\) (unmodifiable)
     * @param interior false if the best grid point was an end of the range, where the maximum
     *     may lie outside it
     */
    public record Result(Evidence evidence, List<Point> table, boolean interior) {

        /**
         * Copies the table.
         *
         * @throws IllegalArgumentException if an argument is null
         */
        public Result {
            Checks.notNull("evidence", evidence);
            table = List.copyOf(Checks.notNull("table", table));
        }

        /** Returns the best \(\lambda\) found. */
        public double lambda() {
            return evidence.lambda();
        }

        /** Returns how many evidence evaluations (minimizations) the search took. */
        public int evaluations() {
            return table.size();
        }
    }
}
