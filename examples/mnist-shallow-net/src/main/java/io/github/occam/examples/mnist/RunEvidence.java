package io.github.occam.examples.mnist;

import io.github.occam.Cost;
import io.github.occam.Estimate;
import io.github.occam.data.Dataset;
import io.github.occam.evidence.Evidence;
import io.github.occam.evidence.Laplace;
import io.github.occam.examples.support.AtomicFiles;
import io.github.occam.examples.support.InputException;
import io.github.occam.models.ShallowNetwork;
import io.github.occam.noise.GradientNoise;
import io.github.occam.optim.Minimizer;
import io.github.occam.optim.Minimum;
import io.github.occam.optim.Polish;
import io.github.occam.sgd.SgdResult;
import io.github.occam.spectrum.SpectrumMethod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code sweep --evidence} and {@code --save-weights}: what happens to each run's final network.
 * With evidence, E/N of the network at its end point (Smith &amp; Le, eq. 2; no minimization,
 * eigenvalues below lambda left out) with its standard error, exact for P &lt;= 3000 and by
 * stochastic Lanczos quadrature above, and the measured simple noise scale B_simple =
 * tr(Sigma) / |G|^2 ({@link GradientNoise}) are appended to {@code evidence.csv}, keyed by the
 * run; {@link EvidenceAnalysis} reads them.
 *
 * <pre>{@code
 * String line = RunEvidence.line(digits, 800, new RunEvidence.Settings(1.0, true, true), key, result);
 * RunEvidence.append(dir.resolve("evidence.csv"), line);      // on the thread that writes the files
 * }</pre>
 */
public final class RunEvidence {

    /** The header of {@code evidence.csv}. */
    static final String HEADER = "batch_size,learning_rate,train_size,momentum,seed,budget,lambda,test_accuracy,"
            + "log_evidence_ratio_per_example,log_evidence_ratio_per_example_error,b_simple,b_simple_error,"
            + "curvature,point,cost_per_example,breadth_per_example,test_accuracy_w0,test_cross_entropy_w0,"
            + "test_cross_entropy,polish_gain,polish_distance,polish_iterations,gradient_norm_w0,kinks_w0";

    /** Independent batch pairs of the noise measurement. */
    static final int NOISE_PAIRS = 30;

    /**
     * How the evidence of each run is taken.
     *
     * @param lambda      the prior precision of the evidence, finite and &gt; 0
     * @param gaussNewton the Gauss-Newton curvature (exact through the dual matrix where it fits in
     *                    memory, SLQ on the Gauss-Newton products above), else the Hessian
     *                    (exact up to P = 3000, SLQ above)
     * @param polish      whether the evidence is taken at the minimum of C nearest the end point
     *                    ({@link Polish}), else at the end point as it is
     */
    public record Settings(double lambda, boolean gaussNewton, boolean polish) implements java.io.Serializable {
    }

    private RunEvidence() {
    }

    /**
     * Computes the evidence of one run's final network and returns its {@code evidence.csv} line
     * (newline-terminated). Writes nothing.
     */
    static String line(Digits digits, int hidden, Settings settings, RunKey key, SgdResult result) {
        double lambda = settings.lambda();
        boolean gaussNewton = settings.gaussNewton();
        boolean polish = settings.polish();
        Dataset train = digits.train(key.trainSize(), key.seed());   // the run's own subset
        ShallowNetwork net = ShallowNetwork.of(train.featuresAsDouble(), train.labels(), hidden, 10);
        double[] w = result.parameters();
        SpectrumMethod above = SpectrumMethod.automatic(SpectrumMethod.slq().withSeed(key.seed()));
        Laplace laplace = Laplace.of(Minimizer.automatic(), above);
        // the dual matrix is N (n - 1) on a side; room for it twice (two runs at once) and a margin
        long dual = (long) train.size() * 9;
        boolean dualFits = 2.5 * 8.0 * dual * dual < Runtime.getRuntime().maxMemory();
        if (gaussNewton) {
            laplace = dualFits ? laplace.withDualGaussNewton() : laplace.withGaussNewton();
        }
        Cost cost = Cost.of(net, lambda);
        double[] figures = new double[12];
        java.util.Arrays.fill(figures, Double.NaN);
        if (!result.diverged()) {
            double[] w0 = w;
            if (polish) {
                Polish.Result polished = Polish.defaults().polish(cost, w);
                w0 = polished.minimum().parameters();
                figures[7] = polished.gain();
                figures[8] = polished.distance();
                figures[9] = polished.iterations();
            }
            Evidence evidence = laplace.evidenceOf(cost, Minimum.unchecked(cost, w0));
            int n = evidence.exampleCount();
            figures[0] = evidence.logEvidenceRatioPerExample();
            figures[1] = evidence.logEvidenceRatioError() / n;
            figures[2] = evidence.cost() / n;
            figures[3] = -evidence.logOccamFactor() / n;
            Dataset test = digits.test();
            ShallowNetwork onTest = net.on(test.featuresAsDouble(), test.labels());
            figures[4] = onTest.accuracy(w0);
            figures[5] = onTest.crossEntropy(w0) / test.size();
            figures[10] = evidence.gradientNorm();
            figures[11] = net.kinksAt(w0);
        }
        figures[6] = result.testCrossEntropy();
        double ratio = figures[0];
        double error = figures[1];
        double[] noise = {Double.NaN, Double.NaN};
        int small = Math.max(1, Math.min(8, train.size() / 10));
        if (!result.diverged() && train.size() > small) {
            Optional<Estimate> measured = GradientNoise.measure(net, lambda, w, small, train.size(), NOISE_PAIRS,
                    key.seed()).simpleNoiseScale();
            measured.ifPresent(e -> {
                noise[0] = e.value();
                noise[1] = e.error();
            });
        }
        return key(key) + String.format(Locale.ROOT, ",%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s%n",
                lambda, cell(result.testAccuracy()), cell(ratio), cell(error), cell(noise[0]), cell(noise[1]),
                gaussNewton ? "ggn" : "hessian", polish ? "minimum" : "end", cell(figures[2]), cell(figures[3]),
                cell(figures[4]), cell(figures[5]), cell(figures[6]), cell(figures[7]), cell(figures[8]),
                cell(figures[9]), cell(figures[10]), Double.isNaN(figures[11]) ? "" : Long.toString((long) figures[11]));
    }

