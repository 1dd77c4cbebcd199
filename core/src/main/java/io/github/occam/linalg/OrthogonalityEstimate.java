package io.github.occam.linalg;

import java.util.Arrays;

/**
 * Estimates of the loss of orthogonality of a Lanczos basis, for partial re-orthogonalization
 * (Simon, "The Lanczos algorithm with partial reorthogonalization", Math. Comp. 42, 1984):
 * \(\omega_{j+1,k} \approx q_{j+1}^T q_k\) from the recurrence that rounding errors follow,
 * \[
 *   \beta_j \omega_{j+1,k} = \beta_k \omega_{j,k+1} + (\alpha_k - \alpha_j) \omega_{j,k}
 *   + \beta_{k-1} \omega_{j,k-1} - \beta_{j-1} \omega_{j-1,k} \pm \varepsilon \|A\|,
 * \]
 * with \(\omega_{k,k} = 1\) and \(\omega_{j+1,j} = \psi = \varepsilon \sqrt{P} \|A\| / \beta_j\),
 * the local level left by the step's own second Gram-Schmidt pass against \(q_j\). The
 * rounding term takes the sign of the rest, so that it never hides growth. Deflated vectors
 * \(v_i\) (approximate eigenpairs \(A v_i = \theta_i v_i + r_i\)) follow the same recurrence with
 * \(v_i\) in the place of \(q_k\), \(\beta_j d_{j+1,i} = (\theta_i - \alpha_j) d_{j,i} -
 * \beta_{j-1} d_{j-1,i} \pm (|r_i| + \varepsilon \|A\|)\): the residual feeds them at every
 * step, and an eigenvalue far above the rest of the spectrum makes them grow fast.
 *
 * <p>Whenever an estimate passes \(\sqrt{\varepsilon}\) the new vector is re-orthogonalized,
 * against the whole basis, or against the deflated vectors whose estimate passed, and again at
 * the next step (two consecutive vectors must be orthogonal, or the three-term recurrence
 * brings the lost components back at once); the estimates are then reset to the rounding level.
 * The basis so stays semi-orthogonal, \(|q_j^T q_k| \le \sqrt{\varepsilon}\), which keeps the
 * tridiagonal matrix the projection of A onto the Krylov space up to \(O(\varepsilon \|A\|)\)
 * (Simon, ibid., theorem 4): what quadrature and Ritz values need, at a fraction of full
 * re-orthogonalization's passes over the basis. Not thread-safe; O(j) flops a step.
 */
final class OrthogonalityEstimate {

    /** The unit roundoff of double precision. */
    private static final double EPS = 0x1p-53;

    /** Semi-orthogonality, the level at which a vector is re-orthogonalized. */
    static final double SEMI = Math.sqrt(2 * EPS);

    /** The level from which a basis vector is included once a re-orthogonalization is due. */
    static final double ETA = Math.pow(2 * EPS, 0.75);

    private final double rootP;
    private final double[] values;
    private final double[] residuals;
    private double[] older;
    private double[] current;
    private double[] next;
    private double[] deflatedOlder;
    private double[] deflatedCurrent;
    private double[] deflatedNext;
    private boolean forceBasis;
    private final boolean[] forceDeflated;
    private final boolean[] basisSelected;
    private final boolean[] deflatedSelected;

    /**
     * @param p the dimension
     * @param capacity the most Lanczos vectors
     * @param values the Rayleigh quotients of the deflated vectors
     * @param residuals their residual norms
     */
    OrthogonalityEstimate(int p, int capacity, double[] values, double[] residuals) {
        this.rootP = Math.sqrt(p);
        this.values = values;
        this.residuals = residuals;
        this.older = new double[capacity + 1];
        this.current = new double[capacity + 1];
        this.next = new double[capacity + 1];
        int k = values.length;
        this.deflatedOlder = new double[k];
        this.deflatedCurrent = new double[k];
        this.deflatedNext = new double[k];
        this.forceDeflated = new boolean[k];
        this.basisSelected = new boolean[capacity + 1];
        this.deflatedSelected = new boolean[k];
    }

    /**
     * Starts a block at vector {@code j}, orthogonal (to rounding) to every earlier vector and to
     * the deflated ones: the estimates against them are the rounding level, and nothing is
     * forced.
     */
    void startBlock(int j) {
        Arrays.fill(current, 0, j, EPS);
        current[j] = 1.0;
        Arrays.fill(deflatedCurrent, EPS);
        Arrays.fill(deflatedOlder, 0.0);
        forceBasis = false;
        Arrays.fill(basisSelected, false);
        Arrays.fill(forceDeflated, false);
    }

