package io.github.occam.spectrum;

import io.github.occam.Estimate;
import io.github.occam.SymmetricOperator;
import io.github.occam.internal.Checks;
import io.github.occam.linalg.Lanczos;
import io.github.occam.linalg.RitzPairs;

/**
 * The extremal eigenvalues of the Hessian of \(C(w) = H(w) + \lambda |w|^2 / 2\) by Lanczos with
 * full re-orthogonalization ({@link Lanczos#extremal}): the k largest and k smallest
 * eigenvalues, each to a residual bound of {@code tolerance} times the spectral-norm estimate
 * (default \(10^{-10}\), which in practice gives the eigenvalues to 1e-13 relative or better:
 * the error of a Ritz value is also at most its squared bound over the gap).
 *
 * <p>What the spectrum holds: {@link HessianSpectrum#minEigenvalue()} and
 * {@link HessianSpectrum#maxEigenvalue()} the extreme Ritz values, {@link
 * HessianSpectrum#eigenvalues()} the converged wanted Ritz values (at most 2k), and
 * {@link HessianSpectrum#converged()} whether every wanted pair met the tolerance. The sums need
 * every eigenvalue, which k pairs do not give; so, unless the run spanned the whole space (then
 * all P eigenvalues are known and everything is exact), the sum of log ratios, the count below
 * \(\lambda\) and the trace are <i>intervals</i>: the P - 2k unresolved eigenvalues lie between
 * the k-th smallest and the k-th largest Ritz value (widened by their bounds), which bounds each
 * sum. The value is the interval's mid-point and the error its half-width, a guaranteed bound
 * (if the wanted Ritz values are the extreme eigenvalues) rather than a standard error; for
 * useful sums with errors use {@link StochasticLanczosQuadrature}.
 *
 * <p>Cost: at most {@code maxSteps} products (default 10k + 100) and \(8 P\) (maxSteps + 1)
 * bytes. The same seed gives the same numbers. Instances are immutable.
 *
 * <pre>{@code
 * HessianSpectrum extremes = LanczosSpectrum.of(5).compute(Cost.of(net, lambda).hessianAt(w), lambda);
 * double sharpest = extremes.maxEigenvalue();
 * boolean negativeCurvature = extremes.minEigenvalue() < 0;
 * }</pre>
 */
public final class LanczosSpectrum implements SpectrumMethod {

    /** The default residual tolerance, relative to the spectral-norm estimate. */
    public static final double DEFAULT_TOLERANCE = 1e-10;

    /** The default seed of the start vector. */
    public static final long DEFAULT_SEED = 42L;

    private final int k;
    private final int maxSteps;
    private final double tolerance;
    private final long seed;

    private LanczosSpectrum(int k, int maxSteps, double tolerance, long seed) {
        this.k = k;
        this.maxSteps = maxSteps;
        this.tolerance = tolerance;
        this.seed = seed;
    }

    /**
     * Returns the method for the k largest and k smallest eigenvalues, at most 10k + 100 steps,
     * tolerance {@value #DEFAULT_TOLERANCE}, seed {@value #DEFAULT_SEED}.
     *
     * @param k at least 1
     * @return the method
     * @throws IllegalArgumentException if {@code k} &lt; 1
     */
    public static LanczosSpectrum of(int k) {
        Checks.atLeast("k", k, 1);
        return new LanczosSpectrum(k, 10 * k + 100, DEFAULT_TOLERANCE, DEFAULT_SEED);
    }

    /**
     * Returns a copy allowing at most {@code steps} Lanczos steps (products).
     *
     * @param steps at least 2k
     * @return the new method
     * @throws IllegalArgumentException if {@code steps} &lt; 2k
     */
    public LanczosSpectrum withMaxSteps(int steps) {
        Checks.atLeast("maxSteps", steps, 2 * k);
        return new LanczosSpectrum(k, steps, tolerance, seed);
    }

    /**
     * Returns a copy with the given residual tolerance relative to the spectral-norm estimate.
     *
     * @param relative finite and &gt; 0
     * @return the new method
     * @throws IllegalArgumentException if {@code relative} is not finite and &gt; 0
     */
    public LanczosSpectrum withTolerance(double relative) {
        Checks.positive("tolerance", relative);
        return new LanczosSpectrum(k, maxSteps, relative, seed);
    }

