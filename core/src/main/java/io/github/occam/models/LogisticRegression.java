package io.github.occam.models;

import io.github.occam.Batch;
import io.github.occam.OutputJacobians;
import io.github.occam.SymmetricOperator;
import io.github.occam.internal.Checks;
import io.github.occam.internal.Tasks;

/**
 * Binary logistic regression: \(P(y = 1 \mid w, x) = \sigma(z)\) with \(z = w \cdot x + b\) and
 * \(\sigma(z) = 1 / (1 + e^{-z})\), the linear model of the first experiment of Smith &amp; Le.
 *
 * <p>The summed cross-entropy is
 * \(H(w) = \sum_{i=1}^{N} \left[\ln(1 + e^{z_i}) - y_i z_i\right]\), each term evaluated as
 * \(\ln(1 + e^{m}) = \max(m, 0) + \ln(1 + e^{-|m|})\) with \(m = (1 - 2 y) z\), so that it
 * neither overflows nor loses the small probabilities. Its gradient is
 * \(\sum_i (p_i - y_i) \tilde x_i\) and its Hessian
 * \(\sum_i p_i (1 - p_i) \tilde x_i \tilde x_i^T = \tilde X^T \mathrm{diag}(p (1 - p)) \tilde X\),
 * where \(p_i = \sigma(z_i)\) and \(\tilde x_i = (x_i, 1)\) with a bias, \(x_i\) without. The
 * parameters are the d weights followed, if {@code bias}, by the bias: P = d or d + 1. The prior of
 * Smith &amp; Le (eq. 1) is not part of H; the bias gets it too when the caller adds it.
 *
 * <p>Instances hold a private copy of the data and are immutable. The null model has n = 2 classes,
 * so at w = 0 every example has probability 1/2 and \(H(0) = N \ln 2\).
 *
 * <pre>{@code
 * double[][] x = {{0.5, 1.0}, {-1.0, 2.0}, {1.5, -0.5}};
 * int[] y = {1, 0, 1};
 * LogisticRegression model = LogisticRegression.of(x, y, true);   // P = 3, bias last
 * double[] w = {0.2, -0.1, 0.05};
 * double[] gradient = new double[3];
 * double h = model.crossEntropy(w, gradient);
 * double[][] hessian = model.hessian(w);
 * }</pre>
 */
public final class LogisticRegression extends LabelledModel implements OutputJacobians {

    /** Multiply-adds of a dense Hessian from which its blocks run in parallel. */
    private static final double PARALLEL_WORK = 4e6;
    /** The P above which the dense Hessian's blocks are cut into tiles of columns. */
    private static final int TILED_FROM = 1024;

    private final boolean bias;
    private final int d;

    private LogisticRegression(LabelledData data, boolean bias) {
        super(data, 2, data.featureCount + (bias ? 1 : 0));
        this.bias = bias;
        this.d = data.featureCount;
    }

    /**
     * Returns the logistic regression of {@code labels} on {@code features}.
     *
     * <pre>{@code
     * double[][] x = {{1.0}, {-2.0}};
     * LogisticRegression model = LogisticRegression.of(x, new int[] {1, 0}, false);
     * }</pre>
     *
     * @param features N x d matrix, one example per row (copied); N, d at least 1, all finite
     * @param labels N labels, each 0 or 1 (copied)
     * @param bias whether to add an intercept, the last parameter
     * @return the model, with P = d, or d + 1 with a bias
     * @throws IllegalArgumentException if an argument is null, empty, ragged, not finite, or a
     *     label is not 0 or 1; the message names the row, column or label
     */
    public static LogisticRegression of(double[][] features, int[] labels, boolean bias) {
        return new LogisticRegression(LabelledData.of(features, labels, 2), bias);
    }

    /** Returns true: the summed cross-entropy is convex in w. */
    @Override
    public boolean convex() {
        return true;
    }

    /** Returns whether the last parameter is a bias. */
    public boolean hasBias() {
        return bias;
    }

