package io.github.occam;

import io.github.occam.evidence.Evidence;

import io.github.occam.internal.Checks;

/**
 * A probabilistic classifier (or regressor) on a fixed training set, seen as a function of its
 * parameters {@code w} in R<sup>P</sup>.
 *
 * <p>The model supplies the <em>summed</em> training cross-entropy
 * \(H(w) = -\sum_{i=1}^{N} \ln P(y_i \mid w, x_i)\), its gradient and its curvature. The Gaussian
 * prior of precision \(\lambda\) on every parameter is <em>not</em> part of the model: Occam adds
 * it when it forms the cost \(C(w) = H(w) + \lambda |w|^2 / 2\) (Smith &amp; Le, section 2, the
 * \(C(\omega_0)\) of eq. 1).
 *
 * <p>Only {@link #parameterCount()}, {@link #exampleCount()}, {@link #classCount()} and
 * {@link #crossEntropy(double[], double[])} are required. The Hessian-vector product defaults to
 * central finite differences of the gradient, and the dense Hessian defaults to P such products;
 * the built-in models override both with exact forms.
 *
 * <pre>{@code
 * Model model = LogisticRegression.of(features, labels, false);
 * double[] w = new double[model.parameterCount()];
 * double[] gradient = new double[model.parameterCount()];
 * double h = model.crossEntropy(w, gradient);   // = N ln 2 at w = 0
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
     * Returns the summed cross-entropy H(w) and writes its gradient into {@code gradient}.
     *
     * @param w parameters, length P (not modified)
     * @param gradient output, length P, overwritten with dH/dw; may be {@code null} when only the
     *     value is needed
     * @return H(w) = -sum_i ln P(y_i | w, x_i)
     */
    double crossEntropy(double[] w, double[] gradient);

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
     * Writes the product of the Hessian of H at {@code w} with {@code v} into {@code result}.
     *
     * <p>The default uses central finite differences of the gradient,
     * {@code (g(w + h v) - g(w - h v)) / (2 h)} with {@code h = cbrt(eps) (1 + |w|) / |v|}; its
     * error is of order h<sup>2</sup>. Built-in models override it with an exact product.
     *
     * @param w point, length P (not modified)
     * @param v direction, length P (not modified)
     * @param result output, length P, overwritten
     */
    default void hessianVectorProduct(double[] w, double[] v, double[] result) {
        int p = parameterCount();
        Checks.length("w", w, p);
        Checks.length("v", v, p);
        Checks.length("result", result, p);
        double vNorm = Checks.norm(v);
        if (vNorm == 0.0) {
            java.util.Arrays.fill(result, 0.0);
            return;
        }
        double h = Math.cbrt(Math.ulp(1.0)) * (1.0 + Checks.norm(w)) / vNorm;
        double[] point = new double[p];
        double[] gPlus = new double[p];
        for (int j = 0; j < p; j++) {
            point[j] = w[j] + h * v[j];
        }
        crossEntropy(point, gPlus);
        for (int j = 0; j < p; j++) {
            point[j] = w[j] - h * v[j];
        }
        crossEntropy(point, result);
        for (int j = 0; j < p; j++) {
            result[j] = (gPlus[j] - result[j]) / (2.0 * h);
        }
    }

    /**
     * Returns the dense P x P Hessian of H at {@code w}, as a new row-major array.
     *
     * <p>The default assembles it from P Hessian-vector products and symmetrizes it; built-in
     * models override it with a closed form. Meant for P up to a few thousand.
     */
    default double[][] hessian(double[] w) {
        int p = parameterCount();
        Checks.length("w", w, p);
        double[][] hessian = new double[p][p];
        double[] e = new double[p];
        double[] column = new double[p];
        for (int j = 0; j < p; j++) {
            e[j] = 1.0;
            hessianVectorProduct(w, e, column);
            e[j] = 0.0;
            for (int i = 0; i < p; i++) {
                hessian[i][j] = column[i];
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = i + 1; j < p; j++) {
                double mean = 0.5 * (hessian[i][j] + hessian[j][i]);
                hessian[i][j] = mean;
                hessian[j][i] = mean;
            }
        }
        return hessian;
    }
}
