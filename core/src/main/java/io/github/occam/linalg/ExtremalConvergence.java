package io.github.occam.linalg;

import java.util.Arrays;

/**
 * What decides that an extremal {@link Lanczos} run may stop: every wanted Ritz pair converged,
 * its residual bound at most the tolerance times the spectral-norm estimate. Reads the run's
 * \(\alpha\) and \(\beta\) arrays and works in preallocated O(m) scratch.
 */
final class ExtremalConvergence {
    final int largest;
    final int smallest;
    final double tolerance;
    /** The smallest pairs are waited for only while the smallest Ritz value is below this. */
    private final double level;
    private final double[] alpha;
    private final double[] beta;
    private final double[] scratchD;
    private final double[] scratchE;
    private final double[][] scratchZ;
    /** The verdict at the last step checked. */
    boolean reached;

    ExtremalConvergence(int largest, int smallest, double level, double tolerance,
            double[] alpha, double[] beta) {
        this.largest = largest;
        this.smallest = smallest;
        this.level = level;
        this.tolerance = tolerance;
        this.alpha = alpha;
        this.beta = beta;
        this.scratchD = new double[alpha.length];
        this.scratchE = new double[alpha.length];
        this.scratchZ = new double[1][alpha.length];
    }

    /**
     * Whether every wanted Ritz pair of T_j has converged and, if the current Krylov block
     * starts at {@code blockStart} &gt; 0 (after a restart), whether the block's extreme Ritz
     * value on each wanted side has converged without reaching past the wanted ones: the
     * block explores the complement of the earlier blocks, so its converged extreme bounds
     * what is left there, and another copy of a wanted eigenvalue cannot change the wanted
     * values. {@code discarded} is the part of every residual bound that the tridiagonal does
     * not see (the Gram-Schmidt coefficients it leaves out).
     */
    boolean check(int j, int blockStart, double discarded) {
        reached = false;
        if (largest + smallest > j) {
            return false;
        }
        double[] last = decomposeScratch(0, j);
        double normEstimate = Math.max(Math.abs(scratchD[0]), Math.abs(scratchD[j - 1]));
        double limit = tolerance * normEstimate;
        double remainder = beta[j - 1];
        int low = scratchD[0] < level ? smallest : 0;
        for (int i = 0; i < j; i++) {
            boolean wanted = i < low || i >= j - largest;
            if (wanted && Math.abs(remainder * last[i]) + discarded > limit) {
                return false;
            }
        }
        if (blockStart > 0) {
            double kthLargest = largest > 0 ? scratchD[j - largest] : 0.0;
            double kthSmallest = low > 0 ? scratchD[low - 1] : 0.0;
            int size = j - blockStart;
            last = decomposeScratch(blockStart, size);
            if (largest > 0 && (Math.abs(remainder * last[size - 1]) + discarded > limit
                    || scratchD[size - 1] > kthLargest + limit)) {
                return false;
            }
            if (low > 0 && (Math.abs(remainder * last[0]) + discarded > limit
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
