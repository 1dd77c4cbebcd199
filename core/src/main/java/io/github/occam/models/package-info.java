/**
 * Built-in models: binary logistic regression, softmax regression, a shallow ReLU network, each
 * with its exact gradient and exact Hessian-vector product, and Gaussian linear regression, whose
 * Laplace evidence is exact and serves as the reference every evidence computation is tested on.
 *
 * <p>Every model here holds a private copy of its training set and is immutable, so one instance
 * may be shared between threads. Each returns the <em>summed</em> training cross-entropy
 * \(H(w) = -\sum_{i=1}^{N} \ln P(y_i \mid w, x_i)\); the Gaussian prior is added by the caller
 * (Smith &amp; Le, eq. 1 uses \(C(w) = H(w) + \lambda |w|^2 / 2\)).
 *
 * <pre>{@code
 * Classifier model = SoftmaxRegression.of(features, labels, 3, true);
 * double[] w = new double[model.parameterCount()];
 * double h = model.crossEntropy(w);            // N ln 3 at w = 0
 * double accuracy = model.accuracy(w);
 * }</pre>
 */
package io.github.occam.models;
