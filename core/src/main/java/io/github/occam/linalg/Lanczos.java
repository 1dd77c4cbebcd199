package io.github.occam.linalg;

import io.github.occam.SymmetricOperator;
import io.github.occam.internal.Checks;
import io.github.occam.internal.Vectors;
import java.util.Arrays;
import java.util.Random;

/**
 * The Lanczos process on a symmetric operator A of dimension P, optionally restricted to the
 * orthogonal complement of given orthonormal vectors \(V\) (it then works with
 * \((I - V V^T) A (I - V V^T)\) there, the deflated operator), with full or partial
 * re-orthogonalization.
 *
 * <p>From a unit start vector \(q_1\), step j computes \(w = A q_j - \alpha_j q_j -
 * \beta_{j-1} q_{j-1}\) with \(\alpha_j = q_j^T A q_j\), sets \(\beta_j = |w|\),
 * \(q_{j+1} = w / \beta_j\); after m steps \(A Q_m = Q_m T_m + \beta_m q_{m+1} e_m^T\) with
 * \(T_m = \mathrm{tridiag}(\beta, \alpha, \beta)\). Rounding makes the \(q_j\) lose their
 * orthogonality as Ritz values converge, so w is re-orthogonalized against V and earlier
 * vectors (classical Gram-Schmidt, once more when a pass leaves less than \(1/\sqrt{2}\) of w:
 * "twice is enough"):
 * <ul>
 *   <li>{@link #of(SymmetricOperator, int) full}: against all of them at every step, about
 *       \(4 (j + k) P\) flops against j earlier and k deflated vectors, memory-bound passes
 *       that can cost as much as the product with A;</li>
 *   <li>{@link #partial(SymmetricOperator, int) partial}: only when Simon's estimates of the
 *       loss of orthogonality pass \(\sqrt{\varepsilon}\), and then only against the vectors
 *       that need it (Simon, Math. Comp. 42, 1984; see {@code OrthogonalityEstimate}). The basis
 *       stays semi-orthogonal, which keeps \(T_m\) the projection of A up to \(O(\varepsilon
 *       \|A\|)\): the tridiagonal and the Ritz values of full re-orthogonalization, to
 *       rounding, at a fraction of the passes. The coefficients of those passes are left out
 *       of \(T_m\), so a Ritz vector's residual is only good to about \(\sqrt{\varepsilon}\)
 *       times the \(\beta\)s (its bound says so): use full re-orthogonalization for Ritz
 *       vectors meant to deflate another run.</li>
 * </ul>
 *
 * <p>Two uses:
 * <ul>
 *   <li>{@link #tridiagonalize(double[], int)} runs a fixed number of steps from a given vector
 *       and returns \(T_m\) and \(\beta_m\), what Gauss quadrature needs (see
 *       {@link LanczosTridiagonal}); it stops early at an invariant subspace (\(\beta_j
 *       \approx 0\)), where the quadrature is exact.</li>
 *   <li>{@link #extremal(int, int, double, long, boolean)} finds the largest and smallest
 *       eigenpairs from a seeded random start. With \(T_j = S \Theta S^T\) the Ritz pairs are
 *       \((\theta_i, y_i = Q_j s_i)\) and \(|A y_i - \theta_i y_i| \le |\beta_j S_{ji}|\) plus
 *       the norm of the Gram-Schmidt coefficients left out of T, so some eigenvalue of A lies
 *       within that bound of \(\theta_i\). The run stops as soon as every wanted pair has a
 *       bound below the tolerance times the spectral-norm estimate \(\max_i |\theta_i|\). When
 *       \(\beta_j \approx 0\) (an invariant Krylov space: an eigenvalue of multiplicity
 *       greater than one, or a start vector in a few eigenvectors' span) the run continues from
 *       a new random vector orthogonal to all earlier ones, so after P steps the whole
 *       spectrum, multiplicities included, is found.</li>
 * </ul>
 *
 * <p>Memory: the basis is allocated once, \(\min(m, P)\) vectors of P doubles plus one work
 * vector (\(8 P (m + 1)\) bytes for at most m steps; the deflated vectors are the caller's); a
 * step allocates nothing. Ritz vectors, when asked for, are new arrays. An instance is a
 * workspace: not thread-safe, reusable for any number of runs; {@link #products()} counts every
 * product it made and {@link #innerProducts()} every Gram-Schmidt inner product.
 *
 * <p>Limits: a single-vector Krylov method sees one copy of a repeated eigenvalue until the
 * space is exhausted, so with \(m &lt; P\) a multiplicity greater than one among the wanted
 * eigenvalues can be missed; and a bound says that an eigenvalue is near \(\theta_i\), not
 * that it is the i-th largest (a start vector nearly orthogonal to the top eigenvector
 * converges late). Both are rare with random starts.
 *
 * <pre>{@code
 * Lanczos lanczos = Lanczos.of(hessian, 200);                 // 201 vectors of length P
 * RitzPairs top = lanczos.extremal(5, 1, 1e-10, 42L, true);    // 5 largest, the smallest
 * double largest = top.values()[top.values().length - 1];
 * LanczosTridiagonal t = Lanczos.partial(hessian, 60).tridiagonalize(probe, 60);  // quadrature
 * }</pre>
 */
