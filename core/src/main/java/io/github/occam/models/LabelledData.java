package io.github.occam.models;

import io.github.occam.internal.Checks;
import io.github.occam.internal.Vectors;

/**
 * A validated private copy of a labelled training set, features stored row-major in one array
 * (example i at {@code [i d, (i + 1) d)}), and the numerical kernels the models share.
 *
 * <p>When at most half of the features are non-zero (pixel data such as MNIST), the rows are also
 * kept in compressed sparse row form, and {@link #dotRow} and {@link #addRow} touch only the
 * non-zero entries: the same sums, without the zero terms.
 */
final class LabelledData {

    /** Features, row-major, N x d. */
    final double[] x;
    /** Labels in [0, classCount). */
    final int[] y;
    /** N, the number of examples. */
    final int size;
    /** d, the number of features. */
    final int featureCount;
    /** Start of row i in {@code columns} and {@code values}, length N + 1; null if dense. */
    private final int[] rowStart;
    /** Column of each non-zero feature, rows in order; null if dense. */
    private final int[] columns;
    /** Value of each non-zero feature; null if dense. */
    private final double[] values;

    private LabelledData(double[] x, int[] y, int featureCount) {
        this.x = x;
        this.y = y;
        this.size = y.length;
        this.featureCount = featureCount;
        int nonZero = 0;
        for (double value : x) {
            nonZero += value != 0.0 ? 1 : 0;
        }
        if (nonZero <= x.length / 2) {
            rowStart = new int[size + 1];
            columns = new int[nonZero];
            values = new double[nonZero];
            int q = 0;
            for (int i = 0; i < size; i++) {
                rowStart[i] = q;
                for (int j = 0; j < featureCount; j++) {
                    double value = x[i * featureCount + j];
                    if (value != 0.0) {
                        columns[q] = j;
                        values[q] = value;
                        q++;
                    }
                }
            }
            rowStart[size] = q;
        } else {
            rowStart = null;
            columns = null;
            values = null;
        }
    }

    /** Returns \(\sum_j u[offset + j] x_{ij}\), the product of a weight row with example i. */
    double dotRow(double[] u, int offset, int i) {
        if (columns == null) {
            return Vectors.dot(u, offset, x, i * featureCount, featureCount);
        }
        double sum = 0.0;
        for (int q = rowStart[i]; q < rowStart[i + 1]; q++) {
            sum += u[offset + columns[q]] * values[q];
        }
        return sum;
    }

    /** Adds {@code alpha} times example i to {@code target[offset .. offset + d)}. */
    void addRow(double alpha, int i, double[] target, int offset) {
        if (columns == null) {
            Vectors.axpy(alpha, x, i * featureCount, target, offset, featureCount);
            return;
        }
        for (int q = rowStart[i]; q < rowStart[i + 1]; q++) {
            target[offset + columns[q]] += alpha * values[q];
        }
    }

    /**
     * Validates and copies {@code features} (non-empty, rectangular, finite, at least one column)
     * and {@code labels} (one per row, each in [0, classCount)).
     */
    static LabelledData of(double[][] features, int[] labels, int classCount) {
        Checks.notNull("features", features);
        Checks.notNull("labels", labels);
        if (features.length == 0) {
            throw new IllegalArgumentException("features must have at least one row, got 0");
        }
        if (labels.length != features.length) {
            throw new IllegalArgumentException("labels has length " + labels.length
                    + ", expected " + features.length + " (one per row of features)");
        }
        int d = Checks.notNull("features[0]", features[0]).length;
        if (d == 0) {
            throw new IllegalArgumentException("features must have at least one column, got 0");
        }
        long total = (long) features.length * d;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("features has " + features.length + " x " + d
                    + " = " + total + " entries, more than one array can hold");
        }
        double[] x = new double[(int) total];
        for (int i = 0; i < features.length; i++) {
            double[] row = features[i];
            Checks.notNull("features[" + i + "]", row);
            if (row.length != d) {
                throw new IllegalArgumentException("features[" + i + "] has length " + row.length
                        + ", expected " + d + " (the length of features[0])");
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException(
                            "features[" + i + "][" + j + "] must be finite, got " + row[j]);
                }
            }
            System.arraycopy(row, 0, x, i * d, d);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classCount) {
                throw new IllegalArgumentException("labels[" + i + "] must be in [0, "
                        + (classCount - 1) + "], got " + labels[i]);
            }
        }
        return new LabelledData(x, labels.clone(), d);
    }

    /** Returns {@code count} as an int parameter count, or throws if it does not fit an array. */
    static int parameterCount(long count) {
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "the model would have " + count + " parameters, more than one array can hold");
        }
        return (int) count;
    }

    /** Returns the fraction of {@code predicted[i] == y[i]}. */
    double accuracy(int[] predicted) {
        int correct = 0;
        for (int i = 0; i < size; i++) {
            if (predicted[i] == y[i]) {
                correct++;
            }
        }
        return (double) correct / size;
    }

    /**
     * Replaces the scores {@code s[off .. off + n)} by their softmax probabilities and returns
     * \(-\ln p_{label} = \mathrm{lse}(s) - s_{label}\), computed without overflow and without
     * cancellation as \((s_m - s_{label}) + \ln(1 + \sum_{c \ne m} e^{s_c - s_m})\), m the
     * index of the largest score.
     */
    static double softmaxInPlace(double[] s, int off, int n, int label) {
        int top = argmax(s, off, n);
        double max = s[off + top];
        double loss = max - s[off + label];
        double rest = 0.0;
        for (int c = 0; c < n; c++) {
            double e = c == top ? 1.0 : Math.exp(s[off + c] - max);
            s[off + c] = e;
            rest += c == top ? 0.0 : e;
        }
        double inverse = 1.0 / (1.0 + rest);
        for (int c = 0; c < n; c++) {
            s[off + c] *= inverse;
        }
        return loss + Math.log1p(rest);
    }

    /** Copies the upper triangle of the square matrix {@code m} onto its lower; returns m. */
    static double[][] copyUpperToLower(double[][] m) {
        for (int a = 0; a < m.length; a++) {
            for (int b = 0; b < a; b++) {
                m[a][b] = m[b][a];
            }
        }
        return m;
    }

    /** Returns the index of the largest of {@code s[off .. off + n)}, the lowest on ties. */
    static int argmax(double[] s, int off, int n) {
        int best = 0;
        for (int c = 1; c < n; c++) {
            if (s[off + c] > s[off + best]) {
                best = c;
            }
        }
        return best;
    }
}
