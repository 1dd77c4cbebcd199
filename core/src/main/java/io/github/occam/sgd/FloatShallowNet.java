package io.github.occam.sgd;

import io.github.occam.internal.Checks;
import io.github.occam.internal.SparseRows;
import io.github.occam.internal.Tasks;
import io.github.occam.models.ShallowNetShape;
import java.util.Arrays;

/**
 * The float32 {@link SgdEngine} of {@link ShallowNetTrainer}: parameters, momentum buffers and the
 * batch kernels of a d-H-n ReLU network with softmax cross-entropy on one training set, the
 * network that {@link io.github.occam.models.ShallowNetwork} describes in double precision.
 * Parameters enter ({@link #initialize}) and leave ({@link #parameters()}) in the layout of
 * {@link ShallowNetShape}, rounded to float on the way in and widened on the way out.
 *
 * <p>Layout: the first layer is kept transposed and as one array per input pixel,
 * {@code w1t[j][h] = W1[h][j]}; activations and back-propagated errors are one array per
 * example. Every inner loop then runs over the H hidden units with the same index in every
 * array, the form HotSpot's C2 compiler turns into AVX instructions, and the first layer visits
 * only the batch's non-zero pixels: the forward pass adds {@code x_ij w1t[j]} for the stored
 * entries of example i, the gradient row of pixel j sums {@code x_ij delta_i} over the batch
 * examples where pixel j is non-zero.
 *
 * <p>A step has two parallel phases (after bringing the rows it reads up to date, see
 * {@link #catchUp}). Phase 1 runs over fixed chunks of examples: forward pass, softmax, loss,
 * and the error {@code delta} at the hidden layer. Phase 2 runs over fixed chunks of parameter
 * rows (pixels of W1, classes of W2, the biases): it forms the rows' batch-mean gradient and
 * applies the momentum update to them at once, so the full gradient is never stored. Each number
 * is produced inside one task by the same operations in the same order, whichever thread runs
 * the task, so the results do not depend on the thread count. All buffers are allocated once; a
 * step allocates only the small job handles of {@link Tasks}.
 */
final class FloatShallowNet implements SgdEngine {

    /** Examples per task in phase 1. */
    static final int EXAMPLES_PER_TASK = 8;
    /** Smallest batch whose phases are spread over the worker threads. */
    static final int PARALLEL_FROM = 64;
    /** Pixel rows of W1 per task in phase 2. */
    static final int ROWS_PER_TASK = 16;
    /**
     * Parts of the batch whose pixels are sorted into columns in parallel; a fixed number, and
     * the columns come out in the order of a serial pass whatever it is.
     */
    static final int COLUMN_PARTS = 4;

    final ShallowNetShape shape;
    final int d;
    final int h;
    final int n;
    private final float[][] w1t;
    private final float[] b1;
    private final float[][] w2;
    /** W2 transposed, {@code w2t[h * n + c] = W2[c][h]}, kept equal to {@code w2}. */
    private final float[] w2t;
    private final float[] b2;
    private final float[][] v1t;
    private final float[] vb1;
    private final float[][] v2;
    private final float[] vb2;

    private final int capacity;
    private final float[][] act;
    private final float[][] delta;
    private final float[] logits;
    private final float[] dlog;
    private final float[][] dlogT;
    private final int[] classOf;
    private final int[] exampleOf;
    private final float[] ones;
    private final double[] loss;
    private final int[] predicted;
    private final int[] batch;
    private final BatchColumns columns;
    private final int rowTasks;
    /** Untouched-row updates of W1 not yet applied, per pixel row (see {@link #catchUp}). */
    private final int[] pending;
    /** True while a W1 row's velocity is exactly zero (it has never had a gradient). */
    private final boolean[] restingRow;
    private float pendingEps;
    private float pendingMom;
    private float pendingDecay;
    private final Tasks.Task catchUpTask = this::catchUpChunk;
    private boolean catchUpAll;
    /** For tests: update untouched rows at once instead of deferring them. */
    boolean eager;
    private final float[][] gradientRow;
    private final float[][] gradientB2;

