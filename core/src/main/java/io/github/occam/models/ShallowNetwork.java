package io.github.occam.models;

import io.github.occam.Batch;
import io.github.occam.OutputJacobians;
import io.github.occam.SymmetricOperator;
import io.github.occam.internal.Checks;
import io.github.occam.internal.Tasks;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

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
 * is exactly 0. {@link #gaussNewtonAt(double[])} gives the generalized Gauss-Newton matrix, the
 * same product without the second-order term. A product costs about one gradient, O(N d H),
 * never forms a P x P matrix, and is what the matrix-free spectrum methods build on.
 *
 * <p><b>How it is computed.</b> All arithmetic is double precision. The first layer visits only
 * the non-zero inputs of each example (81% of MNIST's pixels are exactly zero) and works on
 * \(W_1^T\), transposed once per evaluation (per product for the direction v), so that every long
 * loop runs over the H hidden units. Examples go in passes of 256: an example phase (forward
 * pass, softmax and the error at the hidden layer, in tasks of 8 examples), then a parameter
 * phase (the first-layer gradient in tasks of 16 inputs, each summing over the pass's examples in
 * which its inputs are non-zero; the second layer and the biases in tasks of 64 hidden units).
 * Each number is computed inside one task by a fixed sequence of operations, so the results are
 * bit-identical for every number of threads ({@link #withThreads(int)}); against a plain loop
 * over the examples they differ only by that fixed order of the sums (rounding, 1e-15
 * relative). Passes with fewer than 32 examples run on the calling thread.
 *
 * <p>Instances hold a private copy of the data and are immutable, and may be shared between
 * threads. Each keeps the scratch space of its last evaluation for the next (about
 * 2 d H + 512 H doubles); concurrent evaluations allocate their own. At w = 0 every score is 0,
 * so \(H(0) = N \ln n\), the null model.
 *
 * <pre>{@code
 * ShallowNetwork net = ShallowNetwork.of(features, labels, 800, 10);      // 784-800-10 on MNIST
 * double[] w = ShallowNetwork.initialParameters(784, 800, 10, 42L);
 * double[] gradient = new double[net.parameterCount()];
 * double h = net.crossEntropy(w, gradient);
 * double[] hv = new double[net.parameterCount()];
 * net.hessianAt(w).apply(gradient, hv);                               // exact H v
 * net.gaussNewtonAt(w).apply(gradient, hv);                           // G v, G >= 0
 * }</pre>
 */
public final class ShallowNetwork extends LabelledModel implements OutputJacobians {

    /** Examples per pass: the block whose hidden-layer vectors are held at once. */
    static final int EXAMPLES_PER_PASS = 256;
    /** Examples per task of the example phase. */
    static final int EXAMPLES_PER_TASK = 8;
    /** Inputs (rows of the transposed first layer) per task. */
    static final int INPUTS_PER_TASK = 16;
    /** Hidden units per task of the second-layer and bias sums. */
    static final int UNITS_PER_TASK = 64;
    /** Smallest pass whose phases are spread over several threads. */
    static final int PARALLEL_FROM = 32;

    final ShallowNetShape shape;
    final int d;
    final int hidden;
    final int b1Offset;
    final int w2Offset;
    final int b2Offset;
    final SparseInputs inputs;
    final int threads;
    /** Examples per pass, min(256, N). */
    final int pass;
    /** Tasks over the inputs, ceil(d / 16). */
    final int inputTasks;
    /** Tasks over the hidden units, ceil(H / 64). */
    final int unitTasks;
    /** The scratch space of the last evaluation, or null while one is running. */
    private final AtomicReference<Workspace> spare = new AtomicReference<>();

    private ShallowNetwork(LabelledData data, ShallowNetShape shape, SparseInputs inputs,
            int threads) {
        super(data, shape.classCount(), shape.parameterCount());
        this.shape = shape;
        this.d = shape.featureCount();
        this.hidden = shape.hiddenUnits();
        this.b1Offset = shape.b1Offset();
        this.w2Offset = shape.w2Offset();
        this.b2Offset = shape.b2Offset();
        this.inputs = inputs;
        this.threads = threads;
        this.pass = Math.min(EXAMPLES_PER_PASS, data.size);
        this.inputTasks = (d + INPUTS_PER_TASK - 1) / INPUTS_PER_TASK;
        this.unitTasks = (hidden + UNITS_PER_TASK - 1) / UNITS_PER_TASK;
    }

    /**
     * Returns the d-H-n network on {@code features} and {@code labels}, computing on all
     * available processors ({@link #withThreads(int)}).
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
                new ShallowNetShape(data.featureCount, hiddenUnits, classCount),
                SparseInputs.of(data), Runtime.getRuntime().availableProcessors());
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
     * Returns \(J J^T\) at {@code w} in closed form: with \(h_i\) the hidden activations and
     * \(D_{ij}\) the ReLU pattern, \((J_i J_{i'}^T)_{kk'} = \delta_{kk'} (h_i \cdot h_{i'} + 1) +
     * (x_i \cdot x_{i'} + 1) \sum_j W_2[k, j] W_2[k', j] D_{ij} D_{i'j}\) ({@code docs/theory.md}).
     */
    @Override
    public double[][] scoreGram(double[] w) {
        Checks.finiteVector("w", w, p);
        return NetworkJacobians.scoreGram(this, w);
    }

    /**
     * Returns \(M = L^T (J J^T) L\), N(n - 1) on a side, the factors folded in first: block
     * (i, i') is \((x_i \cdot x_{i'} + 1) B_i B_{i'}^T + (h_i \cdot h_{i'} + 1) L_i^T L_{i'}\),
     * \(B_i = L_i^T W_2 \mathrm{diag}(D_i)\), one Gram matrix of the stacked B ({@code GramMatrix}).
     */
    @Override
    public double[][] dualMatrix(double[] w) {
        Checks.finiteVector("w", w, p);
        return NetworkJacobians.dualMatrix(this, w);
    }

    /**
     * Returns a factor of rank n - 1 of \(\mathrm{diag}(p_i) - p_i p_i^T\) for each example,
     * n x (n - 1), row-major (see {@link OutputJacobians#scoreCurvatureFactors}).
     */
    @Override
    public double[][] scoreCurvatureFactors(double[] w) {
        Checks.finiteVector("w", w, p);
        return NetworkJacobians.curvatureFactors(this, w);
    }

    /**
     * Returns how many pre-activations \(a_{ij} = (W_1 x_i + b_1)_j\) of the training examples lie
     * within the rounding bound of their sum, \(2 (d + 1) u (|b_{1j}| + \sum_m |(W_1)_{jm} x_{im}|)\),
     * of 0: ReLU kinks, where the Hessian is not defined (the Gauss-Newton matrix is). O(N d H).
     *
     * @param w the point, length P, finite
     * @return the count, in [0, N H]
     * @throws IllegalArgumentException if {@code w} is null, not of length P or not finite
     */
    public long kinksAt(double[] w) {
        Checks.finiteVector("w", w, p);
        return NetworkJacobians.kinks(this, w);
    }

    /**
     * Returns this network (its hidden units and thread count) on other examples.
     *
     * <pre>{@code
     * ShallowNetwork test = net.on(testFeatures, testLabels);
     * double testAccuracy = test.accuracy(w);
     * }</pre>
     *
     * @throws IllegalArgumentException if the rows do not have {@link #featureCount()} features
     *     or a label is out of [0, n)
     */
    @Override
    public ShallowNetwork on(double[][] features, int[] labels) {
        ShallowNetwork other = of(features, labels, hidden, classes).withThreads(threads);
        if (other.featureCount() != featureCount()) {
            throw new IllegalArgumentException("features have " + other.featureCount()
                    + " columns, the network " + featureCount());
        }
        return other;
    }

    /**
     * Returns this network computing on at most {@code threads} threads: the calling thread and
     * {@code threads - 1} helpers. The results are bit-identical for every thread count, so this
     * only changes the speed. The helpers are daemon threads of a pool shared by all networks,
     * started when first needed and ended after 60 s without work; nothing needs to be closed.
     * The training data are shared, not copied.
     *
     * <pre>{@code
     * ShallowNetwork oneCore = net.withThreads(1);
     * }</pre>
     *
     * @param threads at least 1
     * @return a network equal to this one but for the thread count
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public ShallowNetwork withThreads(int threads) {
        Checks.atLeast("threads", threads, 1);
        return new ShallowNetwork(data, shape, inputs, threads);
    }

    /** Returns the largest number of threads an evaluation uses. */
    public int threads() {
        return threads;
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
     * Returns the cross-entropy H_B(w) summed over the batch and, unless {@code gradient} is
     * null, writes its gradient into it, by backpropagation: with \(\delta = p - e_{y}\),
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
        Workspace work = take();
        try {
            return checkedResult(work.evaluate(w, batch, gradient, null), w, gradient);
        } finally {
            spare.set(work);
        }
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
     * the Gauss-Newton matrix ({@link #gaussNewtonAt(double[])}) leaves out. A product costs
     * about one gradient without its forward pass, on {@link #threads()} threads, and allocates
     * no buffer (the operator holds about 2 d H + N H + 512 H doubles); the dense form is
     * assembled from P products and symmetrized (for small networks: tests, P up to a few
     * thousand). Like every operator, it is used by one thread at a time.
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
        return new NetworkCurvature(this, w, true);
    }

    /**
     * Returns the generalized Gauss-Newton matrix of H at {@code w},
     * \(G = \sum_i J_i^T (\mathrm{diag}(p_i) - p_i p_i^T) J_i\) with \(J_i\) the Jacobian of the
     * scores \(s_i\) in w: the product of {@link #hessianAt(double[])} without its second-order
     * terms \(\delta_i \mathcal{R}h_i^T\) and \(V_2^T \delta\). Per example, \(J v\) is
     * \(\mathcal{R}s = W_2 \mathcal{R}h + V_2 h + c_2\), the middle factor makes
     * \(\mathcal{R}\delta = p \odot (\mathcal{R}s - p \cdot \mathcal{R}s)\), and \(J^T\) sends it
     * back: \((Gv)_{W_2} = \sum_i \mathcal{R}\delta_i h_i^T\),
     * \((Gv)_{b_2} = \sum_i \mathcal{R}\delta_i\),
     * \(\mathcal{R}g = (W_2^T \mathcal{R}\delta) \odot [a > 0]\),
     * \((Gv)_{W_1} = \sum_i \mathcal{R}g_i x_i^T\), \((Gv)_{b_1} = \sum_i \mathcal{R}g_i\).
     * G is positive semi-definite, of rank at most N (n - 1). The forward pass is cached and a
     * product costs a little less than a Hessian-vector product.
     *
     * <pre>{@code
     * SymmetricOperator ggn = net.gaussNewtonAt(w);
     * ggn.apply(v, result);
     * }</pre>
     *
     * @throws IllegalArgumentException if {@code w} is null, not of length P or not finite
     */
    @Override
    public SymmetricOperator gaussNewtonAt(double[] w) {
        Checks.finiteVector("w", w, p);
        return new NetworkCurvature(this, w, false);
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
        int[] predicted = new int[data.size];
        Workspace work = take();
        try {
            work.evaluate(w, Batch.all(data.size), null, predicted);
        } finally {
            spare.set(work);
        }
        return predicted;
    }

    private Workspace take() {
        Workspace work = spare.getAndSet(null);
        return work != null ? work : new Workspace();
    }

    /** Returns the threads for a pass of {@code rows} examples. */
    int threadsFor(int rows) {
        return rows >= PARALLEL_FROM ? threads : 1;
    }

    /** Copies the rows of W2 (or of the W2 block of v) out of a parameter vector. */
    void copyW2(double[] u, double[][] rows) {
        for (int c = 0; c < classes; c++) {
            System.arraycopy(u, w2Offset + c * hidden, rows[c], 0, hidden);
        }
    }

    /**
     * Writes the activations {@code a} = ReLU of the pre-activations and the scores
     * {@code s[off .. off + n)} of example i, with the first layer transposed in {@code w1t}.
     */
    void forwardExample(double[][] w1t, double[] b1, double[][] w2, double[] b2, int i,
            double[] a, double[] s, int off) {
        System.arraycopy(b1, 0, a, 0, hidden);
        NetworkKernels.addRows(a, w1t, inputs.column, inputs.value, inputs.start[i],
                inputs.start[i + 1], 0, hidden);
        NetworkKernels.relu(a);
        System.arraycopy(b2, 0, s, off, classes);
        NetworkKernels.addDots(w2, a, s, off);
    }

    /** Adds \(\sum_r x_{rj} g_r\) to {@code target[j]} for the inputs j of task t. */
    void addInputRows(int t, SparseInputs.Columns columns, double[][] g,
            double[][] target) {
        int j1 = Math.min(d, (t + 1) * INPUTS_PER_TASK);
        for (int j = t * INPUTS_PER_TASK; j < j1; j++) {
            if (columns.has(j)) {
                NetworkKernels.addRows(target[j], g, columns.row, columns.value,
                        columns.start[j], columns.start[j + 1], 0, hidden);
            }
        }
    }

    /** Returns a new identity index 0, 1, ..., count - 1. */
    static int[] identity(int count) {
        int[] index = new int[count];
        for (int k = 0; k < count; k++) {
            index[k] = k;
        }
        return index;
    }

    /** Returns a new index whose entry q is the class q mod n. */
    int[] classIndex(int count) {
        int[] index = new int[count];
        for (int q = 0; q < count; q++) {
            index[q] = q % classes;
        }
        return index;
    }

    /**
     * The scratch space and the phases of one evaluation of the cross-entropy, its gradient or the
     * predictions: the transposed first layer and its gradient, one pass's hidden-layer vectors.
     */
    private final class Workspace {
        final double[][] w1t = new double[d][hidden];
        final double[][] g1t = new double[d][hidden];
        final double[][] w2 = new double[classes][hidden];
        final double[][] g2 = new double[classes][hidden];
        final double[] b1 = new double[hidden];
        final double[] gb1 = new double[hidden];
        final double[] b2 = new double[classes];
        final double[][] act = new double[pass][hidden];
        final double[][] back = new double[pass][hidden];
        final double[] scores = new double[pass * classes];
        final double[][] deltaT = new double[classes][pass];
        final double[] loss = new double[pass];
        final int[] best = new int[pass];
        final double[] ones = new double[pass];
        final int[] rows = identity(pass);
        final int[] classOf = classIndex(pass * classes);
        final boolean[] used = new boolean[d];
        final SparseInputs.Columns columns = new SparseInputs.Columns(d, 0);

        /** The evaluation in progress. */
        private double[] w;
        private Batch batch;
        private boolean backward;
        private int first;
        private int count;

        private final Tasks.Task gatherTask = (t, worker) -> gather(t);
        private final Tasks.Task exampleTask = (t, worker) -> examples(t);
        private final Tasks.Task parameterTask = (t, worker) -> parameters(t);
        private final Tasks.Task scatterTask = (t, worker) -> scatter(t);
        private double[] gradient;

        Workspace() {
            Arrays.fill(ones, 1.0);
        }

        /**
         * Returns \(H_B(w)\), writes its gradient into {@code gradient} (already zeroed) unless
         * it is null, and the predicted classes of the batch into {@code predicted} unless null.
         */
        double evaluate(double[] w, Batch batch, double[] gradient, int[] predicted) {
            int size = batch.size();
            if (size == 0) {
                return 0.0;
            }
            this.w = w;
            this.batch = batch;
            this.gradient = gradient;
            this.backward = gradient != null;
            try {
                Arrays.fill(used, false);
                inputs.markUsed(batch, used);
                System.arraycopy(w, b1Offset, b1, 0, hidden);
                System.arraycopy(w, b2Offset, b2, 0, classes);
                copyW2(w, w2);
                int wide = threadsFor(size);
                Tasks.run(wide, inputTasks, gatherTask);
                if (backward) {
                    for (double[] row : g2) {
                        Arrays.fill(row, 0.0);
                    }
                    Arrays.fill(gb1, 0.0);
                }
                double value = 0.0;
                for (first = 0; first < size; first += pass) {
                    count = Math.min(pass, size - first);
                    int narrow = threadsFor(count);
                    int exampleTasks = (count + EXAMPLES_PER_TASK - 1) / EXAMPLES_PER_TASK;
                    Tasks.run(narrow, exampleTasks, exampleTask);
                    for (int r = 0; r < count; r++) {
                        value += loss[r];
                    }
                    if (predicted != null) {
                        System.arraycopy(best, 0, predicted, first, count);
                    }
                    if (backward) {
                        inputs.columns(batch, first, count, columns);
                        Tasks.run(narrow, inputTasks + unitTasks, parameterTask);
                        for (int r = 0; r < count; r++) {
                            for (int c = 0; c < classes; c++) {
                                gradient[b2Offset + c] += scores[r * classes + c];
                            }
                        }
                    }
                }
                if (backward) {
                    Tasks.run(wide, inputTasks, scatterTask);
                    for (int c = 0; c < classes; c++) {
                        System.arraycopy(g2[c], 0, gradient, w2Offset + c * hidden, hidden);
                    }
                    System.arraycopy(gb1, 0, gradient, b1Offset, hidden);
                }
                return value;
            } finally {
                this.w = null;
                this.batch = null;
                this.gradient = null;
            }
        }

        /** Transposes the first layer of w for the inputs of task t; zeroes their gradient. */
        private void gather(int t) {
            NetworkKernels.gatherColumns(w, d, used, t * INPUTS_PER_TASK,
                    Math.min(d, (t + 1) * INPUTS_PER_TASK), w1t, backward ? g1t : null);
        }

        /** Writes the first-layer gradient of the inputs of task t into the gradient. */
        private void scatter(int t) {
            NetworkKernels.scatterColumns(g1t, used, t * INPUTS_PER_TASK,
                    Math.min(d, (t + 1) * INPUTS_PER_TASK), d, gradient);
        }

        /** Forward pass, loss and (when backward) the hidden-layer error of task t's examples. */
        private void examples(int t) {
            int r1 = Math.min(count, (t + 1) * EXAMPLES_PER_TASK);
            for (int r = t * EXAMPLES_PER_TASK; r < r1; r++) {
                int i = batch.index(first + r);
                int o = r * classes;
                double[] a = act[r];
                forwardExample(w1t, b1, w2, b2, i, a, scores, o);
                best[r] = LabelledData.argmax(scores, o, classes);
                int label = data.y[i];
                loss[r] = LabelledData.softmaxInPlace(scores, o, classes, label);
                if (backward) {
                    scores[o + label] -= 1.0;
                    for (int c = 0; c < classes; c++) {
                        deltaT[c][r] = scores[o + c];
                    }
                    double[] e = back[r];
                    Arrays.fill(e, 0.0);
                    NetworkKernels.addRows(e, w2, classOf, scores, o, o + classes, 0, hidden);
                    NetworkKernels.maskInactive(a, e);
                }
            }
        }

        /**
         * Task t of the parameter phase: the first-layer gradient of 16 inputs, or the gradient
         * of W2 and b1 for 64 hidden units, summed over the pass's examples.
         */
        private void parameters(int t) {
            if (t < inputTasks) {
                addInputRows(t, columns, back, g1t);
                return;
            }
            int lo = (t - inputTasks) * UNITS_PER_TASK;
            int hi = Math.min(hidden, lo + UNITS_PER_TASK);
            for (int c = 0; c < classes; c++) {
                NetworkKernels.addRows(g2[c], act, rows, deltaT[c], 0, count, lo, hi);
            }
            NetworkKernels.addRows(gb1, back, rows, ones, 0, count, lo, hi);
        }
    }
}
