package io.github.occam.models;

import io.github.occam.Batch;
import io.github.occam.internal.SparseRows;
import java.util.Arrays;

/**
 * The non-zero inputs of a training set, example by example (compressed sparse rows), and the
 * means to list those of a block of examples input by input (compressed sparse columns): the two
 * orders in which {@link ShallowNetwork}'s first layer visits them. A zero input adds nothing to
 * a pre-activation or to a first-layer gradient, so both visit only the stored entries; on
 * MNIST, 81% of the pixels are exactly zero. Dense inputs work too, with every entry stored.
 */
final class SparseInputs {

    /** d, the number of inputs. */
    final int featureCount;
    /** Start of example i in {@link #column} and {@link #value}, length N + 1. */
    final int[] start;
    /** Input index of each stored entry, examples in order, inputs ascending within each. */
    final int[] column;
    /** Value of each stored entry. */
    final double[] value;

    private SparseInputs(int featureCount, int[] start, int[] column, double[] value) {
        this.featureCount = featureCount;
        this.start = start;
        this.column = column;
        this.value = value;
    }

    /** Returns the non-zero entries of {@code data}'s features. */
    static SparseInputs of(LabelledData data) {
        SparseRows rows = SparseRows.of(data.x, data.size, data.featureCount);
        return new SparseInputs(rows.featureCount, rows.start, rows.column, rows.doubles);
    }

    int nonZeros(Batch batch, int from, int to) {
        int count = 0;
        for (int k = from; k < to; k++) {
            int i = batch.index(k);
            count += start[i + 1] - start[i];
        }
        return count;
    }

    /** Sets {@code used[j]} for every input j that is non-zero in an example of the batch. */
    void markUsed(Batch batch, boolean[] used) {
        for (int k = 0; k < batch.size(); k++) {
            int i = batch.index(k);
            for (int q = start[i]; q < start[i + 1]; q++) {
                used[column[q]] = true;
            }
        }
    }

    /**
     * The stored entries of a block of examples, input by input: for input j, the block rows
     * {@code row[start[j] .. start[j + 1])} (ascending) and their values.
     */
    static final class Columns {
        /** Start of input j in {@link #row} and {@link #value}, length d + 1. */
        final int[] start;
        /** Position of each entry's example within the block. */
        int[] row;
        /** Value of each entry. */
        double[] value;

        Columns(int featureCount, int capacity) {
            start = new int[featureCount + 1];
            row = new int[capacity];
            value = new double[capacity];
        }

        /** Returns whether input j is non-zero in some example of the block. */
        boolean has(int j) {
            return start[j] < start[j + 1];
        }
    }

    /**
     * Lists the stored entries of the examples at batch positions [first, first + rows) input by
     * input into {@code into}, growing its arrays if needed; an example's position within the
     * block is its batch position minus {@code first}.
     */
    void columns(Batch batch, int first, int rows, Columns into) {
        int count = nonZeros(batch, first, first + rows);
        if (into.row.length < count) {
            into.row = new int[count];
            into.value = new double[count];
        }
        int[] at = into.start;
        Arrays.fill(at, 0);
        for (int r = 0; r < rows; r++) {
            int i = batch.index(first + r);
            for (int q = start[i]; q < start[i + 1]; q++) {
                at[column[q] + 1]++;
            }
        }
        for (int j = 0; j < featureCount; j++) {
            at[j + 1] += at[j];
        }
        for (int r = 0; r < rows; r++) {
            int i = batch.index(first + r);
            for (int q = start[i]; q < start[i + 1]; q++) {
                int slot = at[column[q]]++;
                into.row[slot] = r;
                into.value[slot] = value[q];
            }
        }
        for (int j = featureCount; j > 0; j--) {
            at[j] = at[j - 1];
        }
        at[0] = 0;
    }
}
