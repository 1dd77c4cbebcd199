package io.github.occam;

import io.github.occam.internal.Checks;

/**
 * A number a method estimates, with its error: one standard error for a statistical estimate
 * (such as stochastic Lanczos quadrature over random probes), 0 for a number computed exactly
 * (up to rounding).
 *
 * <pre>{@code
 * Estimate trace = Estimate.of(1234.5, 6.7);
 * double low = trace.value() - 1.96 * trace.error();   // about a 95% interval
 * Estimate exact = Estimate.exact(42.0);               // error 0
 * }</pre>
 *
 * @param value the estimate, finite
 * @param error its standard error, finite and &gt;= 0 (0 when exact)
 */
public record Estimate(double value, double error) {

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException if {@code value} is not finite or {@code error} is not
     *     finite and &gt;= 0
     */
    public Estimate {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite, got " + value);
        }
        if (!(error >= 0.0) || Double.isInfinite(error)) {
            throw new IllegalArgumentException("error must be finite and >= 0, got " + error);
        }
    }

    /**
     * Returns the estimate {@code value} with standard error {@code error}.
     *
     * @param value the estimate, finite
     * @param error its standard error, finite and &gt;= 0
     * @return the estimate
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public static Estimate of(double value, double error) {
        return new Estimate(value, error);
    }

    /**
     * Returns an exact value, with error 0.
     *
     * @param value the value, finite
     * @return the estimate
     * @throws IllegalArgumentException if {@code value} is not finite
     */
    public static Estimate exact(double value) {
        return new Estimate(value, 0.0);
    }

    /** Returns whether the error is 0. */
    public boolean isExact() {
        return error == 0.0;
    }

    /**
     * Returns the estimate scaled by {@code factor}, its error by {@code |factor|}.
     *
     * @param factor a finite number
     * @return {@code factor * this}
     */
    public Estimate times(double factor) {
        return new Estimate(factor * value, Math.abs(factor) * error);
    }

    /**
     * Returns the sum of two independent estimates: the values add, the errors add in
     * quadrature.
     *
     * @param other the other estimate
     * @return {@code this + other}
     */
    public Estimate plus(Estimate other) {
        Checks.notNull("other", other);
        return new Estimate(value + other.value, Math.hypot(error, other.error));
    }
}
