package io.github.occam.optim;

import static io.github.occam.internal.Vectors.dot;

import io.github.occam.Cost;
import io.github.occam.SymmetricOperator;
import io.github.occam.linalg.Cholesky;
import io.github.occam.linalg.ConjugateGradients;

/**
 * The curvature of C at an iterate and the Newton step it gives: from the dense Hessian by
 * Cholesky (with the log-determinant), or by conjugate gradients on Hessian-vector products.
 * It keeps the operator (and the dense matrix) of the last point it factored, which the
 * {@link Minimum} then carries.
 */
final class NewtonStep {

    private static final double CG_RESIDUAL = 1e-10;
    private static final int MAX_CG_PRODUCTS = 500;
    private static final int MAX_DAMPINGS = 30;

    final boolean dense;
    final double[] step;
    private final double[][] lower;
    private final double[] negativeGradient;
    private final ConjugateGradients cg;
    /** The operator of the Hessian of C at the last factored point. */
    SymmetricOperator operator;
    /** Its dense form (dense steps only). */
    double[][] matrix;
    boolean positiveDefinite;
    /** Whether the decrement is reliable (Cholesky, or CG that met its residual). */
    boolean exact;
    double decrement;
    double halfLogDet;

    NewtonStep(int p, boolean dense) {
        this.dense = dense;
        this.step = new double[p];
        this.lower = dense ? new double[p][] : null;
        this.negativeGradient = dense ? null : new double[p];
        this.cg = dense ? null : ConjugateGradients.of(p);
    }

    /** Factors the Hessian of C at x; fills step = -A^-1 g when positive definite. */
    void factor(Cost cost, Iterate x) {
        positiveDefinite = false;
        exact = false;
        decrement = Double.NaN;
        halfLogDet = Double.NaN;
        operator = cost.hessianAt(x.w);
        if (dense) {
            matrix = operator.toDense();
            for (int i = 0; i < matrix.length; i++) {
                if (!Double.isFinite(matrix[i][i])) {
                    throw new IllegalArgumentException("the Hessian of the cost of "
                            + cost.modelName() + " has diagonal entry [" + i + "][" + i + "] = "
                            + matrix[i][i] + " at lambda = " + cost.lambda()
                            + ": beyond the range of doubles");
                }
            }
            factorDense(x.gradient);
        } else {
            solveByConjugateGradients(x.gradient);
        }
    }

    /**
     * Returns the curvature at the last factored point for the {@link Minimum}: the operator,
     * handing out the dense matrix it was factored from on its first {@code toDense()}.
     */
    SymmetricOperator curvature() {
        return dense ? new FormedOnce(operator, matrix) : operator;
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
    private void solveByConjugateGradients(double[] g) {
        int p = g.length;
        for (int j = 0; j < p; j++) {
            negativeGradient[j] = -g[j];
        }
        ConjugateGradients.Outcome outcome = cg.solve(operator, negativeGradient, step,
                CG_RESIDUAL, Math.min(MAX_CG_PRODUCTS, 2 * p));
        if (outcome == ConjugateGradients.Outcome.NOT_POSITIVE_DEFINITE) {
            if (cg.products() == 1) {
                System.arraycopy(negativeGradient, 0, step, 0, p);
            }
            return;
        }
        positiveDefinite = true;
        exact = outcome == ConjugateGradients.Outcome.CONVERGED;
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
     * The curvature operator at a point whose dense form was already computed: the first
     * {@code toDense()} hands that matrix out (and forgets it), later ones form a new one.
     */
    private static final class FormedOnce implements SymmetricOperator {
        private final SymmetricOperator operator;
        private double[][] dense;

        FormedOnce(SymmetricOperator operator, double[][] dense) {
            this.operator = operator;
            this.dense = dense;
        }

        @Override
        public int dimension() {
            return operator.dimension();
        }

        @Override
        public void apply(double[] v, double[] out) {
            operator.apply(v, out);
        }

        @Override
        public synchronized double[][] toDense() {
            double[][] kept = dense;
            dense = null;
            return kept != null ? kept : operator.toDense();
        }
    }
}
