package io.github.occam.examples.support;

import java.util.Locale;

/**
 * Up-front memory checks: a command estimates what a request needs before it allocates anything
 * and refuses one that cannot fit in the heap this Java virtual machine may use, naming the
 * option, the size and the limit, instead of failing minutes later with an
 * {@link OutOfMemoryError}. The estimates count the large arrays only; they are meant to catch
 * requests that are off by orders of magnitude, not to predict the heap to the byte.
 *
 * <pre>{@code
 * long bytes = Memory.product(hidden, 784 + 10, Float.BYTES, 6);
 * Memory.require("--hidden " + hidden, bytes);   // IllegalArgumentException if it cannot fit
 * }</pre>
 */
public final class Memory {

    private Memory() {
    }

    /** Returns the most heap this virtual machine may use, in bytes ({@code java -Xmx}). */
    public static long available() {
        return Runtime.getRuntime().maxMemory();
    }

    /**
     * Refuses a request of {@code bytes} that exceeds {@link #available()}.
     *
     * @param what the request, naming the option and its value: {@code "--hidden 100000"}
     * @param bytes the estimate, {@link Long#MAX_VALUE} for "more than can be counted"
     * @throws IllegalArgumentException if the request cannot fit, naming it and both sizes
     */
    public static void require(String what, long bytes) {
        require(what, bytes, available());
    }

    /** {@link #require(String, long)} against a given limit, for tests. */
    static void require(String what, long bytes, long limit) {
        if (bytes > limit) {
            throw new IllegalArgumentException(what + " needs about " + format(bytes)
                    + " of memory, more than the " + format(limit) + " this Java virtual machine"
                    + " may use; ask for less, or give Java more with java -Xmx");
        }
    }

    /**
     * Returns the product of non-negative factors, or {@link Long#MAX_VALUE} where it overflows,
     * so that an estimate from huge option values stays an upper bound.
     */
    public static long product(long... factors) {
        long result = 1;
        for (long factor : factors) {
            if (factor < 0) {
                throw new IllegalArgumentException("factors must be >= 0, got " + factor);
            }
            if (factor != 0 && result > Long.MAX_VALUE / factor) {
                return Long.MAX_VALUE;
            }
            result *= factor;
        }
        return result;
    }

    /** Returns the sum of non-negative terms, or {@link Long#MAX_VALUE} where it overflows. */
    public static long sum(long... terms) {
        long result = 0;
        for (long term : terms) {
            if (term < 0) {
                throw new IllegalArgumentException("terms must be >= 0, got " + term);
            }
            result = term > Long.MAX_VALUE - result ? Long.MAX_VALUE : result + term;
        }
        return result;
    }

    /** Returns {@code bytes} in binary units to 3 significant digits: 512 B, 1.50 GiB, 20.0 TiB. */
    public static String format(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "more than 8 EiB";
        }
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024.0 && unit < units.length - 1) {
            value /= 1024.0;
            unit++;
        }
        if (unit == 0) {
            return bytes + " B";
        }
        String digits = value >= 100.0 ? "%.0f" : value >= 10.0 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, digits + " %s", value, units[unit]);
    }
}
