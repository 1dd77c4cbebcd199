package io.github.occam;

import io.github.occam.internal.Checks;

/**
 * A symmetric linear operator A on R<sup>P</sup>, known through its products {@code A v}: the
 * curvature of a cost at one point, as the spectrum methods (dense, Lanczos, stochastic Lanczos
 * quadrature) consume it.
 *
 * <p>{@link Model#hessianAt(double[])} builds one per point, doing the work that depends only on
 * the point (a network's forward pass) once; {@link #apply(double[], double[])} then writes each
 * product into the caller's buffer. Operators may hold scratch space, so one instance is used by
 * one thread at a time; build one per thread to work in parallel.
 *
 * <pre>{@code
 * SymmetricOperator hessian = model.hessianAt(w);      // forward pass done once
 * double[] hv = new double[hessian.dimension()];
 * hessian.apply(v, hv);                                // hv = (d^2 H / dw^2) v
 * double[][] dense = hessian.toDense();                // for P up to a few thousand
 * }</pre>
 */
public interface SymmetricOperator {

    /** Returns P, the dimension of the space the operator acts on. */
    int dimension();

    /**
     * Writes {@code A v} into {@code out}.
     *
     * @param v the vector, length P (not modified)
     * @param out the output, length P, overwritten; must not be {@code v}
     * @throws IllegalArgumentException if an argument is null or not of length P
     */
    void apply(double[] v, double[] out);

    /**
     * Returns A as a new dense P x P row-major array. The default applies A to the P unit vectors
     * and symmetrizes the result, \((A + A^T) / 2\), after checking that it is symmetric to 1e-4
     * of its largest entry (rounding and finite differences pass; a transposed block does not);
     * operators with a closed form override it. Meant for P up to a few thousand.
     *
     * @return the dense matrix
     * @throws IllegalArgumentException if A is not symmetric, naming the largest difference
     */
    default double[][] toDense() {
        int p = dimension();
        double[][] dense = new double[p][p];
        double[] e = new double[p];
        double[] column = new double[p];
        for (int j = 0; j < p; j++) {
            e[j] = 1.0;
            apply(e, column);
            e[j] = 0.0;
            for (int i = 0; i < p; i++) {
                dense[i][j] = column[i];
            }
        }
        double largest = 0.0;
        double worst = 0.0;
        int worstI = 0;
        int worstJ = 0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                largest = Math.max(largest, Math.abs(dense[i][j]));
                double difference = Math.abs(dense[i][j] - dense[j][i]);
                if (difference > worst) {
                    worst = difference;
                    worstI = i;
                    worstJ = j;
                }
            }
        }
        if (worst > 1e-4 * largest) {
            throw new IllegalArgumentException("the operator is not symmetric: its dense form has ["
                    + worstI + "][" + worstJ + "] = " + dense[worstI][worstJ] + " but [" + worstJ + "]["
                    + worstI + "] = " + dense[worstJ][worstI] + "; a Hessian must be symmetric: check the"
                    + " model's hessianAt (or gaussNewtonAt)");
        }
        for (int i = 0; i < p; i++) {
            for (int j = i + 1; j < p; j++) {
                double mean = 0.5 * (dense[i][j] + dense[j][i]);
                dense[i][j] = mean;
                dense[j][i] = mean;
            }
        }
        return dense;
    }

    /**
     * Returns {@code A + shift I}: the product adds {@code shift v}, the dense form adds
     * {@code shift} to the diagonal of this operator's dense form. {@link Cost#hessianAt} uses it
     * to add the prior's \(\lambda I\) to a model's curvature.
     *
     * @param shift the multiple of the identity to add, finite
     * @return the shifted operator, sharing this one's state
     * @throws IllegalArgumentException if {@code shift} is not finite
     */
    default SymmetricOperator plusIdentity(double shift) {
        if (!Double.isFinite(shift)) {
            throw new IllegalArgumentException("shift must be finite, got " + shift);
        }
        SymmetricOperator base = this;
        return new SymmetricOperator() {
            @Override
            public int dimension() {
                return base.dimension();
            }

            @Override
            public void apply(double[] v, double[] out) {
                base.apply(v, out);
                for (int j = 0; j < out.length; j++) {
                    out[j] += shift * v[j];
                }
            }

            @Override
            public double[][] toDense() {
                double[][] dense = base.toDense();
                for (int i = 0; i < dense.length; i++) {
                    dense[i][i] += shift;
                }
                return dense;
            }
        };
    }

    /**
     * Returns the operator of a dense symmetric matrix. Only the matrix's lower triangle is read
     * by {@link #apply}; {@link #toDense()} returns a symmetric copy.
     *
     * <pre>{@code
     * SymmetricOperator a = SymmetricOperator.ofDense(new double[][] {{2, 1}, {1, 3}});
     * }</pre>
     *
     * @param matrix a square P x P matrix (copied)
     * @return the operator
     * @throws IllegalArgumentException if the matrix is null or not square
     */
    static SymmetricOperator ofDense(double[][] matrix) {
        Checks.notNull("matrix", matrix);
        int p = matrix.length;
        double[][] lower = new double[p][];
        for (int i = 0; i < p; i++) {
            if (matrix[i] == null || matrix[i].length != p) {
                throw new IllegalArgumentException("matrix row " + i + " has length "
                        + (matrix[i] == null ? "null" : matrix[i].length) + ", expected " + p);
            }
            lower[i] = java.util.Arrays.copyOf(matrix[i], i + 1);
        }
        return new DenseSymmetricOperator(lower);
    }
}
