package io.github.occam;

/**
 * A model whose Gauss-Newton curvature factors through its scores: with \(z_i \in R^n\) the scores
 * (logits) of example i, \(J_i = \partial z_i / \partial w\) (n x P) and \(\Lambda_i\) the
 * curvature of \(-\ln P(y_i \mid z_i)\) in the scores,
 * \(G = \sum_i J_i^T \Lambda_i J_i\). Such a model gives the exact Gauss-Newton evidence through
 * the N r x N r dual matrix \(M = L^T (J J^T) L\), \(L_i L_i^T = \Lambda_i\) with \(L_i\) of
 * n x r, whatever P is (Sylvester's determinant identity,
 * {@code io.github.occam.spectrum.DualGaussNewton}). r is the rank of the curvature in the
 * scores: n by default, n - 1 for a softmax, whose \(\Lambda_i\) annihilates the all-ones
 * direction.
 *
 * <p>The built-in classifiers implement it: logistic regression (n = 1, \(z_i = w \cdot x_i\)),
 * softmax regression and the shallow network (n classes). A user's model joins by supplying the
 * Gram matrix of its score Jacobians and the factors of its score curvature.
 *
 * <pre>{@code
 * OutputJacobians net = ShallowNetwork.of(features, labels, 16, 10);
 * double[][] gram = net.scoreGram(w);          // N n x N n, J J^T
 * double[][] factors = net.scoreCurvatureFactors(w);   // N rows of n x r, L_i row-major
 * }</pre>
 */
public interface OutputJacobians extends GaussNewton {

    /** Returns n, the number of scores per example (1 for logistic regression). */
    int scoreCount();

    /**
     * Returns r, the columns of each curvature factor \(L_i\) (n x r), at most n: n unless the
     * model knows the curvature's rank to be lower (n - 1 for a softmax). The dual matrix is
     * N r x N r.
     */
    default int curvatureRank() {
        return scoreCount();
    }

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
     * Returns, for every example, a factor \(L_i\) (n x r, row-major, r =
     * {@link #curvatureRank()}) of the curvature of its cross-entropy in the scores,
     * \(L_i L_i^T = \Lambda_i\).
     *
     * @param w the point, length P, finite
     * @return N arrays of n r entries
     * @throws IllegalArgumentException on a bad argument
     */
    double[][] scoreCurvatureFactors(double[] w);

    /**
     * Returns the dual matrix \(M = L^T (J J^T) L\) at {@code w}, N r x N r and symmetric: by
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
     * Returns \(L^T K L\) for the block-diagonal L of {@code factors} (N blocks of n x r,
     * row-major, r = the length of a factor / n): entry [(i, a)][(i', b)] is
     * \(\sum_{k, k'} L_i[k, a] K[(i, k)][(i', k')] L_{i'}[k', b]\).
     *
     * @param gram K, N n x N n
     * @param factors the N factors, n r entries each
     * @param n the scores per example
     * @return the product, N r x N r
     */
    static double[][] fold(double[][] gram, double[][] factors, int n) {
        int size = gram.length;
        int r = factors.length == 0 ? n : factors[0].length / n;
        int folded = factors.length * r;
        double[][] t = new double[size][folded];
        for (int row = 0; row < size; row++) {
            double[] k = gram[row];
            double[] out = t[row];
            for (int j = 0; j < factors.length; j++) {
                double[] l = factors[j];
                for (int b = 0; b < r; b++) {
                    double s = 0.0;
                    for (int c = 0; c < n; c++) {
                        s += k[j * n + c] * l[c * r + b];
                    }
                    out[j * r + b] = s;
                }
            }
        }
        double[][] m = new double[folded][folded];
        for (int i = 0; i < factors.length; i++) {
            double[] l = factors[i];
            for (int a = 0; a < r; a++) {
                double[] out = m[i * r + a];
                for (int c = 0; c < n; c++) {
                    double coefficient = l[c * r + a];
                    if (coefficient != 0.0) {
                        double[] row = t[i * n + c];
                        for (int col = 0; col < folded; col++) {
                            out[col] += coefficient * row[col];
                        }
                    }
                }
            }
        }
        return m;
    }
}
