package io.github.occam.models;

import io.github.occam.Batch;
import io.github.occam.OutputJacobians;
import io.github.occam.SymmetricOperator;
import io.github.occam.internal.Checks;
import io.github.occam.internal.Vectors;

/**
 * Multinomial (softmax) logistic regression with n classes:
 * \(P(c \mid w, x) = e^{s_c} / \sum_{c'} e^{s_{c'}}\) with scores \(s_c = w_c \cdot x + b_c\).
 *
 * <p>The parameters are laid out class-major: with \(D = d + 1\) if {@code bias} (the bias last in
 * each class's block) and \(D = d\) otherwise, weight j of class c is {@code w[c * D + j]}, and
 * P = n D. The summed cross-entropy is \(H(w) = \sum_i [\mathrm{lse}(s_i) - s_{i, y_i}]\),
 * \(\mathrm{lse}(s) = \ln \sum_c e^{s_c}\), each term evaluated as
 * \((s_m - s_{y}) + \ln(1 + \sum_{c \ne m} e^{s_c - s_m})\), m the largest score, so that it
 * neither overflows nor loses the small probabilities. With \(\tilde x_i = (x_i, 1)\) (bias) or
 * \(x_i\), the gradient block of class c is \(\sum_i (p_{ic} - [y_i = c]) \tilde x_i\) and the
 * Hessian block (c, c') is \(\sum_i p_{ic} ([c = c'] - p_{ic'}) \tilde x_i \tilde x_i^T\). H is
 * invariant under adding the same vector to every class's block, so the Hessian of H alone is
 * singular; the prior of Smith &amp; Le (eq. 1), added by the caller, makes the cost strictly
 * convex.
 *
 * <p>At w = 0 every class has probability 1/n and \(H(0) = N \ln n\). Instances hold a private
 * copy of the data and are immutable.
 *
 * <pre>{@code
 * double[][] x = {{0.5, 1.0}, {-1.0, 2.0}, {1.5, -0.5}, {0.0, 0.3}};
 * int[] y = {0, 2, 1, 2};
 * SoftmaxRegression model = SoftmaxRegression.of(x, y, 3, true);   // P = 3 * (2 + 1) = 9
 * double[] w = new double[model.parameterCount()];
 * double h = model.crossEntropy(w);                                 // 4 ln 3
 * }</pre>
 */
public final class SoftmaxRegression extends LabelledModel implements OutputJacobians {

    private final boolean bias;
    private final int d;
    private final int block;

    private SoftmaxRegression(LabelledData data, int classes, boolean bias) {
        super(data, classes, LabelledData.parameterCount(
                (long) classes * (data.featureCount + (bias ? 1 : 0))));
        this.bias = bias;
        this.d = data.featureCount;
        this.block = d + (bias ? 1 : 0);
    }

    /**
     * Returns the softmax regression of {@code labels} on {@code features} with
     * {@code classCount} classes.
     *
     * <pre>{@code
     * SoftmaxRegression model = SoftmaxRegression.of(features, labels, 10, true);
     * }</pre>
     *
     * @param features N x d matrix, one example per row (copied); N, d at least 1, all finite
     * @param labels N labels, each in [0, classCount) (copied)
     * @param classCount n, at least 2
     * @param bias whether each class gets an intercept, the last parameter of its block
     * @return the model, with P = n d, or n (d + 1) with biases
     * @throws IllegalArgumentException if an argument is null, empty, ragged, not finite, a label
     *     is out of range or {@code classCount < 2}; the message names the bad value
     */
    public static SoftmaxRegression of(double[][] features, int[] labels, int classCount,
            boolean bias) {
        Checks.atLeast("classCount", classCount, 2);
        return new SoftmaxRegression(LabelledData.of(features, labels, classCount), classCount,
                bias);
    }

    /** Returns true: the summed cross-entropy is convex in w. */
    @Override
    public boolean convex() {
        return true;
    }

    /** Returns whether the last parameter of each class's block is a bias. */
    public boolean hasBias() {
        return bias;
    }

