package io.github.occam.examples.mnist;

import io.github.occam.Cost;
import io.github.occam.Estimate;
import io.github.occam.SymmetricOperator;
import io.github.occam.data.CorruptDataException;
import io.github.occam.data.Dataset;
import io.github.occam.data.Npy;
import io.github.occam.evidence.Evidence;
import io.github.occam.evidence.Laplace;
import io.github.occam.examples.support.InputException;
import io.github.occam.linalg.Lanczos;
import io.github.occam.linalg.RitzPairs;
import io.github.occam.models.ShallowNetShape;
import io.github.occam.models.ShallowNetwork;
import io.github.occam.optim.Minimizer;
import io.github.occam.optim.Minimum;
import io.github.occam.optim.Polish;
import io.github.occam.spectrum.HessianSpectrum;
import io.github.occam.spectrum.SpectralDensity;
import io.github.occam.spectrum.SpectrumMethod;
import io.github.occam.spectrum.StochasticLanczosQuadrature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code spectrum}: the curvature of the 784-H-10 network at one point, matrix-free, one JSON
 * line. The cost is \(C(w) = H(w) + \lambda |w|^2 / 2\), H the summed softmax cross-entropy over
 * the first {@code --n} bundled digits (pixels in [0, 1]), exactly as
 * {@code shared/bench/hvp_baseline.py} defines it, at the point given ({@code --weights}, a flat
 * float64 {@code .npy} in {@link ShallowNetShape}'s layout W1 (H x 784, row-major), b1,
 * W2 (10 x H), b2) or at the seeded He initialization; nothing is minimized.
 *
 * <p>It times one gradient and one Hessian-vector product (best of {@code --repeats}, after one
 * untimed call, as the baseline does), finds the {@code --k} largest eigenvalues by Lanczos with
 * full re-orthogonalization, and with {@code --evidence} computes the log Occam factor and the log
 * evidence ratio (Smith &amp; Le, eqs. 1 and 2) with their standard errors, by the exact
 * decomposition or by stochastic Lanczos quadrature.
 *
 * <pre>{@code
 * java -jar mnist-shallow-net.jar spectrum --n 1000 --hidden 800 --k 10 --weights w.npy
 * java -jar mnist-shallow-net.jar spectrum --n 1000 --evidence --tolerance 10
 * java -jar mnist-shallow-net.jar spectrum --n 1000 --weights w.npy --density density.png
 * }</pre>
 */
@Command(name = "spectrum", mixinStandardHelpOptions = true,
        description = "Curvature of the 784-H-10 network at a point (C = summed softmax cross-entropy over the "
                + "first N bundled digits + lambda |w|^2 / 2, as hvp_baseline.py): gradient and Hessian-vector "
                + "product times, the k largest eigenvalues, and with --evidence the log evidence ratio with its "
                + "standard error. Prints one JSON line.")
final class SpectrumCommand implements Callable<Integer> {

    /** The largest P for which the default method is the exact dense decomposition. */

    /** Curvature operators. */
    enum Curvature { hessian, ggn }