    /**
     * A number as {@link Double#toString} writes it, or an empty cell for one that does not exist
     * (a diverged run has no evidence, a run too small for the noise measurement no B_simple), as
     * in {@code optimum.csv}.
     */
    static String cell(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    /**
     * Refuses an {@code evidence.csv} of another version (other columns): its lines could be
     * neither repaired nor appended to.
     *
     * @throws InputException naming the file
     */
    static void checkHeader(Path csv) throws IOException {
        if (!Files.exists(csv) || Files.size(csv) == 0) {
            return;
        }
        String first;
        try (java.io.BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            first = reader.readLine();
        }
        if (first != null && !first.equals(HEADER) && first.contains(",")) {
            throw new InputException(csv + " was written by an earlier version (other columns): a sweep cannot "
                    + "add evidence to it; choose another --out");
        }
    }

    /** The first six fields of a run's line, as {@code runs.csv} writes its key. */
    static String key(RunKey key) {
        return key.batchSize() + "," + key.learningRate() + "," + key.trainSize() + "," + key.momentum() + ","
                + key.seed() + "," + key.budget().tag();
    }

    /** Number of fields of a complete line. */
    static final int FIELDS = 24;

    /**
     * Appends one complete line in one write through an append-only channel and forces it to disk,
     * as {@code runs.csv} is written, so that a kill leaves at most a torn last line.
     */
    static synchronized void append(Path csv, String line) {
        try (FileChannel channel = FileChannel.open(csv, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(((channel.size() == 0 ? HEADER + "\n" : "") + line)
                    .getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException(csv + ": " + e.getMessage(), e);
        }
    }

    /**
     * Brings {@code evidence.csv} in line with the runs of {@code runs.csv} before a sweep resumes:
     * a run's evidence line is written before the run reaches {@code runs.csv}, so a kill in between
     * leaves a line whose run will be made again. Kept: each complete line of 12 fields whose run is
     * in {@code done}, the first one of each run; dropped: a torn last line, lines of runs not in
     * {@code done} (they are computed again), repeats. The file is rewritten atomically, and only if
     * something was dropped.
     *
     * @return the number of lines dropped
     */
    static int repair(Path csv, List<RunRecord> done) throws IOException {
        if (!Files.exists(csv)) {
            return 0;
        }
        java.util.Set<String> runs = new java.util.HashSet<>();
        for (RunRecord r : done) {
            runs.add(key(r.key()));
        }
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        StringBuilder kept = new StringBuilder(HEADER).append('\n');
        java.util.Set<String> seen = new java.util.HashSet<>();
        int dropped = 0;
        // the element after the last '\n' is "" for a complete file, the torn fragment otherwise
        for (int i = 1; i < lines.length - 1; i++) {
            String[] f = lines[i].split(",", -1);
            String key = f.length == FIELDS ? String.join(",", java.util.Arrays.copyOf(f, 6)) : null;
            if (key != null && runs.contains(key) && seen.add(key)) {
                kept.append(lines[i]).append('\n');
            } else {
                dropped++;
            }
        }
        boolean torn = !lines[lines.length - 1].isEmpty();
        boolean header = lines.length > 1 && lines[0].equals(HEADER);
        if (dropped > 0 || torn || !header) {
            AtomicFiles.writeString(csv, kept.toString());
        }
        return dropped + (torn ? 1 : 0);
    }
}
