package io.github.occam.sgd;

import java.util.Arrays;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * The float32 training engine of {@link ShallowNetTrainer}: parameters, momentum buffers and the
 * batch kernels of a d-H-n ReLU network with softmax cross-entropy.
 *
 * <p>Layout: the first layer is kept transposed, {@code w1t[j * H + h] = W1[h][j]}, so that one
 * input pixel's weights are contiguous; the forward pass and the gradient then visit only the
 * batch's non-zero pixels (a sparse-dense product) with loops over hidden units that the JIT
 * vectorizes. The hidden units are cut into fixed blocks; each block's forward pass, backward
 * pass and parameter update is one task. Every number is computed by the same sequence of
 * operations whichever thread runs its block, so results do not depend on the thread count.
 * All buffers are allocated once; a step allocates nothing but the tiny job handles of
 * {@link Workers}.
 */
final class FloatShallowNet {

    /** Examples per task in the output-layer phase. */
    private static final int ROWS_PER_TASK = 64;
    /** Below this batch size the output layer uses row-wise dot products. */
    private static final int TRANSPOSE_FROM = 8;

    final int d;
    final int h;
    final int n;
    final float[] w1t;
    final float[] b1;
    final float[] w2;
    final float[] b2;
    private final float[] v1t;
    private final float[] vb1;
    private final float[] v2;
    private final float[] vb2;
    private final float[] g1t;
    private final float[] g2;
    private final float[] gb1;
    private final boolean[] touched;

    private final int block;
    private final int blocks;
    private final int capacity;
    private final float[] act;
    private final float[] delta;
    private final float[] actT;
    private final float[] partial;
    private final float[] dlog;
    private final double[] loss;
    private final int[] predicted;
    private final int[] batch;

    private final Workers workers;
    private final IntConsumer forwardTask = this::forwardBlock;
    private final IntConsumer outputTask = this::outputRows;
    private final IntConsumer backwardTask = this::backwardBlock;

    private SparseRows rows;
    private int size;
    private boolean training;
    private float eps;
    private float mom;
    private float decay;

    FloatShallowNet(int d, int h, int n, int capacity, int block, Workers workers) {
        this.d = d;
        this.h = h;
        this.n = n;
        this.capacity = capacity;
        this.block = block;
        this.blocks = (h + block - 1) / block;
        this.workers = workers;
        w1t = new float[d * h];
        b1 = new float[h];
        w2 = new float[n * h];
        b2 = new float[n];
        v1t = new float[d * h];
        vb1 = new float[h];
        v2 = new float[n * h];
        vb2 = new float[n];
        g1t = new float[d * h];
        g2 = new float[n * h];
        gb1 = new float[h];
        touched = new boolean[d];
        act = new float[capacity * h];
        delta = new float[capacity * h];
        actT = new float[capacity * h];
        partial = new float[blocks * n * capacity];
        dlog = new float[capacity * n];
        loss = new double[capacity];
        predicted = new int[capacity];
        batch = new int[capacity];
    }

    /**
     * He-normal initialization: W1 from N(0, 2/d), W2 from N(0, 2/H), biases zero, drawn with
     * {@code java.util.Random(seed)} in the public layout order (W1 row by row, then W2).
     */
    void initialize(long seed) {
        Random random = new Random(seed);
        double s1 = Math.sqrt(2.0 / d);
        for (int u = 0; u < h; u++) {
            for (int j = 0; j < d; j++) {
                w1t[j * h + u] = (float) (random.nextGaussian() * s1);
            }
        }
        double s2 = Math.sqrt(2.0 / h);
        for (int k = 0; k < n * h; k++) {
            w2[k] = (float) (random.nextGaussian() * s2);
        }
    }

    /** Returns the parameters as doubles in the layout [W1 (H x d), b1, W2 (n x H), b2]. */
    double[] parameters() {
        double[] w = new double[h * d + h + n * h + n];
        int p = 0;
        for (int u = 0; u < h; u++) {
            for (int j = 0; j < d; j++) {
                w[p++] = w1t[j * h + u];
            }
        }
        for (int u = 0; u < h; u++) {
            w[p++] = b1[u];
        }
        for (int k = 0; k < n * h; k++) {
            w[p++] = w2[k];
        }
        for (int c = 0; c < n; c++) {
            w[p++] = b2[c];
        }
        return w;
    }

