package io.github.occam.examples.logistic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line, its options and its outputs. The option checks use a stand-in for the
 * numerical work; the tiny full run uses the real one.
 */
class ExperimentCommandTest {

    /** A cheap stand-in: numbers that depend on lambda and on the data, all finite. */
    static final Evaluator STAND_IN = (task, bias) -> {
        double positives = Arrays.stream(task.train().labels()).average().orElse(0.0);
        return lambda -> new ResultRow(task.labels(), lambda, 1.0 / (1.0 + lambda), positives,
                lambda / (1.0 + lambda), 1.0 + Math.abs(Math.log(lambda)), 10.0 + lambda,
                -Math.log1p(1.0 / lambda), Math.log(lambda), Math.log(lambda) / task.train().size(),
                bias ? 1 : 0, true);
    };

    @TempDir
    Path dir;

    private final CommandRun command = new CommandRun();
    private final StringWriter out = command.out;
    private final StringWriter err = command.err;

    private int run(Evaluator evaluator, String... args) {
        return command.run(evaluator, args);
    }

    private String errorLine() {
        return command.errorLine();
    }

    static List<CSVRecord> readTable(Path file) throws IOException {
        try (CSVParser parser = CSVParser.parse(file, java.nio.charset.StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(ResultsCsv.HEADER);
            return parser.getRecords();
        }
    }

    @Test
    void tinyRunWritesTableFiguresAndSummary() throws IOException {
        Path results = dir.resolve("nested").resolve("results");
        int code = run(new EvidenceEvaluator(), "--lambdas", "100,0.01,1", "--out",
                results.toString(), "--no-progress", "--dimension", "5", "--train-size", "20",
                "--test-size", "30");
        assertThat(code).as(err.toString()).isZero();

        List<CSVRecord> rows = readTable(results.resolve("results.csv"));
        assertThat(rows).hasSize(6);
        assertThat(rows).extracting(r -> r.get("labels"))
                .containsExactly("random", "random", "random", "informative", "informative",
                        "informative");
        assertThat(rows.subList(0, 3)).extracting(r -> Double.parseDouble(r.get("lambda")))
                .containsExactly(0.01, 1.0, 100.0);
        assertThat(rows).allSatisfy(r -> {
            assertThat(Double.parseDouble(r.get("train_accuracy"))).isBetween(0.0, 1.0);
            assertThat(Double.parseDouble(r.get("log_evidence_ratio_per_example")) * 20)
                    .isCloseTo(Double.parseDouble(r.get("log_evidence_ratio")), within(1e-9));
        });

        for (String name : List.of(Figures.FIGURE_1, Figures.FIGURE_2)) {
            byte[] png = Files.readAllBytes(results.resolve(name + ".png"));
            assertThat(png.length).isGreaterThan(1000);
            assertThat(Arrays.copyOf(png, 4)).containsExactly(0x89, 'P', 'N', 'G');
            String svg = Files.readString(results.resolve(name + ".svg"));
            assertThat(svg).contains("<svg").contains("</svg>");
        }
        try (Stream<Path> files = Files.list(results)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    ".lock", "results.csv", "figure1-accuracy.png", "figure1-accuracy.svg",
                    "figure2-cross-entropy-evidence.png", "figure2-cross-entropy-evidence.svg");
        }
        assertThat(out.toString()).contains("random labels (3 lambdas)")
                .contains("informative labels (3 lambdas)")
                .contains("lowest E/N").contains("Spearman rho(test cross-entropy, E)")
                .contains("results.csv");
    }

    @Test
    void labelsOptionSelectsOneSet() throws IOException {
        int code = run(STAND_IN, "--labels", "INFORMATIVE", "--lambdas", "1,2", "--out",
                dir.toString(), "--no-progress", "--dimension", "3", "--test-size", "10");
        assertThat(code).as(err.toString()).isZero();
        assertThat(readTable(dir.resolve("results.csv"))).extracting(r -> r.get("labels"))
                .containsExactly("informative", "informative");
    }

