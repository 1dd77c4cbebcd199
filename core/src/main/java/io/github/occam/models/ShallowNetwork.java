package io.github.occam.models;

import io.github.occam.Batch;
import io.github.occam.SymmetricOperator;
import io.github.occam.internal.Checks;
import io.github.occam.internal.Vectors;
import java.util.Arrays;

/**
 * A shallow neural network d-H-n: one hidden layer of H rectified linear units and a softmax
 * output over n classes, biases in both layers, the model of the second experiment of
 * Smith &amp; Le (a 784-800-10 network on MNIST).
 *
 * <p>For an input x the network computes \(a = W_1 x + b_1\), \(h = \max(a, 0)\) (elementwise),
 * the scores \(s = W_2 h + b_2\) and \(P(c \mid w, x) = e^{s_c} / \sum_{c'} e^{s_{c'}}\); the
 * summed cross-entropy is \(H(w) = \sum_i [\ln \sum_c e^{s_{ic}} - s_{i y_i}]\), evaluated as in
 * {@link SoftmaxRegression}. The parameters are laid out as {@link ShallowNetShape} defines,
 * {@code [W1 (H x d, row-major), b1 (H), W2 (n x H, row-major), b2 (n)]}, so P = H d + H + n H + n
 * and, for example, \((W_1)_{kj}\) is {@code w[k * d + j]} and \((W_2)_{ck}\) is
 * {@code w[H d + H + c * H + k]}.
 *
 * <p>The gradient is exact (backpropagation). The Hessian-vector product is exact too: it applies
 * Pearlmutter's R-operator \(\mathcal{R}_v\{f\} = \frac{d}{dt} f(w + t v)|_{t=0}\) to the
 * backpropagation, and so contains both the Gauss-Newton term and the second-order term through
 * \(W_2\); the only approximation is \(\mathrm{ReLU}'' = 0\), exact wherever no pre-activation
 * is exactly 0. It costs O(N d H) like a gradient, never forms a P x P matrix, and is what the
 * matrix-free spectrum methods build on. All computations are double precision, single-threaded
 * and deterministic; examples are processed in blocks of a few tens so that a row of
 * \(W_1\) is reused from cache.
 *
 * <p>Instances hold a private copy of the data and are immutable. At w = 0 every score is 0, so
 * \(H(0) = N \ln n\), the null model.
 *
 * <pre>{@code
 * ShallowNetwork net = ShallowNetwork.of(features, labels, 800, 10);      // 784-800-10 on MNIST
 * double[] w = ShallowNetwork.initialParameters(784, 800, 10, 42L);
 * double[] gradient = new double[net.parameterCount()];
 * double h = net.crossEntropy(w, gradient);
 * double[] hv = new double[net.parameterCount()];
 * net.hessianAt(w).apply(gradient, hv);                               // exact H v
 * }</pre>
 */
public final class ShallowNetwork extends LabelledModel {

    /** Examples processed together, so that a weight row is reused from cache. */
    private static final int BLOCK = 32;

    private final ShallowNetShape shape;
    private final int d;
    private final int hidden;
    private final int b1Offset;
    private final int w2Offset;
    private final int b2Offset;

    private ShallowNetwork(LabelledData data, ShallowNetShape shape) {
        super(data, shape.classCount(), shape.parameterCount());
        this.shape = shape;
        this.d = shape.featureCount();
        this.hidden = shape.hiddenUnits();
        this.b1Offset = shape.b1Offset();
        this.w2Offset = shape.w2Offset();
        this.b2Offset = shape.b2Offset();
    }

    /**
     * Returns the d-H-n network on {@code features} and {@code labels}.
     *
     * <pre>{@code
     * ShallowNetwork net = ShallowNetwork.of(features, labels, 800, 10);
     * }</pre>
     *
     * @param features N x d matrix, one example per row (copied); N, d at least 1, all finite
     * @param labels N labels, each in [0, classCount) (copied)
     * @param hiddenUnits H, at least 1
     * @param classCount n, at least 2
     * @return the network, with P = H d + H + n H + n parameters
     * @throws IllegalArgumentException if an argument is null, empty, ragged, not finite, a label
     *     is out of range, {@code hiddenUnits < 1} or {@code classCount < 2}; the message names
     *     the bad value
     */
    public static ShallowNetwork of(double[][] features, int[] labels, int hiddenUnits,
            int classCount) {
        Checks.atLeast("hiddenUnits", hiddenUnits, 1);
        Checks.atLeast("classCount", classCount, 2);
        LabelledData data = LabelledData.of(features, labels, classCount);
        return new ShallowNetwork(data,
                new ShallowNetShape(data.featureCount, hiddenUnits, classCount));
    }

