package io.github.occam.linalg;

import io.github.occam.internal.Tasks;

/**
 * The Cholesky factorization of a dense symmetric matrix, for the Newton steps of the
 * minimizer and the dual Gauss-Newton evidence: right-looking, in blocks of 128 columns. The
 * columns of a block are factored 4 at a time, each group of 4 then subtracted from the block's
 * later columns; after the block, every later row i takes its update at once,
 * {@code a[i][j] -= sum_m l[i][m] l[j][m]} for j up to i, in tiles of 256 columns that stay in
 * the cache while all 128 columns of the block pass over them. The innermost loop adds 4 scaled
 * rows ({@link Kernels#subtractGroup}), which the JIT compiles to vector instructions, where the
 * dot products of a left-looking factorization (sums whose order Java fixes) are not. Every entry
 * takes the same operations, in the same order, whatever the block, tile or thread count, so the
 * factor is the same on any machine.
 *
 * <pre>{@code
 * double[][] l = new double[p][];
 * if (Cholesky.factor(a, 0.0, l)) {
 *     Cholesky.solve(l, b, x);      // (L L') x = b
 * }
 * }</pre>
 */
public final class Cholesky {

    /** Columns per block: the trailing update's tile of 128 x 256 entries stays in the cache. */
    private static final int BLOCK = 128;
    /** Multiply-adds of an update from which its rows are spread over the cores. */
    private static final double PARALLEL_WORK = 4e6;
    /** Rows from which the column work of a group is spread over the cores. */
    private static final int PARALLEL_ROWS = 2048;
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
            l[i] = java.util.Arrays.copyOf(a[i], i + 1);
        }
        return factorInPlace(l, tau);
    }

    /**
     * Factors the lower triangle of {@code a + tau I} in place: on return entry [i][j], j &lt;= i,
     * of {@code a} holds L (the entries above the diagonal are not read or written). For a matrix
     * the caller no longer needs, it saves the copy {@link #factor} makes.
     *
     * @param a a square matrix (its rows at least as long as their index + 1), overwritten
     * @param tau a multiple of the identity added to {@code a}
     * @return false if the matrix is not positive definite (or a pivot is not finite); a is then
     *     undefined
     */
    public static boolean factorInPlace(double[][] a, double tau) {
        int p = a.length;
        double[][] l = a;
        for (int i = 0; i < p; i++) {
            l[i][i] += tau;
        }
        for (int k0 = 0; k0 < p; k0 += BLOCK) {
            int k1 = Math.min(k0 + BLOCK, p);
            for (int g = k0; g < k1; g += Kernels.GROUP) {
                int g1 = Math.min(g + Kernels.GROUP, k1);
                if (!factorGroup(l, g, g1)) {
                    return false;
                }
                if (g1 < k1) {
                    update(l, g, g1, g1, k1);
                }
            }
            if (k1 < p) {
                update(l, k0, k1, k1, p);
            }
        }
        return true;
    }

    /**
     * Factors columns k0 .. k1 - 1 (at most 4), whose entries hold every earlier update: the
     * diagonal block first, then the rows below it, each row on its own (spread over the cores
     * when there are many: each row takes the same operations on any thread).
     */
    private static boolean factorGroup(double[][] l, int k0, int k1) {
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
            lk[k] = Math.sqrt(d);
            for (int i = k + 1; i < k1; i++) {
                solveRow(l, l[i], k0, k);
            }
        }
        int rows = p - k1;
        int tasks = rows < PARALLEL_ROWS ? 1 : 8 * THREADS;
        Tasks.run(tasks == 1 ? 1 : THREADS, tasks, (t, worker) -> {
            int first = k1 + (int) ((long) rows * t / tasks);
            int last = k1 + (int) ((long) rows * (t + 1) / tasks);
            for (int i = first; i < last; i++) {
                double[] li = l[i];
                for (int k = k0; k < k1; k++) {
                    solveRow(l, li, k0, k);
                }
            }
        });
        return true;
    }

    /** Sets li[k] = (li[k] - sum_{m in [k0, k)} li[m] l[k][m]) / l[k][k]. */
    private static void solveRow(double[][] l, double[] li, int k0, int k) {
        double[] lk = l[k];
        double s = li[k];
        for (int m = k0; m < k; m++) {
            s -= li[m] * lk[m];
        }
        li[k] = s / lk[k];
    }

    /**
     * Subtracts the product of the factored columns k0 .. k1 - 1 from rows from .. p - 1, columns
     * from .. min(i, to - 1): a[i][j] -= sum_m l[i][m] l[j][m].
     */
    private static void update(double[][] l, int k0, int k1, int from, int to) {
        int p = l.length;
        int width = k1 - k0;
        double[][] columns = new double[width][to];
        int span = to - from;
        int copies = span < PARALLEL_ROWS ? 1 : 8 * THREADS;
        Tasks.run(copies == 1 ? 1 : THREADS, copies, (t, worker) -> {
            int last = from + (int) ((long) span * (t + 1) / copies);
            for (int j = from + (int) ((long) span * t / copies); j < last; j++) {
                double[] row = l[j];
                for (int m = 0; m < width; m++) {
                    columns[m][j] = row[k0 + m];
                }
            }
        });
        double rows = p - from;
        double work = rows * Math.min(rows, to - from) * width;
        int blocks = work < PARALLEL_WORK ? 1 : 8 * THREADS;
        // contiguous blocks of rows of about equal work (a row of the trailing matrix costs its
        // length); each row takes the same operations whichever thread runs its block
        Tasks.run(work < PARALLEL_WORK ? 1 : THREADS, blocks, (b, worker) -> {
            int first = from + rowsBefore(b, blocks, rows, to - from);
            int last = b == blocks - 1 ? p : from + rowsBefore(b + 1, blocks, rows, to - from);
            Kernels.subtractProducts(l, l, k0, width, columns, first, last, from, to);
        });
    }

    /**
     * The rows that hold fraction b / blocks of the update's work, when row r (from 0) costs
     * min(r + 1, span) entries: a triangle of span rows, then rectangular rows.
     */
    private static int rowsBefore(int b, int blocks, double rows, int span) {
        double triangle = Math.min(rows, span);
        double total = triangle * triangle / 2 + (rows - triangle) * span;
        double target = total * b / blocks;
        if (target <= triangle * triangle / 2) {
            return (int) Math.round(Math.sqrt(2 * target));
        }
        return (int) Math.round(triangle + (target - triangle * triangle / 2) / span);
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