    /** Sets the parameters from the public layout (for tests and warm starts). */
    void setParameters(double[] w) {
        int p = 0;
        for (int u = 0; u < h; u++) {
            for (int j = 0; j < d; j++) {
                w1t[j * h + u] = (float) w[p++];
            }
        }
        for (int u = 0; u < h; u++) {
            b1[u] = (float) w[p++];
        }
        for (int k = 0; k < n * h; k++) {
            w2[k] = (float) w[p++];
        }
        for (int c = 0; c < n; c++) {
            b2[c] = (float) w[p++];
        }
    }

    /** Returns the momentum buffer in the public layout (for tests). */
    double[] velocity() {
        double[] v = new double[h * d + h + n * h + n];
        int p = 0;
        for (int u = 0; u < h; u++) {
            for (int j = 0; j < d; j++) {
                v[p++] = v1t[j * h + u];
            }
        }
        for (int u = 0; u < h; u++) {
            v[p++] = vb1[u];
        }
        for (int k = 0; k < n * h; k++) {
            v[p++] = v2[k];
        }
        for (int c = 0; c < n; c++) {
            v[p++] = vb2[c];
        }
        return v;
    }

    /**
     * One SGD step with momentum on the examples {@code order[from, from + count)} of
     * {@code data}: {@code v <- m v + g + decay w; w <- w - eps v}, {@code g} the batch mean
     * gradient of the cross-entropy. Returns the summed cross-entropy of the batch before the
     * update.
     */
    double step(SparseRows data, int[] order, int from, int count, float learningRate,
            float momentum, float weightDecay) {
        rows = data;
        size = count;
        System.arraycopy(order, from, batch, 0, count);
        training = true;
        eps = learningRate;
        mom = momentum;
        decay = weightDecay;
        workers.run(blocks, forwardTask);
        workers.run((count + ROWS_PER_TASK - 1) / ROWS_PER_TASK, outputTask);
        double sum = 0.0;
        for (int i = 0; i < count; i++) {
            sum += loss[i];
        }
        for (int c = 0; c < n; c++) {
            float g = 0f;
            for (int i = 0; i < count; i++) {
                g += dlog[i * n + c];
            }
            vb2[c] = mom * vb2[c] + (g + decay * b2[c]);
            b2[c] -= eps * vb2[c];
        }
        Arrays.fill(touched, false);
        for (int i = 0; i < count; i++) {
            int ex = batch[i];
            for (int p = data.start[ex]; p < data.start[ex + 1]; p++) {
                touched[data.column[p]] = true;
            }
        }
        workers.run(blocks, backwardTask);
        return sum;
    }

    /**
     * Evaluates the current parameters on {@code data}: returns {correct predictions, summed
     * cross-entropy}.
     */
    double[] evaluate(SparseRows data) {
        rows = data;
        training = false;
        long correct = 0;
        double sum = 0.0;
        for (int from = 0; from < data.size(); from += capacity) {
            size = Math.min(capacity, data.size() - from);
            for (int i = 0; i < size; i++) {
                batch[i] = from + i;
            }
            workers.run(blocks, forwardTask);
            workers.run((size + ROWS_PER_TASK - 1) / ROWS_PER_TASK, outputTask);
            for (int i = 0; i < size; i++) {
                sum += loss[i];
                if (predicted[i] == data.labels[batch[i]]) {
                    correct++;
                }
            }
        }
        return new double[] {correct, sum};
    }

    /** Forward pass of hidden block k: ReLU activations and the block's partial logits. */
    private void forwardBlock(int k) {
        final int h0 = k * block;
        final int h1 = Math.min(h, h0 + block);
        final float[] w = w1t;
        final float[] a = act;
        final int[] start = rows.start;
        final int[] column = rows.column;
        final float[] value = rows.value;
        for (int i = 0; i < size; i++) {
            int ex = batch[i];
            int zo = i * h;
            System.arraycopy(b1, h0, a, zo + h0, h1 - h0);
            for (int p = start[ex]; p < start[ex + 1]; p++) {
                float x = value[p];
                int wo = column[p] * h;
                for (int u = h0; u < h1; u++) {
                    a[zo + u] += x * w[wo + u];
                }
            }
            for (int u = h0; u < h1; u++) {
                a[zo + u] = Math.max(a[zo + u], 0f);
            }
        }
        int base = k * n * size;
        if (size < TRANSPOSE_FROM) {
            for (int i = 0; i < size; i++) {
                int zo = i * h;
                for (int c = 0; c < n; c++) {
                    int wo = c * h;
                    float s = 0f;
                    for (int u = h0; u < h1; u++) {
                        s += w2[wo + u] * a[zo + u];
                    }
                    partial[base + c * size + i] = s;
                }
            }
            return;
        }
        for (int i = 0; i < size; i++) {
            int zo = i * h;
            for (int u = h0; u < h1; u++) {
                actT[u * size + i] = a[zo + u];
            }
        }
        for (int c = 0; c < n; c++) {
            int po = base + c * size;
            Arrays.fill(partial, po, po + size, 0f);
            int wo = c * h;
            for (int u = h0; u < h1; u++) {
                float wv = w2[wo + u];
                int ao = u * size;
                for (int i = 0; i < size; i++) {
                    partial[po + i] += wv * actT[ao + i];
                }
            }
        }
    }

