package io.github.occam.optim;

import static io.github.occam.internal.Vectors.axpy;
import static io.github.occam.internal.Vectors.dot;

/**
 * The last {@value #MEMORY} curvature pairs of L-BFGS and its two-loop recursion, shared by
 * {@link Lbfgs} and {@link Polish}.
 */
final class LbfgsMemory {

    static final int MEMORY = 10;

    private final double[][] s;
    private final double[][] y;
    private final double[] rho = new double[MEMORY];
    private final double[] alpha = new double[MEMORY];
    private int stored;
    private int newest = -1;

    LbfgsMemory(int p) {
        s = new double[MEMORY][p];
        y = new double[MEMORY][p];
    }

    /** Whether any pair is stored. */
    boolean isEmpty() {
        return stored == 0;
    }

    /** Forgets every pair (a restart from steepest descent). */
    void clear() {
        stored = 0;
    }

    /**
     * Writes \(-H_k g\) into {@code direction} (two-loop recursion, the initial matrix scaled by
     * the newest pair) and returns the initial step: 1 with pairs, else
     * {@code min(1, 1 / |g|)} along \(-g\).
     */
    double direction(double[] g, double gradientNorm, double[] direction) {
        int p = g.length;
        for (int j = 0; j < p; j++) {
            direction[j] = -g[j];
        }
        for (int k = 0; k < stored; k++) {
            int m = Math.floorMod(newest - k, MEMORY);
            alpha[m] = rho[m] * dot(s[m], direction);
            axpy(-alpha[m], y[m], direction);
        }
        double initialStep = 1.0;
        if (stored > 0) {
            double gamma = 1.0 / (rho[newest] * dot(y[newest], y[newest]));
            for (int j = 0; j < p; j++) {
                direction[j] *= gamma;
            }
        } else {
            initialStep = Math.min(1.0, 1.0 / gradientNorm);
        }
        for (int k = stored - 1; k >= 0; k--) {
            int m = Math.floorMod(newest - k, MEMORY);
            double beta = rho[m] * dot(y[m], direction);
            axpy(alpha[m] - beta, s[m], direction);
        }
        return initialStep;
    }

    /** Keeps the pair (trial - x, its gradient change) if it carries positive curvature. */
    void update(Iterate x, Iterate trial) {
        int p = x.w.length;
        int next = (newest + 1) % MEMORY;
        double sy = 0.0;
        double yy = 0.0;
        for (int j = 0; j < p; j++) {
            s[next][j] = trial.w[j] - x.w[j];
            y[next][j] = trial.gradient[j] - x.gradient[j];
            sy += s[next][j] * y[next][j];
            yy += y[next][j] * y[next][j];
        }
        if (sy > Math.ulp(1.0) * yy && yy > 0.0) {     // keep only curvature pairs
            rho[next] = 1.0 / sy;
            newest = next;
            stored = Math.min(stored + 1, MEMORY);
        }
    }
}
