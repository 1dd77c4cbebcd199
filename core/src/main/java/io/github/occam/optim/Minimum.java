package io.github.occam.optim;

import io.github.occam.Cost;
import io.github.occam.SymmetricOperator;
import io.github.occam.internal.Checks;

/**
 * The result of {@link Minimizer#minimize} (or {@link Minimizer#check}): the point reached, the
 * cost, gradient norm and Newton decrement there, why the minimizer stopped, and the curvature
 * of the cost at the point. A minimizer that
 * stops early (iteration limit, a line search that cannot decrease the cost, a point that is not
 * a minimum) returns its last point with {@link #converged()} false and the reason in
 * {@link #status()}; it never reports an unconverged point as a minimum, and never a cost or a
 * point that is not finite. Instances are immutable and may be shared between threads.
 *
 * <pre>{@code
 * Minimum minimum = Minimizer.newton().minimize(Cost.of(model, 0.1),
 *         new double[model.parameterCount()]);
 * if (!minimum.converged()) {
 *     throw new IllegalStateException("no minimum (" + minimum.status() + "): " + minimum);
 * }
 * double[] w0 = minimum.parameters();
 * }</pre>
 *
 * @param parameters the point reached, finite (copied in, and copied again by the accessor)
 * @param cost the cost \(C(w) = H(w) + \lambda |w|^2 / 2\) there, finite
 * @param gradientNorm the Euclidean norm of the gradient of \(C\) there, finite and &gt;= 0
 * @param decrement the Newton decrement \(\frac{1}{2} \nabla C^T (\nabla\nabla C)^{-1} \nabla C\)
 *     there, the decrease of C that one more Newton step promises; NaN where it is not known (the
 *     Hessian of C is not positive definite, or was not factored)
 * @param iterations the number of iterations taken
 * @param status why the minimizer stopped; {@link Status#CONVERGED} when the point is a minimum
 *     to the minimizer's tolerance
 * @param curvature the Hessian of the cost at the point as the minimizer last built it
 *     ({@link io.github.occam.Cost#hessianAt}), or {@code null} where none was built. When
 *     Newton's method factored the dense Hessian there, the operator's first
 *     {@link SymmetricOperator#toDense()} hands out that matrix instead of forming it again
 *     (later calls form a new one), which is how the exact spectrum of the evidence reuses it.
 *     Not compared by {@link #equals}.
 */
