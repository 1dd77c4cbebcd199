package io.github.occam.internal;

import java.util.Arrays;

/**
 * The non-zero features of a row-major data set in compressed-row form: row i's entries sit at
 * {@code [start[i], start[i + 1])} of {@link #column} (ascending within a row) and of the values,
 * in float for the SGD engine or in double for the models' curvature. One index structure for
 * both: digits are about 80% exact zeros, and a zero input contributes nothing to a first layer's
 * pre-activations or gradient, so the kernels visit only the stored entries. Dense inputs work
 * too, with every entry stored. Not part of the public API.
 *
 * <pre>{@code
 * SparseRows rows = SparseRows.of(features, n, d);      // float[] or double[], row-major
 * for (int q = rows.start[i]; q < rows.start[i + 1]; q++) {
 *     sum += rows.floats[q] * w[rows.column[q]];
 * }
 * }</pre>
 */
public final class SparseRows {

    /** d, the number of features of a row. */
    public final int featureCount;
    /** Start of row i in {@link #column} and the values, length rows + 1. */
    public final int[] start;
    /** Feature index of each stored entry, rows in order, features ascending within each. */
    public final int[] column;
    /** Value of each stored entry, for rows made from floats; else null. */
    public final float[] floats;
    /** Value of each stored entry, for rows made from doubles; else null. */
    public final double[] doubles;

    private SparseRows(int featureCount, int[] start, int[] column, float[] floats,
            double[] doubles) {
        this.featureCount = featureCount;
        this.start = start;
        this.column = column;
        this.floats = floats;
        this.doubles = doubles;
    }

    /** Returns the rows of {@code x}, {@code rows} x {@code d} row-major floats. */
    public static SparseRows of(float[] x, int rows, int d) {
        int[] start = new int[rows + 1];
        int nonZero = index(rows, d, start, (i, j) -> x[i * d + j] != 0f);
        int[] column = new int[nonZero];
        float[] value = new float[nonZero];
        fill(rows, d, start, column, (i, j) -> x[i * d + j] != 0f,
                (i, j, q) -> value[q] = x[i * d + j]);
        return new SparseRows(d, start, column, value, null);
    }

    /** Returns the rows of {@code x}, {@code rows} x {@code d} row-major doubles. */
    public static SparseRows of(double[] x, int rows, int d) {
        int[] start = new int[rows + 1];
        int nonZero = index(rows, d, start, (i, j) -> x[i * d + j] != 0.0);
        int[] column = new int[nonZero];
        double[] value = new double[nonZero];
        fill(rows, d, start, column, (i, j) -> x[i * d + j] != 0.0,
                (i, j, q) -> value[q] = x[i * d + j]);
        return new SparseRows(d, start, column, null, value);
    }

    /** Returns the number of rows. */
    public int size() {
        return start.length - 1;
    }

    /** Returns the largest number of stored entries that any {@code count} rows hold together. */
    public int maxNonZero(int count) {
        int[] perRow = new int[size()];
        for (int i = 0; i < perRow.length; i++) {
            perRow[i] = start[i + 1] - start[i];
        }
        Arrays.sort(perRow);
        int total = 0;
        for (int i = 0; i < Math.min(count, perRow.length); i++) {
            total += perRow[perRow.length - 1 - i];
        }
        return total;
    }

    private interface NonZero {
        boolean at(int i, int j);
    }

    private interface Store {
        void at(int i, int j, int q);
    }

    /** Counts the stored entries of each row into start (as offsets) and returns the total. */
    private static int index(int rows, int d, int[] start, NonZero nonZero) {
        int q = 0;
        for (int i = 0; i < rows; i++) {
            start[i] = q;
            for (int j = 0; j < d; j++) {
                if (nonZero.at(i, j)) {
                    q++;
                }
            }
        }
        start[rows] = q;
        return q;
    }

    /** Fills the columns and, through {@code store}, the values of the stored entries. */
    private static void fill(int rows, int d, int[] start, int[] column, NonZero nonZero,
            Store store) {
        for (int i = 0; i < rows; i++) {
            int q = start[i];
            for (int j = 0; j < d; j++) {
                if (nonZero.at(i, j)) {
                    column[q] = j;
                    store.at(i, j, q);
                    q++;
                }
            }
        }
    }
}
