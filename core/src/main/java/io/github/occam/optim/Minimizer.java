package io.github.occam.optim;

import io.github.occam.Cost;
import io.github.occam.Model;
import io.github.occam.optim.Minimum.Status;

/**
 * Finds \(w_0\), the minimum of \(C(w) = H(w) + \lambda |w|^2 / 2\) (Smith &amp; Le, section 2),
 * from a starting point, accurately enough for the Laplace evidence.
 *
 * <ul>
 *   <li>{@link #newton()}: Newton's method on the dense Hessian of \(C\) (Cholesky factorization;
 *       where it is not positive definite a multiple of the identity is added until it is, and
 *       as a last resort the step is the negative gradient), with a backtracking Armijo line
 *       search. Quadratic convergence; a quadratic cost is solved in one step. Each iteration
 *       costs the dense Hessian and \(P^3/3\) flops, so it suits P up to a few thousand.</li>
 *   <li>{@link #lbfgs()}: limited-memory BFGS with the last 10 pairs and a backtracking Armijo
 *       line search; only gradients are needed. Once its own estimate of the decrement (from its
 *       approximation of the inverse Hessian) meets the tolerance, it finishes with Newton steps
 *       to the same criterion as {@link #newton()}: on the dense Hessian for P &lt;=
 *       {@value #AUTOMATIC_NEWTON_LIMIT}, above that with steps solved by conjugate gradients on
 *       Hessian-vector products. Newton and L-BFGS therefore agree to the tolerance.</li>
 *   <li>{@link #automatic()}: Newton for P &lt;= {@value #AUTOMATIC_NEWTON_LIMIT}, L-BFGS
 *       above.</li>
 * </ul>
 *
 * <p><b>When the minimizer says it converged.</b> The criterion is relative to the problem and
 * invariant to a rescaling of the parameters (features times s with \(\lambda\) times
 * s<sup>2</sup> gives the same decision): with \(g\) the gradient and \(A\) the Hessian of C at
 * the point, and \(\tau\) the {@linkplain #withTolerance relative tolerance} (default
 * {@value #DEFAULT_TOLERANCE}), the point is a minimum when
 * <ol>
 *   <li>\(A\) is positive definite (else it is not a minimum: {@link Status#NOT_A_MINIMUM});</li>
 *   <li>the Newton decrement \(\delta = \frac{1}{2} g^T A^{-1} g\), the decrease of C one more
 *       Newton step promises (for a convex H, about the error in C), is at most
 *       \(\tau (1 + |C|)\); and</li>
 *   <li>the last full Newton step moved \(\frac{1}{2} \ln\det A\), the log-determinant in the
 *       Occam factor, by at most \(\tau (1 + |C|)\), or the next step is predicted to: once
 *       the step still to take is at most a thousandth of the last one in the norm of A (the
 *       square root of the ratio of their decrements), the log-determinant's next change is
 *       taken as the last one times that ratio, times 10 for safety (on the dense Hessian only;
 *       see below).</li>
 * </ol>
 * The third condition matters when \(\lambda\) is small: the Occam factor then depends on the
 * point far more strongly than C does, and a point whose C is within \(10^{-18}\) of the minimum
 * can still be off in the log evidence by \(10^{-3}\) (random labels, N = P = 200,
 * \(\lambda = 10^{-12}\)). With both, one more Newton step moves the log evidence by less than
 * about \(2 \tau (1 + |C|)\). An absolute bound on \(|\nabla C|\) can be added with
 * {@link #withGradientTolerance}. With conjugate gradients (L-BFGS above
 * {@value #AUTOMATIC_NEWTON_LIMIT} parameters) the log-determinant is not available and only
 * the first two conditions are checked, the decrement from a conjugate-gradient solve to a
 * relative residual of {@code 1e-10}.
 *
 * <p>The minimizer stops unconverged at the iteration limit (default
 * {@value #DEFAULT_MAX_ITERATIONS}; {@link Status#ITERATION_LIMIT}); when no step lowers the cost
 * any more, or the steps move it by less than the tolerance over 10 Newton iterations while a
 * Newton step promises more (the tolerance is below what rounding allows, or the search is stuck
 * against values that are not finite; {@link Status#STALLED}); or at a point that is not a
 * minimum ({@link Status#NOT_A_MINIMUM}): a negative eigenvalue of the Hessian of C, or a lower
 * cost found next to a converged point by three seeded probes (a saddle at a kink, such as w = 0
 * of a ReLU network, where the Hessian shows nothing; skipped for a model whose cross-entropy
 * is {@linkplain Model#convex() convex}, which has no saddle). {@link Minimum#converged()} then
 * says false, {@link Minimum#status()} why, and a warning is logged.
 *
 * <p>A model's mistakes are named: a size below 1, a cost or gradient that is not finite at the
 * start point, a curvature operator of the wrong dimension or with entries that are not finite
 * raise an {@link IllegalArgumentException} naming the model's class and the value. During the
 * search a trial point where the cost or gradient is not finite is treated as too long a step.
 * Minimizers are immutable and may be shared between threads.
 *
 * <p>The {@link Minimum} carries the curvature operator of C at the point it returns, holding
 * the dense Hessian that Newton's method formed there, so that the spectrum of the evidence
 * decomposes that matrix instead of forming it again.
 *
 * <p>The implementation is split as its ideas are: Newton's method ({@code NewtonMethod}) and
 * its step ({@code NewtonStep}: Cholesky, or conjugate gradients on curvature products),
 * L-BFGS ({@code Lbfgs}), the line search ({@code LineSearch}), the convergence criterion
 * ({@code Criterion}) and the probe for a lower cost next to a converged point
 * ({@code SaddleProbe}); {@link io.github.occam.linalg.Cholesky} and
 * {@link io.github.occam.linalg.ConjugateGradients} are in {@code linalg}.
 *
 * <pre>{@code
 * Minimizer minimizer = Minimizer.automatic().withTolerance(1e-12);
 * Minimum minimum = minimizer.minimize(Cost.of(model, 0.1), new double[model.parameterCount()]);
 * }</pre>
 */