    /**
     * Returns a copy drawing its start vector from {@code new Random(seed)}.
     *
     * @param value the seed
     * @return the new method
     */
    public LanczosSpectrum withSeed(long value) {
        return new LanczosSpectrum(k, maxSteps, tolerance, value);
    }

    /** Returns k, how many eigenvalues are wanted at each end. */
    public int k() {
        return k;
    }

    /** Returns the most steps a run may take. */
    public int maxSteps() {
        return maxSteps;
    }

    /** Returns the residual tolerance relative to the spectral-norm estimate. */
    public double tolerance() {
        return tolerance;
    }

    /** Returns the seed of the start vector. */
    public long seed() {
        return seed;
    }

    /**
     * Returns the extremal spectrum of {@code costHessian}, with the sums as intervals (exact
     * when the run spans the space).
     *
     * @param costHessian the operator of the Hessian of C
     * @param lambda the prior precision, finite and &gt; 0
     * @return the spectrum
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    @Override
    public HessianSpectrum compute(SymmetricOperator costHessian, double lambda) {
        Checks.notNull("costHessian", costHessian);
        Checks.positive("lambda", lambda);
        int p = costHessian.dimension();
        if (p == 0) {
            return DenseSpectrum.ofEigenvalues(new double[0], lambda);
        }
        RitzPairs pairs = Lanczos.of(costHessian, maxSteps)
                .extremal(k, k, tolerance, seed, false);
        if (pairs.complete()) {
            return CompleteSpectrum.of(pairs, lambda);
        }
        double roundoff = CompleteSpectrum.roundoff(pairs, p);
        double[] values = pairs.values();
        double[] bounds = pairs.residualBounds();
        double limit = tolerance * pairs.normEstimate();
        int resolvedCount = 0;
        for (double bound : bounds) {
            resolvedCount += bound <= limit ? 1 : 0;
        }
        double[] resolved = new double[resolvedCount];
        Intervals sums = new Intervals(lambda, roundoff);
        for (int i = 0, r = 0; i < values.length; i++) {
            if (bounds[i] <= limit) {
                resolved[r++] = values[i];
            }
            sums.add(1, values[i] - bounds[i], values[i] + bounds[i]);
        }
        // values holds the k smallest, then the k largest Ritz values (a run that does not span
        // the space has at least 2k steps); the other P - 2k eigenvalues lie between them
        sums.add(p - 2 * k, values[k - 1] - bounds[k - 1], values[k] + bounds[k]);
        return new HessianSpectrum(lambda, p, sums.estimate(sums.sumLo, sums.sumHi),
                sums.estimate(sums.countLo, sums.countHi),
                sums.estimate(sums.traceLo, sums.traceHi), values[0], values[values.length - 1],
                resolved, pairs.products(), pairs.converged());
    }

    /**
     * Lower and upper bounds of the three sums over eigenvalues known to lie in intervals: the
     * log ratio is increasing, the indicator of "below lambda" decreasing, the trace the
     * identity.
     */
    private static final class Intervals {
        final double lambda;
        final double roundoff;
        double sumLo;
        double sumHi;
        double countLo;
        double countHi;
        double traceLo;
        double traceHi;

        Intervals(double lambda, double roundoff) {
            this.lambda = lambda;
            this.roundoff = roundoff;
        }

        /** Adds n eigenvalues known to lie in [lo, hi]. */
        void add(int n, double lo, double hi) {
            sumLo += n * DenseSpectrum.logRatio(lo, lambda);
            sumHi += n * DenseSpectrum.logRatio(hi, lambda);
            countLo += hi < lambda - roundoff ? n : 0;
            countHi += lo < lambda - roundoff ? n : 0;
            traceLo += n * lo;
            traceHi += n * hi;
        }

        /** Returns the mid-point of [lo, hi] with the half-width as error. */
        Estimate estimate(double lo, double hi) {
            return Estimate.of(0.5 * (lo + hi), 0.5 * (hi - lo));
        }
    }

    /** Lists the settings. */
    @Override
    public String toString() {
        return "LanczosSpectrum[k=" + k + ", maxSteps=" + maxSteps + ", tolerance=" + tolerance
                + ", seed=" + seed + "]";
    }
}
