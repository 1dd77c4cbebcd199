package io.github.occam.internal;

import io.github.occam.Model;
import java.util.Arrays;

/**
 * Hands the dense Hessian of C that Newton's method factored last on to the exact spectrum at
 * the same point, so that the Laplace evidence forms it once instead of twice. The evidence opens
 * a scope on its thread around the minimization; while it is open, the minimizer offers each
 * dense Hessian it factors, and the scope keeps the last one with its model, lambda and point;
 * the evidence then takes it if the point it evaluates is that point, bit for bit. Outside a
 * scope an offer does nothing. The matrix is the one the minimizer computed with the same code
 * as the spectrum would, so the eigenvalues are the same. Not part of the public API.
 *
 * <pre>{@code
 * try (DenseHessianScope scope = DenseHessianScope.open()) {
 *     Minimum minimum = minimizer.minimize(model, lambda, start);    // offers its matrices
 *     double[][] dense = scope.take(model, lambda, minimum.parameters());   // or null
 * }
 * }</pre>
 */
public final class DenseHessianScope implements AutoCloseable {

    private static final ThreadLocal<DenseHessianScope> OPEN = new ThreadLocal<>();

    private final DenseHessianScope enclosing;
    private Model model;
    private double lambda;
    private double[] point;
    private double[][] matrix;

    private DenseHessianScope(DenseHessianScope enclosing) {
        this.enclosing = enclosing;
    }

    /** Opens a scope on this thread (within an enclosing one, which it hides until closed). */
    public static DenseHessianScope open() {
        DenseHessianScope scope = new DenseHessianScope(OPEN.get());
        OPEN.set(scope);
        return scope;
    }

    /**
     * Offers the dense Hessian of the cost of {@code model} at {@code lambda} and {@code w} to
     * the scope open on this thread, if any (the point is copied, the matrix kept as it is: the
     * caller must not change it afterwards).
     */
    public static void offer(Model model, double lambda, double[] w, double[][] matrix) {
        DenseHessianScope scope = OPEN.get();
        if (scope != null) {
            scope.model = model;
            scope.lambda = lambda;
            scope.point = w.clone();
            scope.matrix = matrix;
        }
    }

    /**
     * Returns the kept matrix if it is the Hessian of the cost of this model at this lambda and
     * exactly this point, else null; either way the scope keeps nothing afterwards.
     */
    public double[][] take(Model model, double lambda, double[] w) {
        double[][] kept = this.model == model && Double.compare(this.lambda, lambda) == 0
                && Arrays.equals(point, w) ? matrix : null;
        this.model = null;
        this.point = null;
        this.matrix = null;
        return kept;
    }

    /** Closes the scope; the enclosing one, if any, is open again. */
    @Override
    public void close() {
        model = null;
        point = null;
        matrix = null;
        if (enclosing == null) {
            OPEN.remove();
        } else {
            OPEN.set(enclosing);
        }
    }
}