public final class Lanczos {

    /** Relative size of \(\beta_j\) (to the running norm estimate) taken as a breakdown. */
    private static final double BREAKDOWN = 1e-12;

    /**
     * A second Gram-Schmidt pass is made when the first leaves less than this fraction of w
     * (Daniel, Gragg, Kaufman &amp; Stewart, 1976: "twice is enough").
     */
    private static final double TWICE_IS_ENOUGH = 0.7071067811865476;

    private final SymmetricOperator operator;
    private final int p;
    private final double[][] deflated;
    private final int capacity;
    private final KrylovBasis space;
    private final double[][] basis;
    private final double[] w;
    /** Simon's estimates, for partial re-orthogonalization; null for full re-orthogonalization. */
    private final OrthogonalityEstimate estimate;
    private final double[] alpha;
    private final double[] beta;
    private int products;
    /** The sum of squares of the Gram-Schmidt coefficients the tridiagonal leaves out. */
    private double discardedSquares;
    /** Whether the last run spanned the whole space (less the deflated vectors). */
    private boolean complete;

    private Lanczos(SymmetricOperator operator, int maxSteps, double[][] deflated,
            double[] values, double[] residuals) {
        this.operator = operator;
        this.p = operator.dimension();
        this.deflated = deflated;
        this.capacity = Math.max(0, Math.min(maxSteps, p - deflated.length));
        this.space = new KrylovBasis(p, capacity, deflated);
        this.basis = space.basis;
        this.w = new double[p];
        this.estimate = values == null ? null
                : new OrthogonalityEstimate(p, capacity, values, residuals);
        this.alpha = new double[capacity];
        this.beta = new double[capacity];
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
        check(operator, maxSteps, orthonormal);
        SymmetryProbe.require(operator);
        return new Lanczos(operator, maxSteps, orthonormal.clone(), null, null);
    }

    private static void check(SymmetricOperator operator, int maxSteps, double[][] orthonormal) {
        Checks.notNull("operator", operator);
        Checks.atLeast("maxSteps", maxSteps, 1);
        Checks.notNull("orthonormal", orthonormal);
        for (int i = 0; i < orthonormal.length; i++) {
            Checks.finiteVector("orthonormal[" + i + "]", orthonormal[i], operator.dimension());
        }
    }

    /**
     * Returns a workspace like {@link #of(SymmetricOperator, int)} that re-orthogonalizes
     * partially: only when Simon's estimates of the loss of orthogonality pass
     * \(\sqrt{\varepsilon}\) (see the class comment).
     *
     * @param operator the symmetric operator A
     * @param maxSteps the most steps a run may take, at least 1 (capped at P)
     * @return the workspace
     * @throws IllegalArgumentException as {@link #of(SymmetricOperator, int)}
     */
    public static Lanczos partial(SymmetricOperator operator, int maxSteps) {
        return partial(operator, maxSteps, new double[0][], new double[0], new double[0]);
    }

