package io.github.occam;

/**
 * A probabilistic classifier (or regressor) on a fixed training set, seen as a function of its
 * parameters {@code w} in R<sup>P</sup>.
 *
 * <p>The model supplies the <em>summed</em> training cross-entropy
 * \(H(w) = -\sum_{i=1}^{N} \ln P(y_i \mid w, x_i)\), its gradient and its curvature. The Gaussian
 * prior of precision \(\lambda\) on every parameter is <em>not</em> part of the model: Occam adds
 * it when it forms the cost \(C(w) = H(w) + \lambda |w|^2 / 2\) ({@link Cost}; Smith &amp; Le,
 * section 2, the \(C(\omega_0)\) of eq. 1).
 *
 * <p>Only {@link #parameterCount()}, {@link #exampleCount()}, {@link #classCount()} and
 * {@link #crossEntropy(double[], Batch, double[])}, the cross-entropy summed over a batch of
 * examples with its gradient, are required: the full-batch evaluation is its special case, SGD
 * trains on it and the gradient noise is measured through it. The curvature
 * {@link #hessianAt(double[])} defaults to central finite differences of the gradient; the
 * built-in models override it with the exact product.
 *
 * <pre>{@code
 * Model model = LogisticRegression.of(features, labels, false);
 * double[] w = new double[model.parameterCount()];
 * double[] gradient = new double[model.parameterCount()];
 * double h = model.crossEntropy(w, gradient);                  // = N ln 2 at w = 0
 * double hb = model.crossEntropy(w, Batch.of(0, 1, 2), gradient);   // three examples
 * SymmetricOperator curvature = model.hessianAt(w);
 * }</pre>
 *
 * <p>Implementations must be safe to call from one thread at a time; the built-in models are
 * immutable and may be shared between threads.
 */
public interface Model {

    /** Returns P, the number of parameters. */
    int parameterCount();

    /** Returns N, the number of training examples. */
    int exampleCount();

    /**
     * Returns n, the number of classes, used by the null model that predicts 1/n for every
     * example. Regression models return 0 and override {@link #nullLogLikelihood()}.
     */
    int classCount();

    /**
     * Returns the cross-entropy summed over the examples of {@code batch},
     * \(H_B(w) = -\sum_{i \in B} \ln P(y_i \mid w, x_i)\), and writes its gradient into
     * {@code gradient}.
     *
     * @param w parameters, length P (not modified)
     * @param batch the examples, each index in [0, N)
     * @param gradient output, length P, overwritten with dH_B/dw; may be {@code null} when only
     *     the value is needed
     * @return H_B(w)
     */
    double crossEntropy(double[] w, Batch batch, double[] gradient);

    /**
     * Returns the summed cross-entropy over all N examples, H(w), and writes its gradient into
     * {@code gradient}: {@link #crossEntropy(double[], Batch, double[])} on
     * {@link Batch#all(int)}.
     *
     * @param w parameters, length P (not modified)
     * @param gradient output, length P, overwritten with dH/dw; may be {@code null}
     * @return H(w) = -sum_i ln P(y_i | w, x_i)
     */
    default double crossEntropy(double[] w, double[] gradient) {
        return crossEntropy(w, Batch.all(exampleCount()), gradient);
    }

    /** Returns the summed cross-entropy H(w). */
    default double crossEntropy(double[] w) {
        return crossEntropy(w, null);
    }

    /**
     * Returns the log-likelihood of the null model, the model that is indifferent between the
     * classes: {@code -N ln n}. The log evidence ratio {@code E} of {@code Evidence} is measured
     * against it.
     */
    default double nullLogLikelihood() {
        int n = classCount();
        if (n < 2) {
            throw new UnsupportedOperationException(
                    "nullLogLikelihood needs at least 2 classes, model has classCount = " + n);
        }
        return -exampleCount() * Math.log(n);
    }

    /**
     * Returns whether H(w) is convex in w, as the cross-entropy of logistic, softmax and
     * linear-Gaussian regression is; false by default. A model that says so promises that its
     * cost has no saddle point and no local minimum but the global one, and
     * {@link io.github.occam.optim.Minimizer} then accepts a point that meets its convergence
     * criterion without probing the neighbourhood for a lower cost (a network's w = 0, where
     * every ReLU unit sits at its kink, passes the criterion and is a saddle). Say true only for
     * a convex H: {@code ModelContract} checks it along random segments.
     *
     * @return whether H is convex
     */
    default boolean convex() {
        return false;
    }

    /**
     * Returns the Hessian of H at {@code w} as a symmetric operator, built once for the point.
     *
     * <p>The default differentiates the gradient numerically: a product is
     * {@code (g(w + h v) - g(w - h v)) / (2 h)} with {@code h = cbrt(eps) (1 + |w|) / |v|},
     * two full-batch gradients. Its error is of order h<sup>2</sup> (truncation, from the third
     * derivative of H) plus {@code eps |g| / h} (rounding), about {@code 1e-10} relative to the
     * curvature for a smooth model with |w| of order 1; it is not symmetric to more than that,
     * which is why {@link SymmetricOperator#toDense()} symmetrizes. Where H has kinks (a ReLU
     * network) the difference straddling a kink is wrong by the jump of the gradient. Built-in
     * models override it with the exact product.
     *
     * @param w the point, length P, finite (copied)
     * @return the curvature of H at {@code w}
     * @throws IllegalArgumentException if {@code w} is null, not of length P or not finite
     */
    default SymmetricOperator hessianAt(double[] w) {
        return new FiniteDifferenceHessian(this, w);
    }
}
