package io.github.occam.linalg;

import static io.github.occam.internal.Vectors.dot;

import io.github.occam.internal.Tasks;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Eigenvalues (only) of a dense symmetric matrix: blocked Householder reduction to tridiagonal
 * form on the lower triangle, then the implicit QL algorithm with Wilkinson shifts (as EISPACK
 * tql1). About (4/3) P<sup>3</sup> flops; no eigenvectors are formed.
 *
 * <p>The reduction works from the last row upwards in panels of {@value #PANEL} Householder steps,
 * as LAPACK's {@code dsytrd} with {@code dlatrd} does: within a panel each reflection is kept as a
 * pair (u, q), the matrix-vector product of a step reads the matrix as it was at the start of the
 * panel and corrects for the panel's earlier reflections, and the panel's
 * \(A \leftarrow A - \sum (u q^T + q u^T)\) is applied once, two reflections per pass over each
 * row. That reads the lower triangle once per step instead of three times. Rows of the matrix
 * are cut into a fixed number of chunks that depends on the size only; large products and updates
 * run the chunks as tasks of the library's fork-join helper and add their partial sums in chunk
 * order, so the eigenvalues are the same, bit for bit, whatever the number of threads.
 *
 * <pre>{@code
 * double[] ascending = SymmetricEigenvalues.of(new double[][] {{2, 1}, {1, 2}});   // {1, 3}
 * }</pre>
 */
public final class SymmetricEigenvalues {

    private static final double[][] NO_ROWS = new double[0][];
    /** Householder steps whose update is applied at once. */
    private static final int PANEL = 32;
    /** The active size from which a step's work is cut into {@value #CHUNKS} chunks. */
    private static final int CHUNKED_FROM = 384;
    /** Chunks of rows per product or update, fixed so that sums do not depend on threads. */
    private static final int CHUNKS = 8;
    /** Below this many multiply-adds a chunked product or update runs on the calling thread. */
    private static final long PARALLEL_WORK = 1L << 17;

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
        new Reduction(lower).run(d, e);
        ql(d, e);
        return d;
    }

    /**
     * The blocked Householder reduction of a lower triangle {@code l} (row i holds columns 0..i),
     * destroyed on the way.
     */
    private static final class Reduction {
        private final double[][] l;
        private final int n;
        /** The panel's reflections: step t subtracts u[t] q[t]' + q[t] u[t]'. */
        private final double[][] u;
        private final double[][] q;
        /** The row being reduced, as updated by the panel's earlier steps. */
        private final double[] row;
        /** Partial products, one row per chunk; row 0 also serves unchunked steps. */
        private final double[][] partial;
        /** Row i's own part of the product, the dot product of its stored entries with u. */
        private final double[] dots;

        Reduction(double[][] l) {
            this.l = l;
            this.n = l.length;
            int panel = Math.min(PANEL, n);
            this.u = new double[panel][n];
            this.q = new double[panel][n];
            this.row = new double[n];
            this.partial = new double[CHUNKS][n];
            this.dots = new double[n];
        }

        /**
         * Reduces the matrix; on return {@code d} holds the diagonal and {@code e[i]} the
         * sub-diagonal entry (i, i-1), {@code e[0] = 0}.
         */
        void run(double[] d, double[] e) {
            int k = n - 1;
            while (k >= 1) {
                int steps = Math.min(PANEL, k);
                for (int m = 0; m < steps; m++, k--) {
                    step(m, k, d, e);
                }
                // the next active block is rows 0..k; apply the panel's reflections to it
                update(steps, k + 1);
            }
            d[0] = l[0][0];
            e[0] = 0.0;
        }

        /** Step m of the panel: annihilates row k left of its sub-diagonal. */
        private void step(int m, int k, double[] d, double[] e) {
            double[] um = u[m];
            double[] qm = q[m];
            currentRow(m, k);
            double scale = 0.0;
            for (int j = 0; j < k; j++) {
                scale = Math.max(scale, Math.abs(row[j]));
            }
            d[k] = row[k];
            if (k == 1 || scale == 0.0) {
                e[k] = row[k - 1];
                Arrays.fill(um, 0, k, 0.0);
                Arrays.fill(qm, 0, k, 0.0);
                return;
            }
            double norm2 = 0.0;
            for (int j = 0; j < k; j++) {
                um[j] = row[j] / scale;
                norm2 += um[j] * um[j];
            }
            double f = um[k - 1];
            double g = f >= 0.0 ? -Math.sqrt(norm2) : Math.sqrt(norm2);
            e[k] = scale * g;
            double h = norm2 - f * g;          // = |u|^2 / 2 for u = v - g e_{k-1}
            um[k - 1] = f - g;
            // p = A u / h on the leading k x k block, A as it is after this panel's steps
            product(um, k, qm);
            for (int t = 0; t < m; t++) {
                double qu = dot(q[t], 0, um, 0, k);
                double uu = dot(u[t], 0, um, 0, k);
                double[] ut = u[t];
                double[] qt = q[t];
                for (int j = 0; j < k; j++) {
                    qm[j] -= ut[j] * qu + qt[j] * uu;
                }
            }
            double uTp = 0.0;
            for (int j = 0; j < k; j++) {
                qm[j] /= h;
                uTp += um[j] * qm[j];
            }
            double half = uTp / (2.0 * h);
            for (int j = 0; j < k; j++) {
                qm[j] -= half * um[j];          // q = p - (u'p / 2h) u
            }
        }

        /** Row k of the matrix after the panel's first m steps, columns 0..k, into row. */
        private void currentRow(int m, int k) {
            System.arraycopy(l[k], 0, row, 0, k + 1);
            int end = k + 1;            // j < end, not j <= k: only the former vectorizes
            for (int t = 0; t < m; t++) {
                double[] ut = u[t];
                double[] qt = q[t];
                double uk = ut[k];
                double qk = qt[k];
                for (int j = 0; j < end; j++) {
                    row[j] -= uk * qt[j] + qk * ut[j];
                }
            }
        }

        /**
         * {@code p[0..k) = A v} for the leading k x k block of the stored lower triangle. Rows go
         * four at a time: their entries left of the block's first column add {@code v_i} times
         * themselves to the chunk's partial sums (one vectorized pass) and give the rows' dot
         * products with v (a second pass, from cache); the 4 x 4 triangle on the diagonal is
         * added to the dot products. Then every entry adds the chunks' sums in chunk order.
         */
        private void product(double[] v, int k, double[] p) {
            int chunks = k < CHUNKED_FROM ? 1 : CHUNKS;
            forEachChunk(chunks, (long) k * k / 2, c -> {
                int to = chunkStart(k, chunks, c + 1);
                double[] sum = partial[c];
                Arrays.fill(sum, 0, to, 0.0);
                int i = chunkStart(k, chunks, c);
                for (; i + 3 < to; i += 4) {
                    productOfFourRows(v, i, sum);
                }
                for (; i < to; i++) {
                    double[] li = l[i];
                    double vi = v[i];
                    for (int j = 0; j < i; j++) {
                        sum[j] += li[j] * vi;
                    }
                    dots[i] = dot(li, 0, v, 0, i) + li[i] * vi;
                }
            });
            System.arraycopy(dots, 0, p, 0, k);
            for (int c = 0; c < chunks; c++) {
                double[] sum = partial[c];
                int to = chunkStart(k, chunks, c + 1);
                for (int j = 0; j < to; j++) {
                    p[j] += sum[j];
                }
            }
        }

        /** Rows i..i+3 of {@link #product}. */
        private void productOfFourRows(double[] v, int i, double[] sum) {
            double[] l0 = l[i];
            double[] l1 = l[i + 1];
            double[] l2 = l[i + 2];
            double[] l3 = l[i + 3];
            double v0 = v[i];
            double v1 = v[i + 1];
            double v2 = v[i + 2];
            double v3 = v[i + 3];
            for (int j = 0; j < i; j++) {
                sum[j] += (l0[j] * v0 + l1[j] * v1) + (l2[j] * v2 + l3[j] * v3);
            }
            double d0 = 0.0;
            double d1 = 0.0;
            double d2 = 0.0;
            double d3 = 0.0;
            for (int j = 0; j < i; j++) {
                double vj = v[j];
                d0 += l0[j] * vj;
                d1 += l1[j] * vj;
                d2 += l2[j] * vj;
                d3 += l3[j] * vj;
            }
            dots[i] = d0 + l0[i] * v0 + l1[i] * v1 + l2[i] * v2 + l3[i] * v3;
            dots[i + 1] = d1 + l1[i] * v0 + l1[i + 1] * v1 + l2[i + 1] * v2 + l3[i + 1] * v3;
            dots[i + 2] = d2 + l2[i] * v0 + l2[i + 1] * v1 + l2[i + 2] * v2 + l3[i + 2] * v3;
            dots[i + 3] = d3 + l3[i] * v0 + l3[i + 1] * v1 + l3[i + 2] * v2 + l3[i + 3] * v3;
        }

        /** Rows 0..size-1: A &lt;- A - sum over the panel's steps of (u q' + q u'). */
        private void update(int steps, int size) {
            int chunks = size < CHUNKED_FROM ? 1 : CHUNKS;
            forEachChunk(chunks, (long) size * size * steps, c -> {
                int to = chunkStart(size, chunks, c + 1);
                for (int i = chunkStart(size, chunks, c); i < to; i++) {
                    updateRow(l[i], i, steps);
                }
            });
        }

        /** Row i, columns 0..i: two reflections per pass. */
        private void updateRow(double[] li, int i, int steps) {
            int end = i + 1;            // j < end, not j <= i: only the former vectorizes
            int t = 0;
            for (; t + 1 < steps; t += 2) {
                double[] u0 = u[t];
                double[] q0 = q[t];
                double[] u1 = u[t + 1];
                double[] q1 = q[t + 1];
                double a0 = u0[i];
                double b0 = q0[i];
                double a1 = u1[i];
                double b1 = q1[i];
                for (int j = 0; j < end; j++) {
                    li[j] -= (a0 * q0[j] + b0 * u0[j]) + (a1 * q1[j] + b1 * u1[j]);
                }
            }
            if (t < steps) {
                double[] u0 = u[t];
                double[] q0 = q[t];
                double a0 = u0[i];
                double b0 = q0[i];
                for (int j = 0; j < end; j++) {
                    li[j] -= a0 * q0[j] + b0 * u0[j];
                }
            }
        }
    }

    /**
     * The first row of chunk c of {@code rows} rows cut into {@code chunks} chunks of about equal
     * area of the lower triangle.
     */
    private static int chunkStart(int rows, int chunks, int c) {
        if (c >= chunks) {
            return rows;
        }
        return (int) Math.round(rows * Math.sqrt((double) c / chunks));
    }

    /** Runs {@code body} for chunks 0..count-1, in parallel when there is enough work. */
    private static void forEachChunk(int count, long work, IntConsumer body) {
        if (count == 1 || work < PARALLEL_WORK) {
            for (int c = 0; c < count; c++) {
                body.accept(c);
            }
            return;
        }
        Tasks.run(Runtime.getRuntime().availableProcessors(), count, (c, worker) -> body.accept(c));
    }

    /**
     * The eigenvalues of the tridiagonal (d, e), e[i] the entry (i, i - 1), into d in ascending
     * order: implicit QL with Wilkinson shifts ({@link TridiagonalEigensystem#decompose}, no
     * eigenvector rows).
     */
    private static void ql(double[] d, double[] e) {
        int n = d.length;
        for (int i = 1; i < n; i++) {
            e[i - 1] = e[i];
        }
        e[n - 1] = 0.0;
        TridiagonalEigensystem.decompose(d, e, NO_ROWS, n);
    }
}
