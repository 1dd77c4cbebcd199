package io.github.occam.spectrum;

import io.github.occam.Estimate;
import io.github.occam.SymmetricOperator;
import io.github.occam.internal.Checks;
import io.github.occam.linalg.Lanczos;
import io.github.occam.linalg.LanczosTridiagonal;
import io.github.occam.linalg.QuadratureRule;
import io.github.occam.linalg.RitzPairs;
import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Stochastic Lanczos quadrature (SLQ) with deflation: estimates, with standard errors, of the
 * spectral sums of the Hessian A of \(C(w) = H(w) + \lambda |w|^2 / 2\) that the Laplace
 * evidence needs, from products with A alone (Ubaru, Chen &amp; Saad, "Fast estimation of
 * tr(f(A)) via stochastic Lanczos quadrature", SIAM J. Matrix Anal. Appl. 38, 2017).
 *
 * <p><b>What is estimated.</b> With \(f(x) = \ln(x / \lambda)\) for \(x \ge \lambda\) and 0 below,
 * \(\mathrm{tr} f(A) = \sum_{\lambda_i \ge \lambda} \ln(\lambda_i / \lambda)\), the sum of
 * Smith &amp; Le, eq. 1; with the indicator of \(x &lt; \lambda\), the number of eigenvalues left
 * out; with \(f(x) = x\), the trace (Hutchinson's estimator on the same probes).
 *
 * <p><b>Deflation.</b> A Lanczos run first finds the K largest eigenpairs (at least the
 * largest) to a residual of \(10^{-10} \|A\|\) ({@link Lanczos#extremal}, fully
 * re-orthogonalized, so that the vectors meet their bounds). Their contribution
 * \(\sum_{i \le K} f(\theta_i)\) is summed exactly, and the probes estimate only the rest,
 * \(\mathrm{tr}(P_\perp f(A) P_\perp)\) with \(P_\perp = I - V V^T\): each Rademacher probe z is
 * projected, \(z_\perp = P_\perp z\), and Lanczos runs on the deflated operator, every vector
 * kept orthogonal to V. Why it pays: for Rademacher probes the variance of \(z^T F z\) is
 * \(2 \sum_{i \ne j} F_{ij}^2 \le 2 \sum_i f(\lambda_i)^2\), dominated by the largest
 * eigenvalues, which deflation removes; and the deflated spectrum is narrower, so the
 * quadrature converges in fewer steps. For the trace the split is exact for any orthonormal V
 * (\(y_i^T A y_i = \theta_i\)); for f it is exact up to the squared residuals of the pairs,
 * which the error includes as \(\sum_i r_i / (\theta_i - r_i)\).
 *
 * <p><b>Quadrature, and the cluster at \(\lambda\).</b> For softmax cross-entropy most of the P
 * eigenvalues of A sit exactly at \(\lambda\) (the Gauss-Newton part has rank at most
 * N(n - 1)). Each probe's tridiagonal is shifted to \(T - \lambda I\), the Lanczos matrix of
 * \(A - \lambda I\), so that nodes are \(y = \theta - \lambda\), that bulk sits at 0, and f
 * becomes \(\ln(1 + y / \lambda)\) for \(y &gt; 0\), 0 otherwise. The estimate is the
 * (m + 1)-node Gauss-Radau rule with one node fixed at \(y = 0\) (Golub &amp; Meurant,
 * <i>Matrices, Moments and Quadrature with Applications</i>, 2010, ch. 6): the weight of that
 * node is the Christoffel function at 0, at least the probe's mass at \(\lambda\) and tending to
 * it, so the cluster lands exactly where f and the indicator vanish, whatever m is. The plain
 * m-node Gauss rule is not used as the estimate: its node nearest 0 carries the cluster's mass
 * (about half of it for a probe) and lands a little above or below 0, adding
 * \(w \ln(1 + y / \lambda)\) to the sum or the whole cluster to the count.
 *
 * <p><b>Quadrature error, and the bias of the kink.</b> For the sum, each probe's quadrature
 * error is taken as the difference between its Gauss and its Gauss-Radau values. When no
 * eigenvalue lies below \(\lambda\) (a minimum of a convex H), \(\ln(1 + y / \lambda)\) has
 * derivatives of alternating sign on the spectrum, and Gauss-Radau is a lower and Gauss an upper
 * bound of the probe's \(z^T f(A) z\) (ibid., theorem 6.4): the difference bounds the error.
 * With eigenvalues below \(\lambda\) f has a kink inside the spectrum, Gauss quadrature
 * converges only algebraically near it, and the difference is an estimate, not a bound: in the
 * tests, at random points of small ReLU networks, it made the stated error of the sum two to
 * three times the actual one, because the Gauss value suffers from the misplaced cluster node. For the count, an indicator, the Gauss-Radau value is a
 * lower bound (the Chebyshev-Markov-Stieltjes inequalities for the rule with a node at the step),
 * biased low by the mass below \(\lambda\) that the quadrature assigns to the node at
 * \(\lambda\); its quadrature error is taken as the change from the Gauss-Radau rule of half the
 * steps. Eigenvalues of A within the rounding tolerance \(P \varepsilon \|A\|\) below
 * \(\lambda\) count as equal to it, as in the exact method.
 *
 * <p><b>Error.</b> Every estimate's error is \(\sqrt{(t s)^2 / n + q^2}\): s the standard
 * deviation of the n probes' values, t the Student-t factor \(t_{n-1, 0.975} / 1.96\) (1.04 for
 * 30 probes), so that \(\pm 1.96\) errors is a 95% interval however few the probes, and q the
 * mean quadrature error above (0 for the trace, which Gauss quadrature integrates exactly); the
 * sum's error also includes the deflation term. When
 * {@link #withErrorTarget(double) an error target} is set, probing stops as soon as the error of
 * the sum is at most the target (after at least 10 probes).
 *
 * <p><b>What the spectrum holds.</b> {@link HessianSpectrum#converged()} says whether the
 * estimates met their criteria: the largest eigenpair converged (every deflated pair has, by
 * construction) and the error target, if any, was met. {@link HessianSpectrum#maxEigenvalue()} is
 * then exact to the tolerance; {@link HessianSpectrum#minEigenvalue()} is the smallest Ritz value
 * of the deflation run, an upper bound of the smallest eigenvalue, resolved to the tolerance
 * when it lies below \(\lambda\) (then the point is not a minimum) and otherwise not waited
 * for: at a minimum it is the edge of the cluster at \(\lambda\), with a tiny gap above it, and
 * needs hundreds of steps (the deflation run would take a third of SLQ's time);
 * {@link LanczosSpectrum} gets it when it matters. If the extremal run spans the whole space (P
 * small) the spectrum is exact and no probe is drawn.
 *
 * <p><b>Cost.</b> At most \(3K + 60\) products (plus K) for the deflation and m per probe;
 * memory \(8 P (3K + 61)\) bytes during the deflation run, \(8 P (K + m + 2)\) while probing.
 * The probes re-orthogonalize partially ({@link Lanczos#partial}): against the deflated vectors
 * and earlier Lanczos vectors only when Simon's estimates say orthogonality is being lost, which
 * keeps their tridiagonal matrices, and so the quadrature, those of full re-orthogonalization to
 * rounding at a fraction of the passes over memory.
 * The same seed gives the same numbers. Instances are immutable.
 *
 * <pre>{@code
 * SymmetricOperator hessian = Cost.of(net, lambda).hessianAt(w0);
 * HessianSpectrum spectrum = StochasticLanczosQuadrature.withDefaults()
 *         .withDeflation(50).withProbes(64).withErrorTarget(10.0)  // 10 nats on the sum
 *         .compute(hessian, lambda);
 * Estimate sum = spectrum.sumLogRatio();       // value and standard error
 * SpectralDensity density = StochasticLanczosQuadrature.withDefaults()
 *         .density(hessian, 0.05, 400);
 * }</pre>
 */
public final class StochasticLanczosQuadrature implements SpectrumMethod {

    /** The default maximum number of probes. */
    public static final int DEFAULT_PROBES = 30;

    /** The default number of Lanczos steps per probe. */
    public static final int DEFAULT_STEPS = 60;

    /** The default number of largest eigenpairs deflated. */
    public static final int DEFAULT_DEFLATION = 20;

    /** The default seed. */
    public static final long DEFAULT_SEED = 42L;

    /** Probes drawn before an error target can stop the run. */
    static final int MIN_PROBES_FOR_TARGET = 10;

    /** Residual of the deflated pairs relative to the spectral norm. */
    static final double EXTREMAL_TOLERANCE = 1e-10;

    private final int probes;
    private final int steps;
    private final int deflation;
    private final long seed;
    private final double errorTarget;

    private StochasticLanczosQuadrature(int probes, int steps, int deflation, long seed,
            double errorTarget) {
        this.probes = probes;
        this.steps = steps;
        this.deflation = deflation;
        this.seed = seed;
        this.errorTarget = errorTarget;
    }

    /**
     * Returns the method with {@value #DEFAULT_PROBES} probes of {@value #DEFAULT_STEPS} steps,
     * the {@value #DEFAULT_DEFLATION} largest eigenpairs deflated, seed {@value #DEFAULT_SEED}
     * and no error target.
     *
     * @return the method
     */
    public static StochasticLanczosQuadrature withDefaults() {
        return new StochasticLanczosQuadrature(DEFAULT_PROBES, DEFAULT_STEPS, DEFAULT_DEFLATION,
                DEFAULT_SEED, 0.0);
    }

    /**
     * Returns a copy with the given (maximum) number of probes.
     *
     * @param count at least 2, so that a spread can be measured
     * @return the new method
     * @throws IllegalArgumentException if {@code count} &lt; 2
     */
    public StochasticLanczosQuadrature withProbes(int count) {
        Checks.atLeast("probes", count, 2);
        return new StochasticLanczosQuadrature(count, steps, deflation, seed, errorTarget);
    }

    /**
     * Returns a copy with the given number of Lanczos steps per probe (quadrature nodes).
     *
     * @param count at least 1
     * @return the new method
     * @throws IllegalArgumentException if {@code count} &lt; 1
     */
    public StochasticLanczosQuadrature withSteps(int count) {
        Checks.atLeast("steps", count, 1);
        return new StochasticLanczosQuadrature(probes, count, deflation, seed, errorTarget);
    }

    /**
     * Returns a copy that deflates the given number of largest eigenpairs (0: none).
     *
     * @param count at least 0
     * @return the new method
     * @throws IllegalArgumentException if {@code count} &lt; 0
     */
    public StochasticLanczosQuadrature withDeflation(int count) {
        Checks.atLeast("deflation", count, 0);
        return new StochasticLanczosQuadrature(probes, steps, count, seed, errorTarget);
    }

    /**
     * Returns a copy drawing its start and probe vectors from {@code new Random(seed)}.
     *
     * @param value the seed
     * @return the new method
     */
    public StochasticLanczosQuadrature withSeed(long value) {
        return new StochasticLanczosQuadrature(probes, steps, deflation, value, errorTarget);
    }

    /**
     * Returns a copy that stops probing once the error of the sum
     * \(\sum_{\lambda_i \ge \lambda} \ln(\lambda_i / \lambda)\) is at most {@code nats}.
     *
     * @param nats the target, finite and &gt; 0
     * @return the new method
     * @throws IllegalArgumentException if {@code nats} is not finite and &gt; 0
     */
    public StochasticLanczosQuadrature withErrorTarget(double nats) {
        Checks.positive("errorTarget", nats);
        return new StochasticLanczosQuadrature(probes, steps, deflation, seed, nats);
    }

    /** Returns the maximum number of probes. */
    public int probes() {
        return probes;
    }

    /** Returns the number of Lanczos steps per probe. */
    public int steps() {
        return steps;
    }

    /** Returns the number of largest eigenpairs deflated. */
    public int deflation() {
        return deflation;
    }

    /** Returns the seed. */
    public long seed() {
        return seed;
    }

    /** Returns the error target on the sum in nats, or 0 when there is none. */
    public double errorTarget() {
        return errorTarget;
    }

    /**
     * Estimates the spectrum of {@code costHessian}: the sum of log ratios, the count of
     * eigenvalues below \(\lambda\) and the trace with their errors; the extremal eigenvalues
     * from the deflation run; as {@link HessianSpectrum#eigenvalues()} the converged Ritz values
     * of that run (all eigenvalues when it spanned the space).
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
        Random random = new Random(seed);
        Deflation deflated = Deflation.of(costHessian, deflation, lambda, random.nextLong());
        if (deflated.pairs.complete()) {
            return CompleteSpectrum.of(deflated.pairs, lambda);
        }
        double tolerance = CompleteSpectrum.roundoff(deflated.pairs, p);
        double exactSum = 0.0;
        double deflationError = 0.0;
        int exactCount = 0;
        double exactTrace = 0.0;
        for (int i = 0; i < deflated.values.length; i++) {
            double theta = deflated.values[i];
            exactSum += DenseSpectrum.logRatio(theta, lambda);
            exactCount += theta < lambda - tolerance ? 1 : 0;
            exactTrace += theta;
            if (theta >= lambda) {
                double bound = deflated.bounds[i];
                deflationError += bound / Math.max(theta - bound, lambda);
            }
        }
        Accumulator sum = new Accumulator();
        Accumulator count = new Accumulator();
        Accumulator trace = new Accumulator();
        double fixedError = deflationError;
        int products = probe(costHessian, deflated, random, t -> {
            if (t.steps() == 0) {
                sum.add(0.0, 0.0);
                count.add(0.0, 0.0);
                trace.add(0.0, 0.0);
                return false;
            }
            double norm2 = t.startNorm() * t.startNorm();
            double[] alphas = t.alphas();
            trace.add(norm2 * alphas[0], 0.0);
            for (int j = 0; j < alphas.length; j++) {
                alphas[j] -= lambda;
            }
            LanczosTridiagonal shifted = new LanczosTridiagonal(alphas, t.betas(), t.startNorm());
            QuadratureRule radau = shifted.gaussRadau(0.0);
            QuadratureRule gauss = shifted.gauss();
            QuadratureRule shorter = shifted.gaussRadau((shifted.steps() + 1) / 2, 0.0);
            DoubleUnaryOperator logRatio = y -> y > 0.0 ? Math.log1p(y / lambda) : 0.0;
            DoubleUnaryOperator below = y -> y < -tolerance ? 1.0 : 0.0;
            double sumRadau = norm2 * radau.integrate(logRatio);
            double countRadau = norm2 * radau.integrate(below);
            sum.add(sumRadau, Math.abs(norm2 * gauss.integrate(logRatio) - sumRadau));
            count.add(countRadau, Math.abs(norm2 * shorter.integrate(below) - countRadau));
            return errorTarget > 0.0 && sum.size() >= MIN_PROBES_FOR_TARGET
                    && Math.hypot(sum.error(), fixedError) <= errorTarget;
        });
        Estimate sumEstimate = Estimate.of(exactSum + sum.mean(),
                Math.hypot(sum.error(), deflationError));
        boolean targetMet = errorTarget == 0.0 || sumEstimate.error() <= errorTarget;
        return new HessianSpectrum(lambda, p, sumEstimate,
                Estimate.of(exactCount + count.mean(), count.error()),
                Estimate.of(exactTrace + trace.mean(), trace.error()),
                deflated.smallest, deflated.largest, deflated.resolved,
                products + deflated.pairs.products(), deflated.largestConverged && targetMet);
    }

    /**
     * Estimates the spectral density of {@code operator} smoothed by a Gaussian of width
     * {@code sigma}, \(\phi(t) = \frac{1}{P} \sum_i \frac{1}{\sigma \sqrt{2 \pi}}
     * e^{-(t - \lambda_i)^2 / 2 \sigma^2}\) (it integrates to 1), on {@code points} equally
     * spaced points from 4 sigma below the smallest to 4 sigma above the largest eigenvalue found
     * by the deflation run. See {@link #density(SymmetricOperator, double[], double)}.
     *
     * @param operator the symmetric operator
     * @param sigma the width of the smoothing, finite and &gt; 0
     * @param points the number of grid points, at least 2
     * @return the density on the grid, with errors
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public SpectralDensity density(SymmetricOperator operator, double sigma, int points) {
        Checks.notNull("operator", operator);
        Checks.positive("sigma", sigma);
        Checks.atLeast("points", points, 2);
        return density(operator, null, points, sigma);
    }

    /**
     * Estimates the Gaussian-smoothed spectral density of {@code operator} on the given grid:
     * the deflated eigenvalues contribute their kernels exactly, each probe
     * \(|z_\perp|^2 \sum_j \tau_j \phi_\sigma(t - \theta_j)\) with the Gauss rule of its
     * tridiagonal. Each point's error is the spread over probes (with the Student-t factor, as
     * for the spectrum) combined with a quadrature error, the mean over probes of the change
     * from the Gauss rule of half the steps; both shrink as sigma grows, and a sigma below about
     * (spectral range) / (steps) resolves the Gauss nodes rather than the eigenvalues.
     *
     * @param operator the symmetric operator
     * @param grid the points t, finite (copied)
     * @param sigma the width of the smoothing, finite and &gt; 0
     * @return the density on the grid, with errors
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public SpectralDensity density(SymmetricOperator operator, double[] grid, double sigma) {
        Checks.notNull("operator", operator);
        Checks.allFinite("grid", grid);
        Checks.positive("sigma", sigma);
        return density(operator, grid.clone(), grid.length, sigma);
    }

    private SpectralDensity density(SymmetricOperator operator, double[] given, int points,
            double sigma) {
        int p = operator.dimension();
        if (p == 0) {
            double[] grid = given != null ? given : new double[points];
            return new SpectralDensity(grid, new double[grid.length], new double[grid.length],
                    sigma, 0);
        }
        Random random = new Random(seed);
        Deflation deflated = Deflation.of(operator, deflation, Double.POSITIVE_INFINITY,
                random.nextLong());
        double[] grid = given != null ? given
                : grid(deflated.smallest - 4 * sigma, deflated.largest + 4 * sigma, points);
        double[] exact = new double[grid.length];
        double[] known = deflated.pairs.complete() ? deflated.pairs.ritzValues()
                : deflated.values;
        for (double theta : known) {
            addKernel(exact, grid, theta, 1.0, sigma);
        }
        Accumulator[] atPoint = new Accumulator[grid.length];
        for (int i = 0; i < grid.length; i++) {
            atPoint[i] = new Accumulator();
        }
        int products = deflated.pairs.products();
        if (!deflated.pairs.complete()) {
            double[] full = new double[grid.length];
            double[] half = new double[grid.length];
            products += probe(operator, deflated, random, t -> {
                Arrays.fill(full, 0.0);
                Arrays.fill(half, 0.0);
                double norm2 = t.startNorm() * t.startNorm();
                addRule(full, grid, t.gauss(), norm2, sigma);
                addRule(half, grid, t.gauss((t.steps() + 1) / 2), norm2, sigma);
                for (int i = 0; i < grid.length; i++) {
                    atPoint[i].add(full[i], Math.abs(full[i] - half[i]));
                }
                return false;
            });
        }
        double[] density = new double[grid.length];
        double[] error = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            density[i] = (exact[i] + atPoint[i].mean()) / p;
            error[i] = atPoint[i].error() / p;
        }
        return new SpectralDensity(grid, density, error, sigma, products);
    }

    private static double[] grid(double from, double to, int points) {
        double[] grid = new double[points];
        for (int i = 0; i < points; i++) {
            grid[i] = from + (to - from) * i / (points - 1);
        }
        return grid;
    }

    private static void addRule(double[] sums, double[] grid, QuadratureRule rule, double mass,
            double sigma) {
        for (int j = 0; j < rule.size(); j++) {
            addKernel(sums, grid, rule.node(j), mass * rule.weight(j), sigma);
        }
    }

    private static void addKernel(double[] sums, double[] grid, double center, double mass,
            double sigma) {
        double norm = mass / (sigma * Math.sqrt(2 * Math.PI));
        for (int i = 0; i < grid.length; i++) {
            double u = (grid[i] - center) / sigma;
            sums[i] += norm * Math.exp(-0.5 * u * u);
        }
    }

    /** Receives each probe's tridiagonal; returns true to stop probing. */
    private interface ProbeSink {
        boolean accept(LanczosTridiagonal tridiagonal);
    }

    /**
     * Draws up to {@link #probes} Rademacher probes from {@code random}, runs Lanczos from each
     * on the deflated operator and hands the tridiagonal to {@code sink}; returns the products
     * used.
     */
    private int probe(SymmetricOperator operator, Deflation deflated, Random random,
            ProbeSink sink) {
        Lanczos lanczos = Lanczos.partial(operator, steps, deflated.vectors, deflated.values,
                deflated.residuals);
        if (lanczos.capacity() == 0) {
            return 0;
        }
        double[] z = new double[operator.dimension()];
        for (int drawn = 0; drawn < probes; drawn++) {
            for (int i = 0; i < z.length; i++) {
                z[i] = random.nextBoolean() ? 1.0 : -1.0;
            }
            if (sink.accept(lanczos.tridiagonalize(z, lanczos.capacity()))) {
                break;
            }
        }
        return lanczos.products();
    }

    /**
     * Running mean and spread of per-probe values (Welford) and the mean of their quadrature
     * errors. {@link #error()} is \(\sqrt{(t s)^2 / n + q^2}\): s the sample standard deviation,
     * t the Student-t factor \(t_{n-1, 0.975} / z_{0.975}\) that makes \(\pm 1.96\) errors a 95%
     * interval for n probes, q the mean quadrature error.
     */
    private static final class Accumulator {
        private static final double Z_975 = 1.959963984540054;
        private int n;
        private double mean;
        private double m2;
        private double quadrature;

        void add(double value, double quadratureError) {
            n++;
            double delta = value - mean;
            mean += delta / n;
            m2 += delta * (value - mean);
            quadrature += (quadratureError - quadrature) / n;
        }

        int size() {
            return n;
        }

        double mean() {
            return mean;
        }

        double error() {
            if (n < 2) {
                return quadrature;
            }
            double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975) / Z_975;
            return Math.hypot(t * Math.sqrt(m2 / (n - 1) / n), quadrature);
        }
    }

    /** The extremal run and what of it is deflated. */
    private static final class Deflation {
        final RitzPairs pairs;
        final double[][] vectors;
        final double[] values;
        final double[] bounds;
        /** The measured residuals |A v - theta v| of the deflated pairs. */
        final double[] residuals;
        final double[] resolved;
        final double smallest;
        final double largest;
        final boolean largestConverged;

        private Deflation(RitzPairs pairs, double[][] vectors, double[] values, double[] bounds,
                double[] residuals, double[] resolved) {
            this.pairs = pairs;
            this.vectors = vectors;
            this.values = values;
            this.bounds = bounds;
            this.residuals = residuals;
            this.resolved = resolved;
            double[] wanted = pairs.values();
            double[] wantedBounds = pairs.residualBounds();
            double limit = EXTREMAL_TOLERANCE * pairs.normEstimate();
            this.smallest = wanted[0];
            this.largest = wanted[wanted.length - 1];
            this.largestConverged = wantedBounds[wanted.length - 1] <= limit;
        }

        /**
         * Runs Lanczos for the k largest eigenpairs (at least one) and the smallest, waited for
         * only while it is below {@code level}, at most 3k + 60 steps,
         * and keeps the converged pairs for deflation (none when k is 0).
         */
        static Deflation of(SymmetricOperator a, int k, double level, long seed) {
            int maxSteps = Math.min(a.dimension(), 3 * k + 60);
            RitzPairs pairs = Lanczos.of(a, maxSteps).extremalBelow(Math.max(k, 1), 1, level,
                    EXTREMAL_TOLERANCE, seed, k > 0);
            double[] values = pairs.values();
            double[] bounds = pairs.residualBounds();
            double limit = EXTREMAL_TOLERANCE * pairs.normEstimate();
            int keep = 0;
            for (double bound : bounds) {
                keep += bound <= limit ? 1 : 0;
            }
            double[] resolved = new double[keep];
            double[][] vectors = new double[k > 0 ? keep : 0][];
            double[] kept = new double[vectors.length];
            double[] keptBounds = new double[vectors.length];
            double[] keptResiduals = new double[vectors.length];
            double[] measured = pairs.residuals();
            double[][] all = k > 0 ? pairs.vectors() : null;
            for (int i = 0, r = 0; i < values.length; i++) {
                if (bounds[i] <= limit) {
                    resolved[r] = values[i];
                    if (k > 0) {
                        vectors[r] = all[i];
                        kept[r] = values[i];
                        keptBounds[r] = bounds[i];
                        keptResiduals[r] = measured[i];
                    }
                    r++;
                }
            }
            return new Deflation(pairs, vectors, kept, keptBounds, keptResiduals, resolved);
        }
    }

    /** Lists the settings. */
    @Override
    public String toString() {
        return "StochasticLanczosQuadrature[probes=" + probes + ", steps=" + steps
                + ", deflation=" + deflation + ", seed=" + seed
                + (errorTarget > 0.0 ? ", errorTarget=" + errorTarget : "") + "]";
    }
}
