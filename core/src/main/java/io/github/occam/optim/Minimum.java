package io.github.occam.optim;

import io.github.occam.internal.Checks;

/**
 * The result of {@link Minimizer#minimize}: the point reached, the cost and gradient norm there,
 * and whether the gradient-norm tolerance was met. A minimizer that stops early (iteration limit,
 * a line search that cannot decrease the cost) returns its last point with
 * {@code converged() == false}; it never reports an unconverged point as a minimum. Instances
 * are immutable and may be shared between threads.
 *
 * <pre>{@code
 * Minimum minimum = Minimizer.newton().minimize(model, 0.1, new double[model.parameterCount()]);
 * if (!minimum.converged()) {
 *     throw new IllegalStateException("no minimum: " + minimum);
 * }
 * double[] w0 = minimum.parameters();
 * }</pre>
 *
 * @param parameters the point reached (copied in, and copied again by the accessor)
 * @param cost the cost \(C(w) = H(w) + \lambda |w|^2 / 2\) there
 * @param gradientNorm the Euclidean norm of the gradient of \(C\) there
 * @param iterations the number of iterations taken
 * @param converged whether {@code gradientNorm} met the minimizer's tolerance
 */
public record Minimum(double[] parameters, double cost, double gradientNorm, int iterations,
        boolean converged) {

    /**
     * Copies {@code parameters}.
     *
     * @throws IllegalArgumentException if {@code parameters} is null
     */
    public Minimum {
        parameters = Checks.notNull("parameters", parameters).clone();
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
                && iterations == m.iterations
                && converged == m.converged;
    }

    /** Hashes all components, the parameters element by element. */
    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hash(cost, gradientNorm, iterations, converged)
                + java.util.Arrays.hashCode(parameters);
    }

    /** Summarizes the result; the parameters appear as their count only. */
    @Override
    public String toString() {
        return "Minimum[parameters=<" + parameters.length + " values>, cost=" + cost
                + ", gradientNorm=" + gradientNorm + ", iterations=" + iterations
                + ", converged=" + converged + "]";
    }
}