public record Minimum(double[] parameters, double cost, double gradientNorm, double decrement,
        int iterations, Status status, SymmetricOperator curvature) {

    /** Why a minimizer stopped, or what a check found at a given point. */
    public enum Status {
        /**
         * The point is a minimum to the tolerance: the Hessian of C is positive definite there,
         * one more Newton step would lower C by at most the tolerance and would move the
         * curvature (the log-determinant of the Hessian of C, hence the Occam factor) by at most
         * the tolerance (see {@link Minimizer}).
         */
        CONVERGED,
        /** The point was given, not minimized ({@link Minimizer#check}), and misses the tolerance. */
        TOLERANCE_NOT_MET,
        /**
         * The point was given and taken as it is, without the minimizer's check (see
         * {@link #unchecked}): whether it is a minimum is not known.
         */
        NOT_CHECKED,
        /** The minimizer stopped at its iteration limit. */
        ITERATION_LIMIT,
        /**
         * No step along the search direction lowered the cost before the tolerance was met: the
         * tolerance is below what rounding allows for this problem, or the cost is not smooth
         * there.
         */
        STALLED,
        /**
         * The point is not a minimum: the Hessian of C has a negative eigenvalue there (a saddle
         * point or a maximum), or a lower cost was found right next to it (a saddle at a kink of
         * the cost, such as w = 0 for a ReLU network, which the Hessian does not show).
         */
        NOT_A_MINIMUM
    }

    /**
     * Checks the components and copies {@code parameters}.
     *
     * @throws IllegalArgumentException if {@code parameters} or {@code status} is null, a
     *     parameter or the cost is not finite, the gradient norm is not finite and &gt;= 0, the
     *     decrement is negative or infinite, or {@code iterations} is negative
     */
    public Minimum {
        Checks.allFinite("parameters", Checks.notNull("parameters", parameters));
        parameters = parameters.clone();
        Checks.finite("cost", cost);
        Checks.nonNegative("gradientNorm", gradientNorm);
        if (decrement < 0.0 || Double.isInfinite(decrement)) {
            throw new IllegalArgumentException(
                    "decrement must be finite and >= 0, or NaN, got " + decrement);
        }
        Checks.atLeast("iterations", iterations, 0);
        Checks.notNull("status", status);
        if (curvature != null && curvature.dimension() != parameters.length) {
            throw new IllegalArgumentException("curvature has dimension " + curvature.dimension()
                    + ", expected P = " + parameters.length);
        }
    }

    /**
     * Returns the result without a curvature operator.
     *
     * @param parameters the point, finite (copied)
     * @param cost the cost there, finite
     * @param gradientNorm the gradient norm there, finite and &gt;= 0
     * @param decrement the Newton decrement there, finite and &gt;= 0, or NaN
     * @param iterations the number of iterations taken, &gt;= 0
     * @param status why the minimizer stopped
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public Minimum(double[] parameters, double cost, double gradientNorm, double decrement,
            int iterations, Status status) {
        this(parameters, cost, gradientNorm, decrement, iterations, status, null);
    }

    /**
     * Returns a given point as it is, without the minimizer's verdict: its cost and gradient
     * norm evaluated (checked finite), no decrement, 0 iterations, the status
     * {@link Status#NOT_CHECKED} and no curvature (the evidence builds the one it needs, so the
     * Gauss-Newton and dual paths build no Hessian). The Laplace evidence at
     * such a point says that the point was not checked.
     *
     * <pre>{@code
     * Minimum end = Minimum.unchecked(Cost.of(net, 1.0), sgdEndPoint);
     * }</pre>
     *
     * @param cost the cost
     * @param w the point, length P, finite (copied)
     * @return the unchecked point
     * @throws IllegalArgumentException on a bad argument, or a cost or gradient that is not
     *     finite there, naming it
     */
    public static Minimum unchecked(Cost cost, double[] w) {
        Checks.notNull("cost", cost);
        Checks.finiteVector("w", w, cost.parameterCount());
        double[] gradient = new double[w.length];
        double value = cost.checkedValue(w, gradient, "at the given point");
        return new Minimum(w, value, Checks.norm(gradient), Double.NaN, 0, Status.NOT_CHECKED);
    }

    /** Returns this result without its curvature operator (which may hold a dense matrix). */
    public Minimum withoutCurvature() {
        return curvature == null ? this : new Minimum(parameters, cost, gradientNorm, decrement,
                iterations, status, null);
    }

    /**
     * Returns the result with an unknown decrement and the status {@link Status#CONVERGED} when
     * {@code converged}, else {@link Status#TOLERANCE_NOT_MET}: the constructor of version 0.1.
     *
     * @param parameters the point, finite (copied)
     * @param cost the cost there, finite
     * @param gradientNorm the gradient norm there, finite and &gt;= 0
     * @param iterations the number of iterations taken, &gt;= 0
     * @param converged whether the point counts as a minimum
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public Minimum(double[] parameters, double cost, double gradientNorm, int iterations,
            boolean converged) {
        this(parameters, cost, gradientNorm, Double.NaN, iterations,
                converged ? Status.CONVERGED : Status.TOLERANCE_NOT_MET);
    }

    /** Returns whether the point is a minimum to the tolerance: {@code status() == CONVERGED}. */
    public boolean converged() {
        return status == Status.CONVERGED;
    }

    /** Returns a copy of the parameters. */
    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    /** Compares all components, the parameters element by element. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Minimum m
                && java.util.Arrays.equals(parameters, m.parameters)
                && Double.compare(cost, m.cost) == 0
                && Double.compare(gradientNorm, m.gradientNorm) == 0
                && Double.compare(decrement, m.decrement) == 0
                && iterations == m.iterations
                && status == m.status;
        // the curvature is derived from the point, not compared
    }

    /** Hashes all components, the parameters element by element. */
    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hash(cost, gradientNorm, decrement, iterations, status)
                + java.util.Arrays.hashCode(parameters);
    }

    /** Summarizes the result; the parameters appear as their count only. */
    @Override
    public String toString() {
        return "Minimum[parameters=<" + parameters.length + " values>, cost=" + cost
                + ", gradientNorm=" + gradientNorm + ", decrement=" + decrement
                + ", iterations=" + iterations + ", status=" + status
                + ", converged=" + converged() + "]";
    }
}