    /**
     * Returns the summed cross-entropy \(H(w) = \sum_i [\mathrm{lse}(s_i) - s_{i, y_i}]\) and,
     * unless {@code gradient} is null, writes its gradient, block c being
     * \(\sum_i (p_{ic} - [y_i = c]) \tilde x_i\), into it.
     *
     * <pre>{@code
     * double h = model.crossEntropy(w, Batch.all(model.exampleCount()), gradient);
     * }</pre>
     *
     * @throws IllegalArgumentException if {@code w} is null, not of length P or not finite,
     *     {@code batch} holds an index outside [0, N), or {@code gradient} is not of length P
     */
    @Override
    public double crossEntropy(double[] w, Batch batch, double[] gradient) {
        startValue(w, batch, gradient);
        double[] s = new double[classes];
        double value = 0.0;
        for (int k = 0; k < batch.size(); k++) {
            int i = batch.index(k);
            scores(w, i, s);
            int label = data.y[i];
            value += LabelledData.softmaxInPlace(s, 0, classes, label);
            if (gradient != null) {
                s[label] -= 1.0;
                addOuter(s, i, gradient);
            }
        }
        return checkedResult(value, w, gradient);
    }

    /**
     * Returns the exact Hessian of H at {@code w}, with the class probabilities \(p_{ic}\) of
     * every example computed once. A product: for each example, with
     * \(u_c = v_c \cdot \tilde x_i\), block c receives
     * \(p_{ic} (u_c - \sum_{c'} p_{ic'} u_{c'}) \tilde x_i\), O(N P), no allocation. The dense
     * form: block (c, c') is \(\sum_i p_{ic} ([c = c'] - p_{ic'}) \tilde x_i \tilde x_i^T\),
     * O(N P<sup>2</sup>).
     *
     * <pre>{@code
     * SymmetricOperator hessian = model.hessianAt(w);
     * hessian.apply(v, result);
     * }</pre>
     *
     * @throws IllegalArgumentException if {@code w} is null, not of length P or not finite
     */
    @Override
    public SymmetricOperator hessianAt(double[] w) {
        Checks.finiteVector("w", w, p);
        double[] probabilities = new double[data.size * classes];
        double[] prob = new double[classes];
        for (int i = 0; i < data.size; i++) {
            scores(w, i, prob);
            LabelledData.softmaxInPlace(prob, 0, classes, 0);
            System.arraycopy(prob, 0, probabilities, i * classes, classes);
        }
        return new Curvature(probabilities);
    }

    /**
     * Returns the generalized Gauss-Newton matrix of H at {@code w}, which for softmax
     * regression is the Hessian itself: the scores \(s_c = w_c \cdot \tilde x\) are linear in
     * w, so their own curvature vanishes and
     * \(\sum_i J_i^T (\mathrm{diag}(p_i) - p_i p_i^T) J_i\) is the Hessian block
     * \(\sum_i p_{ic} ([c = c'] - p_{ic'}) \tilde x_i \tilde x_i^T\). Returns
     * {@link #hessianAt(double[])}.
     *
     * <pre>{@code
     * SymmetricOperator ggn = model.gaussNewtonAt(w);   // the same operator as hessianAt(w)
     * }</pre>
     *
     * @throws IllegalArgumentException if {@code w} is null, not of length P or not finite
     */
    @Override
    public SymmetricOperator gaussNewtonAt(double[] w) {
        return hessianAt(w);
    }

    /** Returns n, the class scores. */
    @Override
    public int scoreCount() {
        return classes;
    }

    /** Returns n - 1: the softmax curvature \(\mathrm{diag}(p) - p p^T\) has rank n - 1. */
    @Override
    public int curvatureRank() {
        return classes - 1;
    }

    /**
     * Returns \(J_i J_{i'}^T = (\tilde x_i \cdot \tilde x_{i'}) I_n\): class c's score depends on
     * block c of the parameters only.
     */
    @Override
    public double[][] scoreGram(double[] w) {
        Checks.finiteVector("w", w, p);
        return timesIdentity(inputGram(bias ? 1.0 : 0.0), classes);
    }

    /**
     * Returns a factor of rank n - 1 of \(\mathrm{diag}(p_i) - p_i p_i^T\) for each example,
     * n x (n - 1), row-major (see {@link OutputJacobians#scoreCurvatureFactors}).
     */
    @Override
    public double[][] scoreCurvatureFactors(double[] w) {
        return softmaxFactors(probabilities(w));
    }