    /** Ways to compute the log Occam factor. */
    enum Method { exact, slq, dual }

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--n", defaultValue = "1000", description = "Training digits N, the first of the bundled "
            + "pool (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--hidden", defaultValue = "800", description = "Hidden units H (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--lambda", defaultValue = "0.01", description = "Prior precision lambda "
            + "(default: ${DEFAULT-VALUE}).")
    double lambda;

    @Option(names = "--k", defaultValue = "10", description = "Largest eigenvalues wanted "
            + "(default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--weights", paramLabel = "FILE.npy", description = "The point: one flat float64 vector "
            + "W1 (H x 784, row-major), b1, W2 (10 x H), b2 (the layout hvp_baseline.py --weights reads); "
            + "default: the seeded He initialization.")
    Path weights;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the probes and start vectors, and of "
            + "the initialization without --weights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--minimize", description = "First polish the point to the nearest minimum of C (L-BFGS, "
            + "then Newton-CG, until no step gains 1e-3 nats) and report what it took; everything after is at the polished point.")
    boolean minimize;

    @Option(names = "--write-point", paramLabel = "FILE.npy", description = "Write the point the spectrum and "
            + "evidence were computed at (after --minimize) as float64 .npy.")
    Path writePoint;

    @Option(names = "--train-seed", paramLabel = "SEED", description = "Evaluate on the training subset of N digits "
            + "that a sweep run with this seed trained on (default: the first N digits of the pool).")
    Long trainSeed;

    @Option(names = "--evidence", description = "Also compute the log Occam factor and the log evidence ratio.")
    boolean evidence;

    @Option(names = "--curvature", defaultValue = "hessian", description = "hessian or ggn, the curvature of "
            + "the evidence (default: ${DEFAULT-VALUE}).")
    Curvature curvature;

    @Option(names = "--method", description = "exact, slq or dual, how the log Occam factor is computed "
            + "(default: exact for P <= " + SpectrumMethod.EXACT_LIMIT + ", else slq); dual: the Gauss-Newton "
            + "curvature exactly through the 10 N x 10 N dual matrix, whatever P is.")
    Method method;

    @Option(names = "--tolerance", description = "Target standard error of the log Occam factor in nats "
            + "(slq: probing stops when it is met; default: the fixed number of --probes).")
    Double tolerance;

    @Option(names = "--probes", defaultValue = "30", description = "Most SLQ probes (default: ${DEFAULT-VALUE}).")
    int probes;

    @Option(names = "--steps", defaultValue = "60", description = "Lanczos steps per SLQ probe "
            + "(default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--deflation", defaultValue = "20", description = "Largest eigenpairs SLQ deflates "
            + "(default: ${DEFAULT-VALUE}).")
    int deflation;

    @Option(names = "--lanczos-tolerance", defaultValue = "1e-8", description = "Residual of the top "
            + "eigenpairs relative to the largest eigenvalue (default: ${DEFAULT-VALUE}).")
    double lanczosTolerance;

    @Option(names = "--density", paramLabel = "FILE.png", description = "Also estimate the smoothed spectral "
            + "density by SLQ (--probes probes of --steps steps) and draw it into FILE.png.")
    Path density;

    @Option(names = "--density-sigma", description = "Width of the density's smoothing (default: the largest "
            + "eigenvalue / 200).")
    Double densitySigma;

    @Option(names = "--repeats", defaultValue = "5", description = "Timed gradients and products, the best "
            + "reported (default: ${DEFAULT-VALUE}).")
    int repeats;

    /** The most extremal eigenvalues --k asks for: the Lanczos basis holds 4 k + 60 vectors of P. */
    private static final int MAX_K = 10_000;

    @Override
    public Integer call() throws IOException {
        checkOptions();
        Digits digits = Digits.bundled();
        Dataset train = OptionNames.named(Map.of("train size N", "--n"),
                () -> trainSeed == null ? digits.train(n) : digits.train(n, trainSeed));
        ShallowNetShape shape;
        try {
            shape = new ShallowNetShape(train.featureCount(), hidden, 10);
        } catch (IllegalArgumentException e) {
            throw new InputException("--hidden " + hidden + ": " + e.getMessage());
        }
        int p = shape.parameterCount();
        Method chosen = method != null ? method
                : SpectrumMethod.automatic().resolve(p) == SpectrumMethod.exact() ? Method.exact : Method.slq;
        if (evidence && chosen == Method.exact) {
            SpectrumMethod.exact().requireFits(p);
        }
        double[] given = weights == null ? shape.initialParameters(seed) : readWeights(weights, shape);
        ShallowNetwork net = ShallowNetwork.of(train.featuresAsDouble(), train.labels(), hidden, 10);
        Cost cost = Cost.of(net, lambda);
        Polish.Result polished = null;
        double polishSeconds = 0.0;
        if (minimize) {
            long polishStart = System.nanoTime();
            polished = Polish.defaults().polish(cost, given);
            polishSeconds = seconds(polishStart);
        }
        double[] w = polished == null ? given : polished.minimum().parameters();
        if (writePoint != null) {
            Npy.write(writePoint, w);
        }

        double[] gradient = new double[p];
        double gradientSeconds = best(() -> cost.value(w, gradient));
        long start = System.nanoTime();
        SymmetricOperator hessian = cost.hessianAt(w);
        double setupSeconds = seconds(start);
        double[] v = new double[p];
        Random random = new Random(seed);
        for (int j = 0; j < p; j++) {
            v[j] = random.nextGaussian();
        }
        double[] hv = new double[p];
        double hvpSeconds = best(() -> hessian.apply(v, hv));

        start = System.nanoTime();
        // 4k + 60 steps: the top 10 of the network converge in about 50; the basis is 8 P bytes a step
        Lanczos lanczos = Lanczos.of(hessian, (int) Math.min(p, 4L * k + 60));
        RitzPairs top = lanczos.extremal(Math.min(k, p), 0, lanczosTolerance, seed, false);
        double lanczosSeconds = seconds(start);
        double[] ascending = top.values();
        double[] descending = new double[ascending.length];
        for (int i = 0; i < ascending.length; i++) {
            descending[i] = ascending[ascending.length - 1 - i];
        }

        Json json = new Json()
                .field("parameters", p).field("n", n).field("hidden", hidden).field("lambda", lambda)
                .field("weights", weights == null ? "seeded initialization " + seed : weights.toString());
        if (polished != null) {
            json.field("polish_cost_before", polished.startCost()).field("polish_cost_after", polished.cost())
                    .field("polish_gradient_norm_before", polished.startGradientNorm())
                    .field("polish_gradient_norm_after", polished.minimum().gradientNorm())
                    .field("polish_distance", polished.distance()).field("polish_iterations", polished.iterations())
                    .field("polish_gradients", polished.gradients()).field("polish_cost_to_gain", polished.costToGain())
                    .field("polish_curvature_products", polished.curvatureProducts())
                    .field("polish_newton_steps", polished.newtonSteps())
                    .field("polish_s", polishSeconds);
        }
        json.field("kinks", net.kinksAt(w));
        json
                .field("gradient_s", gradientSeconds).field("hvp_s", hvpSeconds)
                .field("hvp_over_gradient", hvpSeconds / gradientSeconds)
                .field("hvp_setup_s", setupSeconds)
                .field("lanczos_top_k", descending.length).field("lanczos_s", lanczosSeconds)
                .field("lanczos_products", lanczos.products()).field("lanczos_converged", top.converged())
                .field("top_eigenvalues", descending);
        if (evidence) {
            appendEvidence(json, cost, w, chosen);
        }
        if (density != null) {
            start = System.nanoTime();
            double sigma = densitySigma != null ? densitySigma : Math.max(lambda, descending[0] / 200.0);
            SpectralDensity phi = SpectrumMethod.slq().withProbes(probes).withSteps(steps).withDeflation(deflation)
                    .withSeed(seed).density(hessian, sigma, 400);
            DensityChart.save(density, String.format(Locale.ROOT, "Hessian of C, 784-%d-10, N = %d, lambda = %s",
                    hidden, n, lambda), phi, descending);
            json.field("density_png", density.toString()).field("density_sigma", sigma)
                    .field("density_products", phi.products()).field("density_s", seconds(start));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json.close());
        out.flush();
        return 0;
    }

    private void appendEvidence(Json json, Cost cost, double[] w, Method chosen) {
        long start = System.nanoTime();
        SpectrumMethod spectrumMethod = SpectrumMethod.exact();
        if (chosen == Method.slq) {
            StochasticLanczosQuadrature slq = SpectrumMethod.slq().withProbes(probes).withSteps(steps)
                    .withDeflation(deflation).withSeed(seed);
            // the target is on the sum of log ratios, twice the log Occam factor
            spectrumMethod = tolerance == null ? slq : slq.withErrorTarget(2.0 * tolerance);
        }
        Laplace laplace = Laplace.of(Minimizer.automatic(), spectrumMethod);
        // the generalized Gauss-Newton matrix is positive semi-definite: no eigenvalue below lambda
        if (chosen == Method.dual) {
            laplace = laplace.withDualGaussNewton();
        } else if (curvature == Curvature.ggn) {
            laplace = laplace.withGaussNewton();
        }
        // the point as given: the minimizer's check would cost as much as the spectrum
        Evidence evidence = laplace.evidenceOf(cost, Minimum.unchecked(cost, w));
        double evidenceSeconds = seconds(start);
        HessianSpectrum spectrum = evidence.spectrum();
        Estimate sum = spectrum.sumLogRatio();
        json.field("method", chosen.name()).field("curvature", chosen == Method.dual ? "ggn" : curvature.name())
                .field("cost", evidence.cost()).field("cross_entropy", evidence.crossEntropy())
                .field("sum_log_ratio", sum.value()).field("sum_log_ratio_error", sum.error())
                .field("log_occam_factor", evidence.logOccamFactor())
                .field("log_occam_factor_error", evidence.logOccamFactorError())
                .field("log_evidence_ratio", evidence.logEvidenceRatio())
                .field("log_evidence_ratio_error", evidence.logEvidenceRatioError())
                .field("log_evidence_ratio_per_example", evidence.logEvidenceRatioPerExample())
                .field("excluded_eigenvalues", spectrum.excludedCount().value())
                .field("excluded_eigenvalues_error", spectrum.excludedCount().error())
                .field("trace", spectrum.trace().value()).field("trace_error", spectrum.trace().error())
                .field("hvp_count", spectrum.products()).field("evidence_converged", spectrum.converged())
                .field("evidence_s", evidenceSeconds);
    }

    private void checkOptions() {
        if (hidden < 1) {
            throw new IllegalArgumentException("--hidden must be >= 1, got " + hidden);
        }
        if (!(lambda > 0.0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("--lambda must be finite and > 0, got " + lambda);
        }
        if (k < 1 || k > MAX_K) {
            throw new IllegalArgumentException("--k must be in [1, " + MAX_K + "], got " + k);
        }
        if (density != null && Files.isDirectory(density)) {
            throw new IllegalArgumentException("--density " + density + " is a directory; give a FILE.png");
        }
        if (density != null && density.toAbsolutePath().getParent() != null
                && !Files.isDirectory(density.toAbsolutePath().getParent())) {
            throw new IllegalArgumentException("--density " + density + ": its folder does not exist");
        }
        if (writePoint != null && (Files.isDirectory(writePoint) || (writePoint.toAbsolutePath().getParent() != null
                && !Files.isDirectory(writePoint.toAbsolutePath().getParent())))) {
            throw new IllegalArgumentException("--write-point " + writePoint
                    + " is a directory or its folder does not exist; give a FILE.npy");
        }
        if (!evidence && (method != null || tolerance != null || curvature != Curvature.hessian)) {
            warn("--method, --tolerance and --curvature apply to --evidence only; ignored without it");
        } else if (tolerance != null && method == Method.exact) {
            warn("--tolerance applies to --method slq; ignored with --method exact");
        }
        if (tolerance != null && !(tolerance > 0.0 && Double.isFinite(tolerance))) {
            throw new IllegalArgumentException("--tolerance must be finite and > 0 nats, got " + tolerance);
        }
        if (probes < 2 || steps < 2 || deflation < 0 || repeats < 1) {
            throw new IllegalArgumentException("--probes and --steps must be >= 2, --deflation >= 0 and --repeats "
                    + ">= 1, got " + probes + ", " + steps + ", " + deflation + ", " + repeats);
        }
        if (densitySigma != null && !(densitySigma > 0.0 && Double.isFinite(densitySigma))) {
            throw new IllegalArgumentException("--density-sigma must be finite and > 0, got " + densitySigma);
        }
        if (!(lanczosTolerance > 0.0 && lanczosTolerance < 1.0)) {
            throw new IllegalArgumentException("--lanczos-tolerance must be in (0, 1), got " + lanczosTolerance);
        }
    }

    private void warn(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("warning: " + message);
        err.flush();
    }

    /**
     * Reads a point in {@code shape}'s layout.
     *
     * @throws InputException naming the file and the expected count if it does not fit
     */
    static double[] readWeights(Path file, ShallowNetShape shape) throws IOException {
        double[] w;
        try {
            w = Npy.read(file);
        } catch (CorruptDataException e) {
            throw new InputException("--weights " + file + ": " + e.getMessage(), e);
        }
        if (w.length != shape.parameterCount()) {
            throw new InputException(String.format(Locale.ROOT, "--weights %s: %d values, expected %d for a "
                    + "%d-%d-%d network (W1, b1, W2, b2)", file, w.length, shape.parameterCount(),
                    shape.featureCount(), shape.hiddenUnits(), shape.classCount()));
        }
        for (int j = 0; j < w.length; j++) {
            if (!Double.isFinite(w[j])) {
                throw new InputException("--weights " + file + ": value " + j + " is " + w[j]);
            }
        }
        return w;
    }

    private double best(Runnable task) {
        task.run();
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            task.run();
            best = Math.min(best, seconds(start));
        }
        return best;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) * 1e-9;
    }

    /** A JSON object on one line, numbers in full precision, NaN and infinities as null. */
    static final class Json {

        private final StringBuilder text = new StringBuilder("{");

        Json field(String name, double value) {
            return raw(name, Double.isFinite(value) ? Double.toString(value) : "null");
        }

        Json field(String name, long value) {
            return raw(name, Long.toString(value));
        }

        Json field(String name, boolean value) {
            return raw(name, Boolean.toString(value));
        }

        Json field(String name, String value) {
            StringBuilder quoted = new StringBuilder("\"");
            for (char c : value.toCharArray()) {
                if (c == '"' || c == '\\') {
                    quoted.append('\\').append(c);
                } else if (c < 0x20) {
                    quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                } else {
                    quoted.append(c);
                }
            }
            return raw(name, quoted.append('"').toString());
        }

        Json field(String name, double[] values) {
            StringBuilder list = new StringBuilder("[");
            for (int i = 0; i < values.length; i++) {
                list.append(i == 0 ? "" : ", ").append(Double.isFinite(values[i]) ? Double.toString(values[i]) : "null");
            }
            return raw(name, list.append(']').toString());
        }

        private Json raw(String name, String value) {
            text.append(text.length() == 1 ? "" : ", ").append('"').append(name).append("\": ").append(value);
            return this;
        }

        String close() {
            return text.append('}').toString();
        }
    }
}
