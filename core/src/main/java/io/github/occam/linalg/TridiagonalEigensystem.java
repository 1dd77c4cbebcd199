package io.github.occam.linalg;

import io.github.occam.internal.Checks;
import java.util.Arrays;

/**
 * Eigenvalues and (rows of) eigenvectors of a symmetric tridiagonal matrix
 * \(T = \mathrm{tridiag}(\beta, \alpha, \beta)\) of size m, by the implicit QL algorithm with
 * Wilkinson shifts (EISPACK tql2), the rotations accumulated only into the rows of the
 * eigenvector matrix the caller asks for.
 *
 * <p>Writing \(T = S \Theta S^T\) with \(S\) orthogonal and \(\Theta\) ascending, the Lanczos
 * methods need little of \(S\): Gauss quadrature needs its first row (the weights of the rule
 * are \(S_{1i}^2\), Golub &amp; Meurant, <i>Matrices, Moments and Quadrature with
 * Applications</i>, 2010, ch. 6), the residual bounds of Ritz pairs its last row
 * (\(|\beta_m S_{mi}|\)), and Ritz vectors all of it. Asking for r rows costs about
 * \(3 r m^2\) flops on top of the \(O(m^2)\) of the eigenvalues, so a full decomposition is
 * \(O(m^3)\) and the quadrature weights \(O(m^2)\).
 *
 * <p>Instances are immutable.
 *
 * <pre>{@code
 * double[] alpha = {2, 2, 2};
 * double[] beta = {1, 1};                                  // T = tridiag(1, 2, 1)
 * TridiagonalEigensystem first = TridiagonalEigensystem.of(alpha, beta, 0);
 * double[] nodes = first.values();                         // 2 - sqrt(2), 2, 2 + sqrt(2)
 * double weight = Math.pow(first.component(0, 0), 2);     // Gauss weight of the first node
 * TridiagonalEigensystem full = TridiagonalEigensystem.of(alpha, beta);
 * double[] v = full.vector(2);                             // unit eigenvector of 2 + sqrt(2)
 * }</pre>
 */
public final class TridiagonalEigensystem {

    private static final int MAX_SWEEPS_PER_EIGENVALUE = 60;

    private final double[] values;
    private final int[] rows;
    /** components[r][i]: row rows[r] of eigenvector i. */
    private final double[][] components;

    private TridiagonalEigensystem(double[] values, int[] rows, double[][] components) {
        this.values = values;
        this.rows = rows;
        this.components = components;
    }