public interface Minimizer {

    /**
     * The default relative tolerance: the Newton decrement and the change of the
     * log-determinant in the last step, each at most this times {@code 1 + |C|}.
     */
    double DEFAULT_TOLERANCE = 1e-10;

    /** The default iteration limit. */
    int DEFAULT_MAX_ITERATIONS = 1000;

    /**
     * The largest P for which {@link #automatic()} uses Newton's method, and for which L-BFGS
     * finishes on the dense Hessian.
     */
    int AUTOMATIC_NEWTON_LIMIT = 2000;

    /** Returns the safeguarded Newton minimizer with the default settings. */
    static Minimizer newton() {
        return SearchMinimizer.of(SearchMinimizer.Kind.NEWTON);
    }

    /** Returns the L-BFGS minimizer (memory 10) with the default settings. */
    static Minimizer lbfgs() {
        return SearchMinimizer.of(SearchMinimizer.Kind.LBFGS);
    }

    /**
     * Returns the minimizer that uses Newton's method for P &lt;=
     * {@value #AUTOMATIC_NEWTON_LIMIT} and L-BFGS above, with the default settings.
     */
    static Minimizer automatic() {
        return SearchMinimizer.of(SearchMinimizer.Kind.AUTOMATIC);
    }

    /**
     * Minimizes \(C(w) = H(w) + \lambda |w|^2 / 2\) from {@code start}.
     *
     * @param cost the cost, its model supplying H
     * @param start the starting point, length P, finite (not modified)
     * @return the point reached with the curvature of C there, {@link Minimum#converged()}
     *     telling whether it is a minimum to the tolerance and {@link Minimum#status()} why it
     *     stopped
     * @throws IllegalArgumentException on a bad argument, naming it and its value; if the cost
     *     or its gradient is not finite at {@code start}; if the model's curvature operator has
     *     the wrong dimension or entries that are not finite; or if the dense Hessian that
     *     Newton's method needs cannot fit in the memory the JVM may use
     */
    Minimum minimize(Cost cost, double[] start);

    /**
     * Checks whether a given point, such as the end of SGD training, is a minimum of the cost to
     * this minimizer's tolerance, without minimizing: the criterion of the class description,
     * the change of the log-determinant measured one Newton step ahead.
     *
     * @param cost the cost
     * @param w the point, length P, finite (not modified)
     * @return the point with the curvature of C there, 0 iterations and the status
     *     {@link Minimum.Status#CONVERGED}, {@link Minimum.Status#TOLERANCE_NOT_MET} or
     *     {@link Minimum.Status#NOT_A_MINIMUM}
     * @throws IllegalArgumentException as {@link #minimize}
     */
    Minimum check(Cost cost, double[] w);

    /**
     * Returns a copy of this minimizer with the given relative tolerance \(\tau\): converged
     * when the Hessian of C is positive definite, the Newton decrement is at most
     * \(\tau (1 + |C|)\) and the last Newton step moved half the log-determinant of the Hessian
     * of C by at most as much (see the class description).
     *
     * @param tolerance finite and &gt; 0
     * @return the new minimizer
     * @throws IllegalArgumentException if {@code tolerance} is not finite and &gt; 0
     */
    Minimizer withTolerance(double tolerance);

    /**
     * Returns a copy of this minimizer that also requires \(|\nabla C| \le\) {@code tolerance}
     * at a converged point, on top of the relative criterion of {@link #withTolerance}; none by
     * default. Until version 0.1 this absolute bound was the only criterion, with a default of
     * 1e-6, and at a small \(\lambda\) it let points far from the minimum count as converged;
     * it is now an extra condition for callers who want one, and a looser value no longer makes
     * a result count as converged.
     *
     * @param tolerance finite and &gt; 0
     * @return the new minimizer
     * @throws IllegalArgumentException if {@code tolerance} is not finite and &gt; 0
     */
    Minimizer withGradientTolerance(double tolerance);

    /**
     * Returns a copy of this minimizer with the given iteration limit.
     *
     * @param iterations &gt;= 1
     * @return the new minimizer
     * @throws IllegalArgumentException if {@code iterations} &lt; 1
     */
    Minimizer withMaxIterations(int iterations);

    /** Returns the relative tolerance \(\tau\). */
    double tolerance();

    /**
     * Returns the absolute bound on the gradient norm that a converged point must also meet,
     * {@code Double.POSITIVE_INFINITY} (none) unless set by {@link #withGradientTolerance}.
     */
    double gradientTolerance();

    /** Returns the iteration limit. */
    int maxIterations();
}
