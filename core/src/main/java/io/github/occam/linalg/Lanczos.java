package io.github.occam.linalg;

import io.github.occam.SymmetricOperator;
import io.github.occam.internal.Checks;
import io.github.occam.internal.Tasks;
import io.github.occam.internal.Vectors;
import java.util.Arrays;
import java.util.Random;

/**
 * The Lanczos process with full re-orthogonalization on a symmetric operator A of dimension P,
 * optionally restricted to the orthogonal complement of given orthonormal vectors \(V\) (it then
 * works with \((I - V V^T) A (I - V V^T)\) on that complement, the deflated operator).
 *
 * <p>From a unit start vector \(q_1\), step j computes \(w = A q_j - \alpha_j q_j -
 * \beta_{j-1} q_{j-1}\) with \(\alpha_j = q_j^T A q_j\), orthogonalizes w against \(V\) and
 * every earlier \(q_i\) (classical Gram-Schmidt, repeated once when the first pass leaves less
 * than \(1/\sqrt{2}\) of \(|A q_j|\): "twice is enough"), and sets
 * \(\beta_j = |w|\), \(q_{j+1} = w / \beta_j\). After m steps
 * \(A Q_m = Q_m T_m + \beta_m q_{m+1} e_m^T\) with \(T_m = \mathrm{tridiag}(\beta, \alpha,
 * \beta)\). Each step costs one product with A and about \(4 (j + k) P\) flops of
 * re-orthogonalization against the j earlier and k deflated vectors (twice that when the second
 * pass is needed).
 *
 * <p>Two uses:
 * <ul>
 *   <li>{@link #tridiagonalize(double[], int)} runs a fixed number of steps from a given vector
 *       and returns \(T_m\) and \(\beta_m\), what Gauss quadrature needs (see
 *       {@link LanczosTridiagonal}); it stops early at an invariant subspace (\(\beta_j
 *       \approx 0\)), where the quadrature is exact.</li>
 *   <li>{@link #extremal(int, int, double, long, boolean)} finds the largest and smallest
 *       eigenpairs from a seeded random start. With \(T_j = S \Theta S^T\) the Ritz pairs are
 *       \((\theta_i, y_i = Q_j s_i)\) and \(|A y_i - \theta_i y_i| = |\beta_j S_{ji}|\) in
 *       exact arithmetic, so some eigenvalue of A lies within that bound of \(\theta_i\). The
 *       run stops as soon as every wanted pair has a bound below the tolerance times the
 *       spectral-norm estimate \(\max_i |\theta_i|\). When \(\beta_j \approx 0\) (the Krylov
 *       space is invariant: an eigenvalue of multiplicity greater than one, or a start vector in
 *       a few eigenvectors' span) the run continues from a new random vector orthogonal to all
 *       earlier ones, so after P steps the whole spectrum, multiplicities included, is
 *       found.</li>
 * </ul>
 *
 * <p>Memory: the basis is allocated once, \(\min(m, P)\) vectors of P doubles plus one work
 * vector (\(8 P (m + 1)\) bytes for at most m steps; the deflated vectors are the caller's); a
 * product allocates nothing, and a convergence check allocates nothing either (it reuses
 * preallocated O(m) scratch). Ritz vectors, when asked
 * for, are new arrays. An instance is a workspace: not thread-safe, reusable for any number of
 * runs, and {@link #products()} counts every product it made.
 *
 * <p>Limits: a single-vector Krylov method sees one copy of a repeated eigenvalue until the
 * space is exhausted, so with \(m &lt; P\) a multiplicity greater than one among the wanted
 * eigenvalues can be missed; and a bound on \(|\beta_j S_{ji}|\) says that an eigenvalue is near
 * \(\theta_i\), not that it is the i-th largest (a start vector nearly orthogonal to the top
 * eigenvector converges late). Both are rare with random starts.
 *
 * <pre>{@code
 * Lanczos lanczos = Lanczos.of(hessian, 200);                 // 201 vectors of length P
 * RitzPairs top = lanczos.extremal(5, 1, 1e-10, 42L, true);    // 5 largest, the smallest
 * double largest = top.values()[top.values().length - 1];
 * double bound = top.residualBounds()[top.values().length - 1];
 * LanczosTridiagonal t = lanczos.tridiagonalize(probe, 60);   // for Gauss quadrature
 * }</pre>
 */
public final class Lanczos {

    /** Relative size of \(\beta_j\) (to the running norm estimate) taken as a breakdown. */
    private static final double BREAKDOWN = 1e-12;