    /**
     * Returns He-initialized parameters in this class's layout,
     * {@link ShallowNetShape#initialParameters(long)} of the d-H-n shape: every entry of
     * \(W_1\) drawn from \(N(0, 2/d)\), every entry of \(W_2\) from \(N(0, 2/H)\), in layout
     * order from {@code new java.util.Random(seed).nextGaussian()}, and zero biases. The same
     * seed gives the same numbers on every platform.
     *
     * <pre>{@code
     * double[] w = ShallowNetwork.initialParameters(784, 800, 10, 42L);
     * }</pre>
     *
     * @param featureCount d, at least 1
     * @param hiddenUnits H, at least 1
     * @param classCount n, at least 2
     * @param seed seed of the generator
     * @return a new array of length H d + H + n H + n
     * @throws IllegalArgumentException if a size is out of range
     */
    public static double[] initialParameters(int featureCount, int hiddenUnits, int classCount,
            long seed) {
        return new ShallowNetShape(featureCount, hiddenUnits, classCount).initialParameters(seed);
    }

    /**
     * Returns the network's shape d-H-n, which fixes its parameter layout.
     *
     * <pre>{@code
     * double[] w = net.shape().initialParameters(42L);
     * }</pre>
     */
    public ShallowNetShape shape() {
        return shape;
    }

    /** Returns H, the number of hidden units. */
    public int hiddenUnits() {
        return hidden;
    }

    /**
     * Returns the cross-entropy H_B(w) summed over the batch and, unless {@code gradient} is null, writes its
     * gradient into it, by backpropagation: with \(\delta = p - e_{y}\),
     * \(\nabla_{W_2} = \sum_i \delta_i h_i^T\), \(\nabla_{b_2} = \sum_i \delta_i\),
     * \(g_i = (W_2^T \delta_i) \odot [a_i > 0]\), \(\nabla_{W_1} = \sum_i g_i x_i^T\),
     * \(\nabla_{b_1} = \sum_i g_i\).
     *
     * <pre>{@code
     * double h = net.crossEntropy(w, Batch.all(net.exampleCount()), gradient);
     * }</pre>
     *
     * @throws IllegalArgumentException if {@code w} is null, not of length P or not finite,
     *     {@code batch} holds an index outside [0, N), or {@code gradient} is not of length P
     */
    @Override
    public double crossEntropy(double[] w, Batch batch, double[] gradient) {
        startValue(w, batch, gradient);
        int size = batch.size();
        int block = Math.max(1, Math.min(BLOCK, size));
        double[] h = new double[block * hidden];
        double[] s = new double[block * classes];
        double[] back = gradient == null ? null : new double[block * hidden];
        double value = 0.0;
        for (int first = 0; first < size; first += block) {
            int rows = Math.min(block, size - first);
            forward(w, batch, first, rows, h, s);
            for (int r = 0; r < rows; r++) {
                value += LabelledData.softmaxInPlace(s, r * classes, classes,
                        data.y[batch.index(first + r)]);
            }
            if (gradient != null) {
                subtractLabels(batch, first, rows, s);
                addOutputOuter(s, h, rows, gradient, true);
                Arrays.fill(back, 0, rows * hidden, 0.0);
                addBackpropagated(w, s, rows, back);
                maskInactive(h, rows, back);
                addHiddenOuter(back, batch, first, rows, gradient);
            }
        }
        return value;
    }

