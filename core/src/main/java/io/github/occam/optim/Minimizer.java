package io.github.occam.optim;

import static io.github.occam.internal.Vectors.axpy;
import static io.github.occam.internal.Vectors.dot;

import io.github.occam.Cost;
import io.github.occam.Model;
import io.github.occam.SymmetricOperator;
import io.github.occam.internal.Checks;
import io.github.occam.internal.DenseHessianScope;
import io.github.occam.internal.ModelChecks;
import io.github.occam.optim.Minimum.Status;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <pre>{@code
 * Minimizer minimizer = Minimizer.automatic().withTolerance(1e-12);
 * Minimum minimum = minimizer.minimize(model, 0.1, new double[model.parameterCount()]);
 * }</pre>
 */
public final class Minimizer {

    /**
     * The default relative tolerance: the Newton decrement and the change of the
     * log-determinant in the last step, each at most this times {@code 1 + |C|}.
     */
    public static final double DEFAULT_TOLERANCE = 1e-10;

    /** The default iteration limit. */
    public static final int DEFAULT_MAX_ITERATIONS = 1000;

    /**
     * The largest P for which {@link #automatic()} uses Newton's method, and for which L-BFGS
     * finishes on the dense Hessian.
     */
    public static final int AUTOMATIC_NEWTON_LIMIT = 2000;

    private static final Logger LOG = LoggerFactory.getLogger(Minimizer.class);
    private static final int LBFGS_MEMORY = 10;
    private static final double ARMIJO = 1e-4;
    private static final int MAX_HALVINGS = 60;
    private static final int MAX_DAMPINGS = 30;
    /** Whole Newton steps allowed within the rounding of C, for the curvature to settle. */
    private static final int MAX_SETTLING_STEPS = 8;
    /** The largest ratio of the next step to the last at which ln det A is extrapolated. */
    private static final double SETTLED_STEP_RATIO = 1e-3;
    /** Safety factor on the extrapolated change of the log-determinant. */
    private static final double SETTLED_SAFETY = 10.0;
    /** Newton iterations over which C must move by more than the tolerance, or it stalled. */
    private static final int STALL_WINDOW = 10;
    private static final double CG_RESIDUAL = 1e-10;
    private static final int MAX_CG_PRODUCTS = 500;
    /** Probes for a lower cost next to a converged point. */
    private static final int PROBES = 3;
    /** What the quadratic model of C charges for a probe's displacement, in nats. */
    private static final double PROBE_RISE = 0.01;
    /** Steepest-descent steps of a probe. */
    private static final int PROBE_STEPS = 20;
    private static final long PROBE_SEED = 20180101L;

    private enum Kind { NEWTON, LBFGS, AUTOMATIC }

    private final Kind kind;
    private final double tolerance;
    private final double gradientTolerance;
    private final int maxIterations;

    private Minimizer(Kind kind, double tolerance, double gradientTolerance, int maxIterations) {
        this.kind = kind;
        this.tolerance = tolerance;
        this.gradientTolerance = gradientTolerance;
        this.maxIterations = maxIterations;
    }

    /** Returns the safeguarded Newton minimizer with the default settings. */
    public static Minimizer newton() {
        return new Minimizer(Kind.NEWTON, DEFAULT_TOLERANCE, Double.POSITIVE_INFINITY,
                DEFAULT_MAX_ITERATIONS);
    }

    /** Returns the L-BFGS minimizer (memory 10) with the default settings. */
    public static Minimizer lbfgs() {
        return new Minimizer(Kind.LBFGS, DEFAULT_TOLERANCE, Double.POSITIVE_INFINITY,
                DEFAULT_MAX_ITERATIONS);
    }

    /**
     * Returns the minimizer that uses Newton's method for P &lt;=
     * {@value #AUTOMATIC_NEWTON_LIMIT} and L-BFGS above, with the default settings.
     */
    public static Minimizer automatic() {
        return new Minimizer(Kind.AUTOMATIC, DEFAULT_TOLERANCE, Double.POSITIVE_INFINITY,
                DEFAULT_MAX_ITERATIONS);
    }

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
    public Minimizer withTolerance(double tolerance) {
        Checks.positive("tolerance", tolerance);
        return new Minimizer(kind, tolerance, gradientTolerance, maxIterations);
    }

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
    public Minimizer withGradientTolerance(double tolerance) {
        Checks.positive("tolerance", tolerance);
        return new Minimizer(kind, this.tolerance, tolerance, maxIterations);
    }