    /**
     * A second Gram-Schmidt pass is made when the first leaves less than this fraction of
     * \(|A q_j|\) (Daniel, Gragg, Kaufman &amp; Stewart, 1976: "twice is enough").
     */
    private static final double TWICE_IS_ENOUGH = 0.7071067811865476;

    /** Attempts at a random restart vector with a usable part orthogonal to the basis. */
    private static final int RESTART_ATTEMPTS = 5;

    /** Entries per chunk of a Gram-Schmidt pass: 128 KB of each vector. */
    private static final int CHUNK = 16_384;
    /** Multiply-adds of a Gram-Schmidt pass from which its chunks are spread over the cores. */
    private static final double PARALLEL_WORK = 1e6;
    private static final int THREADS = Runtime.getRuntime().availableProcessors();

    private final SymmetricOperator operator;
    private final int p;
    private final double[][] deflated;
    private final int capacity;
    private final double[][] basis;
    private final double[] w;
    private final double[] coefficients;
    private final int chunks;
    /** Per chunk, its part of each dot product of a Gram-Schmidt pass. */
    private final double[][] partial;
    private final double[] alpha;
    private final double[] beta;
    private final double[] scratchD;
    private final double[] scratchE;
    private final double[][] scratchZ;
    private int products;
    /** Whether the last run spanned the whole space (less the deflated vectors). */
    private boolean complete;

    private Lanczos(SymmetricOperator operator, int maxSteps, double[][] deflated) {
        this.operator = operator;
        this.p = operator.dimension();
        this.deflated = deflated;
        this.capacity = Math.max(0, Math.min(maxSteps, p - deflated.length));
        this.basis = new double[capacity][p];
        this.w = new double[p];
        this.coefficients = new double[capacity + deflated.length];
        this.chunks = Math.max(1, (p + CHUNK - 1) / CHUNK);
        this.partial = new double[chunks][capacity + deflated.length];
        this.alpha = new double[capacity];
        this.beta = new double[capacity];
        this.scratchD = new double[capacity];
        this.scratchE = new double[capacity];
        this.scratchZ = new double[1][capacity];
    }

    /**
     * Returns a workspace for at most {@code maxSteps} steps on {@code operator}, allocating its
     * basis now.
     *
     * @param operator the symmetric operator A
     * @param maxSteps the most steps a run may take, at least 1 (capped at P)
     * @return the workspace
     * @throws IllegalArgumentException if {@code operator} is null or {@code maxSteps} &lt; 1
     */
    public static Lanczos of(SymmetricOperator operator, int maxSteps) {
        return of(operator, maxSteps, new double[0][]);
    }

    /**
     * Returns a workspace for at most {@code maxSteps} steps on the deflated operator
     * \((I - V V^T) A (I - V V^T)\) restricted to the orthogonal complement of the columns of V,
     * given as rows: start vectors are projected onto the complement and every Lanczos vector is
     * kept orthogonal to V. If V spans an invariant subspace of A (exact eigenvectors), the
     * deflated operator has the remaining eigenvalues of A.
     *
     * @param operator the symmetric operator A
     * @param maxSteps the most steps a run may take, at least 1 (capped at P minus the number of
     *     deflated vectors)
     * @param orthonormal the vectors of V, each of length P, orthonormal (referenced, not
     *     copied: do not modify them while the workspace is used)
     * @return the workspace
     * @throws IllegalArgumentException if an argument is null, {@code maxSteps} &lt; 1, a vector
     *     has the wrong length or is not finite, or the operator fails a probe of its symmetry
     *     (two products: \(u^T A v\) against \(v^T A u\))
     */
    public static Lanczos of(SymmetricOperator operator, int maxSteps, double[][] orthonormal) {
        Checks.notNull("operator", operator);
        Checks.atLeast("maxSteps", maxSteps, 1);
        Checks.notNull("orthonormal", orthonormal);
        int p = operator.dimension();
        for (int i = 0; i < orthonormal.length; i++) {
            Checks.finiteVector("orthonormal[" + i + "]", orthonormal[i], p);
        }
        SymmetryProbe.require(operator);
        return new Lanczos(operator, maxSteps, orthonormal.clone());
    }

    /** Returns P, the dimension of the operator. */
    public int dimension() {
        return p;
    }

    /** Returns the most steps a run can take: the smaller of maxSteps and P minus the deflated. */
    public int capacity() {
        return capacity;
    }

    /** Returns how many products with the operator this workspace has made so far. */
    public int products() {
        return products;
    }

