package io.github.occam.linalg;

import io.github.occam.internal.Checks;
import io.github.occam.internal.Tasks;

/**
 * The Gram matrix \(R R^T\) of the rows of a dense matrix, the product that forms the dual
 * Gauss-Newton matrix: blocked for the cache (the columns of R in blocks of 128, the Gram
 * matrix's rows in tiles of 256 entries), its rows shared between threads in contiguous blocks of
 * about equal work. Each entry is summed over the columns of R in groups of 4, in ascending order,
 * whatever the thread count, so the matrix is the same on any machine.
 *
 * <pre>{@code
 * double[][] gram = GramMatrix.of(rows, 2);     // gram[i][j] = rows[i] . rows[j]
 * }</pre>
 */
public final class GramMatrix {

    /** Columns of R per pass over the Gram matrix. */
    private static final int BLOCK = 128;
    /** Rows and columns of a tile of {@link #mirrorLower}. */
    private static final int TILE = 64;
    /** Multiply-adds from which the rows are spread over the threads. */
    private static final double PARALLEL_WORK = 4e6;

    private GramMatrix() {
    }

    /**
     * Returns \(R R^T\), symmetric, new.
     *
     * @param rows R, m rows of equal length d (not modified)
     * @param threads the threads to use, at least 1; the result does not depend on it
     * @return the m x m Gram matrix
     * @throws IllegalArgumentException if the rows are not of equal length or threads &lt; 1
     */
    public static double[][] of(double[][] rows, int threads) {
        Checks.notNull("rows", rows);
        Checks.atLeast("threads", threads, 1);
        int m = rows.length;
        int d = m == 0 ? 0 : rows[0].length;
        for (int i = 0; i < m; i++) {
            Checks.notNull("rows[" + i + "]", rows[i]);
            if (rows[i].length != d) {
                throw new IllegalArgumentException("rows[" + i + "] has " + rows[i].length
                        + " entries, rows[0] has " + d);
            }
        }
        // the columns of R as contiguous arrays, and -R, so that the shared kernel's subtraction
        // adds: -(-a) b is exactly a b
        double[][] columns = new double[d][m];
        double[][] negated = new double[m][d];
        for (int i = 0; i < m; i++) {
            double[] row = rows[i];
            for (int k = 0; k < d; k++) {
                columns[k][i] = row[k];
                negated[i][k] = -row[k];
            }
        }
        double[][] gram = new double[m][m];
        int blocks = (double) m * m * d / 2 < PARALLEL_WORK ? 1 : 8 * threads;
        int used = blocks == 1 ? 1 : threads;
        for (int k0 = 0; k0 < d; k0 += BLOCK) {
            int width = Math.min(BLOCK, d - k0);
            double[][] block = java.util.Arrays.copyOfRange(columns, k0, k0 + width);
            int start = k0;
            Tasks.run(used, blocks, (b, worker) -> {
                int first = triangleRows(b, blocks, m);
                int last = b == blocks - 1 ? m : triangleRows(b + 1, blocks, m);
                Kernels.subtractProducts(gram, negated, start, width, block, first, last, 0, m);
            });
        }
        mirrorLower(gram);
        return gram;
    }

    /**
     * Copies the strict lower triangle of a square matrix onto its upper triangle, in tiles of
     * 64 x 64 so that the column-wise writes stay in the cache.
     *
     * @param a a square matrix, changed in place
     */
    public static void mirrorLower(double[][] a) {
        int m = a.length;
        for (int i0 = 0; i0 < m; i0 += TILE) {
            int i1 = Math.min(i0 + TILE, m);
            for (int j0 = 0; j0 <= i0; j0 += TILE) {
                for (int i = i0; i < i1; i++) {
                    double[] row = a[i];
                    int j1 = Math.min(j0 + TILE, i);
                    for (int j = j0; j < j1; j++) {
                        a[j][i] = row[j];
                    }
                }
            }
        }
    }

    /** The rows of a lower triangle of m rows that hold fraction b / blocks of its entries. */
    static int triangleRows(int b, int blocks, int m) {
        return (int) Math.round(m * Math.sqrt((double) b / blocks));
    }
}
