package io.github.occam.sgd;

import io.github.occam.internal.SparseRows;
import io.github.occam.internal.Tasks;
import java.util.Arrays;

/**
 * The non-zero pixels of one batch sorted by column: for pixel j, the (position in the batch,
 * value) pairs {@code example[s], value[s]} for s in {@code [start(j), start(j + 1))}. The
 * gradient row of pixel j in {@link FloatShallowNet} sums over exactly these pairs.
 *
 * <p>The batch is cut into a fixed number of consecutive parts whose non-zeros are counted and
 * then placed in parallel; column j holds part 0's entries, then part 1's, and so on, which is
 * the order of a serial pass over the batch whatever the number of parts or threads.
 */
final class BatchColumns {

    /** Runs {@code tasks} tasks of a phase (on the workers, or serially for a small batch). */
    @FunctionalInterface
    interface Phase {
        void run(int tasks, Tasks.Task task);
    }

    private final int d;
    private final int[] start;
    /** Per part of the batch: its non-zeros per pixel, then its next slot per pixel. */
    private final int[][] partCount;
    final int[] example;
    final float[] value;
    private final Tasks.Task countTask = this::count;
    private final Tasks.Task fillTask = this::fill;
    private SparseRows rows;
    private int[] batch;
    private int size;
    private int parts;

    /**
     * @param d the pixels per example
     * @param maxParts the most parts a batch is cut into
     * @param maxNonZero the most non-zeros a batch holds
     */
    BatchColumns(int d, int maxParts, int maxNonZero) {
        this.d = d;
        start = new int[d + 1];
        partCount = new int[maxParts][d];
        example = new int[maxNonZero];
        value = new float[maxNonZero];
    }

    /** Sorts the non-zeros of {@code rows[batch[i]]}, i in [0, size), in {@code parts} parts. */
    void build(SparseRows rows, int[] batch, int size, int parts, Phase phase) {
        this.rows = rows;
        this.batch = batch;
        this.size = size;
        this.parts = parts;
        phase.run(parts, countTask);
        int offset = 0;
        for (int j = 0; j < d; j++) {
            start[j] = offset;
            for (int part = 0; part < parts; part++) {
                int count = partCount[part][j];
                partCount[part][j] = offset;
                offset += count;
            }
        }
        start[d] = offset;
        phase.run(parts, fillTask);
    }

    /** Where column j starts; it ends where column j + 1 starts. */
    int start(int j) {
        return start[j];
    }

    /** True when pixel j is zero in every example of the batch. */
    boolean isEmpty(int j) {
        return start[j] == start[j + 1];
    }

    /** The first example of part {@code part}: part p holds [partStart(p), partStart(p + 1)). */
    private int partStart(int part) {
        return (int) ((long) size * part / parts);
    }

    private void count(int part, int worker) {
        int[] rowStart = rows.start;
        int[] column = rows.column;
        int[] count = partCount[part];
        Arrays.fill(count, 0);
        int i1 = partStart(part + 1);
        for (int i = partStart(part); i < i1; i++) {
            int ex = batch[i];
            for (int p = rowStart[ex]; p < rowStart[ex + 1]; p++) {
                count[column[p]]++;
            }
        }
    }

    private void fill(int part, int worker) {
        int[] rowStart = rows.start;
        int[] column = rows.column;
        float[] values = rows.floats;
        int[] next = partCount[part];
        int i1 = partStart(part + 1);
        for (int i = partStart(part); i < i1; i++) {
            int ex = batch[i];
            for (int p = rowStart[ex]; p < rowStart[ex + 1]; p++) {
                int slot = next[column[p]]++;
                example[slot] = i;
                value[slot] = values[p];
            }
        }
    }
}