    /**
     * Runs up to {@code steps} Lanczos steps from {@code start} (its part orthogonal to the
     * deflated vectors, normalized) and returns \(T_m\) with \(\beta_m\) and the norm of the
     * start vector's projected part, as Gauss quadrature needs them. The run stops early, with
     * \(\beta_m = 0\), when the Krylov space is invariant (no restart: the quadrature is then
     * exact) or the dimension is exhausted.
     *
     * @param start the start vector, length P, finite (not modified); if its projected part is 0
     *     the result has no steps
     * @param steps the number of steps wanted, in [1, capacity]
     * @return the tridiagonal matrix and the start norm
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public LanczosTridiagonal tridiagonalize(double[] start, int steps) {
        Checks.finiteVector("start", start, p);
        Checks.inRange("steps", steps, 1, Math.max(1, capacity));
        if (capacity == 0) {
            return new LanczosTridiagonal(new double[0], new double[0], 0.0);
        }
        System.arraycopy(start, 0, basis[0], 0, p);
        double norm = projectAndNormalize(basis[0]);
        if (norm == 0.0) {
            return new LanczosTridiagonal(new double[0], new double[0], 0.0);
        }
        int done = iterate(steps, null, null);
        return new LanczosTridiagonal(Arrays.copyOf(alpha, done), Arrays.copyOf(beta, done),
                norm);
    }

    /**
     * Finds the {@code largest} largest and {@code smallest} smallest eigenpairs from a start
     * vector of standard normal components drawn from {@code new Random(seed)} (restarts draw
     * from the same generator), stopping when every wanted Ritz pair has
     * \(|\beta_j S_{ji}| \le\) {@code tolerance} \(\max_i |\theta_i|\) or after the workspace's
     * capacity. Convergence is checked after every step at \(O(j^2)\) flops. When the Krylov
     * space of the start vector is invariant (it then holds one copy of each eigenvalue), the
     * run restarts in its complement and also waits until the new block's extreme Ritz value on
     * each wanted side has converged to no further out than the wanted values, so that further
     * copies of a repeated eigenvalue are found when they matter.
     *
     * @param largest how many of the largest eigenpairs are wanted, &gt;= 0
     * @param smallest how many of the smallest, &gt;= 0
     * @param tolerance the residual bound wanted relative to the spectral-norm estimate, finite
     *     and &gt; 0 (1e-10 gives eigenvalues to about 1e-10 relative, usually far better:
     *     the error of a Ritz value is also at most the squared bound over the gap)
     * @param seed the seed of the start vector
     * @param vectors whether to form the Ritz vectors (one extra product each, for the true
     *     residual)
     * @return the wanted Ritz pairs, ascending, with their bounds
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public RitzPairs extremal(int largest, int smallest, double tolerance, long seed,
            boolean vectors) {
        Checks.atLeast("largest", largest, 0);
        Checks.atLeast("smallest", smallest, 0);
        Checks.positive("tolerance", tolerance);
        int startProducts = products;
        if (capacity == 0) {
            double[] none = new double[0];
            return new RitzPairs(none, none, none, vectors ? new double[0][] : null, none, 0, 0,
                    0.0, true, true);
        }
        Random random = new Random(seed);
        double norm = 0.0;
        for (int attempt = 0; attempt < RESTART_ATTEMPTS && norm == 0.0; attempt++) {
            fillGaussian(basis[0], random);
            norm = projectAndNormalize(basis[0]);
        }
        if (norm == 0.0) {
            throw new ArithmeticException("no start vector found outside the deflated space");
        }
        Convergence convergence = new Convergence(largest, smallest, tolerance);
        int steps = iterate(capacity, random, convergence);
        return ritzPairs(steps, largest, smallest, vectors, convergence, startProducts);
    }

    /** What decides that an extremal run may stop. */
    private final class Convergence {
        final int largest;
        final int smallest;
        final double tolerance;
        /** The verdict at the last step checked. */
        boolean reached;

        Convergence(int largest, int smallest, double tolerance) {
            this.largest = largest;
            this.smallest = smallest;
            this.tolerance = tolerance;
        }