    /**
     * Returns a copy of this minimizer with the given iteration limit.
     *
     * @param iterations &gt;= 1
     * @return the new minimizer
     * @throws IllegalArgumentException if {@code iterations} &lt; 1
     */
    public Minimizer withMaxIterations(int iterations) {
        Checks.atLeast("iterations", iterations, 1);
        return new Minimizer(kind, tolerance, gradientTolerance, iterations);
    }

    /** Returns the relative tolerance \(\tau\). */
    public double tolerance() {
        return tolerance;
    }

    /**
     * Returns the absolute bound on the gradient norm that a converged point must also meet,
     * {@code Double.POSITIVE_INFINITY} (none) unless set by {@link #withGradientTolerance}.
     */
    public double gradientTolerance() {
        return gradientTolerance;
    }

    /** Returns the iteration limit. */
    public int maxIterations() {
        return maxIterations;
    }

    /**
     * Minimizes \(C(w) = H(w) + \lambda |w|^2 / 2\) from {@code start}.
     *
     * @param model the model supplying H
     * @param lambda the prior precision, finite and &gt; 0
     * @param start the starting point, length P, finite (not modified)
     * @return the point reached, with {@link Minimum#converged()} telling whether it is a
     *     minimum to the tolerance and {@link Minimum#status()} why it stopped
     * @throws IllegalArgumentException on a bad argument, naming it and its value; if the model
     *     reports fewer than 1 parameter or example; if the cost or its gradient is not finite at
     *     {@code start}; if the model's curvature operator has the wrong dimension or entries
     *     that are not finite; or if the dense Hessian that Newton's method needs cannot fit in
     *     the memory the JVM may use
     */
    public Minimum minimize(Model model, double lambda, double[] start) {
        int p = ModelChecks.sizes(model);
        Checks.positive("lambda", lambda);
        Checks.finiteVector("start", start, p);
        boolean useNewton = kind == Kind.NEWTON
                || (kind == Kind.AUTOMATIC && p <= AUTOMATIC_NEWTON_LIMIT);
        if (useNewton) {
            checkDenseFits(p);
        }
        Cost cost = Cost.of(model, lambda);
        Iterate x = Iterate.at(cost, start, "at the start point");
        Minimum minimum = useNewton ? newton(cost, x, 0, true) : lbfgs(cost, x);
        String name = useNewton ? "Newton" : "L-BFGS";
        if (!minimum.converged()) {
            LOG.warn("{} did not converge at lambda = {} ({}): {}", name, lambda,
                    minimum.status(), minimum);
        } else {
            LOG.debug("{} converged at lambda = {}: {}", name, lambda, minimum);
        }
        return minimum;
    }

    /**
     * Checks whether a given point, such as the end of SGD training, is a minimum of the cost to
     * this minimizer's tolerance, without minimizing: the criterion of the class description,
     * the change of the log-determinant measured one Newton step ahead.
     *
     * @param model the model supplying H
     * @param lambda the prior precision, finite and &gt; 0
     * @param w the point, length P, finite (not modified)
     * @return the point, with 0 iterations and the status {@link Status#CONVERGED},
     *     {@link Status#TOLERANCE_NOT_MET} or {@link Status#NOT_A_MINIMUM}
     * @throws IllegalArgumentException as {@link #minimize}
     */
    public Minimum check(Model model, double lambda, double[] w) {
        int p = ModelChecks.sizes(model);
        Checks.positive("lambda", lambda);
        Checks.finiteVector("w", w, p);
        boolean dense = kind == Kind.NEWTON || p <= AUTOMATIC_NEWTON_LIMIT;
        if (dense) {
            checkDenseFits(p);
        }
        Cost cost = Cost.of(model, lambda);
        Iterate x = Iterate.at(cost, w, "at the given point");
        Curvature curvature = new Curvature(p, dense);
        curvature.factor(cost, x);
        if (!curvature.positiveDefinite) {
            return result(x, 0, Double.NaN, Status.NOT_A_MINIMUM);
        }
        double scale = tolerance * (1.0 + Math.abs(x.cost));
        if (!(curvature.exact && curvature.decrement <= scale
                && x.gradientNorm <= gradientTolerance)) {
            return result(x, 0, curvature.decrement, Status.TOLERANCE_NOT_MET);
        }
        if (dense) {
            Iterate ahead = new Iterate(p);
            for (int j = 0; j < p; j++) {
                ahead.w[j] = x.w[j] + curvature.step[j];
            }
            ahead.evaluate(cost);
            double halfLogDet = curvature.halfLogDet;
            double decrement = curvature.decrement;
            if (!ahead.finite()) {
                return result(x, 0, decrement, Status.TOLERANCE_NOT_MET);
            }
            double[][] atPoint = curvature.matrix;
            curvature.factor(cost, ahead);
            DenseHessianScope.offer(cost.model(), cost.lambda(), x.w, atPoint);
            if (!curvature.positiveDefinite
                    || !(Math.abs(curvature.halfLogDet - halfLogDet) <= scale)) {
                return result(x, 0, decrement, Status.TOLERANCE_NOT_MET);
            }
            return finish(cost, x, 0, decrement);
        }
        return finish(cost, x, 0, curvature.decrement);
    }

