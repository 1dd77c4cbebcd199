package io.github.occam.linalg;

import io.github.occam.internal.Tasks;

/**
 * The Cholesky factorization of a dense symmetric matrix, for the Newton steps of the
 * minimizer: right-looking, in panels of 4 columns. A panel is factored
 * column by column; then every later row i takes the panel's update at once,
 * {@code a[i][j] -= sum_m l[i][m] l[j][m]} for j up to i, as one pass of scaled additions over
 * the row against copies of the panel's columns. Those passes are loops the JIT compiles to
 * vector instructions, where the dot products of a left-looking factorization (sums whose order
 * Java fixes) are not; at P = 500 it factors in about a third of the time. Every entry is
 * computed in the same order on every run.
 *
 * <pre>{@code
 * double[][] l = new double[p][];
 * if (Cholesky.factor(a, 0.0, l)) {
 *     Cholesky.solve(l, b, x);      // (L L') x = b
 * }
 * }</pre>
 */
public final class Cholesky {

    /** Columns per panel: four scaled rows added per pass keep the loop vectorized. */
    private static final int PANEL = 4;
    /** Multiply-adds of a trailing update from which its rows are spread over the cores. */
    private static final double PARALLEL_WORK = 4e6;
    private static final int THREADS = Runtime.getRuntime().availableProcessors();

    private Cholesky() {
    }

    /**
     * Factors the lower triangle of {@code a + tau I} into {@code l} (row i of length i + 1);
     * {@code a} is not modified. Only the lower triangle of {@code a} is read.
     *
     * @param a a square matrix (its rows at least as long as their index + 1)
     * @param tau a multiple of the identity added to {@code a}
     * @param l output: an array of {@code a.length} rows, each replaced
     * @return false if the matrix is not positive definite (or a pivot is not finite); l is then
     *     undefined
     */
    public static boolean factor(double[][] a, double tau, double[][] l) {
        int p = a.length;
        for (int i = 0; i < p; i++) {
            double[] li = java.util.Arrays.copyOf(a[i], i + 1);
            li[i] += tau;
            l[i] = li;
        }
        double[][] columns = new double[PANEL][p];
        for (int k0 = 0; k0 < p; k0 += PANEL) {
            int k1 = Math.min(k0 + PANEL, p);
            if (!factorPanel(l, k0, k1)) {
                return false;
            }
            if (k1 < p) {
                updateTrailing(l, k0, k1, columns);
            }
        }
        return true;
    }

    /** Factors columns k0 .. k1 - 1, whose entries hold every update from earlier panels. */
    private static boolean factorPanel(double[][] l, int k0, int k1) {
        int p = l.length;
        for (int k = k0; k < k1; k++) {
            double[] lk = l[k];
            double d = lk[k];
            for (int m = k0; m < k; m++) {
                d -= lk[m] * lk[m];
            }
            if (!(d > 0.0 && d < Double.POSITIVE_INFINITY)) {
                return false;
            }
            double pivot = Math.sqrt(d);
            lk[k] = pivot;
            for (int i = k + 1; i < p; i++) {
                double[] li = l[i];
                double s = li[k];
                for (int m = k0; m < k; m++) {
                    s -= li[m] * lk[m];
                }
                li[k] = s / pivot;
            }
        }
        return true;
    }

    /** Subtracts the panel's product from rows k1 .. p - 1, columns k1 .. i. */
    private static void updateTrailing(double[][] l, int k0, int k1, double[][] columns) {
        int p = l.length;
        int width = k1 - k0;
        for (int m = 0; m < width; m++) {
            double[] column = columns[m];
            for (int j = k1; j < p; j++) {
                column[j] = l[j][k0 + m];
            }
        }
        double rows = p - k1;
        int threads = rows * rows * width < PARALLEL_WORK ? 1 : THREADS;
        if (threads == 1) {
            updateRows(l, k0, k1, columns, k1, p);
            return;
        }
        // contiguous blocks of rows of equal work (row i costs i - k1 + 1): each row is updated by
        // the same operations whichever thread runs its block, so the factor does not depend on
        // the thread count
        int blocks = 4 * threads;
        Tasks.run(threads, blocks, (b, worker) -> {
            int from = k1 + (int) Math.round(rows * Math.sqrt((double) b / blocks));
            int to = b == blocks - 1 ? p
                    : k1 + (int) Math.round(rows * Math.sqrt((double) (b + 1) / blocks));
            updateRows(l, k0, k1, columns, from, to);
        });
    }

    /** The trailing update of rows from .. to - 1. */
    private static void updateRows(double[][] l, int k0, int k1, double[][] columns, int from,
            int to) {
        int width = k1 - k0;
        double[] c0 = columns[0];
        double[] c1 = columns[1];
        double[] c2 = columns[2];
        double[] c3 = columns[3];
        for (int i = from; i < to; i++) {
            double[] row = l[i];
            int end = i + 1;            // j < end, not j <= i: only the former vectorizes
            if (width == PANEL) {
                double s0 = row[k0];
                double s1 = row[k0 + 1];
                double s2 = row[k0 + 2];
                double s3 = row[k0 + 3];
                for (int j = k1; j < end; j++) {
                    row[j] -= (s0 * c0[j] + s1 * c1[j]) + (s2 * c2[j] + s3 * c3[j]);
                }
            } else {
                for (int m = 0; m < width; m++) {
                    double s = row[k0 + m];
                    double[] column = columns[m];
                    for (int j = k1; j < end; j++) {
                        row[j] -= s * column[j];
                    }
                }
            }
        }
    }

    /**
     * Solves L L' x = b for x, with L from {@link #factor}.
     *
     * @param l the factor
     * @param b the right-hand side, length P (not modified)
     * @param x output, length P; may be {@code b}
     */
    public static void solve(double[][] l, double[] b, double[] x) {
        int p = b.length;
        for (int i = 0; i < p; i++) {
            double sum = b[i];
            double[] li = l[i];
            for (int k = 0; k < i; k++) {
                sum -= li[k] * x[k];
            }
            x[i] = sum / li[i];
        }
        for (int i = p - 1; i >= 0; i--) {
            x[i] /= l[i][i];
            double xi = x[i];
            double[] li = l[i];
            for (int k = 0; k < i; k++) {
                x[k] -= li[k] * xi;
            }
        }
    }
}
