package io.github.occam.models;

import java.util.Arrays;

/**
 * The loops of {@link ShallowNetwork}'s passes. Every long loop runs over the hidden units with
 * the same index in every array, and vectors over the hidden units are separate Java arrays,
 * the form in which HotSpot's C2 compiler turns a loop into SIMD instructions. Nothing is
 * allocated; the caller checks lengths.
 */
final class NetworkKernels {

    private NetworkKernels() {
    }

    /**
     * {@code y[u] += sum_{p in [from, to)} coefficient[p] rows[index[p]][u]} for u in [lo, hi):
     * the terms taken four at a time, {@code y + ((t0 + t1) + (t2 + t3))}, then one at a time.
     * Four rows per pass quarter the loads and stores of {@code y}. The order of the additions is
     * fixed by the arguments alone.
     */
    static void addRows(double[] y, double[][] rows, int[] index, double[] coefficient,
            int from, int to, int lo, int hi) {
        int p = from;
        for (; p + 4 <= to; p += 4) {
            double x0 = coefficient[p];
            double x1 = coefficient[p + 1];
            double x2 = coefficient[p + 2];
            double x3 = coefficient[p + 3];
            double[] r0 = rows[index[p]];
            double[] r1 = rows[index[p + 1]];
            double[] r2 = rows[index[p + 2]];
            double[] r3 = rows[index[p + 3]];
            for (int u = lo; u < hi; u++) {
                y[u] += (x0 * r0[u] + x1 * r1[u]) + (x2 * r2[u] + x3 * r3[u]);
            }
        }
        for (; p < to; p++) {
            double x = coefficient[p];
            double[] r = rows[index[p]];
            for (int u = lo; u < hi; u++) {
                y[u] += x * r[u];
            }
        }
    }

    /** Returns {@code sum_u a[u] b[u]} over the length of {@code a}, with four partial sums. */
    static double dot(double[] a, double[] b) {
        int n = a.length;
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int u = 0;
        for (; u + 4 <= n; u += 4) {
            s0 += a[u] * b[u];
            s1 += a[u + 1] * b[u + 1];
            s2 += a[u + 2] * b[u + 2];
            s3 += a[u + 3] * b[u + 3];
        }
        for (; u < n; u++) {
            s0 += a[u] * b[u];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Adds {@code rows[c] . a} to {@code out[off + c]} for every row c, each product summed as
     * {@link #dot} sums it. Rows go two at a time, so that eight independent sums share each
     * load of {@code a}.
     */
    static void addDots(double[][] rows, double[] a, double[] out, int off) {
        int n = rows.length;
        int c = 0;
        for (; c + 2 <= n; c += 2) {
            double[] x = rows[c];
            double[] y = rows[c + 1];
            int len = a.length;
            double x0 = 0.0;
            double x1 = 0.0;
            double x2 = 0.0;
            double x3 = 0.0;
            double y0 = 0.0;
            double y1 = 0.0;
            double y2 = 0.0;
            double y3 = 0.0;
            int u = 0;
            for (; u + 4 <= len; u += 4) {
                double a0 = a[u];
                double a1 = a[u + 1];
                double a2 = a[u + 2];
                double a3 = a[u + 3];
                x0 += x[u] * a0;
                x1 += x[u + 1] * a1;
                x2 += x[u + 2] * a2;
                x3 += x[u + 3] * a3;
                y0 += y[u] * a0;
                y1 += y[u + 1] * a1;
                y2 += y[u + 2] * a2;
                y3 += y[u + 3] * a3;
            }
            for (; u < len; u++) {
                x0 += x[u] * a[u];
                y0 += y[u] * a[u];
            }
            out[off + c] += (x0 + x1) + (x2 + x3);
            out[off + c + 1] += (y0 + y1) + (y2 + y3);
        }
        for (; c < n; c++) {
            out[off + c] += dot(rows[c], a);
        }
    }

    /** Replaces {@code a} by \(\max(a, 0)\), so that an inactive unit holds +0.0. */
    static void relu(double[] a) {
        for (int u = 0; u < a.length; u++) {
            a[u] = Math.max(a[u], 0.0);
        }
    }

    /**
     * Zeroes {@code values[u]} wherever the unit is inactive, {@code h[u] == +0.0}, without a
     * branch: after {@link #relu} the bits of {@code h[u]} are a positive long exactly when the
     * unit is active, and an AND with a mask built from them keeps or clears {@code values[u]}.
     */
    static void maskInactive(double[] h, double[] values) {
        for (int u = 0; u < values.length; u++) {
            long keep = -((Double.doubleToRawLongBits(h[u]) + Long.MAX_VALUE) >>> 63);
            values[u] = Double.longBitsToDouble(Double.doubleToRawLongBits(values[u]) & keep);
        }
    }

    /** Hidden units per block of a transposition, so that the rows read stay in L1. */
    private static final int TRANSPOSE_BLOCK = 64;

    /**
     * For the used inputs j in [j0, j1): {@code columns[j][k] = w[k d + j]}, k in [0, H), the
     * transpose of the first-layer block of a parameter vector; zeroes {@code zero[j]} too
     * unless it is null. Blocks of 64 hidden units keep the cache lines of w that a block reads
     * in L1 while each column is written contiguously.
     */
    static void gatherColumns(double[] w, int d, boolean[] used, int j0, int j1,
            double[][] columns, double[][] zero) {
        int hidden = columns[0].length;
        for (int k0 = 0; k0 < hidden; k0 += TRANSPOSE_BLOCK) {
            int k1 = Math.min(hidden, k0 + TRANSPOSE_BLOCK);
            for (int j = j0; j < j1; j++) {
                if (used[j]) {
                    double[] column = columns[j];
                    for (int k = k0; k < k1; k++) {
                        column[k] = w[k * d + j];
                    }
                }
            }
        }
        if (zero != null) {
            for (int j = j0; j < j1; j++) {
                if (used[j]) {
                    Arrays.fill(zero[j], 0.0);
                }
            }
        }
    }

    /**
     * For the used inputs j in [j0, j1): {@code out[k d + j] = columns[j][k]}, k in [0, H), the
     * inverse of {@link #gatherColumns}, in the same blocks.
     */
    static void scatterColumns(double[][] columns, boolean[] used, int j0, int j1, int d,
            double[] out) {
        int hidden = columns[0].length;
        for (int k0 = 0; k0 < hidden; k0 += TRANSPOSE_BLOCK) {
            int k1 = Math.min(hidden, k0 + TRANSPOSE_BLOCK);
            for (int j = j0; j < j1; j++) {
                if (used[j]) {
                    double[] column = columns[j];
                    for (int k = k0; k < k1; k++) {
                        out[k * d + j] = column[k];
                    }
                }
            }
        }
    }
}
