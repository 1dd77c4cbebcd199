package io.github.occam.linalg;

import static io.github.occam.internal.Vectors.axpy;
import static io.github.occam.internal.Vectors.dot;

import io.github.occam.SymmetricOperator;
import io.github.occam.internal.Checks;
import java.util.Arrays;

/**
 * The conjugate-gradient method for \(A x = b\), \(A\) symmetric, known through its products:
 * the matrix-free Newton step of the minimizer. It starts from \(x = 0\) and stops when the
 * residual has fallen by the requested factor, when a direction of curvature that is not
 * positive is met (then \(A\) is not positive definite, and \(x\) holds the solve up to there),
 * or at a limit on the products. One instance holds the scratch vectors of one dimension and is
 * used by one thread at a time; it allocates nothing per solve.
 *
 * <pre>{@code
 * ConjugateGradients cg = ConjugateGradients.of(p);
 * ConjugateGradients.Outcome outcome = cg.solve(hessian, b, x, 1e-10, 500);
 * if (outcome == ConjugateGradients.Outcome.CONVERGED) {
 *     // |b - A x| <= 1e-10 |b|
 * }
 * }</pre>
 */
public final class ConjugateGradients {

    /** How a solve ended. */
    public enum Outcome {
        /** The residual fell by the requested factor. */
        CONVERGED,
        /**
         * A search direction with \(d^T A d \le 0\) was met: A is not positive definite. The
         * solution holds the iterate before it ({@code 0} if it was the first direction).
         */
        NOT_POSITIVE_DEFINITE,
        /** The limit on products was reached first. */
        PRODUCT_LIMIT
    }

    private final double[] residual;
    private final double[] direction;
    private final double[] product;
    private int products;

    private ConjugateGradients(int dimension) {
        this.residual = new double[dimension];
        this.direction = new double[dimension];
        this.product = new double[dimension];
    }

    /**
     * Returns a solver for systems of the given dimension.
     *
     * @param dimension P, &gt;= 1
     * @return the solver
     * @throws IllegalArgumentException if {@code dimension} &lt; 1
     */
    public static ConjugateGradients of(int dimension) {
        return new ConjugateGradients(Checks.atLeast("dimension", dimension, 1));
    }

    /**
     * Solves \(A x = b\) from \(x = 0\).
     *
     * @param a the operator, of this solver's dimension
     * @param b the right-hand side (not modified)
     * @param x output: the solution reached
     * @param relativeResidual stop when \(|b - A x| \le\) this times \(|b|\)
     * @param maxProducts the most products of A to use
     * @return how the solve ended; {@link #products()} says how many products it took
     * @throws IllegalArgumentException if a vector or the operator is not of this dimension
     */
    public Outcome solve(SymmetricOperator a, double[] b, double[] x, double relativeResidual,
            int maxProducts) {
        int p = residual.length;
        if (a.dimension() != p) {
            throw new IllegalArgumentException("the operator has dimension " + a.dimension()
                    + ", the solver " + p);
        }
        Checks.length("b", b, p);
        Checks.length("x", x, p);
        products = 0;
        Arrays.fill(x, 0.0);
        double rr = 0.0;
        for (int j = 0; j < p; j++) {
            residual[j] = b[j];
            direction[j] = b[j];
            rr += b[j] * b[j];
        }
        double target = relativeResidual * relativeResidual * rr;
        boolean met = rr == 0.0;
        while (products < maxProducts && !met) {
            a.apply(direction, product);
            products++;
            double curvature = dot(direction, product);
            if (!(curvature > 0.0)) {
                return Outcome.NOT_POSITIVE_DEFINITE;
            }
            double alpha = rr / curvature;
            axpy(alpha, direction, x);
            axpy(-alpha, product, residual);
            double next = dot(residual, residual);
            met = next <= target;
            double beta = next / rr;
            rr = next;
            for (int j = 0; j < p; j++) {
                direction[j] = residual[j] + beta * direction[j];
            }
        }
        return met ? Outcome.CONVERGED : Outcome.PRODUCT_LIMIT;
    }

    /** Returns the number of products of A the last solve took. */
    public int products() {
        return products;
    }
}
