package io.github.occam.sgd;

import io.github.occam.data.Dataset;

/**
 * The non-zero features of a data set in compressed-row form. Digits are about 80% exact zeros,
 * and a zero input contributes nothing to the first layer's forward pass or to its gradient, so
 * the kernels visit only the stored entries.
 */
final class SparseRows {

    final int[] start;
    final int[] column;
    final float[] value;
    final int[] labels;

    private SparseRows(int[] start, int[] column, float[] value, int[] labels) {
        this.start = start;
        this.column = column;
        this.value = value;
        this.labels = labels;
    }

    static SparseRows of(Dataset data) {
        float[] x = data.features();
        int d = data.featureCount();
        int size = data.size();
        int nonZero = 0;
        for (int k = 0; k < x.length; k++) {
            if (x[k] != 0f) {
                nonZero++;
            }
        }
        int[] start = new int[size + 1];
        int[] column = new int[nonZero];
        float[] value = new float[nonZero];
        int p = 0;
        for (int i = 0; i < size; i++) {
            start[i] = p;
            for (int j = 0; j < d; j++) {
                float v = x[i * d + j];
                if (v != 0f) {
                    column[p] = j;
                    value[p] = v;
                    p++;
                }
            }
        }
        start[size] = p;
        return new SparseRows(start, column, value, data.labels().clone());
    }

    /** Returns the largest number of stored entries in any {@code count} examples. */
    int maxNonZero(int count) {
        int[] perRow = new int[size()];
        for (int i = 0; i < perRow.length; i++) {
            perRow[i] = start[i + 1] - start[i];
        }
        java.util.Arrays.sort(perRow);
        int total = 0;
        for (int i = 0; i < Math.min(count, perRow.length); i++) {
            total += perRow[perRow.length - 1 - i];
        }
        return total;
    }

    int size() {
        return labels.length;
    }
}
