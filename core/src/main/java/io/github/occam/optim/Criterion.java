package io.github.occam.optim;

/**
 * The convergence criterion of the {@link Minimizer} (its class description gives the reasons):
 * the relative tolerance \(\tau\), the optional bound on \(|\nabla C|\) and the iteration limit,
 * and the tests made with them. Immutable.
 *
 * @param tolerance the relative tolerance \(\tau\), finite and &gt; 0
 * @param gradientTolerance the bound on the gradient norm at a converged point, or
 *     {@code Double.POSITIVE_INFINITY}
 * @param maxIterations the iteration limit, &gt;= 1
 */
record Criterion(double tolerance, double gradientTolerance, int maxIterations) {

    /** The largest ratio of the next step to the last at which ln det A is extrapolated. */
    private static final double SETTLED_STEP_RATIO = 1e-3;
    /** Safety factor on the extrapolated change of the log-determinant. */
    private static final double SETTLED_SAFETY = 10.0;

    /** Returns \(\tau (1 + |C|)\), what the decrement and the log-determinant may move by. */
    double scale(double cost) {
        return tolerance * (1.0 + Math.abs(cost));
    }

    /**
     * Whether the Newton step at x meets the first two conditions: the Hessian of C is positive
     * definite, the decrement (reliably known) is at most the scale, and the gradient within its
     * bound.
     */
    boolean decrementMet(NewtonStep step, Iterate x) {
        return step.positiveDefinite && step.exact && step.decrement <= scale(x.cost)
                && x.gradientNorm <= gradientTolerance;
    }

    /**
     * Whether half the log-determinant has settled: the last full step moved it by at most
     * {@code scale}, or the step still to take is at most {@value #SETTLED_STEP_RATIO} of the
     * last one in the norm of A (the square root of the ratio of the decrements) and the last
     * change, scaled by that ratio and by a safety factor of {@value #SETTLED_SAFETY}, is at
     * most {@code scale}: the change of a smooth function over a step is first order in the
     * step's length.
     */
    static boolean logDetSettled(double lastChange, double decrement, double previousDecrement,
            double scale) {
        if (lastChange <= scale) {
            return true;
        }
        double ratio = Math.sqrt(decrement / previousDecrement);
        return ratio <= SETTLED_STEP_RATIO && SETTLED_SAFETY * lastChange * ratio <= scale;
    }
}
