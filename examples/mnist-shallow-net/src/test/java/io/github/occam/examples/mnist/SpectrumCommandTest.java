package io.github.occam.examples.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.data.Npy;
import io.github.occam.models.ShallowNetShape;
import io.github.occam.spectrum.HessianSpectrum;
import io.github.occam.spectrum.SpectrumMethod;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code spectrum} command on a 784-3-10 network (P = 2395) and 50 digits: its JSON line and exit codes. */
class SpectrumCommandTest {

    private static final ShallowNetShape SHAPE = new ShallowNetShape(784, 3, 10);

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return MnistShallowNet.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private static double number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\": ([-0-9.eE]+)").matcher(json);
        assertThat(m.find()).as(field + " in " + json).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void printsEveryFieldOfTheIssueAndTheExactEvidence() {
        assertThat(run("spectrum", "--n", "50", "--hidden", "3", "--k", "3", "--repeats", "1", "--evidence"))
                .as(err.toString()).isZero();
        String json = out.toString().trim();
        assertThat(json).startsWith("{").endsWith("}").doesNotContain("\n");
        for (String field : new String[] {"parameters", "n", "gradient_s", "hvp_s", "hvp_over_gradient",
            "lanczos_s", "cost", "cross_entropy", "sum_log_ratio", "sum_log_ratio_error", "log_occam_factor",
            "log_evidence_ratio", "log_evidence_ratio_error", "excluded_eigenvalues", "trace", "trace_error",
            "hvp_count", "evidence_s"}) {
            number(json, field);
        }
        assertThat(number(json, "parameters")).isEqualTo(SHAPE.parameterCount());
        assertThat(json).contains("\"method\": \"exact\"").contains("\"top_eigenvalues\": [");
        assertThat(number(json, "sum_log_ratio_error")).isZero();
        // E = -N ln 10 + C + (1/2) sum ln(lambda_i / lambda)
        assertThat(number(json, "log_evidence_ratio")).isCloseTo(-50 * Math.log(10) + number(json, "cost")
                + 0.5 * number(json, "sum_log_ratio"), within(1e-6));
    }

    @Test
    void weightsRoundTripGiveTheSamePointAsTheDenseSpectrum() throws IOException {
        double[] w = SHAPE.initialParameters(7L);
        Path file = dir.resolve("w.npy");
        Npy.write(file, w);
        assertThat(run("spectrum", "--n", "50", "--hidden", "3", "--k", "2", "--repeats", "1", "--evidence",
                "--method", "slq", "--weights", file.toString())).as(err.toString()).isZero();
        String json = out.toString();
        Digits digits = digitsOrFail();
        var train = digits.train(50);
        var net = io.github.occam.models.ShallowNetwork.of(train.featuresAsDouble(), train.labels(), 3, 10);
        HessianSpectrum exact = SpectrumMethod.exact().compute(
                io.github.occam.Cost.of(net, 0.01).hessianAt(w), 0.01);
        double[] ascending = exact.eigenvalues();
        Matcher top = Pattern.compile("\"top_eigenvalues\": \\[([-0-9.eE]+)").matcher(json);
        assertThat(top.find()).isTrue();
        assertThat(Double.parseDouble(top.group(1))).isCloseTo(ascending[ascending.length - 1],
                within(1e-6 * ascending[ascending.length - 1]));
        assertThat(json).contains("\"method\": \"slq\"");
        assertThat(number(json, "sum_log_ratio")).isCloseTo(exact.sumLogRatio().value(),
                within(4 * number(json, "sum_log_ratio_error") + 1e-6));
    }

    @Test
    void theGaussNewtonEvidenceLeavesNoEigenvalueOut() {
        assertThat(run("spectrum", "--n", "50", "--hidden", "3", "--k", "2", "--repeats", "1", "--evidence",
                "--curvature", "ggn")).as(err.toString()).isZero();
        String json = out.toString();
        assertThat(json).contains("\"curvature\": \"ggn\"");
        assertThat(number(json, "excluded_eigenvalues")).isZero();
        assertThat(number(json, "sum_log_ratio")).isPositive();
    }

    @Test
    void theDualMethodGivesTheDenseGaussNewtonEvidenceExactly() {
        assertThat(run("spectrum", "--n", "50", "--hidden", "3", "--k", "2", "--repeats", "1", "--evidence",
                "--curvature", "ggn", "--method", "exact")).as(err.toString()).isZero();
        double dense = number(out.toString(), "log_evidence_ratio");
        out.getBuffer().setLength(0);
        assertThat(run("spectrum", "--n", "50", "--hidden", "3", "--k", "2", "--repeats", "1", "--evidence",
                "--method", "dual")).as(err.toString()).isZero();
        String json = out.toString();
        assertThat(json).contains("\"method\": \"dual\"").contains("\"curvature\": \"ggn\"");
        assertThat(number(json, "log_evidence_ratio")).isCloseTo(dense,
                within(1e-9 * Math.abs(dense)));
        assertThat(number(json, "sum_log_ratio_error")).isZero();
    }

    @Test
    void minimizePolishesThePointAndWritePointWritesIt() throws IOException {
        Path point = dir.resolve("w0.npy");
        assertThat(run("spectrum", "--n", "50", "--hidden", "3", "--k", "2", "--repeats", "1", "--minimize",
                "--write-point", point.toString(), "--lambda", "1")).as(err.toString()).isZero();
        String json = out.toString();
        double before = number(json, "polish_cost_before");
        double after = number(json, "polish_cost_after");
        assertThat(after).isLessThan(before);
        assertThat(number(json, "polish_iterations")).isPositive();
        double[] w = io.github.occam.data.Npy.read(point);
        Digits digits = digitsOrFail();
        io.github.occam.models.ShallowNetwork net = io.github.occam.models.ShallowNetwork.of(
                digits.train(50).featuresAsDouble(), digits.train(50).labels(), 3, 10);
        assertThat(io.github.occam.Cost.of(net, 1.0).value(w)).isCloseTo(after,
                within(1e-9 * after));
    }

    @Test
    void trainSeedEvaluatesOnTheSubsetASweepRunDrew() throws IOException {
        Path point = dir.resolve("w.npy");
        ShallowNetShape shape = new ShallowNetShape(784, 3, 10);
        Npy.write(point, shape.initialParameters(5L));
        assertThat(run("spectrum", "--n", "50", "--hidden", "3", "--k", "2", "--repeats", "1", "--evidence",
                "--weights", point.toString(), "--train-seed", "7", "--lambda", "1")).as(err.toString()).isZero();
        double cost = number(out.toString(), "cost");
        Digits digits = digitsOrFail();
        io.github.occam.data.Dataset subset = digits.train(50, 7L);
        io.github.occam.models.ShallowNetwork net = io.github.occam.models.ShallowNetwork.of(
                subset.featuresAsDouble(), subset.labels(), 3, 10);
        double[] w = shape.initialParameters(5L);
        assertThat(cost).isCloseTo(io.github.occam.Cost.of(net, 1.0).value(w),
                within(1e-9 * cost));
        io.github.occam.data.Dataset first = digits.train(50);
        assertThat(cost).as("not the first 50 digits' cost").isNotCloseTo(io.github.occam.Cost.of(
                io.github.occam.models.ShallowNetwork.of(first.featuresAsDouble(), first.labels(), 3, 10), 1.0)
                .value(w), within(1e-6 * cost));
    }

    @Test
    void drawsTheSpectralDensity() {
        Path png = dir.resolve("density.png");
        assertThat(run("spectrum", "--n", "50", "--hidden", "3", "--k", "2", "--repeats", "1", "--probes", "4",
                "--steps", "10", "--density", png.toString())).as(err.toString()).isZero();
        assertThat(png).isNotEmptyFile();
        assertThat(number(out.toString(), "density_products")).isPositive();
    }

    @Test
    void weightsOfTheWrongLengthAreRefusedNamingTheFileAndTheCount() throws IOException {
        Path file = dir.resolve("short.npy");
        Npy.write(file, new double[] {1, 2, 3});
        assertThat(run("spectrum", "--n", "50", "--hidden", "3", "--weights", file.toString())).isEqualTo(2);
        assertThat(err.toString().trim()).doesNotContain("\n").contains(file.toString())
                .contains("3 values, expected " + SHAPE.parameterCount());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void badOptionsEndWithOneLineAndExitTwo() throws IOException {
        Files.writeString(dir.resolve("not.npy"), "hello");
        for (String[] args : new String[][] {{"spectrum", "--n", "0", "--hidden", "3"},
            {"spectrum", "--n", "50", "--hidden", "0"}, {"spectrum", "--n", "50", "--hidden", "3", "--lambda", "-1"},
            {"spectrum", "--n", "50", "--hidden", "3", "--curvature", "newton"},
            {"spectrum", "--n", "50", "--hidden", "3", "--weights", dir.resolve("not.npy").toString()},
            {"spectrum", "--n", "50", "--hidden", "3", "--weights", dir.resolve("missing.npy").toString()},
            {"spectrum", "--n", "50", "--hidden", "3", "--k", "2000000000"},
            {"spectrum", "--n", "50", "--hidden", "3", "--density", dir.toString()},
            {"spectrum", "--n", "50", "--hidden", "3", "--write-point", dir.resolve("absent/w.npy").toString()},
            {"spectrum", "--n", "50", "--hidden", "2147483647"}}) {
            StringWriter e = new StringWriter();
            int status = MnistShallowNet.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(e, true),
                    args);
            assertThat(status).as(String.join(" ", args) + ": " + e).isEqualTo(2);
            assertThat(e.toString().trim()).startsWith("error: ").doesNotContain("\n");
            if (args[args.length - 1].equals("2147483647")) {
                assertThat(e.toString()).contains("--hidden 2147483647: ");
            }
        }
    }

    @Test
    void optionsThatApplyOnlyToTheEvidenceAreNotIgnoredSilently() {
        StringWriter e = new StringWriter();
        int status = MnistShallowNet.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(e, true),
                "spectrum", "--n", "50", "--hidden", "3", "--k", "2", "--repeats", "1", "--method", "slq");
        assertThat(status).isZero();
        assertThat(e.toString()).contains("warning: --method, --tolerance and --curvature apply to --evidence only");
    }

    private static Digits digitsOrFail() {
        try {
            return Digits.bundled();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