    /**
     * Returns the cross-entropy summed over the batch
     * \(H_B(w) = \sum_{i \in B} \ln(1 + e^{(1 - 2 y_i) z_i})\) and, unless
     * {@code gradient} is null, writes \(\nabla H_B = \sum_{i \in B} (\sigma(z_i) - y_i) \tilde x_i\) into
     * it.
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
        double value = 0.0;
        for (int k = 0; k < batch.size(); k++) {
            int i = batch.index(k);
            double z = logit(w, i);
            double e = Math.exp(-Math.abs(z));
            // -ln P(y | z) = ln(1 + e^{m}) with m = z for y = 0 and m = -z for y = 1
            value += Math.max(data.y[i] == 1 ? -z : z, 0.0) + Math.log1p(e);
            if (gradient != null) {
                // p - y, computed from the smaller of sigma(z), sigma(-z) to keep its precision
                double residual = data.y[i] == 1 ? -sigmoid(-z, e) : sigmoid(z, e);
                data.addRow(residual, i, gradient, 0);
                if (bias) {
                    gradient[d] += residual;
                }
            }
        }
        return checkedResult(value, w, gradient);
    }

    /**
     * Returns the exact Hessian of H at {@code w},
     * \(\nabla^2 H(w) = \tilde X^T \mathrm{diag}(p (1 - p)) \tilde X\), with the curvatures
     * \(p_i (1 - p_i)\) computed once: a product costs O(N d) and allocates nothing, the dense
     * form \(\sum_i p_i (1 - p_i) \tilde x_i \tilde x_i^T\) costs O(N P<sup>2</sup>).
     *
     * <pre>{@code
     * SymmetricOperator hessian = model.hessianAt(w);
     * hessian.apply(v, result);
     * double[][] dense = hessian.toDense();
     * }</pre>
     *
     * @throws IllegalArgumentException if {@code w} is null, not of length P or not finite
     */
    @Override
    public SymmetricOperator hessianAt(double[] w) {
        Checks.finiteVector("w", w, p);
        double[] c = new double[data.size];
        for (int i = 0; i < data.size; i++) {
            c[i] = curvature(logit(w, i));
        }
        return new Curvature(c);
    }

    /**
     * Returns the generalized Gauss-Newton matrix of H at {@code w}, which for logistic
     * regression is the Hessian itself: the logit \(z = w \cdot \tilde x\) is linear in w, so
     * \(J_i = \tilde x_i^T\), the curvature of the loss in the logit is \(p_i (1 - p_i)\), and
     * \(\sum_i J_i^T p_i (1 - p_i) J_i = \tilde X^T \mathrm{diag}(p (1 - p)) \tilde X\). Returns
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

    /** Returns 1: one score, the logit \(z_i\). */
    @Override
    public int scoreCount() {
        return 1;
    }

    /** Returns \(\tilde x_i \cdot \tilde x_{i'}\), the logit's Jacobians being the inputs. */
    @Override
    public double[][] scoreGram(double[] w) {
        Checks.finiteVector("w", w, p);
        return inputGram(bias ? 1.0 : 0.0);
    }

    /** Returns \(\sqrt{p_i (1 - p_i)}\) for each example. */
    @Override
    public double[][] scoreCurvatureFactors(double[] w) {
        Checks.finiteVector("w", w, p);
        double[][] factors = new double[data.size][1];
        for (int i = 0; i < data.size; i++) {
            factors[i][0] = Math.sqrt(curvature(logit(w, i)));
        }
        return factors;
    }

    /** The Hessian of H at a point, given the curvature \(p_i (1 - p_i)\) of each example. */
    private final class Curvature implements SymmetricOperator {
        private final double[] c;

        Curvature(double[] c) {
            this.c = c;
        }

        @Override
        public int dimension() {
            return p;
        }

        @Override
        public void apply(double[] v, double[] result) {
            startProduct(v, result);
            for (int i = 0; i < data.size; i++) {
                double scale = c[i] * logit(v, i);
                data.addRow(scale, i, result, 0);
                if (bias) {
                    result[d] += scale;
                }
            }
        }

        /**
         * Forms \(\sum_i c_i \tilde x_i \tilde x_i^T\). The rows of H are cut into fixed blocks,
         * and for large P their columns into tiles, that stay in cache while every example passes
         * through them, four examples per pass; each block is one task ({@code internal.Tasks}),
         * which then mirrors the block's rows into the lower triangle, so the sums, and the
         * matrix, are the same whatever the number of threads.
         */
        @Override
        public double[][] toDense() {
            double[][] rows = extendedRows();
            double[][] hessian = new double[p][p];
            int block = blockRows(p);
            int tile = tileColumns(p);
            int blocks = (p + block - 1) / block;
            int threads = (double) data.size * p * p > PARALLEL_WORK
                    ? Runtime.getRuntime().availableProcessors() : 1;
            Tasks.run(threads, blocks, (k, worker) -> {
                int from = k * block;
                int to = Math.min(p, from + block);
                for (int first = from; first < p; first += tile) {
                    addToTile(rows, hessian, from, to, first, Math.min(p, first + tile));
                }
                for (int b = from + 1; b < p; b++) {
                    double[] row = hessian[b];
                    for (int a = from, end = Math.min(to, b); a < end; a++) {
                        row[a] = hessian[a][b];
                    }
                }
            });
            return hessian;
        }