    private static void checkDenseFits(int p) {
        Checks.fitsInMemory("Newton's method on the dense " + p + " x " + p + " Hessian",
                1.5 * p * (double) p);
    }

    private static Minimum result(Iterate x, int iterations, double decrement, Status status) {
        return new Minimum(x.w, x.cost, x.gradientNorm, decrement, iterations, status);
    }

    /** Returns the converged result, unless a lower cost is found next to the point. */
    private Minimum finish(Cost cost, Iterate x, int iterations, double decrement) {
        boolean saddle = !cost.model().convex() && lowerCostNearby(cost, x, tolerance);
        return result(x, iterations, decrement, saddle ? Status.NOT_A_MINIMUM : Status.CONVERGED);
    }

    /**
     * Looks for a lower cost next to a point that passed the convergence test, as a saddle at a
     * kink of the cost would have: at w = 0 of a ReLU network every hidden unit sits at its kink,
     * no gradient reaches the weights, and the Hessian (taken with the derivative 0 of the ReLU
     * at 0) shows only \(\lambda\), yet a step that turns some units on and aligns the output
     * weights with the residuals lowers the cost at second order. Each of {@value #PROBES}
     * seeded probes takes a random displacement r that the quadratic model of C at the point
     * prices at {@value #PROBE_RISE} nats (\(\frac{1}{2} r^T A r\)), then up to
     * {@value #PROBE_STEPS} steepest-descent steps from w + r, each priced the same way or cut
     * to the minimum of the quadratic model along it, while the cost falls; it compares the cost
     * at w - r, w + r and after each step with C(w). At a minimum none is lower by more than
     * twice the tolerance (plus rounding); a convex cost never is. Cost: per probe, at most 21
     * Hessian-vector products, 21 gradients and 22 values of C.
     */
    private static boolean lowerCostNearby(Cost cost, Iterate x, double tolerance) {
        int p = x.w.length;
        SymmetricOperator hessian = ModelChecks.costHessian(cost, x.w);
        double margin = (2.0 * tolerance + 1000.0 * Math.ulp(1.0)) * (1.0 + Math.abs(x.cost));
        java.util.Random random = new java.util.Random(PROBE_SEED);
        double[] r = new double[p];
        double[] d = new double[p];
        double[] product = new double[p];
        Iterate probe = new Iterate(p);
        for (int k = 0; k < PROBES; k++) {
            for (int j = 0; j < p; j++) {
                r[j] = random.nextGaussian();
            }
            if (!priceAt(hessian, r, product, false)) {
                return true;
            }
            for (int sign = -1; sign <= 1; sign += 2) {
                for (int j = 0; j < p; j++) {
                    probe.w[j] = x.w[j] + sign * r[j];
                }
                probe.evaluate(cost);
                if (probe.finite() && probe.cost < x.cost - margin) {
                    return true;
                }
            }
            // probe.w is w + r: descend from there, each step priced like r
            double previous = probe.cost;
            for (int step = 0; step < PROBE_STEPS && probe.finite(); step++) {
                for (int j = 0; j < p; j++) {
                    d[j] = -probe.gradient[j];
                }
                if (Checks.norm(d) == 0.0) {
                    break;
                }
                if (!priceAt(hessian, d, product, true)) {
                    return true;
                }
                for (int j = 0; j < p; j++) {
                    probe.w[j] += d[j];
                }
                probe.evaluate(cost);
                if (probe.finite() && probe.cost < x.cost - margin) {
                    return true;
                }
                if (!(probe.cost < previous)) {
                    break;
                }
                previous = probe.cost;
            }
        }
        return false;
    }