    /**
     * Returns the exact Hessian of H at {@code w}, by Pearlmutter's R-operator applied to
     * backpropagation, with the forward pass (hidden activations h, probabilities p and
     * \(\delta = p - e_y\) of all N examples, N (H + 2n) doubles) done once here. With
     * \(v = (V_1, c_1, V_2, c_2)\) in the parameter layout and per example:
     * \(\mathcal{R}a = V_1 x + c_1\), \(\mathcal{R}h = \mathcal{R}a \odot [a > 0]\),
     * \(\mathcal{R}s = W_2 \mathcal{R}h + V_2 h + c_2\),
     * \(\mathcal{R}\delta = p \odot (\mathcal{R}s - p \cdot \mathcal{R}s)\); then
     * \((Hv)_{W_2} = \sum_i \mathcal{R}\delta_i h_i^T + \delta_i \mathcal{R}h_i^T\),
     * \((Hv)_{b_2} = \sum_i \mathcal{R}\delta_i\),
     * \(\mathcal{R}g = (W_2^T \mathcal{R}\delta + V_2^T \delta) \odot [a > 0]\),
     * \((Hv)_{W_1} = \sum_i \mathcal{R}g_i x_i^T\), \((Hv)_{b_1} = \sum_i \mathcal{R}g_i\).
     * The terms \(\delta_i \mathcal{R}h_i^T\) and \(V_2^T \delta\) are the second-order part that
     * the Gauss-Newton matrix leaves out. A product costs O(N d H), like a gradient without its
     * forward pass, and allocates nothing; the dense form is assembled from P products and
     * symmetrized (for small networks: tests, P up to a few thousand).
     *
     * <pre>{@code
     * SymmetricOperator hessian = net.hessianAt(w);
     * hessian.apply(v, result);
     * }</pre>
     *
     * @throws IllegalArgumentException if {@code w} is null, not of length P or not finite
     */
    @Override
    public SymmetricOperator hessianAt(double[] w) {
        Checks.finiteVector("w", w, p);
        return new Curvature(w.clone());
    }

    /** The Hessian of H at a point, its forward pass cached. */
    private final class Curvature implements SymmetricOperator {
        private final double[] w;
        private final Batch all = Batch.all(data.size);
        private final int block = Math.max(1, Math.min(BLOCK, data.size));
        /** Hidden activations of all examples, N x H. */
        private final double[] hAll = new double[data.size * hidden];
        /** Probabilities of all examples, N x n. */
        private final double[] pAll = new double[data.size * classes];
        private final double[] h = new double[block * hidden];
        private final double[] rh = new double[block * hidden];
        private final double[] back = new double[block * hidden];
        private final double[] s = new double[block * classes];
        private final double[] rs = new double[block * classes];

        Curvature(double[] w) {
            this.w = w;
            for (int first = 0; first < data.size; first += block) {
                int rows = Math.min(block, data.size - first);
                forward(w, all, first, rows, h, s);
                for (int r = 0; r < rows; r++) {
                    LabelledData.softmaxInPlace(s, r * classes, classes, 0);
                }
                System.arraycopy(h, 0, hAll, first * hidden, rows * hidden);
                System.arraycopy(s, 0, pAll, first * classes, rows * classes);
            }
        }

        @Override
        public int dimension() {
            return p;
        }

        @Override
        public void apply(double[] v, double[] result) {
            startProduct(v, result);
            for (int first = 0; first < data.size; first += block) {
                int rows = Math.min(block, data.size - first);
                System.arraycopy(hAll, first * hidden, h, 0, rows * hidden);
                System.arraycopy(pAll, first * classes, s, 0, rows * classes);
                hiddenPreActivations(v, all, first, rows, rh);
                maskInactive(h, rows, rh);
                Arrays.fill(rs, 0, rows * classes, 0.0);
                addScores(v, h, rows, rs, true);
                addScores(w, rh, rows, rs, false);
                for (int r = 0; r < rows; r++) {
                    int o = r * classes;
                    double mean = 0.0;
                    for (int c = 0; c < classes; c++) {
                        mean += s[o + c] * rs[o + c];
                    }
                    for (int c = 0; c < classes; c++) {
                        rs[o + c] = s[o + c] * (rs[o + c] - mean);
                    }
                }
                subtractLabels(all, first, rows, s);
                addOutputOuter(rs, h, rows, result, true);
                addOutputOuter(s, rh, rows, result, false);
                Arrays.fill(back, 0, rows * hidden, 0.0);
                addBackpropagated(w, rs, rows, back);
                addBackpropagated(v, s, rows, back);
                maskInactive(h, rows, back);
                addHiddenOuter(back, all, first, rows, result);
            }
        }
    }

