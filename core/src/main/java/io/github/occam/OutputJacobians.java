package io.github.occam;

/**
 * A model whose Gauss-Newton curvature factors through its scores: with \(z_i \in R^n\) the scores
 * (logits) of example i, \(J_i = \partial z_i / \partial w\) (n x P) and \(\Lambda_i\) the
 * curvature of \(-\ln P(y_i \mid z_i)\) in the scores,
 * \(G = \sum_i J_i^T \Lambda_i J_i\). Such a model gives the exact Gauss-Newton evidence through
 * the N n x N n dual matrix \(M = L^T (J J^T) L\), \(L_i L_i^T = \Lambda_i\), whatever P is
 * (Sylvester's determinant identity, {@code io.github.occam.spectrum.DualGaussNewton}).
 *
 * <p>The built-in classifiers implement it: logistic regression (n = 1, \(z_i = w \cdot x_i\)),
 * softmax regression and the shallow network (n classes). A user's model joins by supplying the
 * Gram matrix of its score Jacobians and the factors of its score curvature.
 *
 * <pre>{@code
 * OutputJacobians net = ShallowNetwork.of(features, labels, 16, 10);
 * double[][] gram = net.scoreGram(w);          // N n x N n, J J^T
 * double[][] factors = net.scoreCurvatureFactors(w);   // N rows of n x n, L_i row-major
 * }</pre>
 */
public interface OutputJacobians extends GaussNewton {

    /** Returns n, the number of scores per example (1 for logistic regression). */
    int scoreCount();

    /**
     * Returns \(J J^T\) at {@code w}: entry [i n + k][i' n + k'] is
     * \(\partial z_{ik} / \partial w \cdot \partial z_{i'k'} / \partial w\). Symmetric, new.
     *
     * @param w the point, length P, finite
     * @return the N n x N n Gram matrix of the score Jacobians
     * @throws IllegalArgumentException on a bad argument
     */
    double[][] scoreGram(double[] w);

    /**
     * Returns, for every example, a factor \(L_i\) (n x n, row-major) of the curvature of its
     * cross-entropy in the scores, \(L_i L_i^T = \Lambda_i\).
     *
     * @param w the point, length P, finite
     * @return N arrays of n n entries
     * @throws IllegalArgumentException on a bad argument
     */
    double[][] scoreCurvatureFactors(double[] w);

    /**
     * Returns the dual matrix \(M = L^T (J J^T) L\) at {@code w}, N n x N n and symmetric: by
     * default {@link #fold} of {@link #scoreGram} and {@link #scoreCurvatureFactors}; a model with
     * more structure forms it faster (the shallow network does, with one product of its stacked
     * \(L_i^T W_2 D_i\)).
     *
     * @param w the point, length P, finite
     * @return M
     * @throws IllegalArgumentException on a bad argument
     */
    default double[][] dualMatrix(double[] w) {
        return fold(scoreGram(w), scoreCurvatureFactors(w), scoreCount());
    }

    /**
     * Returns \(L^T K L\) for the block-diagonal L of {@code factors} (N blocks of n x n,
     * row-major): entry [(i, a)][(i', b)] is \(\sum_{k, k'} L_i[k, a] K[(i, k)][(i', k')]
     * L_{i'}[k', b]\).
     *
     * @param gram K, N n x N n
     * @param factors the N factors
     * @param n the scores per example
     * @return the product, N n x N n
     */
    static double[][] fold(double[][] gram, double[][] factors, int n) {
        int size = gram.length;
        double[][] t = new double[size][size];
        for (int r = 0; r < size; r++) {
            double[] row = gram[r];
            double[] out = t[r];
            for (int j = 0; j < factors.length; j++) {
                double[] l = factors[j];
                for (int b = 0; b < n; b++) {
                    double s = 0.0;
                    for (int c = 0; c < n; c++) {
                        s += row[j * n + c] * l[c * n + b];
                    }
                    out[j * n + b] = s;
                }
            }
        }
        double[][] m = new double[size][size];
        for (int i = 0; i < factors.length; i++) {
            double[] l = factors[i];
            for (int a = 0; a < n; a++) {
                double[] out = m[i * n + a];
                for (int c = 0; c < n; c++) {
                    double coefficient = l[c * n + a];
                    if (coefficient != 0.0) {
                        double[] row = t[i * n + c];
                        for (int col = 0; col < size; col++) {
                            out[col] += coefficient * row[col];
                        }
                    }
                }
            }
        }
        return m;
    }
}