    /**
     * Scales v so that \(\frac{1}{2} v^T A v\) = {@value #PROBE_RISE}, or, for a descent step
     * along v = -g, to the minimum of the quadratic model along v if that is shorter (the Cauchy
     * step); false if the curvature along v is not positive (then the point is not a minimum).
     */
    private static boolean priceAt(SymmetricOperator hessian, double[] v, double[] product,
            boolean descent) {
        double norm = Checks.norm(v);
        if (!(norm > 0.0 && norm < Double.POSITIVE_INFINITY)) {
            return true;       // nothing to price; the caller's next value check decides
        }
        for (int j = 0; j < v.length; j++) {
            v[j] /= norm;      // a unit vector, so that the product cannot overflow
        }
        hessian.apply(v, product);
        double curvature = dot(v, product);
        if (!(curvature > 0.0)) {
            return false;
        }
        double factor = Math.sqrt(2.0 * PROBE_RISE / curvature);
        if (descent) {
            factor = Math.min(factor, norm / curvature);    // the Cauchy step along -g
        }
        for (int j = 0; j < v.length; j++) {
            v[j] *= factor;
        }
        return true;
    }

    /** The current iterate: point, cost, gradient and gradient norm. */
    private static final class Iterate {
        double[] w;
        double[] gradient;
        double cost;
        double gradientNorm;

        Iterate(int p) {
            w = new double[p];
            gradient = new double[p];
        }

        /** The iterate at {@code start}, whose cost and gradient must be finite. */
        static Iterate at(Cost c, double[] start, String where) {
            Iterate x = new Iterate(start.length);
            System.arraycopy(start, 0, x.w, 0, start.length);
            x.cost = ModelChecks.value(c, x.w, x.gradient, where);
            x.gradientNorm = Checks.norm(x.gradient);
            return x;
        }

        void evaluate(Cost c) {
            cost = c.value(w, gradient);
            gradientNorm = Checks.norm(gradient);
        }

        boolean finite() {
            return Double.isFinite(cost) && Double.isFinite(gradientNorm);
        }

        void swap(Iterate other) {
            double[] t = w;
            w = other.w;
            other.w = t;
            t = gradient;
            gradient = other.gradient;
            other.gradient = t;
            double c = cost;
            cost = other.cost;
            other.cost = c;
            double n = gradientNorm;
            gradientNorm = other.gradientNorm;
            other.gradientNorm = n;
        }
    }

    /**
     * The curvature of C at an iterate and the Newton step it gives: from the dense Hessian by
     * Cholesky (with the log-determinant), or by conjugate gradients on Hessian-vector products.
     */
    private static final class Curvature {
        final boolean dense;
        final double[] step;
        final double[][] lower;
        final double[] residual;
        final double[] direction;
        final double[] product;
        double[][] matrix;
        boolean positiveDefinite;
        /** Whether the decrement is reliable (Cholesky, or CG that met its residual). */
        boolean exact;
        double decrement;
        double halfLogDet;

        Curvature(int p, boolean dense) {
            this.dense = dense;
            this.step = new double[p];
            this.lower = dense ? new double[p][] : null;
            this.residual = dense ? null : new double[p];
            this.direction = dense ? null : new double[p];
            this.product = dense ? null : new double[p];
        }

        /** Factors the Hessian of C at x; fills step = -A^-1 g when positive definite. */
        void factor(Cost cost, Iterate x) {
            positiveDefinite = false;
            exact = false;
            decrement = Double.NaN;
            halfLogDet = Double.NaN;
            SymmetricOperator hessian = ModelChecks.costHessian(cost, x.w);
            if (dense) {
                matrix = hessian.toDense();
                for (int i = 0; i < matrix.length; i++) {
                    if (!Double.isFinite(matrix[i][i])) {
                        throw new IllegalArgumentException("the Hessian of the cost of "
                                + ModelChecks.name(cost.model()) + " has diagonal entry [" + i
                                + "][" + i + "] = " + matrix[i][i] + " at lambda = "
                                + cost.lambda() + ": beyond the range of doubles");
                    }
                }
                DenseHessianScope.offer(cost.model(), cost.lambda(), x.w, matrix);
                factorDense(x.gradient);
            } else {
                conjugateGradients(hessian, x.gradient);
            }
        }