    /**
     * Returns the most probable class of each training example, \(\arg\max_c s_{ic}\), ties to
     * the lowest class index.
     *
     * <pre>{@code
     * int[] predicted = net.predict(w);
     * }</pre>
     */
    @Override
    public int[] predict(double[] w) {
        Checks.finiteVector("w", w, p);
        int block = Math.min(BLOCK, data.size);
        double[] h = new double[block * hidden];
        double[] s = new double[block * classes];
        int[] predicted = new int[data.size];
        Batch all = Batch.all(data.size);
        for (int first = 0; first < data.size; first += block) {
            int rows = Math.min(block, data.size - first);
            forward(w, all, first, rows, h, s);
            for (int r = 0; r < rows; r++) {
                predicted[first + r] = LabelledData.argmax(s, r * classes, classes);
            }
        }
        return predicted;
    }

    /** Writes the activations h and scores s of batch positions [first, first + rows). */
    private void forward(double[] w, Batch batch, int first, int rows, double[] h, double[] s) {
        hiddenPreActivations(w, batch, first, rows, h);
        for (int q = 0; q < rows * hidden; q++) {
            h[q] = Math.max(h[q], 0.0);
        }
        Arrays.fill(s, 0, rows * classes, 0.0);
        addScores(w, h, rows, s, true);
    }

    /** Writes \(U_1 x_r + u_{b_1}\) for each example r of the block into {@code out[r H + k]}. */
    private void hiddenPreActivations(double[] u, Batch batch, int first, int rows,
            double[] out) {
        for (int k = 0; k < hidden; k++) {
            int row = k * d;
            double b = u[b1Offset + k];
            for (int r = 0; r < rows; r++) {
                out[r * hidden + k] = b + data.dotRow(u, row, batch.index(first + r));
            }
        }
    }

    /** Adds \(U_2 h_r\) (+ \(u_{b_2}\) if {@code bias}) to {@code out[r n .. r n + n)}. */
    private void addScores(double[] u, double[] h, int rows, double[] out, boolean bias) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < classes; c++) {
                double value = Vectors.dot(u, w2Offset + c * hidden, h, r * hidden, hidden);
                out[r * classes + c] += bias ? value + u[b2Offset + c] : value;
            }
        }
    }

    /** Turns probabilities into \(\delta = p - e_y\) for the block's examples. */
    private void subtractLabels(Batch batch, int first, int rows, double[] s) {
        for (int r = 0; r < rows; r++) {
            s[r * classes + data.y[batch.index(first + r)]] -= 1.0;
        }
    }

    /** Adds \(\sum_r \delta_r h_r^T\) to the W2 block of {@code target} (and \(\delta_r\) to b2). */
    private void addOutputOuter(double[] delta, double[] h, int rows, double[] target,
            boolean bias) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < classes; c++) {
                double coefficient = delta[r * classes + c];
                Vectors.axpy(coefficient, h, r * hidden, target, w2Offset + c * hidden,
                        hidden);
                if (bias) {
                    target[b2Offset + c] += coefficient;
                }
            }
        }
    }

    /** Adds \(U_2^T \delta_r\) to {@code back[r H .. r H + H)}. */
    private void addBackpropagated(double[] u, double[] delta, int rows, double[] back) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < classes; c++) {
                Vectors.axpy(delta[r * classes + c], u, w2Offset + c * hidden, back,
                        r * hidden, hidden);
            }
        }
    }

    /** Zeroes {@code values} wherever the unit is inactive, \(h = 0\) (that is \(a \le 0\)). */
    private void maskInactive(double[] h, int rows, double[] values) {
        for (int q = 0; q < rows * hidden; q++) {
            if (h[q] <= 0.0) {
                values[q] = 0.0;
            }
        }
    }

    /** Adds \(\sum_r g_r x_r^T\) to the W1 block of {@code target} and \(\sum_r g_r\) to b1. */
    private void addHiddenOuter(double[] g, Batch batch, int first, int rows,
            double[] target) {
        for (int k = 0; k < hidden; k++) {
            int row = k * d;
            double sum = 0.0;
            for (int r = 0; r < rows; r++) {
                double coefficient = g[r * hidden + k];
                if (coefficient != 0.0) {
                    data.addRow(coefficient, batch.index(first + r), target, row);
                    sum += coefficient;
                }
            }
            target[b1Offset + k] += sum;
        }
    }
}