    /**
     * Returns a workspace like {@link #of(SymmetricOperator, int, double[][])} on the deflated
     * operator that re-orthogonalizes partially, against the basis and against each deflated
     * vector, only when Simon's estimates pass \(\sqrt{\varepsilon}\). Those estimates need
     * each deflated vector's Rayleigh quotient \(\theta_i = v_i^T A v_i\) and residual norm
     * \(|A v_i - \theta_i v_i|\) (a Ritz pair's {@link RitzPairs#values() value} and
     * {@link RitzPairs#residuals() residual}): an understated residual lets the deflated
     * directions come back unnoticed.
     *
     * @param operator the symmetric operator A
     * @param maxSteps the most steps a run may take, at least 1
     * @param orthonormal the vectors of V, orthonormal (referenced, not copied)
     * @param values their Rayleigh quotients, finite (copied)
     * @param residuals their residual norms, finite and &gt;= 0 (copied)
     * @return the workspace
     * @throws IllegalArgumentException as {@link #of(SymmetricOperator, int, double[][])}, or if
     *     {@code values} or {@code residuals} is not finite or does not have one entry per vector
     */
    public static Lanczos partial(SymmetricOperator operator, int maxSteps,
            double[][] orthonormal, double[] values, double[] residuals) {
        check(operator, maxSteps, orthonormal);
        Checks.finiteVector("values", values, orthonormal.length);
        Checks.finiteVector("residuals", residuals, orthonormal.length);
        for (int i = 0; i < residuals.length; i++) {
            Checks.nonNegative("residuals[" + i + "]", residuals[i]);
        }
        SymmetryProbe.require(operator);
        return new Lanczos(operator, maxSteps, orthonormal.clone(), values.clone(),
                residuals.clone());
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
     * Returns how many inner products with basis or deflated vectors the Gram-Schmidt passes of
     * this workspace have taken so far (each also subtracts that vector: two passes over P
     * doubles), the cost that partial re-orthogonalization saves.
     */
    public long innerProducts() {
        return space.innerProducts();
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
        double norm = space.projectAndNormalize(basis[0]);
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
        return extremalBelow(largest, smallest, Double.POSITIVE_INFINITY, tolerance, seed,
                vectors);
    }

    /**
     * Finds extremal eigenpairs as {@link #extremal(int, int, double, long, boolean)} does, but
     * waits for the smallest ones only while the smallest Ritz value lies below {@code level}:
     * above it they are returned as they are when the largest have converged (their bounds say
     * how far). For the Hessian of C at a minimum every eigenvalue is at least \(\lambda\) and
     * the smallest, the edge of the cluster there, takes hundreds of steps to resolve; below
     * \(\lambda\) it is what says that the point is not a minimum.
     *
     * @param level the Ritz value below which the smallest pairs must converge (+infinity:
     *     always, as in {@link #extremal(int, int, double, long, boolean)})
     * @return the wanted Ritz pairs; {@link RitzPairs#converged()} says whether every pair waited
     *     for converged
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     * @see #extremal(int, int, double, long, boolean)
     */
    public RitzPairs extremalBelow(int largest, int smallest, double level, double tolerance,
            long seed, boolean vectors) {
        if (Double.isNaN(level)) {
            throw new IllegalArgumentException("level must not be NaN");
        }
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
        for (int attempt = 0; attempt < KrylovBasis.RESTART_ATTEMPTS && norm == 0.0; attempt++) {
            KrylovBasis.fillGaussian(basis[0], random);
            norm = space.projectAndNormalize(basis[0]);
        }
        if (norm == 0.0) {
            throw new ArithmeticException("no start vector found outside the deflated space");
        }
        ExtremalConvergence convergence = new ExtremalConvergence(largest, smallest, level,
                tolerance, alpha, beta);
        int steps = iterate(capacity, random, convergence);
        return ritzPairs(steps, largest, smallest, vectors, convergence, startProducts);
    }

    private RitzPairs ritzPairs(int steps, int largest, int smallest, boolean vectors,
            ExtremalConvergence convergence, int startProducts) {
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
        double[][] ritzVectors = vectors ? ritzVectors(t, wanted, steps) : null;
        double[] residuals = new double[wanted.length];
        double remainder = beta[steps - 1];
        for (int k = 0; k < wanted.length; k++) {
            int i = wanted[k];
            values[k] = all[i];
            bounds[k] = Math.abs(remainder * t.component(steps - 1, i)) + discarded();
            residuals[k] = vectors ? residual(ritzVectors[k], all[i]) : Double.NaN;
        }
        return new RitzPairs(values, bounds, residuals, ritzVectors, all, steps,
                products - startProducts, normEstimate, complete || convergence.reached,
                complete);
    }

    /**
     * Forms the Ritz vectors \(y_k = Q s_k\) of the wanted values (normalized when the basis is
     * only semi-orthogonal, where \(|y_k| = 1 + O(\sqrt{\varepsilon})\)).
     */
    private double[][] ritzVectors(TridiagonalEigensystem t, int[] wanted, int steps) {
        double[][] s = new double[wanted.length][steps];
        for (int k = 0; k < wanted.length; k++) {
            for (int l = 0; l < steps; l++) {
                s[k][l] = t.component(l, wanted[k]);
            }
        }
        double[][] y = space.combine(s, steps);
        if (estimate != null) {
            for (double[] vector : y) {
                KrylovBasis.scale(vector, 1.0 / Vectors.norm(vector));
            }
        }
        return y;
    }

    /**
     * The norm of the Gram-Schmidt coefficients on earlier basis vectors that the run has left
     * out of the tridiagonal: with \(A Q_j = Q_j T_j + \beta_j q_{j+1} e_j^T + Q_j C\), a
     * bound of \(|C s|\) for a unit s, so that a Ritz vector's residual is at most
     * \(|\beta_j s_j|\) plus this (the rounding level with full re-orthogonalization, about
     * \(\sqrt{\varepsilon}\) times the \(\beta\)s with partial).
     */
    private double discarded() {
        return Math.sqrt(discardedSquares);
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
        space.orthogonalize(w, 0, null, null);
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
    private int iterate(int maxSteps, Random restarts, ExtremalConvergence convergence) {
        complete = false;
        discardedSquares = 0.0;
        int blockStart = 0;
        double normEstimate = 0.0;
        if (estimate != null) {
            estimate.startBlock(0);
        }
        for (int j = 0; j < maxSteps; j++) {
            double[] q = basis[j];
            operator.apply(q, w);
            products++;
            double b = estimate == null ? fullStep(j, blockStart) : localStep(j, blockStart);
            double previous = j > blockStart ? beta[j - 1] : 0.0;
            normEstimate = Math.max(normEstimate, Math.abs(alpha[j]) + b + previous);
            if (estimate != null) {
                b = partialStep(j, b, normEstimate);
            }
            boolean full = j + 1 + deflated.length >= p;
            if (full || b <= BREAKDOWN * normEstimate) {
                // an invariant subspace: stop, or look for more of the spectrum in its complement
                beta[j] = 0.0;
                complete = full;
                if (full || restarts == null
                        || blockStart > 0 && convergence != null
                                && convergence.check(j + 1, blockStart, discarded())
                        || j + 1 == maxSteps) {
                    return j + 1;
                }
                if (!space.restart(j + 1, restarts)) {
                    return j + 1;           // no direction left that rounding can tell apart
                }
                blockStart = j + 1;
                if (estimate != null) {
                    estimate.startBlock(blockStart);
                }
                continue;
            }
            beta[j] = b;
            if (convergence != null && convergence.check(j + 1, blockStart, discarded())
                    || j + 1 == maxSteps) {
                return j + 1;
            }
            double[] next = basis[j + 1];
            double local = estimate == null ? 0.0 : localCorrection;
            double norm = b;
            space.pass((from, to, sums) -> {
                if (local == 0.0) {                   // nothing left to take out: q is not read
                    for (int i = from; i < to; i++) {
                        next[i] = w[i] / norm;
                    }
                } else {
                    for (int i = from; i < to; i++) {
                        next[i] = (w[i] - local * q[i]) / norm;
                    }
                }
            });
        }
        return maxSteps;
    }

    /**
     * Step j with full re-orthogonalization, w = A q_j on entry: sets alpha[j], leaves the new
     * direction in w and returns its norm.
     */
    private double fullStep(int j, int blockStart) {
        double[] q = basis[j];
        double a = Vectors.dot(q, w);
        Vectors.axpy(-a, q, w);
        if (j > blockStart) {
            Vectors.axpy(-beta[j - 1], basis[j - 1], w);
        }
        double before = Vectors.norm(w);
        a += space.orthogonalize(w, j + 1, null, null);
        discardedSquares += space.discardedSquares();
        double b = Vectors.norm(w);
        if (b < TWICE_IS_ENOUGH * before) {
            a += space.orthogonalize(w, j + 1, null, null);
            discardedSquares += space.discardedSquares();
            b = Vectors.norm(w);
        }
        alpha[j] = a;
        return b;
    }

    /** The coefficient of q_j still to be taken out of w after {@link #localStep}. */
    private double localCorrection;

    /**
     * Step j's three-term recurrence, w = A q_j on entry, in two fused passes over the vectors:
     * w -= beta_{j-1} q_{j-1} while taking alpha = q_j'w, then w -= alpha q_j while taking |w|^2
     * and c = q_j'w, the coefficient of a second, local Gram-Schmidt pass against q_j. Sets
     * alpha[j] (corrected by c) and {@link #localCorrection} (c, still to be subtracted from w)
     * and returns |w - c q_j|.
     */
    private double localStep(int j, int blockStart) {
        double[] q = basis[j];
        double[] before = j > blockStart ? basis[j - 1] : null;
        double previous = before == null ? 0.0 : beta[j - 1];
        double a = space.pass((from, to, sums) -> {
            double s = 0.0;
            for (int i = from; i < to; i++) {
                double x = before == null ? w[i] : w[i] - previous * before[i];
                w[i] = x;
                s += q[i] * x;
            }
            sums[0] = s;
        });
        double squares = space.pass((from, to, sums) -> {
            double s = 0.0;
            double c = 0.0;
            for (int i = from; i < to; i++) {
                double x = w[i] - a * q[i];
                w[i] = x;
                s += x * x;
                c += q[i] * x;
            }
            sums[0] = s;
            sums[1] = c;
        });
        double c = space.secondTotal();
        alpha[j] = a + c;
        if (!(squares >= 0x1p-900 && squares < Double.POSITIVE_INFINITY)) {
            Vectors.axpy(-c, q, w);              // out of the plain sum's range: scale
            localCorrection = 0.0;
            return Vectors.norm(w);
        }
        localCorrection = c;
        return Math.sqrt(Math.max(0.0, squares - c * c));
    }

    /**
     * Re-orthogonalizes the new direction w of step j where Simon's estimates ask for it
     * (always when b is at the level of a breakdown, to tell a true one from lost
     * orthogonality) and returns its norm.
     */
    private double partialStep(int j, double b, double normEstimate) {
        beta[j] = b;
        boolean all = b <= BREAKDOWN * normEstimate;
        boolean basisPass = estimate.advance(j, alpha, beta, normEstimate, all);
        boolean[] selected = estimate.deflatedSelected();
        boolean any = basisPass;
        for (boolean s : selected) {
            any |= s;
        }
        if (any) {
            Vectors.axpy(-localCorrection, basis[j], w);
            localCorrection = 0.0;
            int count = basisPass ? j + 1 : 0;
            boolean[] chosenBasis = estimate.basisSelected();
            double before = b;
            double coefficient = space.orthogonalize(w, count, selected, chosenBasis);
            discardedSquares += space.discardedSquares();
            b = Vectors.norm(w);
            if (b < TWICE_IS_ENOUGH * before) {
                coefficient += space.orthogonalize(w, count, selected, chosenBasis);
                discardedSquares += space.discardedSquares();
                b = Vectors.norm(w);
            }
            alpha[j] += coefficient;
        }
        estimate.accept(j);
        return b;
    }
}
