package io.github.occam.optim;

import static io.github.occam.internal.Vectors.dot;

import io.github.occam.Cost;
import io.github.occam.GaussNewton;
import io.github.occam.SymmetricOperator;
import io.github.occam.internal.Checks;
import io.github.occam.internal.Vectors;
import io.github.occam.linalg.ConjugateGradients;
import io.github.occam.optim.Minimum.Status;

/**
 * The minimum nearest a point, such as the end of SGD training: L-BFGS from the point, then
 * Newton-CG steps on curvature products where L-BFGS gains too little, stopped when no descent
 * is left (beyond the paper: its Laplace formula assumes a minimum, and the end of SGD is not
 * one). A ReLU network's cost is only piecewise smooth, and the minimum nearest a point can sit on
 * a kink, where \(|\nabla C|\) does not vanish; so the stopping rule is not a gradient norm but
 * the gain: after at least 10 iterations, the search stops when the last 10 quasi-Newton steps
 * together, a step along \(-\nabla C\) and a Newton step each lower C by less than the tolerance
 * (1e-3 nats by default). The Newton step solves
 * \((G + \lambda I) d = -\nabla C\) by conjugate gradients (at most 50 products, to a relative
 * residual of 1e-2) on the Gauss-Newton curvature where the model has one (positive definite, so
 * defined on both sides of a kink), else on the Hessian.
 *
 * <p>The {@link Result} says what it took and where it ended: iterations and gradients, C and
 * \(|\nabla C|\) before and after, \(|w_0 - w_{start}|\), and the cost the quasi-Newton model says
 * is still to gain (\(-\frac{1}{2} g^T d\), d its last direction). Immutable.
 *
 * <pre>{@code
 * Polish.Result polished = Polish.withTolerance(1e-3).polish(Cost.of(net, 1.0), sgdEndPoint);
 * double[] w0 = polished.minimum().parameters();
 * }</pre>
 */
public final class Polish {

    /** The default tolerance, in nats of C. */
    public static final double DEFAULT_TOLERANCE = 1e-3;

    /** The default iteration limit. */
    public static final int DEFAULT_MAX_ITERATIONS = 10_000;

    /**
     * Iterations whose gains are added up before the stopping rule is tried: on an ill-conditioned
     * cost, such as a network at the end of large-batch SGD, one step gains little while ten
     * informed ones gain much (the L-BFGS memory is 10 pairs).
     */
    private static final int WINDOW = 10;
    /** The most curvature products of one Newton step's conjugate gradients. */
    private static final int NEWTON_PRODUCTS = 50;
    /** The relative residual at which a Newton step's conjugate gradients stop. */
    private static final double NEWTON_RESIDUAL = 1e-2;

    private final double tolerance;
    private final int maxIterations;

