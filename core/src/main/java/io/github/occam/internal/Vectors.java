package io.github.occam.internal;

/**
 * Dense vector kernels shared by the models and the minimizer. Nothing is allocated; the caller
 * checks lengths. Not part of the public API.
 *
 * <pre>{@code
 * double slope = Vectors.dot(direction, gradient);
 * Vectors.axpy(step, direction, w);           // w += step * direction
 * }</pre>
 */
public final class Vectors {

    private Vectors() {
    }

    /** Returns {@code a . b} over the length of {@code a}. */
    public static double dot(double[] a, double[] b) {
        return dot(a, 0, b, 0, a.length);
    }

    /**
     * Returns {@code sum_j a[aOff + j] b[bOff + j]} for j in [0, n), with four partial sums (the
     * rounding differs from a single running sum only in the last bits).
     */
    public static double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += a[aOff + j] * b[bOff + j];
            s1 += a[aOff + j + 1] * b[bOff + j + 1];
            s2 += a[aOff + j + 2] * b[bOff + j + 2];
            s3 += a[aOff + j + 3] * b[bOff + j + 3];
        }
        for (; j < n; j++) {
            s0 += a[aOff + j] * b[bOff + j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code y += alpha x} over the length of {@code x}. */
    public static void axpy(double alpha, double[] x, double[] y) {
        axpy(alpha, x, 0, y, 0, x.length);
    }

    /** {@code y[yOff + j] += alpha x[xOff + j]} for j in [0, n). */
    public static void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int n) {
        for (int j = 0; j < n; j++) {
            y[yOff + j] += alpha * x[xOff + j];
        }
    }

    /**
     * The smallest sum of squares taken as it is: above it, every square that matters is a normal
     * number, so the plain sum is accurate to rounding.
     */
    private static final double PLAIN_FROM = 0x1p-900;

    /**
     * Returns the Euclidean norm of {@code v} without overflow or underflow, as LAPACK's
     * {@code dnrm2} and {@link Math#hypot} do: the square root of the plain sum of squares when
     * that sum is within range (the common case, and then bit for bit that sum), else the
     * largest |v_j| times the norm of v scaled by it. NaN if a component is NaN; infinite only
     * if a component is.
     */
    public static double norm(double[] v) {
        double sum = 0.0;
        for (double x : v) {
            sum += x * x;
        }
        if (sum >= PLAIN_FROM && sum < Double.POSITIVE_INFINITY) {
            return Math.sqrt(sum);
        }
        double max = 0.0;
        for (double x : v) {
            double a = Math.abs(x);
            if (!(a <= max)) {
                max = a;                 // NaN stays
            }
        }
        if (max == 0.0 || !(max < Double.POSITIVE_INFINITY)) {
            return max;
        }
        double scaled = 0.0;
        for (double x : v) {
            double r = x / max;
            scaled += r * r;
        }
        return max * Math.sqrt(scaled);
    }
}