        private void factorDense(double[] g) {
            if (!Cholesky.factor(matrix, 0.0, lower)) {
                return;
            }
            Cholesky.solve(lower, g, step);
            double gs = 0.0;
            double logDet = 0.0;
            for (int j = 0; j < g.length; j++) {
                gs += g[j] * step[j];
                step[j] = -step[j];
                logDet += Math.log(lower[j][j]);
            }
            positiveDefinite = true;
            exact = true;
            decrement = Math.max(0.5 * gs, 0.0);
            halfLogDet = logDet;
        }

        /** Solves A s = -g by CG; negative curvature met along the way means not definite. */
        private void conjugateGradients(SymmetricOperator hessian, double[] g) {
            int p = g.length;
            Arrays.fill(step, 0.0);
            double rr = 0.0;
            for (int j = 0; j < p; j++) {
                residual[j] = -g[j];
                direction[j] = residual[j];
                rr += residual[j] * residual[j];
            }
            double target = CG_RESIDUAL * CG_RESIDUAL * rr;
            boolean met = rr == 0.0;
            for (int k = 0; k < Math.min(MAX_CG_PRODUCTS, 2 * p) && !met; k++) {
                hessian.apply(direction, product);
                double curvature = dot(direction, product);
                if (!(curvature > 0.0)) {
                    if (k == 0) {
                        for (int j = 0; j < p; j++) {
                            step[j] = -g[j];
                        }
                    }
                    return;
                }
                double alpha = rr / curvature;
                axpy(alpha, direction, step);
                axpy(-alpha, product, residual);
                double next = dot(residual, residual);
                met = next <= target;
                double beta = next / rr;
                rr = next;
                for (int j = 0; j < p; j++) {
                    direction[j] = residual[j] + beta * direction[j];
                }
            }
            positiveDefinite = true;
            exact = met;
            decrement = Math.max(-0.5 * dot(g, step), 0.0);
        }

        /** Writes a descent direction into step where A is not positive definite. */
        void dampedStep(double[] g) {
            if (!dense || !newtonDirection(matrix, g, step, lower)) {
                if (!dense && dot(step, g) < 0.0) {
                    return;        // the part of the CG solve before the negative curvature
                }
                for (int j = 0; j < g.length; j++) {
                    step[j] = -g[j];
                }
            }
        }
    }

    /**
     * Newton's method from x, with {@code iteration} iterations already spent: the iteration of
     * {@link #newton()}, and the finish of {@link #lbfgs()}.
     */
    private Minimum newton(Cost cost, Iterate x, int iteration, boolean dense) {
        int p = x.w.length;
        Iterate trial = new Iterate(p);
        Curvature curvature = new Curvature(p, dense);
        double previousHalfLogDet = Double.NaN;
        double previousDecrement = Double.NaN;
        boolean arrivedByFullStep = false;
        int settling = 0;
        double[] recentCosts = new double[STALL_WINDOW];
        int steps = 0;
        while (true) {
            curvature.factor(cost, x);
            double scale = tolerance * (1.0 + Math.abs(x.cost));
            boolean decrementMet = curvature.positiveDefinite && curvature.exact
                    && curvature.decrement <= scale && x.gradientNorm <= gradientTolerance;
            if (decrementMet && arrivedByFullStep && (!dense || logDetSettled(
                    Math.abs(curvature.halfLogDet - previousHalfLogDet),
                    curvature.decrement, previousDecrement, scale))) {
                return finish(cost, x, iteration, curvature.decrement);
            }
            if (iteration >= maxIterations) {
                return result(x, iteration, curvature.decrement, Status.ITERATION_LIMIT);
            }
            if (!decrementMet && steps >= STALL_WINDOW
                    && Math.abs(recentCosts[steps % STALL_WINDOW] - x.cost) <= scale) {
                // a Newton step promises more than the tolerance, yet the line search has cut
                // the last steps so short that C moved less than that: stuck (a wall of values
                // that are not finite, a kink)
                return result(x, iteration, curvature.decrement,
                        curvature.positiveDefinite ? Status.STALLED : Status.NOT_A_MINIMUM);
            }
            recentCosts[steps % STALL_WINDOW] = x.cost;
            steps++;
            iteration++;
            boolean fullStep;
            if (curvature.positiveDefinite && curvature.exact
                    && curvature.decrement <= roundingOf(x.cost)) {
                // the decrease is lost in the rounding of C, which a line search cannot see:
                // take the step whole, for the curvature to settle
                if (++settling > MAX_SETTLING_STEPS || !takeWhole(cost, x, curvature.step,
                        trial)) {
                    return result(x, iteration - 1, curvature.decrement, Status.STALLED);
                }
                fullStep = true;
            } else {
                if (!curvature.positiveDefinite) {
                    curvature.dampedStep(x.gradient);
                }
                double accepted = lineSearch(cost, x, curvature.step, 1.0, trial);
                if (accepted == 0.0) {
                    return result(x, iteration - 1, curvature.decrement,
                            curvature.positiveDefinite ? Status.STALLED : Status.NOT_A_MINIMUM);
                }
                fullStep = curvature.positiveDefinite && accepted == 1.0;
            }
            previousHalfLogDet = curvature.halfLogDet;
            previousDecrement = curvature.decrement;
            arrivedByFullStep = fullStep;
            x.swap(trial);
        }
    }

