package io.github.occam;

/**
 * A {@link Model} whose cross-entropy is a softmax (or sigmoid) of scores, and which therefore
 * also supplies the generalized Gauss-Newton matrix of its cross-entropy, a positive
 * semi-definite curvature.
 *
 * <p>Write the summed cross-entropy as \(H(w) = \sum_i \ell(s_i(w), y_i)\) with the scores
 * \(s_i(w) \in \mathbb{R}^n\) of example i and \(\ell(s, y) = \ln \sum_c e^{s_c} - s_y\). Then
 * \(\nabla^2 H = \sum_i J_i^T (\mathrm{diag}(p_i) - p_i p_i^T) J_i
 * + \sum_i \sum_c (p_{ic} - [y_i = c]) \nabla^2 s_{ic}\), with \(J_i = \partial s_i / \partial w\)
 * and \(p_i\) the softmax of \(s_i\) (for a binary model with one logit z,
 * \(\ell = \ln(1 + e^z) - y z\) and the middle factor is \(p (1 - p)\)). The generalized
 * Gauss-Newton matrix (GGN) is the first sum,
 * \[ G(w) = \sum_i J_i^T \left(\mathrm{diag}(p_i) - p_i p_i^T\right) J_i , \]
 * positive semi-definite because \(\mathrm{diag}(p) - p p^T\), the Hessian of \(\ell\) in the
 * scores, is. Where the scores are linear in w (logistic and softmax regression) the second sum
 * vanishes and G equals the Hessian; for a network G leaves out the curvature of the scores. The
 * evidence can be computed under either: {@link Cost#gaussNewtonAt(double[])} adds the prior's
 * \(\lambda I\) as {@link Cost#hessianAt(double[])} does, and the spectrum methods take any
 * {@link SymmetricOperator}.
 *
 * <pre>{@code
 * GaussNewton model = ShallowNetwork.of(features, labels, 800, 10);
 * SymmetricOperator ggn = model.gaussNewtonAt(w);     // forward pass done once
 * double[] gv = new double[ggn.dimension()];
 * ggn.apply(v, gv);                                   // gv = G(w) v, v . gv >= 0
 * }</pre>
 */
public interface GaussNewton extends Model {

    /**
     * Returns the generalized Gauss-Newton matrix of H at {@code w},
     * \(\sum_i J_i^T (\mathrm{diag}(p_i) - p_i p_i^T) J_i\), as a symmetric positive
     * semi-definite operator built once for the point.
     *
     * @param w the point, length P, finite (copied)
     * @return the Gauss-Newton curvature of H at {@code w}
     * @throws IllegalArgumentException if {@code w} is null, not of length P or not finite
     */
    SymmetricOperator gaussNewtonAt(double[] w);
}
