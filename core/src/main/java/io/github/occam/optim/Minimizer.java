package io.github.occam.optim;

import static io.github.occam.internal.Vectors.axpy;
import static io.github.occam.internal.Vectors.dot;

import io.github.occam.Cost;
import io.github.occam.Model;
import io.github.occam.internal.Checks;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds \(w_0\), the minimum of \(C(w) = H(w) + \lambda |w|^2 / 2\) (Smith &amp; Le, section 2),
 * from a starting point, to a gradient norm the caller sets.
 *
 * <ul>
 *   <li>{@link #newton()}: Newton's method on the dense Hessian of \(C\) (Cholesky factorization;
 *       for a convex H it is positive definite, else a multiple of the identity is added until it
 *       is, and as a last resort the step is the negative gradient), with a backtracking Armijo
 *       line search. Quadratic convergence; a quadratic cost is solved in one step. Each
 *       iteration costs the dense Hessian and \(P^3/3\) flops, so it suits P up to a few
 *       thousand.</li>
 *   <li>{@link #lbfgs()}: limited-memory BFGS with the last 10 pairs and a backtracking Armijo line
 *       search; only gradients are needed, for large P.</li>
 *   <li>{@link #automatic()}: Newton for P &lt;= 2000, L-BFGS above.</li>
 * </ul>
 *
 * <p>The iteration stops, converged, when \(|\nabla C(w)| \le\) the gradient tolerance (absolute,
 * default {@value #DEFAULT_GRADIENT_TOLERANCE}); the error in \(C(w)\) is then at most about
 * \(|\nabla C|^2 / (2 \lambda)\) for a convex H. It stops unconverged at the iteration limit
 * (default {@value #DEFAULT_MAX_ITERATIONS}) or when no step along the search direction lowers
 * the cost (the tolerance is below what rounding allows); {@link Minimum#converged()} then says
 * so and a warning is logged. Minimizers are immutable and may be shared between threads.
 *
 * <pre>{@code
 * Minimizer minimizer = Minimizer.automatic().withGradientTolerance(1e-9);
 * Minimum minimum = minimizer.minimize(model, 0.1, new double[model.parameterCount()]);
 * }</pre>
 */
public final class Minimizer {

    /** The default absolute tolerance on the gradient norm of the cost. */
    public static final double DEFAULT_GRADIENT_TOLERANCE = 1e-6;

    /** The default iteration limit. */
    public static final int DEFAULT_MAX_ITERATIONS = 1000;

    /** The largest P for which {@link #automatic()} uses Newton's method. */
    public static final int AUTOMATIC_NEWTON_LIMIT = 2000;

    private static final Logger LOG = LoggerFactory.getLogger(Minimizer.class);
    private static final int LBFGS_MEMORY = 10;
    private static final double ARMIJO = 1e-4;
    private static final int MAX_HALVINGS = 60;
    private static final int MAX_DAMPINGS = 30;

    private enum Kind { NEWTON, LBFGS, AUTOMATIC }

    private final Kind kind;
    private final double gradientTolerance;
    private final int maxIterations;

    private Minimizer(Kind kind, double gradientTolerance, int maxIterations) {
        this.kind = kind;
        this.gradientTolerance = gradientTolerance;
        this.maxIterations = maxIterations;
    }

    /** Returns the safeguarded Newton minimizer with the default settings. */
    public static Minimizer newton() {
        return new Minimizer(Kind.NEWTON, DEFAULT_GRADIENT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
    }

    /** Returns the L-BFGS minimizer (memory 10) with the default settings. */
    public static Minimizer lbfgs() {
        return new Minimizer(Kind.LBFGS, DEFAULT_GRADIENT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * Returns the minimizer that uses Newton's method for P &lt;=
     * {@value #AUTOMATIC_NEWTON_LIMIT} and L-BFGS above, with the default settings.
     */
    public static Minimizer automatic() {
        return new Minimizer(Kind.AUTOMATIC, DEFAULT_GRADIENT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * Returns a copy of this minimizer with the given absolute tolerance on \(|\nabla C|\).
     *
     * @param tolerance finite and &gt; 0
     * @return the new minimizer
     * @throws IllegalArgumentException if {@code tolerance} is not finite and &gt; 0
     */
    public Minimizer withGradientTolerance(double tolerance) {
        Checks.positive("tolerance", tolerance);
        return new Minimizer(kind, tolerance, maxIterations);
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
        return new Minimizer(kind, gradientTolerance, iterations);
    }

    /** Returns the absolute tolerance on the gradient norm. */
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
     * @return the point reached, with {@link Minimum#converged()} telling whether the gradient
     *     tolerance was met
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public Minimum minimize(Model model, double lambda, double[] start) {
        Checks.notNull("model", model);
        Checks.positive("lambda", lambda);
        Checks.finiteVector("start", start, model.parameterCount());
        Cost cost = Cost.of(model, lambda);
        boolean useNewton = kind == Kind.NEWTON
                || (kind == Kind.AUTOMATIC && model.parameterCount() <= AUTOMATIC_NEWTON_LIMIT);
        Minimum minimum = useNewton ? newton(cost, start) : lbfgs(cost, start);
        if (!minimum.converged()) {
            LOG.warn("{} did not converge at lambda = {}: {} (gradient tolerance {})",
                    useNewton ? "Newton" : "L-BFGS", lambda, minimum, gradientTolerance);
        } else {
            LOG.debug("{} converged at lambda = {}: {}",
                    useNewton ? "Newton" : "L-BFGS", lambda, minimum);
        }
        return minimum;
    }

    /** The current iterate: point, cost, gradient and gradient norm. */
    private static final class Iterate {
        double[] w;
        double[] gradient;
        double cost;
        double gradientNorm;

        Iterate(Cost c, double[] start) {
            w = start.clone();
            gradient = new double[start.length];
            cost = c.value(w, gradient);
            gradientNorm = Checks.norm(gradient);
        }

        Iterate(int p) {
            w = new double[p];
            gradient = new double[p];
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

        Minimum result(int iterations, double tolerance) {
            return new Minimum(w, cost, gradientNorm, iterations,
                    finite() && gradientNorm <= tolerance);
        }
    }

    private Minimum newton(Cost cost, double[] start) {
        int p = start.length;
        Iterate x = new Iterate(cost, start);
        Iterate trial = new Iterate(p);
        double[] direction = new double[p];
        int iteration = 0;
        while (x.finite() && x.gradientNorm > gradientTolerance && iteration < maxIterations) {
            iteration++;
            if (!newtonDirection(cost.hessianAt(x.w).toDense(), x.gradient, direction)) {
                for (int j = 0; j < p; j++) {
                    direction[j] = -x.gradient[j];
                }
            }
            if (!lineSearch(cost, x, direction, 1.0, trial)) {
                break;
            }
            x.swap(trial);
        }
        return x.result(iteration, gradientTolerance);
    }

    /**
     * Solves (A + tau I) d = -g by Cholesky with the smallest tau in {0, t0, 10 t0, ...} that
     * makes the matrix positive definite and d a descent direction; false if none does.
     */
    private static boolean newtonDirection(double[][] a, double[] g, double[] d) {
        int p = g.length;
        double scale = 0.0;
        for (int i = 0; i < p; i++) {
            scale = Math.max(scale, Math.abs(a[i][i]));
        }
        double tau = 0.0;
        double[][] l = new double[p][];
        for (int attempt = 0; attempt <= MAX_DAMPINGS; attempt++) {
            if (cholesky(a, tau, l)) {
                solve(l, g, d);
                double slope = 0.0;
                for (int j = 0; j < p; j++) {
                    d[j] = -d[j];
                    slope += d[j] * g[j];
                }
                if (slope < 0.0) {
                    return true;
                }
            }
            tau = tau == 0.0 ? Math.max(1e-8 * scale, Double.MIN_NORMAL) : 10.0 * tau;
        }
        return false;
    }

    /** Lower Cholesky factor of the lower triangle of a + tau I into l; false if not PD. */
    private static boolean cholesky(double[][] a, double tau, double[][] l) {
        int p = a.length;
        for (int i = 0; i < p; i++) {
            double[] li = Arrays.copyOf(a[i], i + 1);
            li[i] += tau;
            for (int j = 0; j <= i; j++) {
                double[] lj = j == i ? li : l[j];
                double sum = li[j] - dot(li, 0, lj, 0, j);
                if (j < i) {
                    li[j] = sum / lj[j];
                } else if (sum > 0.0 && Double.isFinite(sum)) {
                    li[i] = Math.sqrt(sum);
                } else {
                    return false;
                }
            }
            l[i] = li;
        }
        return true;
    }

    /** Solves L L' x = b. */
    private static void solve(double[][] l, double[] b, double[] x) {
        int p = b.length;
        for (int i = 0; i < p; i++) {
            double sum = b[i];
            double[] li = l[i];
            for (int k = 0; k < i; k++) {
                sum -= li[k] * x[k];
            }
            x[i] = sum / li[i];
        }
        for (int i = p - 1; i >= 0; i--) {
            x[i] /= l[i][i];
            double xi = x[i];
            double[] li = l[i];
            for (int k = 0; k < i; k++) {
                x[k] -= li[k] * xi;
            }
        }
    }

    private Minimum lbfgs(Cost cost, double[] start) {
        int p = start.length;
        Iterate x = new Iterate(cost, start);
        Iterate trial = new Iterate(p);
        double[][] s = new double[LBFGS_MEMORY][p];
        double[][] y = new double[LBFGS_MEMORY][p];
        double[] rho = new double[LBFGS_MEMORY];
        double[] alpha = new double[LBFGS_MEMORY];
        double[] direction = new double[p];
        int stored = 0;
        int newest = -1;
        int iteration = 0;
        while (x.finite() && x.gradientNorm > gradientTolerance && iteration < maxIterations) {
            iteration++;
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
            if (!(dot(direction, x.gradient) < 0.0)) {
                stored = 0;          // lost descent: restart from steepest descent
                for (int j = 0; j < p; j++) {
                    direction[j] = -x.gradient[j];
                }
                initialStep = Math.min(1.0, 1.0 / x.gradientNorm);
            }
            if (!lineSearch(cost, x, direction, initialStep, trial)) {
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
        return x.result(iteration, gradientTolerance);
    }

    /**
     * Backtracking Armijo search along {@code d} from {@code x}, into {@code trial}. A step is
     * accepted when it meets the sufficient-decrease condition, or, once the decrease is lost in
     * the rounding of C, when C does not rise beyond rounding and the gradient norm falls.
     */
    private static boolean lineSearch(Cost cost, Iterate x, double[] d, double initialStep,
            Iterate trial) {
        double slope = dot(d, x.gradient);
        double roundingOfCost = 16.0 * Math.ulp(1.0) * Math.abs(x.cost);
        double step = initialStep;
        for (int halving = 0; halving <= MAX_HALVINGS; halving++) {
            for (int j = 0; j < d.length; j++) {
                trial.w[j] = x.w[j] + step * d[j];
            }
            trial.cost = cost.value(trial.w, trial.gradient);
            trial.gradientNorm = Checks.norm(trial.gradient);
            if (trial.finite()) {
                if (trial.cost <= x.cost + ARMIJO * step * slope) {
                    return true;
                }
                if (trial.cost <= x.cost + roundingOfCost
                        && trial.gradientNorm < x.gradientNorm) {
                    return true;
                }
            }
            step *= 0.5;
        }
        return false;
    }

    /** Returns the kind and the settings, for logs. */
    @Override
    public String toString() {
        return "Minimizer[" + kind.name().toLowerCase(java.util.Locale.ROOT)
                + ", gradientTolerance=" + gradientTolerance
                + ", maxIterations=" + maxIterations + "]";
    }
}
