package io.github.occam;

import io.github.occam.internal.Checks;

import java.util.Arrays;

/**
 * A batch of training examples, given by their indices in [0, N): what
 * {@link Model#crossEntropy(double[], Batch, double[])} sums over. The full batch
 * {@link #all(int)} is the special case that the evidence uses; SGD and the measurement of
 * gradient noise use small batches. An index may appear more than once (a batch drawn with
 * replacement); it then counts as often as it appears.
 *
 * <p>Instances are immutable.
 *
 * <pre>{@code
 * Batch all = Batch.all(model.exampleCount());
 * Batch some = Batch.of(3, 14, 15, 92);
 * double h = model.crossEntropy(w, some, gradient);   // summed over the four examples
 * }</pre>
 */
public final class Batch {

    private final int[] indices;
    private final int largest;
    private final boolean all;

    private Batch(int[] indices, boolean all) {
        int max = -1;
        for (int k = 0; k < indices.length; k++) {
            if (indices[k] < 0) {
                throw new IllegalArgumentException(
                        "batch index " + k + " must be >= 0, got " + indices[k]);
            }
            max = Math.max(max, indices[k]);
        }
        this.indices = indices;
        this.largest = max;
        this.all = all;
    }

    /**
     * Returns the full batch 0, 1, ..., N - 1.
     *
     * @param exampleCount N, at least 0
     * @return the full batch
     * @throws IllegalArgumentException if {@code exampleCount} is negative
     */
    public static Batch all(int exampleCount) {
        if (exampleCount < 0) {
            throw new IllegalArgumentException("exampleCount must be >= 0, got " + exampleCount);
        }
        int[] indices = new int[exampleCount];
        for (int i = 0; i < exampleCount; i++) {
            indices[i] = i;
        }
        return new Batch(indices, true);
    }

    /**
     * Returns the batch of the given example indices, in the given order.
     *
     * @param indices example indices, each &gt;= 0 (copied)
     * @return the batch
     * @throws IllegalArgumentException if {@code indices} is null or holds a negative index
     */
    public static Batch of(int... indices) {
        Checks.notNull("indices", indices);
        return new Batch(indices.clone(), false);
    }

    /**
     * Returns the batch of {@code count} indices of {@code order} from position {@code from}:
     * how SGD cuts a permutation of the examples into batches.
     *
     * @param order example indices, each &gt;= 0 (the part used is copied)
     * @param from the first position, in [0, order.length]
     * @param count the batch size, in [0, order.length - from]
     * @return the batch
     * @throws IllegalArgumentException if the range is outside {@code order} or an index is
     *     negative
     */
    public static Batch of(int[] order, int from, int count) {
        Checks.notNull("order", order);
        if (from < 0 || count < 0 || from > order.length - count) {
            throw new IllegalArgumentException("batch [" + from + ", " + from + " + " + count
                    + ") is outside an order of length " + order.length);
        }
        return new Batch(Arrays.copyOfRange(order, from, from + count), false);
    }

    /** Returns |B|, the number of indices. */
    public int size() {
        return indices.length;
    }

    /**
     * Returns the k-th example index.
     *
     * @param k a position in [0, size())
     * @return the example index
     */
    public int index(int k) {
        return indices[k];
    }

    /** Returns a copy of the indices. */
    public int[] indices() {
        return indices.clone();
    }

    /** Returns whether this is the full batch 0, ..., N - 1 made by {@link #all(int)}. */
    public boolean isAll() {
        return all;
    }

    /**
     * Checks that every index is below {@code exampleCount}; models call it before evaluating.
     *
     * @param exampleCount N
     * @throws IllegalArgumentException naming the largest index if it is &gt;= N
     */
    public void checkWithin(int exampleCount) {
        if (largest >= exampleCount) {
            throw new IllegalArgumentException("batch index " + largest
                    + " is out of range for a model of N = " + exampleCount + " examples");
        }
    }

    /** Compares the indices. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Batch b && Arrays.equals(indices, b.indices);
    }

    /** Hashes the indices. */
    @Override
    public int hashCode() {
        return Arrays.hashCode(indices);
    }

    /** Shows the size and, for small batches, the indices. */
    @Override
    public String toString() {
        return indices.length <= 16 ? "Batch" + Arrays.toString(indices)
                : "Batch[" + indices.length + " examples]";
    }
}
