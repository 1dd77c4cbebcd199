package io.github.occam.linalg;

import io.github.occam.internal.Tasks;
import io.github.occam.internal.Vectors;
import java.util.Random;

/**
 * The vectors of a {@link Lanczos} workspace, the deflated ones and the basis, and the passes
 * over them: Gram-Schmidt against any selection, fused single-vector passes, the forming of
 * Ritz vectors. The vectors are cut into chunks of 16,384 entries (128 KB of each): a chunk's
 * dot products are taken while that part of the vector stays in the cache, and the chunks' sums
 * are added in chunk order; the chunks are shared between the cores when a pass is long, with
 * the same arithmetic on any number of threads. Not thread-safe.
 */
final class KrylovBasis {

    /** Entries per chunk of a pass: 128 KB of each vector. */
    private static final int CHUNK = 16_384;
    /** Multiply-adds of a Gram-Schmidt pass from which its chunks are spread over the cores. */
    private static final double PARALLEL_WORK = 1e6;
    /** Vector length from which a single-vector pass is spread over the cores. */
    private static final int PARALLEL_PASS = 4 * CHUNK;
    /** Entries per block when the Ritz vectors are formed: 16 KB of each vector. */
    private static final int RITZ_BLOCK = 2_048;
    private static final int THREADS = Runtime.getRuntime().availableProcessors();
    /** Attempts at a random restart vector with a usable part orthogonal to the basis. */
    static final int RESTART_ATTEMPTS = 5;

    /** A pass over entries [from, to) of the vectors, leaving its partial sums in sums. */
    @FunctionalInterface
    interface Pass {
        void run(int from, int to, double[] sums);
    }

    private final int p;
    final double[][] deflated;
    final double[][] basis;
    private final int chunks;
    /** Per chunk, its part of each dot product of a pass. */
    private final double[][] partial;
    private final double[] coefficients;
    /** Which of the deflated vectors and basis vectors a Gram-Schmidt pass uses, in that order. */
    private final int[] chosen;
    /** The chunk-order totals of the last {@link #pass}'s two sums. */
    private final double[] totals = new double[2];
    private long innerProducts;
    private double discardedSquares;

    KrylovBasis(int p, int capacity, double[][] deflated) {
        this.p = p;
        this.deflated = deflated;
        this.basis = new double[capacity][p];
        this.chunks = Math.max(1, (p + CHUNK - 1) / CHUNK);
        this.partial = new double[chunks][Math.max(2, capacity + deflated.length)];
        this.coefficients = new double[capacity + deflated.length];
        this.chosen = new int[capacity + deflated.length];
    }

    /** The inner products taken by Gram-Schmidt passes so far. */
    long innerProducts() {
        return innerProducts;
    }

    /**
     * The sum of squares of the last Gram-Schmidt pass's coefficients on basis vectors other
     * than basis[count - 1], the ones a tridiagonal leaves out.
     */
    double discardedSquares() {
        return discardedSquares;
    }

    /** The second total of the last {@link #pass}. */
    double secondTotal() {
        return totals[1];
    }

    /**
     * One classical Gram-Schmidt pass: v -= V V' v + Q Q' v over the deflated vectors (those
     * {@code selected}, all when it is null) and the basis vectors of [0, count) that
     * {@code selectedBasis} marks (all when it is null). Returns the coefficient on
     * basis[count - 1] if it was used, else 0.
     */
    double orthogonalize(double[] v, int count, boolean[] selected, boolean[] selectedBasis) {
        int k = deflated.length;
        int vectors = 0;
        for (int i = 0; i < k; i++) {
            if (selected == null || selected[i]) {
                chosen[vectors++] = i;
            }
        }
        int first = vectors;
        for (int i = 0; i < count; i++) {
            if (selectedBasis == null || selectedBasis[i]) {
                chosen[vectors++] = k + i;
            }
        }
        discardedSquares = 0.0;
        if (vectors == 0) {
            return 0.0;
        }
        innerProducts += vectors;
        int used = vectors;
        int threads = (double) used * p < PARALLEL_WORK ? 1 : THREADS;
        Tasks.run(threads, chunks, (c, worker) -> {
            int from = c * CHUNK;
            int length = Math.min(CHUNK, p - from);
            double[] sums = partial[c];
            for (int i = 0; i < used; i++) {
                sums[i] = Vectors.dot(vector(chosen[i]), from, v, from, length);
            }
        });
        for (int i = 0; i < used; i++) {
            double sum = 0.0;
            for (int c = 0; c < chunks; c++) {
                sum += partial[c][i];
            }
            coefficients[i] = sum;
        }
        boolean last = count > 0 && chosen[used - 1] == k + count - 1;
        for (int i = first; i < (last ? used - 1 : used); i++) {
            discardedSquares += coefficients[i] * coefficients[i];
        }
        Tasks.run(threads, chunks, (c, worker) -> {
            int from = c * CHUNK;
            int length = Math.min(CHUNK, p - from);
            for (int i = 0; i < used; i++) {
                Vectors.axpy(-coefficients[i], vector(chosen[i]), from, v, from, length);
            }
        });
        return last ? coefficients[used - 1] : 0.0;
    }