        /**
         * Whether every wanted Ritz pair of T_j has converged and, if the current Krylov block
         * starts at {@code blockStart} &gt; 0 (after a restart), whether the block's extreme Ritz
         * value on each wanted side has converged without reaching past the wanted ones: the
         * block explores the complement of the earlier blocks, so its converged extreme bounds
         * what is left there, and another copy of a wanted eigenvalue cannot change the wanted
         * values. Works in preallocated scratch.
         */
        boolean check(int j, int blockStart) {
            reached = false;
            if (largest + smallest > j) {
                return false;
            }
            double[] last = decomposeScratch(0, j);
            double normEstimate = Math.max(Math.abs(scratchD[0]), Math.abs(scratchD[j - 1]));
            double limit = tolerance * normEstimate;
            double remainder = beta[j - 1];
            for (int i = 0; i < j; i++) {
                boolean wanted = i < smallest || i >= j - largest;
                if (wanted && Math.abs(remainder * last[i]) > limit) {
                    return false;
                }
            }
            if (blockStart > 0) {
                double kthLargest = largest > 0 ? scratchD[j - largest] : 0.0;
                double kthSmallest = smallest > 0 ? scratchD[smallest - 1] : 0.0;
                int size = j - blockStart;
                last = decomposeScratch(blockStart, size);
                if (largest > 0 && (Math.abs(remainder * last[size - 1]) > limit
                        || scratchD[size - 1] > kthLargest + limit)) {
                    return false;
                }
                if (smallest > 0 && (Math.abs(remainder * last[0]) > limit
                        || scratchD[0] < kthSmallest - limit)) {
                    return false;
                }
            }
            reached = true;
            return true;
        }

        /** Decomposes T[from, from + size) into scratch; returns the last-row components. */
        private double[] decomposeScratch(int from, int size) {
            System.arraycopy(alpha, from, scratchD, 0, size);
            System.arraycopy(beta, from, scratchE, 0, size);
            double[] last = scratchZ[0];
            Arrays.fill(last, 0, size, 0.0);
            last[size - 1] = 1.0;
            TridiagonalEigensystem.decompose(scratchD, scratchE, scratchZ, size);
            return last;
        }
    }

    private RitzPairs ritzPairs(int steps, int largest, int smallest, boolean vectors,
            Convergence convergence, int startProducts) {
        int[] rows;
        if (vectors) {
            rows = new int[steps];
            for (int i = 0; i < steps; i++) {
                rows[i] = i;
            }
        } else {
            rows = new int[] {steps - 1};
        }
        TridiagonalEigensystem t = TridiagonalEigensystem.of(Arrays.copyOf(alpha, steps),
                Arrays.copyOf(beta, steps), rows);
        double[] all = t.values();
        double normEstimate = Math.max(Math.abs(all[0]), Math.abs(all[steps - 1]));
        int[] wanted = wantedIndices(steps, largest, smallest);
        double[] values = new double[wanted.length];
        double[] bounds = new double[wanted.length];
        double[][] ritzVectors = vectors ? new double[wanted.length][] : null;
        double[] residuals = new double[wanted.length];
        double remainder = beta[steps - 1];
        for (int k = 0; k < wanted.length; k++) {
            int i = wanted[k];
            values[k] = all[i];
            bounds[k] = Math.abs(remainder * t.component(steps - 1, i));
            residuals[k] = Double.NaN;
            if (vectors) {
                double[] y = new double[p];
                for (int l = 0; l < steps; l++) {
                    Vectors.axpy(t.component(l, i), basis[l], y);
                }
                ritzVectors[k] = y;
                residuals[k] = residual(y, all[i]);
            }
        }
        return new RitzPairs(values, bounds, residuals, ritzVectors, all, steps,
                products - startProducts, normEstimate, complete || convergence.reached,
                complete);
    }

    private static int[] wantedIndices(int steps, int largest, int smallest) {
        int low = Math.min(smallest, steps);
        int high = Math.min(largest, steps - low);
        int[] indices = new int[low + high];
        for (int i = 0; i < low; i++) {
            indices[i] = i;
        }
        for (int i = 0; i < high; i++) {
            indices[low + i] = steps - high + i;
        }
        return indices;
    }

    /** Returns |P (A y) - theta y| with P the projection off the deflated vectors. */
    private double residual(double[] y, double theta) {
        operator.apply(y, w);
        products++;
        orthogonalize(w, 0);
        Vectors.axpy(-theta, y, w);
        return Vectors.norm(w);
    }

