package io.github.occam.internal;

/**
 * Argument checks shared by the library. Every failure names the argument and the bad value.
 * Not part of the public API.
 */
public final class Checks {

    private Checks() {
    }

    /** Throws unless {@code array} is non-null and has exactly {@code expected} elements. */
    public static void length(String name, double[] array, int expected) {
        if (array == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (array.length != expected) {
            throw new IllegalArgumentException(
                    name + " has length " + array.length + ", expected " + expected);
        }
    }

    /** Throws unless {@code value} is finite and strictly positive. */
    public static double positive(String name, double value) {
        if (!(value > 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
        return value;
    }

    /** Throws unless {@code value} is finite. */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
        return value;
    }

    /** Throws unless every element of {@code array} is finite; names the first bad index. */
    public static void allFinite(String name, double[] array) {
        if (array == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        for (int i = 0; i < array.length; i++) {
            if (!Double.isFinite(array[i])) {
                throw new IllegalArgumentException(
                        name + "[" + i + "] must be finite, got " + array[i]);
            }
        }
    }

    /** Throws unless {@code lo <= value <= hi}. */
    public static int inRange(String name, int value, int lo, int hi) {
        if (value < lo || value > hi) {
            throw new IllegalArgumentException(
                    name + " must be in [" + lo + ", " + hi + "], got " + value);
        }
        return value;
    }

    /** Returns the Euclidean norm of {@code v}, computed without overflow for ordinary values. */
    public static double norm(double[] v) {
        double sum = 0.0;
        for (double x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