    /**
     * Returns the eigenvalues and the full eigenvectors of \(T\).
     *
     * @param diagonal \(\alpha_1, \dots, \alpha_m\), finite (not modified)
     * @param offDiagonal \(\beta_1, \dots, \beta_{m-1}\), finite (not modified); a longer array
     *     is accepted and its extra entries ignored
     * @return the eigensystem, every row of \(S\) available
     * @throws IllegalArgumentException if an array is null, too short or not finite
     * @throws ArithmeticException if the QL iteration does not converge (not seen in practice)
     */
    public static TridiagonalEigensystem of(double[] diagonal, double[] offDiagonal) {
        Checks.notNull("diagonal", diagonal);
        int[] all = new int[diagonal.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return of(diagonal, offDiagonal, all);
    }

    /**
     * Returns the eigenvalues of \(T\) and the given rows of its eigenvector matrix \(S\): with
     * {@code rows = {0}} the first components that give Gauss quadrature weights, with no rows
     * the eigenvalues alone.
     *
     * @param diagonal \(\alpha_1, \dots, \alpha_m\), finite (not modified)
     * @param offDiagonal \(\beta_1, \dots, \beta_{m-1}\), finite (not modified); extra entries
     *     are ignored
     * @param rows the 0-based rows of \(S\) wanted, each in [0, m), no repeats
     * @return the eigensystem
     * @throws IllegalArgumentException if an array is null, too short or not finite, or a row is
     *     out of range or repeated
     * @throws ArithmeticException if the QL iteration does not converge (not seen in practice)
     */
    public static TridiagonalEigensystem of(double[] diagonal, double[] offDiagonal,
            int... rows) {
        Checks.allFinite("diagonal", diagonal);
        Checks.allFinite("offDiagonal", offDiagonal);
        Checks.notNull("rows", rows);
        int m = diagonal.length;
        if (offDiagonal.length < Math.max(0, m - 1)) {
            throw new IllegalArgumentException("offDiagonal has length " + offDiagonal.length
                    + ", expected at least " + (m - 1));
        }
        boolean[] seen = new boolean[m];
        for (int r = 0; r < rows.length; r++) {
            Checks.inRange("rows[" + r + "]", rows[r], 0, m - 1);
            if (seen[rows[r]]) {
                throw new IllegalArgumentException("rows[" + r + "] repeats row " + rows[r]);
            }
            seen[rows[r]] = true;
        }
        double[] d = diagonal.clone();
        double[] e = new double[m];
        System.arraycopy(offDiagonal, 0, e, 0, Math.max(0, m - 1));
        double[][] z = new double[rows.length][m];
        for (int r = 0; r < rows.length; r++) {
            z[r][rows[r]] = 1.0;
        }
        decompose(d, e, z, m);
        return new TridiagonalEigensystem(d, rows.clone(), z);
    }

    /**
     * Diagonalizes the leading m x m block of the tridiagonal (d, e) in place, allocating
     * nothing: on return {@code d[0..m)} holds the eigenvalues in ascending order and each row
     * {@code z[r][0..m)} the matching components, rotated from what it held on entry (unit rows
     * give rows of the eigenvector matrix). {@code e[i]} couples i and i + 1 and is destroyed.
     *
     * @throws ArithmeticException if the iteration does not converge
     */
    static void decompose(double[] d, double[] e, double[][] z, int m) {
        if (m == 0) {
            return;
        }
        e[m - 1] = 0.0;
        for (int l = 0; l < m; l++) {
            int iterations = 0;
            while (true) {
                int k = l;
                while (k < m - 1) {
                    double dd = Math.abs(d[k]) + Math.abs(d[k + 1]);
                    if (Math.abs(e[k]) <= Math.ulp(dd)) {
                        break;
                    }
                    k++;
                }
                if (k == l) {
                    break;
                }
                if (iterations++ == MAX_SWEEPS_PER_EIGENVALUE) {
                    throw new ArithmeticException("QL iteration did not converge for eigenvalue "
                            + l + " of a " + m + " x " + m + " matrix after "
                            + MAX_SWEEPS_PER_EIGENVALUE + " sweeps (diagonal entry " + d[l] + ")");
                }
                sweep(d, e, z, l, k);
            }
        }
        sortAscending(d, z, m);
    }

    /** One implicit QL sweep with a Wilkinson shift on the unreduced block [l, k]. */
    private static void sweep(double[] d, double[] e, double[][] z, int l, int k) {
        double shiftBase = (d[l + 1] - d[l]) / (2.0 * e[l]);
        double radius = hypot(shiftBase, 1.0);
        double g = d[k] - d[l] + e[l] / (shiftBase + Math.copySign(radius, shiftBase));
        double sine = 1.0;
        double cosine = 1.0;
        double p = 0.0;
        for (int i = k - 1; i >= l; i--) {
            double f = sine * e[i];
            double b = cosine * e[i];
            double r = hypot(f, g);
            e[i + 1] = r;
            if (r == 0.0) {
                // deflation inside the sweep: the block splits at i + 1
                d[i + 1] -= p;
                e[k] = 0.0;
                return;
            }
            sine = f / r;
            cosine = g / r;
            g = d[i + 1] - p;
            r = (d[i] - g) * sine + 2.0 * cosine * b;
            p = sine * r;
            d[i + 1] = g + p;
            g = cosine * r - b;
            for (double[] row : z) {
                double zi1 = row[i + 1];
                row[i + 1] = sine * row[i] + cosine * zi1;
                row[i] = cosine * row[i] - sine * zi1;
            }
        }
        d[l] -= p;
        e[l] = g;
        e[k] = 0.0;
    }

    /**
     * Returns \(\sqrt{a^2 + b^2}\): the plain formula where neither square can overflow or lose
     * the result to underflow, else {@link Math#hypot}, which is several times slower.
     */
    static double hypot(double a, double b) {
        double big = Math.max(Math.abs(a), Math.abs(b));
        if (big > 0x1p-500 && big < 0x1p500) {
            return Math.sqrt(a * a + b * b);
        }
        return Math.hypot(a, b);
    }

    /** Sorts the eigenvalues, carrying the component columns along (insertion sort). */
    private static void sortAscending(double[] d, double[][] z, int m) {
        if (z.length == 0) {
            java.util.Arrays.sort(d, 0, m);
            return;
        }
        for (int i = 1; i < m; i++) {
            double value = d[i];
            int j = i - 1;
            if (d[j] <= value) {
                continue;
            }
            int target = i;
            while (target > 0 && d[target - 1] > value) {
                target--;
            }
            System.arraycopy(d, target, d, target + 1, i - target);
            d[target] = value;
            for (double[] row : z) {
                double component = row[i];
                System.arraycopy(row, target, row, target + 1, i - target);
                row[target] = component;
            }
        }
    }

    /** Returns m, the size of the matrix. */
    public int size() {
        return values.length;
    }

    /** Returns a copy of the eigenvalues \(\theta_1 \le \dots \le \theta_m\). */
    public double[] values() {
        return values.clone();
    }

    /** Returns the eigenvalue \(\theta_i\) (0-based, ascending). */
    public double value(int i) {
        return values[Checks.inRange("i", i, 0, values.length - 1)];
    }

    /**
     * Returns \(S_{row, i}\), component {@code row} of the unit eigenvector of \(\theta_i\).
     *
     * @param row a row asked for when decomposing
     * @param i the eigenvalue's index, 0-based, ascending
     * @return the component
     * @throws IllegalArgumentException if the row was not asked for or {@code i} is out of range
     */
    public double component(int row, int i) {
        Checks.inRange("i", i, 0, values.length - 1);
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == row) {
                return components[r][i];
            }
        }
        throw new IllegalArgumentException("row " + row + " was not computed; rows "
                + Arrays.toString(rows) + " were");
    }

    /**
     * Returns the unit eigenvector of \(\theta_i\) as a new array of length m.
     *
     * @param i the eigenvalue's index, 0-based, ascending
     * @return the eigenvector
     * @throws IllegalArgumentException if not every row was computed or {@code i} is out of range
     */
    public double[] vector(int i) {
        Checks.inRange("i", i, 0, values.length - 1);
        if (rows.length != values.length) {
            throw new IllegalArgumentException("only rows " + Arrays.toString(rows)
                    + " were computed, not the whole eigenvector");
        }
        double[] v = new double[values.length];
        for (int r = 0; r < rows.length; r++) {
            v[rows[r]] = components[r][i];
        }
        return v;
    }
}
