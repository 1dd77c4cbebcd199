package io.github.occam.data;

import io.github.occam.internal.Checks;
import java.util.Arrays;

/**
 * The content of an IDX file of unsigned bytes (data type 0x08): its dimensions and its data in
 * row-major order (the last dimension varies fastest).
 *
 * <p>The arrays are shared, not copied: {@link #data()} returns the array the reader filled, and
 * {@link #dimensions()} the array of dimensions; callers must not modify them. Bytes are stored
 * as Java (signed) bytes; {@link #unsigned(int)} returns the 0-255 value.
 *
 * <pre>{@code
 * IdxArray images = Idx.read(Path.of("t10k-images-idx3-ubyte.gz"));
 * int n = images.dimension(0);          // 10000
 * int rows = images.dimension(1);       // 28
 * int pixel = images.unsigned(0);       // first pixel of the first image, 0-255
 * }</pre>
 *
 * @param dimensions the sizes of the dimensions, outermost first; each non-negative
 * @param data the values, length the product of the dimensions
 */
public record IdxArray(int[] dimensions, byte[] data) {

    /** Checks that the dimensions are non-negative and that their product is the data length. */
    public IdxArray {
        Checks.notNull("dimensions", dimensions);
        Checks.notNull("data", data);
        if (dimensions.length == 0) {
            throw new IllegalArgumentException("dimensions must not be empty (rank >= 1)");
        }
        long product = 1;
        for (int k = 0; k < dimensions.length; k++) {
            if (dimensions[k] < 0) {
                throw new IllegalArgumentException(
                        "dimensions[" + k + "] must be >= 0, got " + dimensions[k]);
            }
            product *= dimensions[k];
            if (product > Integer.MAX_VALUE) {
                product = Long.MAX_VALUE;
                break;
            }
        }
        if (product != data.length) {
            throw new IllegalArgumentException("data has length " + data.length
                    + ", expected the product of the dimensions " + Arrays.toString(dimensions));
        }
    }

    /** Returns the number of dimensions (1 for labels, 3 for images). */
    public int rank() {
        return dimensions.length;
    }

    /**
     * Returns the size of dimension {@code k}.
     *
     * @param k dimension index, in {@code [0, rank())}
     * @return its size
     */
    public int dimension(int k) {
        if (k < 0 || k >= dimensions.length) {
            throw new IllegalArgumentException(
                    "k must be in [0, " + (dimensions.length - 1) + "], got " + k);
        }
        return dimensions[k];
    }

    /**
     * Returns element {@code index} of the data as an unsigned value in 0-255.
     *
     * @param index position in the row-major data
     * @return {@code data[index] & 0xFF}
     */
    public int unsigned(int index) {
        return data[index] & 0xFF;
    }

    /** Two arrays are equal when their dimensions and data are equal element by element. */
    @Override
    public boolean equals(Object other) {
        return other instanceof IdxArray that
                && Arrays.equals(dimensions, that.dimensions)
                && Arrays.equals(data, that.data);
    }

    /** Returns a hash of the dimensions and the data. */
    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(dimensions) + Arrays.hashCode(data);
    }

    /** Returns the dimensions only, never the data: {@code IdxArray[dimensions=[10000, 28, 28]]}. */
    @Override
    public String toString() {
        return "IdxArray[dimensions=" + Arrays.toString(dimensions) + "]";
    }
}