    /** The Hessian of H at a point, given the class probabilities of every example. */
    private final class Curvature implements SymmetricOperator {
        private final double[] probabilities;
        private final double[] u = new double[classes];

        Curvature(double[] probabilities) {
            this.probabilities = probabilities;
        }

        @Override
        public int dimension() {
            return p;
        }

        @Override
        public void apply(double[] v, double[] result) {
            startProduct(v, result);
            for (int i = 0; i < data.size; i++) {
                int o = i * classes;
                scores(v, i, u);
                double mean = 0.0;
                for (int c = 0; c < classes; c++) {
                    mean += probabilities[o + c] * u[c];
                }
                for (int c = 0; c < classes; c++) {
                    u[c] = probabilities[o + c] * (u[c] - mean);
                }
                addOuter(u, i, result);
            }
        }

        @Override
        public double[][] toDense() {
            double[][] hessian = new double[p][p];
            double[] xt = new double[block];
            for (int i = 0; i < data.size; i++) {
                int o = i * classes;
                System.arraycopy(data.x, i * d, xt, 0, d);
                if (bias) {
                    xt[d] = 1.0;
                }
                for (int c = 0; c < classes; c++) {
                    for (int c2 = c; c2 < classes; c2++) {
                        double weight = probabilities[o + c]
                                * ((c == c2 ? 1.0 : 0.0) - probabilities[o + c2]);
                        if (weight == 0.0) {
                            continue;
                        }
                        for (int a = 0; a < block; a++) {
                            Vectors.axpy(weight * xt[a], xt, 0, hessian[c * block + a],
                                    c2 * block, block);
                        }
                    }
                }
            }
            return LabelledData.copyUpperToLower(hessian);
        }
    }

    /**
     * Returns the most probable class of each training example, \(\arg\max_c s_{ic}\), ties to
     * the lowest class index.
     *
     * <pre>{@code
     * int[] predicted = model.predict(w);
     * }</pre>
     */
    @Override
    public int[] predict(double[] w) {
        Checks.finiteVector("w", w, p);
        int[] predicted = new int[data.size];
        double[] s = new double[classes];
        for (int i = 0; i < data.size; i++) {
            scores(w, i, s);
            predicted[i] = LabelledData.argmax(s, 0, classes);
        }
        return predicted;
    }

    /**
     * Returns this model (its classes, with or without biases) on other examples.
     *
     * @throws IllegalArgumentException if the rows do not have {@link #featureCount()} features
     *     or a label is out of [0, n)
     */
    @Override
    public SoftmaxRegression on(double[][] features, int[] labels) {
        SoftmaxRegression other = of(features, labels, classes, bias);
        if (other.featureCount() != featureCount()) {
            throw new IllegalArgumentException("features have " + other.featureCount()
                    + " columns, the model " + featureCount());
        }
        return other;
    }

    /**
     * Returns the class probabilities of each training example, the softmax of its scores
     * (shifted by their maximum, so that none overflows).
     *
     * @param w parameters, length P, finite
     * @return N rows of n probabilities
     */
    public double[][] probabilities(double[] w) {
        Checks.finiteVector("w", w, p);
        double[][] probabilities = new double[data.size][classes];
        for (int i = 0; i < data.size; i++) {
            double[] s = probabilities[i];
            scores(w, i, s);
            double max = s[LabelledData.argmax(s, 0, classes)];
            double sum = 0.0;
            for (int c = 0; c < classes; c++) {
                s[c] = Math.exp(s[c] - max);
                sum += s[c];
            }
            for (int c = 0; c < classes; c++) {
                s[c] /= sum;
            }
        }
        return probabilities;
    }

    /** Writes \(u_c \cdot \tilde x_i\) for every class c into {@code out}. */
    private void scores(double[] u, int i, double[] out) {
        for (int c = 0; c < classes; c++) {
            int offset = c * block;
            double s = data.dotRow(u, offset, i);
            out[c] = bias ? s + u[offset + d] : s;
        }
    }

    /** Adds \(coefficient_c \tilde x_i\) to block c of {@code target}, for every class c. */
    private void addOuter(double[] coefficient, int i, double[] target) {
        for (int c = 0; c < classes; c++) {
            int offset = c * block;
            data.addRow(coefficient[c], i, target, offset);
            if (bias) {
                target[offset + d] += coefficient[c];
            }
        }
    }
}
