package io.github.occam.linalg;

import java.util.Arrays;

/**
 * Eigenvalues (only) of a dense symmetric matrix: Householder reduction to tridiagonal form on
 * the lower triangle, then the implicit QL algorithm with Wilkinson shifts (EISPACK tred1 and
 * tql1). About (4/3) P<sup>3</sup> flops; no eigenvectors are formed.
 */
public final class SymmetricEigenvalues {

    private static final int MAX_SWEEPS_PER_EIGENVALUE = 60;

    private SymmetricEigenvalues() {
    }

    /**
     * Returns the eigenvalues of the symmetric matrix {@code a} in ascending order. Only the lower
     * triangle of {@code a} is read; {@code a} is not modified.
     *
     * @throws ArithmeticException naming the matrix size if the QL iteration does not converge
     *     (not seen in practice on finite matrices whose entries and eigenvalues are within the
     *     range of doubles; {@code HessianSpectrum} scales its matrices to make sure of that)
     */
    public static double[] of(double[][] a) {
        int n = a.length;
        if (n == 0) {
            return new double[0];
        }
        double[][] lower = new double[n][];
        for (int i = 0; i < n; i++) {
            lower[i] = Arrays.copyOf(a[i], i + 1);
        }
        double[] d = new double[n];
        double[] e = new double[n];
        tridiagonalize(lower, d, e);
        ql(d, e);
        Arrays.sort(d);
        return d;
    }

    /**
     * Householder reduction of the lower triangle {@code l} (row i holds columns 0..i), destroyed.
     * On return {@code d} holds the diagonal and {@code e[i]} the sub-diagonal entry (i, i-1),
     * {@code e[0] = 0}.
     */
    private static void tridiagonalize(double[][] l, double[] d, double[] e) {
        int n = l.length;
        double[] v = new double[n];
        double[] p = new double[n];
        // Step k annihilates row k below column k - 1, working from the last row upwards.
        for (int k = n - 1; k >= 1; k--) {
            double[] row = l[k];
            double scale = 0.0;
            for (int j = 0; j < k; j++) {
                scale = Math.max(scale, Math.abs(row[j]));
            }
            if (k == 1 || scale == 0.0) {
                e[k] = row[k - 1];
                d[k] = row[k];
                continue;
            }
            double norm2 = 0.0;
            for (int j = 0; j < k; j++) {
                v[j] = row[j] / scale;
                norm2 += v[j] * v[j];
            }
            double f = v[k - 1];
            double g = f >= 0.0 ? -Math.sqrt(norm2) : Math.sqrt(norm2);
            e[k] = scale * g;
            double h = norm2 - f * g;          // = |u|^2 / 2 for u = v - g e_{k-1}
            v[k - 1] = f - g;
            // p = A u / h on the leading k x k block, read from its lower triangle.
            Arrays.fill(p, 0, k, 0.0);
            for (int i = 0; i < k; i++) {
                double[] li = l[i];
                double vi = v[i];
                double sum = 0.0;
                for (int j = 0; j < i; j++) {
                    sum += li[j] * v[j];
                    p[j] += li[j] * vi;
                }
                p[i] += sum + li[i] * vi;
            }
            double uTp = 0.0;
            for (int j = 0; j < k; j++) {
                p[j] /= h;
                uTp += v[j] * p[j];
            }
            double half = uTp / (2.0 * h);
            for (int j = 0; j < k; j++) {
                p[j] -= half * v[j];          // q = p - (u'p / 2h) u
            }
            // A <- A - u q' - q u' on the lower triangle.
            for (int i = 0; i < k; i++) {
                double[] li = l[i];
                double vi = v[i];
                double qi = p[i];
                for (int j = 0; j <= i; j++) {
                    li[j] -= vi * p[j] + qi * v[j];
                }
            }
            d[k] = row[k];
        }
        d[0] = l[0][0];
        e[0] = 0.0;
    }

    /** Implicit QL with Wilkinson shifts on the tridiagonal (d, e); d is overwritten. */
    private static void ql(double[] d, double[] e) {
        int n = d.length;
        if (n == 0) {
            return;
        }
        for (int i = 1; i < n; i++) {
            e[i - 1] = e[i];
        }
        e[n - 1] = 0.0;
        for (int l = 0; l < n; l++) {
            int iterations = 0;
            int m;
            do {
                for (m = l; m < n - 1; m++) {
                    double dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
                    if (Math.abs(e[m]) <= Math.ulp(dd)) {
                        break;
                    }
                }
                if (m != l) {
                    if (iterations++ == MAX_SWEEPS_PER_EIGENVALUE) {
                        throw new ArithmeticException("symmetric QL iteration did not converge"
                                + " for eigenvalue " + l + " of a " + n + " x " + n + " matrix after "
                                + MAX_SWEEPS_PER_EIGENVALUE + " sweeps (diagonal entry " + d[l]
                                + ")");
                    }
                    double g = (d[l + 1] - d[l]) / (2.0 * e[l]);
                    double r = Math.hypot(g, 1.0);
                    g = d[m] - d[l] + e[l] / (g + Math.copySign(r, g));
                    double s = 1.0;
                    double c = 1.0;
                    double p = 0.0;
                    int i;
                    for (i = m - 1; i >= l; i--) {
                        double f = s * e[i];
                        double b = c * e[i];
                        r = Math.hypot(f, g);
                        e[i + 1] = r;
                        if (r == 0.0) {
                            d[i + 1] -= p;
                            e[m] = 0.0;
                            break;
                        }
                        s = f / r;
                        c = g / r;
                        g = d[i + 1] - p;
                        r = (d[i] - g) * s + 2.0 * c * b;
                        p = s * r;
                        d[i + 1] = g + p;
                        g = c * r - b;
                    }
                    if (r == 0.0 && i >= l) {
                        continue;
                    }
                    d[l] -= p;
                    e[l] = g;
                    e[m] = 0.0;
                }
            } while (m != l);
        }
    }
}
