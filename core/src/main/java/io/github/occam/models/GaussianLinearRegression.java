package io.github.occam.models;

import io.github.occam.Batch;
import io.github.occam.Model;
import io.github.occam.SymmetricOperator;
import io.github.occam.internal.Checks;
import io.github.occam.internal.Vectors;
import java.util.Arrays;

/**
 * Linear regression with Gaussian noise of known standard deviation \(\sigma\):
 * \(y_i = w \cdot x_i + \text{noise}\). Its negative log-likelihood is
 * \[ H(w) = \sum_{i=1}^{N} \frac{(y_i - w \cdot x_i)^2}{2 \sigma^2}
 *          + \frac{N}{2} \ln(2 \pi \sigma^2), \]
 * quadratic in \(w\), so the Laplace approximation of the evidence (Smith &amp; Le, eq. 1) is
 * exact: it equals the closed-form marginal likelihood
 * \(\ln \mathcal{N}(y; 0, \sigma^2 I + X X^T / \lambda)\). This makes the model the exactness
 * reference for {@code Evidence}.
 *
 * <p>The gradient, the Hessian-vector product and the dense Hessian \(X^T X / \sigma^2\) are exact.
 * It is a regression model: {@link #classCount()} is 0 and {@link #nullLogLikelihood()} is the
 * log-likelihood of the model at \(w = 0\) (every prediction 0), the natural null model here.
 *
 * <pre>{@code
 * double[][] x = {{1, 0}, {0, 1}, {1, 1}};
 * double[] y = {0.9, -0.2, 0.8};
 * GaussianLinearRegression model = GaussianLinearRegression.of(x, y, 0.5);
 * Evidence evidence = Evidence.of(model, 1.0);   // exact log marginal likelihood
 * }</pre>
 *
 * <p>Instances are immutable (the arrays are copied) and may be shared between threads.
 */
public final class GaussianLinearRegression implements Model {

    private final double[][] features;
    private final double[] targets;
    private final double noiseStdDev;
    private final double inverseVariance;
    private final double normalization;

    private GaussianLinearRegression(double[][] features, double[] targets, double noiseStdDev) {
        this.features = features;
        this.targets = targets;
        this.noiseStdDev = noiseStdDev;
        this.inverseVariance = 1.0 / (noiseStdDev * noiseStdDev);
        this.normalization = 0.5 * targets.length
                * Math.log(2.0 * Math.PI * noiseStdDev * noiseStdDev);
    }

    /**
     * Returns the model for the given data.
     *
     * @param features N rows of P finite features each, N &gt;= 1, P &gt;= 1 (copied)
     * @param targets N finite targets (copied)
     * @param noiseStdDev the noise standard deviation \(\sigma\), finite and &gt; 0
     * @return the model
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public static GaussianLinearRegression of(double[][] features, double[] targets,
            double noiseStdDev) {
        Checks.positive("noiseStdDev", noiseStdDev);
        Checks.notNull("features", features);
        if (features.length == 0) {
            throw new IllegalArgumentException("features must have at least one row, got 0");
        }
        Checks.length("targets", targets, features.length);
        Checks.allFinite("targets", targets);
        int p = Checks.notNull("features[0]", features[0]).length;
        if (p == 0) {
            throw new IllegalArgumentException("features must have at least one column, got 0");
        }
        double[][] copy = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            Checks.finiteVector("features[" + i + "]", features[i], p);
            copy[i] = features[i].clone();
        }
        return new GaussianLinearRegression(copy, targets.clone(), noiseStdDev);
    }

    /** Returns the noise standard deviation \(\sigma\). */
    public double noiseStdDev() {
        return noiseStdDev;
    }

    /** Returns P, the number of features (no intercept: add a column of ones for one). */
    @Override
    public int parameterCount() {
        return features[0].length;
    }

    /** Returns N, the number of examples. */
    @Override
    public int exampleCount() {
        return features.length;
    }

    /** Returns true: the negative log-likelihood, a quadratic, is convex in w. */
    @Override
    public boolean convex() {
        return true;
    }

    /** Returns 0: this is a regression model. */
    @Override
    public int classCount() {
        return 0;
    }

    /**
     * Returns the negative log-likelihood of the batch,
     * \(H_B(w) = \sum_{i \in B} (y_i - w \cdot x_i)^2 / (2 \sigma^2)
     * + \frac{|B|}{2} \ln(2 \pi \sigma^2)\) and, unless {@code gradient} is null, writes
     * \(-\sum_{i \in B} (y_i - w \cdot x_i) x_i / \sigma^2\) into it.
     *
     * @throws IllegalArgumentException if {@code w} is null, not of length P or not finite,
     *     {@code batch} holds an index outside [0, N), or {@code gradient} is not of length P
     */
    @Override
    public double crossEntropy(double[] w, Batch batch, double[] gradient) {
        int p = parameterCount();
        Checks.finiteVector("w", w, p);
        Checks.notNull("batch", batch).checkWithin(features.length);
        if (gradient != null) {
            Checks.length("gradient", gradient, p);
            Arrays.fill(gradient, 0.0);
        }
        double sum = 0.0;
        for (int k = 0; k < batch.size(); k++) {
            int i = batch.index(k);
            double[] x = features[i];
            double residual = targets[i] - Vectors.dot(x, w);
            sum += residual * residual;
            if (gradient != null) {
                Vectors.axpy(-residual * inverseVariance, x, gradient);
            }
        }
        double constant = batch.size() == features.length ? normalization
                : normalization / features.length * batch.size();
        return LabelledModel.checkedResult("GaussianLinearRegression",
                0.5 * sum * inverseVariance + constant, w, gradient);
    }

    /**
     * Returns the log-likelihood at \(w = 0\):
     * \(-\sum_i y_i^2 / (2 \sigma^2) - \frac{N}{2} \ln(2 \pi \sigma^2)\).
     */
    @Override
    public double nullLogLikelihood() {
        return -crossEntropy(new double[parameterCount()]);
    }

    /**
     * Returns the exact Hessian \(X^T X / \sigma^2\), the same at every {@code w}: a product
     * costs O(N P), the dense form is exactly symmetric.
     *
     * @throws IllegalArgumentException if {@code w} is null, not of length P or not finite
     */
    @Override
    public SymmetricOperator hessianAt(double[] w) {
        Checks.finiteVector("w", w, parameterCount());
        return new SymmetricOperator() {
            @Override
            public int dimension() {
                return parameterCount();
            }

            @Override
            public void apply(double[] v, double[] result) {
                int p = parameterCount();
                Checks.finiteVector("v", v, p);
                Checks.length("result", result, p);
                Arrays.fill(result, 0.0);
                for (double[] x : features) {
                    Vectors.axpy(Vectors.dot(x, v) * inverseVariance, x, result);
                }
            }

            @Override
            public double[][] toDense() {
                int p = parameterCount();
                double[][] hessian = new double[p][p];
                for (double[] x : features) {
                    for (int a = 0; a < p; a++) {
                        double xa = x[a] * inverseVariance;
                        double[] row = hessian[a];
                        int end = a + 1;    // b < end, not b <= a: only the former vectorizes
                        for (int b = 0; b < end; b++) {
                            row[b] += xa * x[b];
                        }
                    }
                }
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b < a; b++) {
                        hessian[b][a] = hessian[a][b];
                    }
                }
                return hessian;
            }
        };
    }
}