    private final Tasks workers;
    private final Tasks.Task exampleTask = this::exampleChunk;
    private final Tasks.Task rowTask = this::rowChunk;

    private final SparseRows train;
    private final int[] trainLabels;
    private SparseRows rows;
    private int[] labels;
    private boolean initialized;
    private int size;
    private boolean training;
    private float eps;
    private float mom;
    private float decay;

    /**
     * Allocates every buffer of a run.
     *
     * @param shape the network
     * @param train the training set's features, {@code shape.featureCount()} per row
     * @param trainLabels its labels
     * @param largestBatch the largest batch a step will be given
     * @param capacity the examples per forward pass, at least {@code largestBatch}
     * @param workers the threads that run the phases
     */
    FloatShallowNet(ShallowNetShape shape, SparseRows train, int[] trainLabels, int largestBatch,
            int capacity, Tasks workers) {
        this.shape = shape;
        this.train = train;
        this.trainLabels = trainLabels;
        this.d = shape.featureCount();
        this.h = shape.hiddenUnits();
        this.n = shape.classCount();
        this.capacity = capacity;
        this.workers = workers;
        w1t = new float[d][h];
        b1 = new float[h];
        w2 = new float[n][h];
        w2t = new float[h * n];
        b2 = new float[n];
        v1t = new float[d][h];
        vb1 = new float[h];
        v2 = new float[n][h];
        vb2 = new float[n];
        act = new float[capacity][h];
        delta = new float[capacity][h];
        logits = new float[capacity * n];
        dlog = new float[capacity * n];
        dlogT = new float[n][capacity];
        classOf = new int[capacity * n];
        for (int k = 0; k < classOf.length; k++) {
            classOf[k] = k % n;
        }
        exampleOf = new int[capacity];
        ones = new float[capacity];
        for (int i = 0; i < capacity; i++) {
            exampleOf[i] = i;
            ones[i] = 1f;
        }
        loss = new double[capacity];
        predicted = new int[capacity];
        batch = new int[capacity];
        columns = new BatchColumns(d, COLUMN_PARTS, train.maxNonZero(largestBatch));
        rowTasks = (d + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
        pending = new int[d];
        restingRow = new boolean[d];
        gradientRow = new float[workers.threads()][h];
        gradientB2 = new float[workers.threads()][n];
    }

    @Override
    public int parameterCount() {
        return shape.parameterCount();
    }

    @Override
    public int exampleCount() {
        return train.size();
    }

    /**
     * Starts a run: the parameters from {@code start} rounded to float, the velocity zero, no
     * deferred row update, and the prior as a decay of {@code lambda / N} per step.
     */
    @Override
    public void initialize(double[] start, double lambda) {
        Checks.finiteVector("start", start, shape.parameterCount());
        Checks.nonNegative("lambda", lambda);
        Arrays.fill(pending, 0);
        Arrays.fill(restingRow, true);
        pendingEps = 0f;
        pendingMom = 0f;
        pendingDecay = 0f;
        for (float[] row : v1t) {
            Arrays.fill(row, 0f);
        }
        for (float[] row : v2) {
            Arrays.fill(row, 0f);
        }
        Arrays.fill(vb1, 0f);
        Arrays.fill(vb2, 0f);
        forEachParameter(w1t, b1, w2, b2, (p, block, k) -> block[k] = (float) start[p]);
        for (int c = 0; c < n; c++) {
            transposeRow(c);
        }
        decay = (float) (lambda / train.size());
        initialized = true;
    }

    private void transposeRow(int c) {
        final float[] w = w2[c];
        for (int u = 0; u < h; u++) {
            w2t[u * n + c] = w[u];
        }
    }

    /** Returns the parameters as doubles in the layout of {@link ShallowNetShape}. */
    @Override
    public double[] parameters() {
        checkInitialized();
        catchUp(true);
        return flatten(w1t, b1, w2, b2);
    }

    /** Returns the momentum buffer in the parameter layout (for tests). */
    double[] velocity() {
        catchUp(true);
        return flatten(v1t, vb1, v2, vb2);
    }

    private double[] flatten(float[][] first, float[] firstBias, float[][] second,
            float[] secondBias) {
        double[] w = new double[shape.parameterCount()];
        forEachParameter(first, firstBias, second, secondBias, (p, block, k) -> w[p] = block[k]);
        return w;
    }

    /** Where one parameter lives: index p of the public layout, element k of {@code block}. */
    @FunctionalInterface
    private interface Slot {
        void at(int p, float[] block, int k);
    }

    /** Visits every parameter of the given blocks (W1 transposed, b1, W2, b2) with its index. */
    private void forEachParameter(float[][] first, float[] firstBias, float[][] second,
            float[] secondBias, Slot slot) {
        for (int u = 0; u < h; u++) {
            for (int j = 0; j < d; j++) {
                slot.at(shape.w1Index(u, j), first[j], u);
            }
            slot.at(shape.b1Offset() + u, firstBias, u);
        }
        for (int c = 0; c < n; c++) {
            for (int u = 0; u < h; u++) {
                slot.at(shape.w2Index(c, u), second[c], u);
            }
            slot.at(shape.b2Offset() + c, secondBias, c);
        }
    }

    /**
     * One SGD step with momentum on the training examples {@code order[from, from + count)}:
     * {@code v <- m v + (g + decay w); w <- w - eps v}, {@code g} the batch mean gradient of the
     * cross-entropy, in float32. Returns the summed cross-entropy of the batch before the update.
     * The arguments are the trainer's and are not checked again here.
     */
    @Override
    public double step(int[] order, int from, int count, double learningRate, double momentum) {
        checkInitialized();
        final float stepEps = (float) learningRate;
        final float stepMom = (float) momentum;
        rows = train;
        labels = trainLabels;
        size = count;
        System.arraycopy(order, from, batch, 0, count);
        training = true;
        eps = stepEps;
        mom = stepMom;
        columns.build(train, batch, count, count < PARALLEL_FROM ? 1 : COLUMN_PARTS, this::run);
        if (stepEps != pendingEps || stepMom != pendingMom || decay != pendingDecay) {
            catchUp(true);
            pendingEps = stepEps;
            pendingMom = stepMom;
            pendingDecay = decay;
        }
        catchUp(false);
        run((count + EXAMPLES_PER_TASK - 1) / EXAMPLES_PER_TASK, exampleTask);
        run(rowTasks + n + 1, rowTask);
        double sum = 0.0;
        for (int i = 0; i < count; i++) {
            sum += loss[i];
        }
        return sum;
    }

    /** Evaluates the current parameters on the training set. */
    @Override
    public Evaluation evaluate() {
        return evaluate(train, trainLabels);
    }

    /**
     * Evaluates the current parameters on {@code data}: the fraction it classifies correctly and
     * its mean cross-entropy.
     */
    Evaluation evaluate(SparseRows data, int[] dataLabels) {
        checkInitialized();
        catchUp(true);
        rows = data;
        labels = dataLabels;
        training = false;
        long correct = 0;
        double sum = 0.0;
        for (int from = 0; from < data.size(); from += capacity) {
            size = Math.min(capacity, data.size() - from);
            for (int i = 0; i < size; i++) {
                batch[i] = from + i;
            }
            workers.run((size + EXAMPLES_PER_TASK - 1) / EXAMPLES_PER_TASK, exampleTask);
            for (int i = 0; i < size; i++) {
                sum += loss[i];
                if (predicted[i] == dataLabels[batch[i]]) {
                    correct++;
                }
            }
        }
        return new Evaluation(sum / data.size(), (double) correct / data.size());
    }

    private void checkInitialized() {
        if (!initialized) {
            throw new IllegalStateException("initialize must be called before step, evaluate"
                    + " or parameters");
        }
    }

    /** Phase 1 for examples [8t, 8t + 8): forward pass, softmax, loss and hidden-layer error. */
    private void exampleChunk(int t, int worker) {
        final int i0 = t * EXAMPLES_PER_TASK;
        final int i1 = Math.min(size, i0 + EXAMPLES_PER_TASK);
        final int[] start = rows.start;
        final int[] column = rows.column;
        final float[] value = rows.floats;
        for (int i = i0; i < i1; i++) {
            final float[] a = act[i];
            System.arraycopy(b1, 0, a, 0, h);
            int ex = batch[i];
            FloatKernels.addProducts(a, w1t, column, value, start[ex], start[ex + 1]);
            for (int u = 0; u < h; u++) {
                a[u] = Math.max(a[u], 0f);
            }
        }
        for (int i = i0; i < i1; i++) {
            FloatKernels.outputLayer(act[i], w2t, n, logits, i * n);
            softmax(i);
        }
        if (!training) {
            return;
        }
        for (int i = i0; i < i1; i++) {
            final float[] a = act[i];
            final float[] e = delta[i];
            Arrays.fill(e, 0f);
            FloatKernels.addProducts(e, w2, classOf, dlog, i * n, i * n + n);
            for (int u = 0; u < h; u++) {
                // a[u] >= +0 after the ReLU: its bits are positive exactly when a[u] > 0 (or NaN)
                final int keep = -((Float.floatToRawIntBits(a[u]) + 0x7fffffff) >>> 31);
                e[u] = Float.intBitsToFloat(Float.floatToRawIntBits(e[u]) & keep);
            }
        }
    }

    /** Softmax, loss and prediction of example i; when training, dH/dlogits divided by B. */
    private void softmax(int i) {
        final int o = i * n;
        int label = labels[batch[i]];
        double max = Double.NEGATIVE_INFINITY;
        int best = 0;
        for (int c = 0; c < n; c++) {
            float z = logits[o + c] + b2[c];
            logits[o + c] = z;
            if (z > max) {
                max = z;
                best = c;
            }
        }
        predicted[i] = best;
        double sum = 0.0;
        for (int c = 0; c < n; c++) {
            sum += Math.exp(logits[o + c] - max);
        }
        loss[i] = Math.log(sum) + max - logits[o + label];
        if (training) {
            for (int c = 0; c < n; c++) {
                double p = Math.exp(logits[o + c] - max) / sum;
                float g = (float) ((c == label ? p - 1.0 : p) / size);
                dlog[o + c] = g;
                dlogT[c][i] = g;
            }
        }
    }

    /**
     * Phase 2, task t: rows [16t, 16t + 16) of W1 (pixels) for t below the W1 task count, then
     * one task per row of W2 (class), then one for both biases. Each forms its rows' gradient
     * and applies the momentum update to them.
     */
    private void rowChunk(int t, int worker) {
        final float m = mom;
        final float lr = eps;
        final float wd = decay;
        final float[] g = gradientRow[worker];
        if (t < rowTasks) {
            int j1 = Math.min(d, (t + 1) * ROWS_PER_TASK);
            for (int j = t * ROWS_PER_TASK; j < j1; j++) {
                final float[] w = w1t[j];
                final float[] v = v1t[j];
                int s = columns.start(j);
                int e = columns.start(j + 1);
                if (s == e) {
                    if (eager) {
                        update(w, v, null, m, lr, wd);
                    } else {
                        pending[j]++;
                    }
                    continue;
                }
                Arrays.fill(g, 0f);
                FloatKernels.addProducts(g, delta, columns.example, columns.value, s, e);
                update(w, v, g, m, lr, wd);
                restingRow[j] = false;
            }
        } else if (t < rowTasks + n) {
            int c = t - rowTasks;
            Arrays.fill(g, 0f);
            FloatKernels.addProducts(g, act, exampleOf, dlogT[c], 0, size);
            update(w2[c], v2[c], g, m, lr, wd);
            transposeRow(c);
        } else {
            Arrays.fill(g, 0f);
            FloatKernels.addProducts(g, delta, exampleOf, ones, 0, size);
            update(b1, vb1, g, m, lr, wd);
            final float[] gb2 = gradientB2[worker];
            for (int c = 0; c < n; c++) {
                float gc = 0f;
                for (int i = 0; i < size; i++) {
                    gc += dlog[i * n + c];
                }
                gb2[c] = gc;
            }
            update(b2, vb2, gb2, m, lr, wd);
        }
    }

    /**
     * Runs a phase on the workers, or on the calling thread alone for batches below
     * {@link #PARALLEL_FROM}: a small batch's phases last tens of microseconds, and handing them
     * to a second thread was measured to cost more than it saves. Either way every task does
     * the same operations, so the results are the same.
     */
    private void run(int tasks, Tasks.Task task) {
        if (size < PARALLEL_FROM) {
            for (int t = 0; t < tasks; t++) {
                task.run(t, 0);
            }
        } else {
            workers.run(tasks, task);
        }
    }

    /**
     * Applies the deferred updates of W1 rows: of every row when {@code all}, else of the rows
     * the current batch reads.
     *
     * <p>A pixel that is zero in every example of a batch gets no gradient, and its row's
     * update reduces to {@code v <- m v + decay w; w <- w - eps v}. Doing that for all d rows
     * at every step costs a pass over W1 and its velocity through memory, which dominates small
     * batches. Instead the step only counts it, and the counted updates are replayed, one after
     * the other, just before the row is next read (or when the learning rate, momentum or decay
     * changes, or the parameters are read). Each element thus goes through exactly the same
     * float operations in the same order as with immediate updates, so the results are
     * bit-identical; only the memory traffic is saved. A row whose velocity is still exactly
     * zero with {@code decay = 0} is left alone, since its update is then the identity.
     */
    private void catchUp(boolean all) {
        boolean any = false;
        for (int j = 0; j < d && !any; j++) {
            any = pending[j] > 0 && (all || !columns.isEmpty(j));
        }
        if (any) {
            catchUpAll = all;
            run(rowTasks, catchUpTask);
        }
    }

    private void catchUpChunk(int t, int worker) {
        final float m = pendingMom;
        final float lr = pendingEps;
        final float wd = pendingDecay;
        int j1 = Math.min(d, (t + 1) * ROWS_PER_TASK);
        for (int j = t * ROWS_PER_TASK; j < j1; j++) {
            int k = pending[j];
            if (k == 0 || !catchUpAll && columns.isEmpty(j)) {
                continue;
            }
            pending[j] = 0;
            if (restingRow[j] && wd == 0f) {
                continue;
            }
            restingRow[j] = false;
            final float[] w = w1t[j];
            final float[] v = v1t[j];
            for (int r = 0; r < k; r++) {
                update(w, v, null, m, lr, wd);
            }
        }
    }

    /**
     * The momentum update of this engine, written once: {@code v <- m v + (g + decay w);
     * w <- w - eps v} over a block of parameters, {@code g} its batch-mean gradient, or
     * {@code null} for a block the batch gave no gradient (a pixel that is zero in every example
     * of the batch), where the update is {@code v <- m v + decay w} (the same float operations as
     * with a zero gradient, but for the sign of a zero).
     */
    private static void update(float[] w, float[] v, float[] g, float m, float lr, float wd) {
        if (g == null) {
            for (int u = 0; u < w.length; u++) {
                v[u] = m * v[u] + wd * w[u];
                w[u] -= lr * v[u];
            }
            return;
        }
        for (int u = 0; u < w.length; u++) {
            v[u] = m * v[u] + (g[u] + wd * w[u]);
            w[u] -= lr * v[u];
        }
    }
}