        /**
         * Adds every example's \(c_i \tilde x_i \tilde x_i^T\) to rows [from, to) of H, columns
         * b in [first, last) with b &gt;= a.
         */
        private void addToTile(double[][] rows, double[][] hessian, int from, int to, int first,
                int last) {
            int n = data.size;
            int i = 0;
            for (; i + 3 < n; i += 4) {
                double[] x0 = rows[i];
                double[] x1 = rows[i + 1];
                double[] x2 = rows[i + 2];
                double[] x3 = rows[i + 3];
                double c0 = c[i];
                double c1 = c[i + 1];
                double c2 = c[i + 2];
                double c3 = c[i + 3];
                for (int a = from; a < to; a++) {
                    double s0 = c0 * x0[a];
                    double s1 = c1 * x1[a];
                    double s2 = c2 * x2[a];
                    double s3 = c3 * x3[a];
                    double[] row = hessian[a];
                    for (int b = Math.max(a, first); b < last; b++) {
                        row[b] += (s0 * x0[b] + s1 * x1[b]) + (s2 * x2[b] + s3 * x3[b]);
                    }
                }
            }
            for (; i < n; i++) {
                double[] xi = rows[i];
                for (int a = from; a < to; a++) {
                    double s = c[i] * xi[a];
                    double[] row = hessian[a];
                    for (int b = Math.max(a, first); b < last; b++) {
                        row[b] += s * xi[b];
                    }
                }
            }
        }
    }

    /**
     * Returns the examples as separate rows \(\tilde x_i\) of length P (with the bias's 1 last):
     * C2 vectorizes a loop over whole arrays indexed by the loop variable, not one over offsets
     * into the flat array of the data, which ran four times slower.
     */
    private double[][] extendedRows() {
        double[][] rows = new double[data.size][p];
        for (int i = 0; i < data.size; i++) {
            System.arraycopy(data.x, i * d, rows[i], 0, d);
            if (bias) {
                rows[i][d] = 1.0;
            }
        }
        return rows;
    }

    /**
     * Rows of H per block: up to P = 1024 a block of whole rows and the four examples of a pass
     * stay in the 512 KiB of L2 cache; above, blocks of 128 rows in tiles of
     * {@link #tileColumns} columns, which read the examples a quarter as often as blocks of 16
     * whole rows (15% faster at P = N = 2000, where the examples no longer fit in cache).
     */
    private static int blockRows(int p) {
        return p > TILED_FROM ? 128 : Math.max(8, Math.min(64, (1 << 15) / Math.max(1, p)));
    }

    /** Columns of H per tile of a block: all of them up to P = 1024, else 256. */
    private static int tileColumns(int p) {
        return p > TILED_FROM ? 256 : p;
    }

    /**
     * Returns the predicted class of each training example: 1 where \(z_i > 0\) (that is
     * \(\sigma(z_i) > 1/2\)), else 0.
     *
     * <pre>{@code
     * int[] predicted = model.predict(w);
     * }</pre>
     */
    @Override
    public int[] predict(double[] w) {
        Checks.finiteVector("w", w, p);
        int[] predicted = new int[data.size];
        for (int i = 0; i < data.size; i++) {
            predicted[i] = logit(w, i) > 0.0 ? 1 : 0;
        }
        return predicted;
    }

    /**
     * Returns this model (with or without its bias) on other examples.
     *
     * @throws IllegalArgumentException if the rows do not have {@link #featureCount()} features
     *     or a label is not 0 or 1
     */
    @Override
    public LogisticRegression on(double[][] features, int[] labels) {
        LogisticRegression other = of(features, labels, bias);
        if (other.featureCount() != featureCount()) {
            throw new IllegalArgumentException("features have " + other.featureCount()
                    + " columns, the model " + featureCount());
        }
        return other;
    }

    /**
     * Returns the class probabilities of each training example, {@code {1 - p_i, p_i}} with
     * \(p_i = \sigma(z_i)\), each computed without cancellation.
     *
     * <pre>{@code
     * double[][] p = model.on(newRows, new int[newRows.length]).probabilities(w);
     * }</pre>
     *
     * @param w parameters, length P, finite
     * @return N rows of 2 probabilities
     */
    public double[][] probabilities(double[] w) {
        Checks.finiteVector("w", w, p);
        double[][] probabilities = new double[data.size][2];
        for (int i = 0; i < data.size; i++) {
            double z = logit(w, i);
            double e = Math.exp(-Math.abs(z));
            probabilities[i][1] = sigmoid(z, e);
            probabilities[i][0] = sigmoid(-z, e);
        }
        return probabilities;
    }

    /** Returns \(u \cdot \tilde x_i\): the weights of u times example i, plus u's bias. */
    private double logit(double[] u, int i) {
        double z = data.dotRow(u, 0, i);
        return bias ? z + u[d] : z;
    }

    /** Returns \(\sigma(z)\) given \(e = e^{-|z|}\). */
    private static double sigmoid(double z, double e) {
        return z >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
    }

    /** Returns \(\sigma(z) (1 - \sigma(z)) = e / (1 + e)^2\) with \(e = e^{-|z|}\). */
    private static double curvature(double z) {
        double e = Math.exp(-Math.abs(z));
        double onePlus = 1.0 + e;
        return e / (onePlus * onePlus);
    }
}