    /**
     * Computes the estimates for vector j + 1 from step j's \(\alpha_j\) and \(\beta_j\)
     * ({@code beta[j]}, &gt; 0; {@code beta[j - 1]} is 0 when j starts a block) and marks what
     * it must be re-orthogonalized against, in {@link #basisSelected()} and
     * {@link #deflatedSelected()}: once an estimate has passed \(\sqrt{\varepsilon}\), the
     * intervals around such vectors ({@link #selectIntervals}), and at the step after the same
     * selection again; every vector when {@code all}.
     *
     * @param norm the running estimate of \(\|A\|\)
     * @return whether any basis vector is selected
     */
    boolean advance(int j, double[] alpha, double[] beta, double norm, boolean all) {
        double bj = beta[j];
        double round = EPS * norm;
        double previousBeta = j > 0 ? beta[j - 1] : 0.0;
        double largest = 0.0;
        for (int k = 0; k < j; k++) {
            double t = beta[k] * current[k + 1] + (alpha[k] - alpha[j]) * current[k]
                    - previousBeta * older[k];
            if (k > 0) {
                t += beta[k - 1] * current[k - 1];
            }
            double omega = (t + Math.copySign(round, t)) / bj;
            next[k] = omega;
            largest = Math.max(largest, Math.abs(omega));
        }
        next[j] = rootP * round / bj;
        next[j + 1] = 1.0;
        boolean needed = all || forceBasis || !(largest < SEMI);
        boolean any = false;
        if (!needed) {
            Arrays.fill(basisSelected, 0, j + 1, false);
        } else if (all) {
            Arrays.fill(basisSelected, 0, j + 1, true);
            any = true;
        } else if (forceBasis) {
            basisSelected[j] = false;      // the selection of the step before, repeated
            any = true;
        } else {
            any = selectIntervals(j);
        }
        for (int i = 0; i < values.length; i++) {
            double t = (values[i] - alpha[j]) * deflatedCurrent[i]
                    - previousBeta * deflatedOlder[i];
            double d = (t + Math.copySign(residuals[i] + round, t)) / bj;
            deflatedNext[i] = d;
            deflatedSelected[i] = all || forceDeflated[i] || !(Math.abs(d) < SEMI);
        }
        return any;
    }

    /**
     * Selects the basis vectors k &lt; j whose estimate passed \(\sqrt{\varepsilon}\), each
     * widened to the interval of its neighbours whose estimates are at least
     * \(\varepsilon^{3/4}\) (the lost components of a converged Ritz vector are spread over
     * consecutive Lanczos vectors); returns whether any was selected.
     */
    private boolean selectIntervals(int j) {
        Arrays.fill(basisSelected, 0, j + 1, false);
        boolean any = false;
        for (int k = 0; k < j; k++) {
            if (!(Math.abs(next[k]) < SEMI) && !basisSelected[k]) {
                any = true;
                for (int l = k; l >= 0 && !basisSelected[l] && !(Math.abs(next[l]) < ETA); l--) {
                    basisSelected[l] = true;
                }
                for (int l = k + 1; l < j && !(Math.abs(next[l]) < ETA); l++) {
                    basisSelected[l] = true;
                }
            }
        }
        return any;
    }

    /** The basis vectors the new vector must be re-orthogonalized against, after advance. */
    boolean[] basisSelected() {
        return basisSelected;
    }

    /** The deflated vectors the new vector must be re-orthogonalized against, after advance. */
    boolean[] deflatedSelected() {
        return deflatedSelected;
    }

    /**
     * Records that the new vector j + 1 was re-orthogonalized against the selected vectors,
     * resets their estimates to the rounding level and moves on to the next step; a selection
     * made because an estimate passed the threshold is repeated at the next step.
     */
    void accept(int j) {
        boolean any = false;
        for (int k = 0; k <= j; k++) {
            if (basisSelected[k]) {
                next[k] = EPS;
                any = true;
            }
        }
        forceBasis = any && !forceBasis;
        for (int i = 0; i < values.length; i++) {
            if (deflatedSelected[i]) {
                deflatedNext[i] = EPS;
                forceDeflated[i] = !forceDeflated[i];
            }
        }
        double[] t = older;
        older = current;
        current = next;
        next = t;
        t = deflatedOlder;
        deflatedOlder = deflatedCurrent;
        deflatedCurrent = deflatedNext;
        deflatedNext = t;
    }
}