    @Test
    void userCsvDataIsRunAsLabelSetCsv() throws IOException {
        Path train = Files.writeString(dir.resolve("train.csv"), "1,0.5,2\n0,1.5,-1\n1,2,0\n");
        Path test = Files.writeString(dir.resolve("test.csv"), "0,1,1\n1,3,3\n");
        int code = run(STAND_IN, "--train-csv", train.toString(), "--test-csv", test.toString(),
                "--standardize", "--bias", "--lambdas", "0.1,10", "--out", dir.toString(),
                "--no-progress");
        assertThat(code).as(err.toString()).isZero();
        List<CSVRecord> rows = readTable(dir.resolve("results.csv"));
        assertThat(rows).extracting(r -> r.get("labels")).containsExactly("csv", "csv");
        assertThat(rows).extracting(r -> r.get("converged")).containsOnly("true");
        assertThat(rows).allSatisfy(r -> assertThat(Double.parseDouble(r.get("test_accuracy")))
                .isIn(0.0, 0.5, 1.0));
        assertThat(out.toString()).contains("csv labels (2 lambdas)")
                .contains("logistic regression, P = 3 parameters, with bias");
    }

    @Test
    void nonPositiveLambdaIsAUsageErrorNamingTheValue() {
        assertThat(run(STAND_IN, "--lambdas", "1,-0.5", "--out", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--lambdas").contains("-0.5");
        assertThat(run(STAND_IN, "--lambdas", "0", "--out", dir.toString())).isEqualTo(2);
        assertThat(run(STAND_IN, "--lambdas", "1,abc", "--out", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("abc");
        assertThat(run(STAND_IN, "--lambdas", "1,1", "--out", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("given twice");
    }

    @Test
    void optionCombinationsAreChecked() {
        assertThat(run(STAND_IN, "--test-csv", "a.csv", "--out", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--test-csv applies to your own data, --train-csv FILE");
        assertThat(run(STAND_IN, "--standardize", "--out", dir.toString())).isEqualTo(2);
        assertThat(run(STAND_IN, "--train-csv", "a.csv", "--labels",
                "random", "--out", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--labels applies to the synthetic data");
        assertThat(run(STAND_IN, "--labels", "some", "--out", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("some");
        assertThat(run(STAND_IN, "--train-size", "1", "--out", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--train-size").contains("got 1");
    }

    @Test
    void badDataFileFailsWithItsLineAndNoOutput() throws IOException {
        Path train = Files.writeString(dir.resolve("train.csv"), "1,0.5\n0,x\n");
        Path test = Files.writeString(dir.resolve("test.csv"), "1,0.5\n");
        Path results = dir.resolve("results");
        assertThat(run(STAND_IN, "--train-csv", train.toString(), "--test-csv", test.toString(),
                "--out", results.toString(), "--no-progress")).isEqualTo(2);
        assertThat(errorLine()).contains("train.csv line 2").contains("'x'");
        assertThat(results).doesNotExist();
    }

    @Test
    void aQuotedFieldSpanningLinesIsSaidToBeUnsupported() throws IOException {
        Path train = Files.writeString(dir.resolve("train.csv"), "1,0.5\n0,\"1\n2\"\n1,3\n");
        Path results = dir.resolve("results");
        assertThat(run(STAND_IN, "--train-csv", train.toString(), "--out", results.toString(), "--no-progress"))
                .isEqualTo(2);
        assertThat(errorLine()).contains("train.csv line 2").contains("quoted fields that span lines")
                .contains("not supported");
        assertThat(results).doesNotExist();
    }

    @Test
    void featureCountsOfTrainAndTestMustAgree() throws IOException {
        Path train = Files.writeString(dir.resolve("train.csv"), "1,0.5,1\n0,1,2\n");
        Path test = Files.writeString(dir.resolve("test.csv"), "1,0.5\n");
        assertThat(run(STAND_IN, "--train-csv", train.toString(), "--test-csv", test.toString(),
                "--out", dir.resolve("out").toString(), "--no-progress")).isEqualTo(2);
        assertThat(errorLine()).contains("test.csv").contains("1 features").contains("has 2");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void rewritingTheTableReplacesIt() throws IOException {
        Path table = dir.resolve("results.csv");
        List<ResultRow> rows = new ArrayList<>();
        rows.add(STAND_IN.prepare(SyntheticTasks.generate(2, 4, 2, 1L).random(), false).apply(1.0));
        ResultsCsv.write(table, rows);
        rows.add(rows.get(0));
        ResultsCsv.write(table, rows);
        assertThat(readTable(table)).hasSize(2);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(table);
        }
    }
}