    /** Output layer for a chunk of examples: logits, softmax, loss, prediction, dH/dlogits / B. */
    private void outputRows(int t) {
        int i0 = t * ROWS_PER_TASK;
        int i1 = Math.min(size, i0 + ROWS_PER_TASK);
        for (int i = i0; i < i1; i++) {
            int label = rows.labels[batch[i]];
            double max = Double.NEGATIVE_INFINITY;
            int best = 0;
            for (int c = 0; c < n; c++) {
                float s = b2[c];
                for (int k = 0; k < blocks; k++) {
                    s += partial[k * n * size + c * size + i];
                }
                dlog[i * n + c] = s;
                if (s > max) {
                    max = s;
                    best = c;
                }
            }
            predicted[i] = best;
            double sum = 0.0;
            for (int c = 0; c < n; c++) {
                sum += Math.exp(dlog[i * n + c] - max);
            }
            loss[i] = Math.log(sum) + max - dlog[i * n + label];
            if (training) {
                for (int c = 0; c < n; c++) {
                    double p = Math.exp(dlog[i * n + c] - max) / sum;
                    dlog[i * n + c] = (float) ((c == label ? p - 1.0 : p) / size);
                }
            }
        }
    }

    /** Backward pass and update of hidden block k: delta, W2 and b1 columns, W1 block. */
    private void backwardBlock(int k) {
        final int h0 = k * block;
        final int h1 = Math.min(h, h0 + block);
        final float[] a = act;
        final float[] dz = delta;
        final float m = mom;
        final float lr = eps;
        final float wd = decay;
        for (int i = 0; i < size; i++) {
            int zo = i * h;
            Arrays.fill(dz, zo + h0, zo + h1, 0f);
            for (int c = 0; c < n; c++) {
                float dl = dlog[i * n + c];
                int wo = c * h;
                for (int u = h0; u < h1; u++) {
                    dz[zo + u] += dl * w2[wo + u];
                }
            }
            for (int u = h0; u < h1; u++) {
                dz[zo + u] = a[zo + u] > 0f ? dz[zo + u] : 0f;
            }
        }
        for (int c = 0; c < n; c++) {
            int go = c * h;
            Arrays.fill(g2, go + h0, go + h1, 0f);
            for (int i = 0; i < size; i++) {
                float dl = dlog[i * n + c];
                int ao = i * h;
                for (int u = h0; u < h1; u++) {
                    g2[go + u] += dl * a[ao + u];
                }
            }
            for (int u = h0; u < h1; u++) {
                v2[go + u] = m * v2[go + u] + (g2[go + u] + wd * w2[go + u]);
                w2[go + u] -= lr * v2[go + u];
            }
        }
        Arrays.fill(gb1, h0, h1, 0f);
        for (int i = 0; i < size; i++) {
            int zo = i * h;
            for (int u = h0; u < h1; u++) {
                gb1[u] += dz[zo + u];
            }
        }
        for (int u = h0; u < h1; u++) {
            vb1[u] = m * vb1[u] + (gb1[u] + wd * b1[u]);
            b1[u] -= lr * vb1[u];
        }
        final int[] start = rows.start;
        final int[] column = rows.column;
        final float[] value = rows.value;
        final float[] g = g1t;
        for (int i = 0; i < size; i++) {
            int ex = batch[i];
            int zo = i * h;
            for (int p = start[ex]; p < start[ex + 1]; p++) {
                float x = value[p];
                int go = column[p] * h;
                for (int u = h0; u < h1; u++) {
                    g[go + u] += x * dz[zo + u];
                }
            }
        }
        final float[] w = w1t;
        final float[] v = v1t;
        for (int j = 0; j < d; j++) {
            int o = j * h;
            if (touched[j]) {
                for (int u = o + h0; u < o + h1; u++) {
                    v[u] = m * v[u] + (g[u] + wd * w[u]);
                    w[u] -= lr * v[u];
                    g[u] = 0f;
                }
            } else {
                for (int u = o + h0; u < o + h1; u++) {
                    v[u] = m * v[u] + wd * w[u];
                    w[u] -= lr * v[u];
                }
            }
        }
    }
}