    private Polish(double tolerance, int maxIterations) {
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /** Returns the polish with the default tolerance and iteration limit. */
    public static Polish defaults() {
        return new Polish(DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * Returns the polish that stops once no step gains {@code nats}.
     *
     * @param nats finite and &gt; 0
     * @return the polish
     * @throws IllegalArgumentException if {@code nats} is not finite and &gt; 0
     */
    public static Polish withTolerance(double nats) {
        return new Polish(Checks.positive("tolerance", nats), DEFAULT_MAX_ITERATIONS);
    }

    /**
     * Returns a copy with the given iteration limit.
     *
     * @param iterations &gt;= 1
     * @return the polish
     * @throws IllegalArgumentException if {@code iterations} &lt; 1
     */
    public Polish withMaxIterations(int iterations) {
        return new Polish(tolerance, Checks.atLeast("iterations", iterations, 1));
    }

    /**
     * What a polish did.
     *
     * @param minimum the point reached, its cost and gradient norm; status
     *     {@link Status#CONVERGED} when no descent of the tolerance was left,
     *     {@link Status#ITERATION_LIMIT} at the limit; no curvature attached
     * @param startCost C at the start
     * @param startGradientNorm \(|\nabla C|\) at the start
     * @param distance \(|w_0 - w_{start}|\)
     * @param iterations L-BFGS iterations
     * @param gradients evaluations of C and its gradient
     * @param costToGain what the quasi-Newton model predicts one more step would gain, nats
     * @param curvatureProducts products with the curvature made by the Newton steps
     * @param newtonSteps Newton steps taken (those that gained the tolerance)
     */
    public record Result(Minimum minimum, double startCost, double startGradientNorm,
            double distance, int iterations, long gradients, double costToGain,
            long curvatureProducts, int newtonSteps) {

        /** Returns C at the end. */
        public double cost() {
            return minimum.cost();
        }

        /** Returns what the polish gained, {@code startCost - cost()}. */
        public double gain() {
            return startCost - minimum.cost();
        }
    }

    /**
     * Polishes {@code start} to the minimum of C nearest it.
     *
     * @param cost the cost
     * @param start the point, length P, finite (not modified)
     * @return the point reached and what it took
     * @throws IllegalArgumentException on a bad argument, or a cost or gradient that is not
     *     finite at {@code start}, naming it
     */
    public Result polish(Cost cost, double[] start) {
        Checks.notNull("cost", cost);
        int p = cost.parameterCount();
        Checks.finiteVector("start", start, p);
        Iterate x = Iterate.at(cost, start, "at the start point");
        double startCost = x.cost;
        double startNorm = x.gradientNorm;
        Iterate trial = new Iterate(p);
        LbfgsMemory memory = new LbfgsMemory(p);
        double[] direction = new double[p];
        double[] steepest = new double[p];
        ConjugateGradients cg = ConjugateGradients.of(p);
        int newtonSteps = 0;
        long curvatureProducts = 0;
        double[] recent = new double[WINDOW];
        int iteration = 0;
        double toGain = Double.NaN;
        Status status = Status.CONVERGED;
        while (x.gradientNorm > 0.0) {
            double initialStep = memory.direction(x.gradient, x.gradientNorm, direction);
            double slope = dot(direction, x.gradient);
            if (!(slope < 0.0)) {
                memory.clear();          // lost descent: restart from steepest descent
                initialStep = memory.direction(x.gradient, x.gradientNorm, direction);
                slope = dot(direction, x.gradient);
            }
            toGain = -0.5 * slope;
            if (iteration >= maxIterations) {
                status = Status.ITERATION_LIMIT;
                break;
            }
            iteration++;
            double before = x.cost;
            boolean moved = LineSearch.search(cost, x, direction, initialStep, trial) > 0.0;
            if (moved) {
                memory.update(x, trial);
                x.swap(trial);
            }
            recent[iteration % WINDOW] = before;   // C before iteration i, kept for i - WINDOW
            if (moved && (before - x.cost >= tolerance || iteration < WINDOW
                    || recent[(iteration + 1) % WINDOW] - x.cost >= tolerance)) {
                continue;
            }
            // the quasi-Newton steps gained less than the tolerance: is any descent left? A step
            // along -g is kept wherever it lowers C, then a Newton step is tried from there
            double beforeSteepest = x.cost;
            if (steepestDescent(cost, x, steepest, trial)) {
                memory.update(x, trial);
                x.swap(trial);
            }
            if (beforeSteepest - x.cost >= tolerance) {
                continue;
            }
            boolean newton = newtonGains(cost, x, direction, trial, cg);
            curvatureProducts += cg.products();
            if (!newton) {
                break;
            }
            newtonSteps++;
            memory.update(x, trial);
            x.swap(trial);
        }
        double distance = distance(x.w, start);
        Minimum minimum = new Minimum(x.w, x.cost, x.gradientNorm, Double.NaN, iteration, status);
        long gradients = x.evaluations + trial.evaluations;
        return new Result(minimum, startCost, startNorm, distance, iteration, gradients,
                toGain, curvatureProducts, newtonSteps);
    }

    /**
     * Tries a Newton step from x into trial: \((G + \lambda I) d = -g\) by conjugate gradients
     * (the Hessian where the model has no Gauss-Newton form), then a line search from step 1;
     * whether it gains the tolerance; {@code cg.products()} says what the solve took.
     */
    private boolean newtonGains(Cost cost, Iterate x, double[] d, Iterate trial,
            ConjugateGradients cg) {
        SymmetricOperator curvature = cost.model() instanceof GaussNewton
                ? cost.gaussNewtonAt(x.w) : cost.hessianAt(x.w);
        double[] negative = new double[d.length];
        for (int j = 0; j < d.length; j++) {
            negative[j] = -x.gradient[j];
            d[j] = 0.0;
        }
        cg.solve(curvature, negative, d, NEWTON_RESIDUAL, NEWTON_PRODUCTS);
        if (!(dot(d, x.gradient) < 0.0)) {
            return false;
        }
        double step = LineSearch.search(cost, x, d, 1.0, trial);
        return step > 0.0 && x.cost - trial.cost >= tolerance;
    }

    /** Tries a line search along -g from x into trial; whether it lowered C at all. */
    private static boolean steepestDescent(Cost cost, Iterate x, double[] steepest,
            Iterate trial) {
        for (int j = 0; j < steepest.length; j++) {
            steepest[j] = -x.gradient[j];
        }
        double step = LineSearch.search(cost, x, steepest, Math.min(1.0, 1.0 / x.gradientNorm),
                trial);
        return step > 0.0 && trial.cost < x.cost;
    }

    private static double distance(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            d[j] = a[j] - b[j];
        }
        return Vectors.norm(d);
    }

    /** Returns the tolerance, in nats. */
    public double tolerance() {
        return tolerance;
    }

    /** Returns the iteration limit. */
    public int maxIterations() {
        return maxIterations;
    }
}