    /**
     * Whether half the log-determinant has settled: the last full step moved it by at most
     * {@code scale}, or the step still to take is at most {@value #SETTLED_STEP_RATIO} of the
     * last one in the norm of A (the square root of the ratio of the decrements) and the last
     * change, scaled by that ratio and by a safety factor of {@value #SETTLED_SAFETY}, is at
     * most {@code scale}: the change of a smooth function over a step is first order in the
     * step's length.
     */
    private static boolean logDetSettled(double lastChange, double decrement,
            double previousDecrement, double scale) {
        if (lastChange <= scale) {
            return true;
        }
        double ratio = Math.sqrt(decrement / previousDecrement);
        return ratio <= SETTLED_STEP_RATIO && SETTLED_SAFETY * lastChange * ratio <= scale;
    }

    /** Takes the step s whole unless the cost rises beyond rounding; false if it does. */
    private static boolean takeWhole(Cost cost, Iterate x, double[] s, Iterate trial) {
        for (int j = 0; j < s.length; j++) {
            trial.w[j] = x.w[j] + s[j];
        }
        trial.evaluate(cost);
        return trial.finite() && trial.cost <= x.cost + roundingOf(x.cost);
    }

    private static double roundingOf(double cost) {
        return 16.0 * Math.ulp(1.0) * Math.abs(cost);
    }

    /**
     * Solves (A + tau I) d = -g by Cholesky with the smallest tau in {t0, 10 t0, ...} that makes
     * the matrix positive definite and d a descent direction; false if none does.
     */
    private static boolean newtonDirection(double[][] a, double[] g, double[] d, double[][] l) {
        int p = g.length;
        double scale = 0.0;
        for (int i = 0; i < p; i++) {
            scale = Math.max(scale, Math.abs(a[i][i]));
        }
        double tau = Math.max(1e-8 * scale, Double.MIN_NORMAL);
        for (int attempt = 0; attempt < MAX_DAMPINGS; attempt++) {
            if (Cholesky.factor(a, tau, l)) {
                Cholesky.solve(l, g, d);
                double slope = 0.0;
                for (int j = 0; j < p; j++) {
                    d[j] = -d[j];
                    slope += d[j] * g[j];
                }
                if (slope < 0.0) {
                    return true;
                }
            }
            tau *= 10.0;
        }
        return false;
    }