    /** The deflated vectors, then the basis, by one index. */
    private double[] vector(int index) {
        int k = deflated.length;
        return index < k ? deflated[index] : basis[index - k];
    }

    /**
     * Runs a pass chunk by chunk, the chunks shared between the cores when P is long, and adds
     * the chunks' first two sums in chunk order (the same numbers on any thread count); returns
     * the first, leaves the second in {@link #secondTotal()}.
     */
    double pass(Pass kernel) {
        int threads = p < PARALLEL_PASS ? 1 : THREADS;
        Tasks.run(threads, chunks, (c, worker) -> {
            int from = c * CHUNK;
            kernel.run(from, Math.min(p, from + CHUNK), partial[c]);
        });
        totals[0] = 0.0;
        totals[1] = 0.0;
        for (int c = 0; c < chunks; c++) {
            totals[0] += partial[c][0];
            totals[1] += partial[c][1];
        }
        return totals[0];
    }

    /**
     * Forms \(y_k = \sum_l s_{kl} q_l\) over the first {@code steps} basis vectors in one pass
     * over the basis, block by block (each block of the y's stays in the cache while every basis
     * vector's block is added into it, in basis order), the blocks shared between the cores.
     */
    double[][] combine(double[][] s, int steps) {
        double[][] into = new double[s.length][p];
        int blocks = (p + RITZ_BLOCK - 1) / RITZ_BLOCK;
        int threads = (double) s.length * steps * p < PARALLEL_WORK ? 1 : THREADS;
        Tasks.run(threads, blocks, (block, worker) -> {
            int from = block * RITZ_BLOCK;
            int length = Math.min(RITZ_BLOCK, p - from);
            for (int l = 0; l < steps; l++) {
                for (int k = 0; k < s.length; k++) {
                    Vectors.axpy(s[k][l], basis[l], from, into[k], from, length);
                }
            }
        });
        return into;
    }

    /** Puts a random unit vector orthogonal to basis[0..count) and the deflated in basis[count]. */
    boolean restart(int count, Random random) {
        double[] v = basis[count];
        for (int attempt = 0; attempt < RESTART_ATTEMPTS; attempt++) {
            fillGaussian(v, random);
            double before = Vectors.norm(v);
            orthogonalize(v, count, null, null);
            orthogonalize(v, count, null, null);
            double after = Vectors.norm(v);
            if (after > 1e-8 * before) {
                scale(v, 1.0 / after);
                return true;
            }
        }
        return false;
    }

    /**
     * Projects v off the deflated vectors (twice), normalizes it in place and returns its norm
     * after projection (0, leaving v unnormalized, if nothing is left).
     */
    double projectAndNormalize(double[] v) {
        double before = Vectors.norm(v);
        orthogonalize(v, 0, null, null);
        orthogonalize(v, 0, null, null);
        double norm = Vectors.norm(v);
        if (!(norm > 1e-12 * before)) {
            return 0.0;
        }
        scale(v, 1.0 / norm);
        return norm;
    }

    static void scale(double[] v, double factor) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
    }

    static void fillGaussian(double[] v, Random random) {
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextGaussian();
        }
    }
}
