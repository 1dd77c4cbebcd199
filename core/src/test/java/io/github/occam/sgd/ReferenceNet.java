package io.github.occam.sgd;

import io.github.occam.data.Dataset;
import java.util.Random;

/**
 * A double-precision d-H-n ReLU network with softmax cross-entropy, written independently of the
 * float engine, in the public parameter layout [W1 (H x d), b1, W2 (n x H), b2].
 */
final class ReferenceNet {

    private ReferenceNet() {
    }

    /**
     * Returns the batch mean of dC_i/dw over {@code examples}, C_i = H_i + lambda |w|^2 / (2N),
     * and writes the mean cross-entropy of the batch into {@code meanLoss[0]} when non-null.
     */
    static double[] meanGradient(double[] w, Dataset data, int hidden, int[] examples,
            double lambda, double[] meanLoss) {
        int d = data.featureCount();
        int n = data.classCount();
        int oB1 = hidden * d;
        int oW2 = oB1 + hidden;
        int oB2 = oW2 + n * hidden;
        double[] g = new double[w.length];
        double lossSum = 0;
        for (int ex : examples) {
            double[] z = new double[hidden];
            double[] r = new double[hidden];
            for (int u = 0; u < hidden; u++) {
                double s = w[oB1 + u];
                for (int j = 0; j < d; j++) {
                    s += w[u * d + j] * data.features()[ex * d + j];
                }
                z[u] = s;
                r[u] = Math.max(s, 0);
            }
            double[] logits = new double[n];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < n; c++) {
                double s = w[oB2 + c];
                for (int u = 0; u < hidden; u++) {
                    s += w[oW2 + c * hidden + u] * r[u];
                }
                logits[c] = s;
                max = Math.max(max, s);
            }
            double sum = 0;
            for (int c = 0; c < n; c++) {
                sum += Math.exp(logits[c] - max);
            }
            int y = data.labels()[ex];
            lossSum += Math.log(sum) + max - logits[y];
            double[] dl = new double[n];
            for (int c = 0; c < n; c++) {
                dl[c] = Math.exp(logits[c] - max) / sum - (c == y ? 1 : 0);
            }
            for (int c = 0; c < n; c++) {
                g[oB2 + c] += dl[c];
                for (int u = 0; u < hidden; u++) {
                    g[oW2 + c * hidden + u] += dl[c] * r[u];
                }
            }
            for (int u = 0; u < hidden; u++) {
                if (z[u] <= 0) {
                    continue;
                }
                double e = 0;
                for (int c = 0; c < n; c++) {
                    e += dl[c] * w[oW2 + c * hidden + u];
                }
                g[oB1 + u] += e;
                for (int j = 0; j < d; j++) {
                    g[u * d + j] += e * data.features()[ex * d + j];
                }
            }
        }
        int b = examples.length;
        for (int k = 0; k < g.length; k++) {
            g[k] = g[k] / b + lambda / data.size() * w[k];
        }
        if (meanLoss != null) {
            meanLoss[0] = lossSum / b;
        }
        return g;
    }

    /** Returns {accuracy, mean cross-entropy} of parameters {@code w} on {@code data}. */
    static double[] evaluate(double[] w, Dataset data, int hidden) {
        int correct = 0;
        double loss = 0;
        int d = data.featureCount();
        int n = data.classCount();
        for (int ex = 0; ex < data.size(); ex++) {
            double[] r = new double[hidden];
            for (int u = 0; u < hidden; u++) {
                double s = w[hidden * d + u];
                for (int j = 0; j < d; j++) {
                    s += w[u * d + j] * data.features()[ex * d + j];
                }
                r[u] = Math.max(s, 0);
            }
            int oW2 = hidden * d + hidden;
            double[] logits = new double[n];
            int best = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < n; c++) {
                double s = w[oW2 + n * hidden + c];
                for (int u = 0; u < hidden; u++) {
                    s += w[oW2 + c * hidden + u] * r[u];
                }
                logits[c] = s;
                if (s > max) {
                    max = s;
                    best = c;
                }
            }
            double sum = 0;
            for (int c = 0; c < n; c++) {
                sum += Math.exp(logits[c] - max);
            }
            loss += Math.log(sum) + max - logits[data.labels()[ex]];
            if (best == data.labels()[ex]) {
                correct++;
            }
        }
        return new double[] {(double) correct / data.size(), loss / data.size()};
    }

    /**
     * Gaussian blobs: class c centred at 3 e_c (in the first n coordinates), unit noise, and
     * about half of the features set to exactly 0 to exercise the sparse kernels.
     */
    static Dataset blobs(int size, int d, int n, long seed) {
        Random random = new Random(seed);
        float[] x = new float[size * d];
        int[] y = new int[size];
        for (int i = 0; i < size; i++) {
            y[i] = i % n;
            for (int j = 0; j < d; j++) {
                double v = random.nextGaussian() + (j == y[i] ? 3.0 : 0.0);
                x[i * d + j] = random.nextBoolean() && j >= n ? 0f : (float) v;
            }
        }
        return new Dataset(x, y, d, n);
    }
}
