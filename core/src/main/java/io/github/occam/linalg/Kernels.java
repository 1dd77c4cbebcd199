package io.github.occam.linalg;

/**
 * The one inner kernel of the dense products: rows of a target matrix minus products of
 * coefficient rows with columns held as contiguous arrays, in tiles that stay in the cache. The
 * innermost loop adds 4 scaled columns to a row segment, a loop the JIT compiles to vector
 * instructions. Each target entry takes its groups of 4 in ascending order whatever the tile or
 * row range, so a caller that splits rows over threads gets the same numbers on any count.
 */
final class Kernels {

    /** Columns combined per pass of the innermost loop. */
    static final int GROUP = 4;
    /** Target columns per tile: a row segment of 2 KB stays in the first-level cache. */
    private static final int SPAN = 256;

    private Kernels() {
    }

    /**
     * For rows i in [first, last) and columns j in [from, min(i + 1, to)):
     * {@code target[i][j] -= sum_m coefficients[i][k0 + m] * columns[m][j]}, m in [0, width),
     * summed in groups of 4.
     */
    static void subtractProducts(double[][] target, double[][] coefficients, int k0, int width,
            double[][] columns, int first, int last, int from, int to) {
        for (int j0 = from; j0 < to; j0 += SPAN) {
            int j1 = Math.min(j0 + SPAN, to);
            for (int i = Math.max(first, j0); i < last; i++) {
                int end = Math.min(j1, i + 1);   // j < end, not j <= i: only the former vectorizes
                double[] row = target[i];
                double[] s = coefficients[i];
                int m = 0;
                for (; m + GROUP <= width; m += GROUP) {
                    subtractGroup(row, s[k0 + m], s[k0 + m + 1], s[k0 + m + 2], s[k0 + m + 3],
                            columns[m], columns[m + 1], columns[m + 2], columns[m + 3], j0, end);
                }
                for (; m < width; m++) {
                    double sm = s[k0 + m];
                    double[] column = columns[m];
                    for (int j = j0; j < end; j++) {
                        row[j] -= sm * column[j];
                    }
                }
            }
        }
    }

    /** {@code row[j] -= (s0 c0[j] + s1 c1[j]) + (s2 c2[j] + s3 c3[j])} for j in [from, to). */
    static void subtractGroup(double[] row, double s0, double s1, double s2, double s3,
            double[] c0, double[] c1, double[] c2, double[] c3, int from, int to) {
        for (int j = from; j < to; j++) {
            row[j] -= (s0 * c0[j] + s1 * c1[j]) + (s2 * c2[j] + s3 * c3[j]);
        }
    }
}
