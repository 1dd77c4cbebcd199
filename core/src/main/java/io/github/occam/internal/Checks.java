package io.github.occam.internal;

/**
 * Argument checks shared by the library. Every failure names the argument and the bad value.
 * Not part of the public API.
 *
 * <pre>{@code
 * Checks.positive("lambda", lambda);          // "lambda must be finite and > 0, got -1.0"
 * Checks.finiteVector("w", w, model.parameterCount());
 * }</pre>
 */
public final class Checks {

    private Checks() {
    }

    /** Throws unless {@code value} is non-null; returns it. */
    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /** Throws unless {@code value >= min}. */
    public static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    /** Throws unless {@code array} is non-null, of length {@code expected} and all finite. */
    public static void finiteVector(String name, double[] array, int expected) {
        length(name, array, expected);
        allFinite(name, array);
    }

    /** Throws unless {@code array} is non-null and has exactly {@code expected} elements. */
    public static void length(String name, double[] array, int expected) {
        notNull(name, array);
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

    /** Throws unless {@code value} is finite and &gt;= 0. */
    public static double nonNegative(String name, double value) {
        if (!(value >= 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
        }
        return value;
    }

    /** Throws unless {@code 0 <= value < 1}, the range of a momentum coefficient. */
    public static double fraction(String name, double value) {
        if (!(value >= 0.0 && value < 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
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
        notNull(name, array);
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

    /**
     * Throws unless an allocation of {@code doubles} doubles (8 bytes each) can fit in the
     * memory this JVM may use ({@link Runtime#maxMemory()}, its {@code -Xmx}): a request that
     * cannot fit is refused before any work, naming its size, instead of ending in an
     * {@link OutOfMemoryError}.
     *
     * @param what what needs the memory, for the message
     * @param doubles how many doubles it needs
     * @throws IllegalArgumentException naming {@code what}, the size and the limit
     */
    public static void fitsInMemory(String what, double doubles) {
        double bytes = 8.0 * doubles;
        long limit = Runtime.getRuntime().maxMemory();
        if (limit != Long.MAX_VALUE && bytes > limit) {
            throw new IllegalArgumentException(what + " needs " + gigabytes(bytes)
                    + " of memory, more than the " + gigabytes(limit)
                    + " this JVM may use (its -Xmx)");
        }
    }

    private static String gigabytes(double bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / 1e9);
    }

    /** Returns the Euclidean norm of {@code v}, without overflow: {@link Vectors#norm}. */
    public static double norm(double[] v) {
        return Vectors.norm(v);
    }
}
