package io.github.occam.optim;

import io.github.occam.Cost;
import io.github.occam.SymmetricOperator;
import io.github.occam.optim.Minimum.Status;

/**
 * Newton's method with a backtracking line search, to the {@link Criterion}: the iteration of
 * {@link Minimizer#newton()}, and the finish of {@link Minimizer#lbfgs()}. Where the Hessian of C
 * is not positive definite the step is damped ({@link NewtonStep#dampedStep}).
 */
final class NewtonMethod {

    /** Whole Newton steps allowed within the rounding of C, for the curvature to settle. */
    private static final int MAX_SETTLING_STEPS = 8;
    /** Newton iterations over which C must move by more than the tolerance, or it stalled. */
    private static final int STALL_WINDOW = 10;

    private NewtonMethod() {
    }

    /**
     * Runs Newton's method from x, with {@code iteration} iterations already spent.
     *
     * @param dense whether the steps are solved on the dense Hessian (else by conjugate
     *     gradients)
     */
    static Minimum run(Cost cost, Iterate x, int iteration, boolean dense, Criterion criterion) {
        int p = x.w.length;
        Iterate trial = new Iterate(p);
        NewtonStep curvature = new NewtonStep(p, dense);
        double previousHalfLogDet = Double.NaN;
        double previousDecrement = Double.NaN;
        boolean arrivedByFullStep = false;
        int settling = 0;
        double[] recentCosts = new double[STALL_WINDOW];
        int steps = 0;
        while (true) {
            curvature.factor(cost, x);
            double scale = criterion.scale(x.cost);
            boolean decrementMet = criterion.decrementMet(curvature, x);
            if (decrementMet && arrivedByFullStep && (!dense || Criterion.logDetSettled(
                    Math.abs(curvature.halfLogDet - previousHalfLogDet),
                    curvature.decrement, previousDecrement, scale))) {
                return finish(cost, x, iteration, curvature.decrement, curvature.curvature(),
                        criterion);
            }
            if (iteration >= criterion.maxIterations()) {
                return result(x, iteration, curvature.decrement, Status.ITERATION_LIMIT,
                        curvature.curvature());
            }
            if (!decrementMet && steps >= STALL_WINDOW
                    && Math.abs(recentCosts[steps % STALL_WINDOW] - x.cost) <= scale) {
                // a Newton step promises more than the tolerance, yet the line search has cut
                // the last steps so short that C moved less than that: stuck (a wall of values
                // that are not finite, a kink)
                return result(x, iteration, curvature.decrement,
                        curvature.positiveDefinite ? Status.STALLED : Status.NOT_A_MINIMUM,
                        curvature.curvature());
            }
            recentCosts[steps % STALL_WINDOW] = x.cost;
            steps++;
            iteration++;
            boolean fullStep;
            if (curvature.positiveDefinite && curvature.exact
                    && curvature.decrement <= LineSearch.roundingOf(x.cost)) {
                // the decrease is lost in the rounding of C, which a line search cannot see:
                // take the step whole, for the curvature to settle
                if (++settling > MAX_SETTLING_STEPS
                        || !LineSearch.takeWhole(cost, x, curvature.step, trial)) {
                    return result(x, iteration - 1, curvature.decrement, Status.STALLED,
                            curvature.curvature());
                }
                fullStep = true;
            } else {
                if (!curvature.positiveDefinite) {
                    curvature.dampedStep(x.gradient);
                }
                double accepted = LineSearch.search(cost, x, curvature.step, 1.0, trial);
                if (accepted == 0.0) {
                    return result(x, iteration - 1, curvature.decrement,
                            curvature.positiveDefinite ? Status.STALLED : Status.NOT_A_MINIMUM,
                            curvature.curvature());
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
     * Returns the converged result, unless a lower cost is found next to the point
     * ({@link SaddleProbe}; not looked for when the model's cross-entropy is convex).
     */
    static Minimum finish(Cost cost, Iterate x, int iterations, double decrement,
            SymmetricOperator curvature, Criterion criterion) {
        boolean saddle = !cost.convex()
                && SaddleProbe.lowerCostNearby(cost, x, curvature, criterion.tolerance());
        return result(x, iterations, decrement, saddle ? Status.NOT_A_MINIMUM : Status.CONVERGED,
                curvature);
    }

    static Minimum result(Iterate x, int iterations, double decrement, Status status,
            SymmetricOperator curvature) {
        return new Minimum(x.w, x.cost, x.gradientNorm, decrement, iterations, status,
                curvature);
    }
}
