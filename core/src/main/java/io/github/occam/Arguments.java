package io.github.occam;

/**
 * The argument checks of the root package, which imports none of its sub-packages. Each names
 * the argument and its bad value.
 */
final class Arguments {

    private Arguments() {
    }

    static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    static double positive(String name, double value) {
        if (!(value > 0.0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
        return value;
    }

    static void length(String name, double[] array, int expected) {
        notNull(name, array);
        if (array.length != expected) {
            throw new IllegalArgumentException(
                    name + " has length " + array.length + ", expected " + expected);
        }
    }

    /** Returns the Euclidean norm, the square root of the plain sum of squares. */
    static double norm(double[] v) {
        double sum = 0.0;
        for (double x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