    /**
     * L-BFGS from x until its estimate of the Newton decrement, \(-\frac{1}{2} g^T d\) with d its
     * direction, meets the tolerance (or no step lowers the cost); then Newton's method finishes
     * to the criterion of the class description.
     */
    private Minimum lbfgs(Cost cost, Iterate x) {
        int p = x.w.length;
        Iterate trial = new Iterate(p);
        double[][] s = new double[LBFGS_MEMORY][p];
        double[][] y = new double[LBFGS_MEMORY][p];
        double[] rho = new double[LBFGS_MEMORY];
        double[] alpha = new double[LBFGS_MEMORY];
        double[] direction = new double[p];
        int stored = 0;
        int newest = -1;
        int iteration = 0;
        while (x.gradientNorm > 0.0) {
            // Two-loop recursion: direction = -H_k g.
            for (int j = 0; j < p; j++) {
                direction[j] = -x.gradient[j];
            }
            for (int k = 0; k < stored; k++) {
                int m = Math.floorMod(newest - k, LBFGS_MEMORY);
                alpha[m] = rho[m] * dot(s[m], direction);
                axpy(-alpha[m], y[m], direction);
            }
            double initialStep = 1.0;
            if (stored > 0) {
                double gamma = 1.0 / (rho[newest] * dot(y[newest], y[newest]));
                for (int j = 0; j < p; j++) {
                    direction[j] *= gamma;
                }
            } else {
                initialStep = Math.min(1.0, 1.0 / x.gradientNorm);
            }
            for (int k = stored - 1; k >= 0; k--) {
                int m = Math.floorMod(newest - k, LBFGS_MEMORY);
                double beta = rho[m] * dot(y[m], direction);
                axpy(alpha[m] - beta, s[m], direction);
            }
            double slope = dot(direction, x.gradient);
            if (stored > 0 && slope < 0.0
                    && -0.5 * slope <= tolerance * (1.0 + Math.abs(x.cost))
                    && x.gradientNorm <= gradientTolerance) {
                break;
            }
            if (!(slope < 0.0)) {
                stored = 0;          // lost descent: restart from steepest descent
                for (int j = 0; j < p; j++) {
                    direction[j] = -x.gradient[j];
                }
                initialStep = Math.min(1.0, 1.0 / x.gradientNorm);
            }
            if (iteration >= maxIterations) {
                return result(x, iteration, Double.NaN, Status.ITERATION_LIMIT);
            }
            iteration++;
            if (lineSearch(cost, x, direction, initialStep, trial) == 0.0) {
                break;
            }
            int next = (newest + 1) % LBFGS_MEMORY;
            double sy = 0.0;
            double yy = 0.0;
            for (int j = 0; j < p; j++) {
                s[next][j] = trial.w[j] - x.w[j];
                y[next][j] = trial.gradient[j] - x.gradient[j];
                sy += s[next][j] * y[next][j];
                yy += y[next][j] * y[next][j];
            }
            if (sy > Math.ulp(1.0) * yy && yy > 0.0) {     // keep only curvature pairs
                rho[next] = 1.0 / sy;
                newest = next;
                stored = Math.min(stored + 1, LBFGS_MEMORY);
            }
            x.swap(trial);
        }
        boolean dense = p <= AUTOMATIC_NEWTON_LIMIT;
        if (dense) {
            checkDenseFits(p);
        }
        return newton(cost, x, iteration, dense);
    }

    /**
     * Backtracking Armijo search along {@code d} from {@code x}, into {@code trial}. A step is
     * accepted when it meets the sufficient-decrease condition, or, once the decrease is lost in
     * the rounding of C, when C does not rise beyond rounding and the gradient norm falls. A trial
     * point where the cost or the gradient is not finite counts as too long a step.
     *
     * @return the accepted step length, or 0 if none was found
     */
    private static double lineSearch(Cost cost, Iterate x, double[] d, double initialStep,
            Iterate trial) {
        double slope = dot(d, x.gradient);
        double roundingOfCost = roundingOf(x.cost);
        double step = initialStep;
        for (int halving = 0; halving <= MAX_HALVINGS; halving++) {
            for (int j = 0; j < d.length; j++) {
                trial.w[j] = x.w[j] + step * d[j];
            }
            trial.evaluate(cost);
            if (trial.finite()) {
                if (trial.cost <= x.cost + ARMIJO * step * slope) {
                    return step;
                }
                if (trial.cost <= x.cost + roundingOfCost
                        && trial.gradientNorm < x.gradientNorm) {
                    return step;
                }
            }
            step *= 0.5;
        }
        return 0.0;
    }

    /** Returns the kind and the settings, for logs. */
    @Override
    public String toString() {
        return "Minimizer[" + kind.name().toLowerCase(java.util.Locale.ROOT)
                + ", tolerance=" + tolerance
                + (gradientTolerance < Double.POSITIVE_INFINITY
                        ? ", gradientTolerance=" + gradientTolerance : "")
                + ", maxIterations=" + maxIterations + "]";
    }
}