    /**
     * Runs steps from basis[0], a unit vector, until {@code maxSteps}, the convergence
     * criterion, or an invariant subspace from which no restart is possible (or wanted, when
     * {@code restarts} is null). Returns the number of steps; beta[steps - 1] is the remainder
     * norm, 0 at an invariant subspace; sets {@link #complete} when the steps have spanned the
     * whole space (less the deflated vectors).
     */
    private int iterate(int maxSteps, Random restarts, Convergence convergence) {
        complete = false;
        int blockStart = 0;
        double normEstimate = 0.0;
        for (int j = 0; j < maxSteps; j++) {
            double[] q = basis[j];
            operator.apply(q, w);
            products++;
            double productNorm = Vectors.norm(w);
            double a = Vectors.dot(q, w);
            Vectors.axpy(-a, q, w);
            if (j > blockStart) {
                Vectors.axpy(-beta[j - 1], basis[j - 1], w);
            }
            a += orthogonalize(w, j + 1);
            double b = Vectors.norm(w);
            if (b < TWICE_IS_ENOUGH * productNorm) {
                a += orthogonalize(w, j + 1);
                b = Vectors.norm(w);
            }
            alpha[j] = a;
            normEstimate = Math.max(normEstimate,
                    Math.abs(a) + b + (j > blockStart ? beta[j - 1] : 0.0));
            boolean full = j + 1 + deflated.length >= p;
            if (full || b <= BREAKDOWN * normEstimate) {
                // an invariant subspace: stop, or look for more of the spectrum in its complement
                beta[j] = 0.0;
                complete = full;
                if (full || restarts == null
                        || blockStart > 0 && convergence != null
                                && convergence.check(j + 1, blockStart)
                        || j + 1 == maxSteps) {
                    return j + 1;
                }
                if (!restart(j + 1, restarts)) {
                    return j + 1;           // no direction left that rounding can tell apart
                }
                blockStart = j + 1;
                continue;
            }
            beta[j] = b;
            if (convergence != null && convergence.check(j + 1, blockStart)
                    || j + 1 == maxSteps) {
                return j + 1;
            }
            double[] next = basis[j + 1];
            for (int i = 0; i < p; i++) {
                next[i] = w[i] / b;
            }
        }
        return maxSteps;
    }

    /** Puts a random unit vector orthogonal to basis[0..count) and the deflated in basis[count]. */
    private boolean restart(int count, Random random) {
        double[] v = basis[count];
        for (int attempt = 0; attempt < RESTART_ATTEMPTS; attempt++) {
            fillGaussian(v, random);
            double before = Vectors.norm(v);
            orthogonalize(v, count);
            orthogonalize(v, count);
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
    private double projectAndNormalize(double[] v) {
        double before = Vectors.norm(v);
        orthogonalize(v, 0);
        orthogonalize(v, 0);
        double norm = Vectors.norm(v);
        if (!(norm > 1e-12 * before)) {
            return 0.0;
        }
        scale(v, 1.0 / norm);
        return norm;
    }

    /**
     * One classical Gram-Schmidt pass: v -= V V' v - Q Q' v over the deflated vectors and
     * basis[0..count). Returns the coefficient on basis[count - 1] (0 if count is 0), which
     * corrects alpha. The vectors are cut into chunks of 16,384 entries: each chunk's dot products
     * are taken while that part of v stays in the cache, and the chunks' sums are added in chunk
     * order; the chunks are shared between the cores when the pass is long, with the same
     * arithmetic on any number of threads.
     */
    private double orthogonalize(double[] v, int count) {
        int k = deflated.length;
        int vectors = k + count;
        if (vectors == 0) {
            return 0.0;
        }
        int threads = (double) vectors * p < PARALLEL_WORK ? 1 : THREADS;
        Tasks.run(threads, chunks, (c, worker) -> {
            int from = c * CHUNK;
            int length = Math.min(CHUNK, p - from);
            double[] sums = partial[c];
            for (int i = 0; i < vectors; i++) {
                sums[i] = Vectors.dot(i < k ? deflated[i] : basis[i - k], from, v, from, length);
            }
        });
        for (int i = 0; i < vectors; i++) {
            double sum = 0.0;
            for (int c = 0; c < chunks; c++) {
                sum += partial[c][i];
            }
            coefficients[i] = sum;
        }
        Tasks.run(threads, chunks, (c, worker) -> {
            int from = c * CHUNK;
            int length = Math.min(CHUNK, p - from);
            for (int i = 0; i < vectors; i++) {
                Vectors.axpy(-coefficients[i], i < k ? deflated[i] : basis[i - k], from, v, from,
                        length);
            }
        });
        return count == 0 ? 0.0 : coefficients[k + count - 1];
    }

    private static void scale(double[] v, double factor) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
    }

    private static void fillGaussian(double[] v, Random random) {
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextGaussian();
        }
    }
}
