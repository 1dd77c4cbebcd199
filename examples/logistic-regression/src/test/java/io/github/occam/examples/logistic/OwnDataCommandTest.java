package io.github.occam.examples.logistic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evidence of the user's own data in one command, and the command line's answers to bad
 * input: one line, exit code 2 for the user's mistakes and 1 for a failed computation, and
 * nothing written.
 */
class OwnDataCommandTest {

    @TempDir
    Path dir;

    private final CommandRun command = new CommandRun();

    private int run(String... args) {
        return command.run(new EvidenceEvaluator(), args);
    }

    /** A CSV with a header row, the label first, named classes from a linear rule plus noise. */
    private Path data(String name, int n, String... classes) throws IOException {
        Random random = new Random(name.hashCode());
        StringBuilder text = new StringBuilder("kind,a,b,c\n");
        for (int i = 0; i < n; i++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            double c = random.nextGaussian();
            double s = a + 0.5 * b + 0.5 * random.nextGaussian();
            int k = (int) Math.min(classes.length - 1, Math.max(0,
                    Math.floor((s + 1.0) * classes.length / 2.0)));
            text.append(String.format(Locale.ROOT, "%s,%.4f,%.4f,%.4f%n", classes[k], a, b, c));
        }
        return Files.writeString(dir.resolve(name), text);
    }

    private static List<CSVRecord> records(Path file) throws IOException {
        try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return parser.getRecords();
        }
    }

    @Test
    void progressCountsTheGridThenEachEvaluationOfTheSearch() throws Exception {
        LabelledSet train = LabelledSet.of(CsvData.read(data("progress.csv", 60, "no", "yes"),
                CsvData.Layout.DEFAULT));
        double[] lambdas = {0.01, 0.1, 1, 10, 100};
        int[] counts = new int[2];
        StringBuilder order = new StringBuilder();
        DataEvidence result = DataEvidence.compute(train, null, true, lambdas,
                new DataEvidence.Progress() {
                    @Override
                    public void gridPoint() {
                        counts[0]++;
                        order.append('g');
                    }

                    @Override
                    public void searchEvaluation() {
                        counts[1]++;
                        order.append('s');
                    }
                });
        assertThat(counts[0]).isEqualTo(lambdas.length);
        assertThat(counts[1]).isEqualTo(result.search().evaluations()).isGreaterThan(9);
        assertThat(order.toString()).matches("g{5}s+");
    }

    @Test
    void aTrainingFileAloneGivesTheLambdaOfMaximumEvidenceAndItsSearch() throws IOException {
        Path train = data("train.csv", 80, "no", "yes");
        Path results = dir.resolve("results");
        assertThat(run("--train-csv", train.toString(), "--out", results.toString(),
                "--no-progress")).as(command.err.toString()).isZero();

        List<CSVRecord> rows = ExperimentCommandTest.readTable(results.resolve("results.csv"));
        assertThat(rows).hasSize(21).allSatisfy(r -> {
            assertThat(r.get("labels")).isEqualTo("csv");
            assertThat(r.get("test_accuracy")).isEmpty();
            assertThat(r.get("test_cross_entropy")).isEmpty();
            assertThat(r.get("converged")).isEqualTo("true");
        });
        List<CSVRecord> search = records(results.resolve("lambda-search.csv"));
        assertThat(search.size()).isGreaterThan(10);
        double[] lambdas = search.stream().mapToDouble(r -> Double.parseDouble(r.get("lambda")))
                .toArray();
        assertThat(lambdas).isSorted();
        CSVRecord best = search.stream().max((x, y) -> Double.compare(
                Double.parseDouble(x.get("log_evidence")), Double.parseDouble(y.get("log_evidence"))))
                .orElseThrow();
        assertThat(command.out.toString())
                .contains("80 examples of 3 features, a header row, 2 classes (no, yes), labels in "
                        + "column 'kind'")
                .contains("logistic regression, P = 4 parameters, with bias")      // the default on CSV data
                .contains("The evidence is largest at lambda = "
                        + Summary.lambda(Double.parseDouble(best.get("lambda"))))
                .doesNotContain("test accuracy").doesNotContain("test cross-entropy");
        try (Stream<Path> files = Files.list(results)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    ".lock", "results.csv", "lambda-search.csv", "figure1-accuracy.png",
                    "figure1-accuracy.svg", "figure2-cross-entropy-evidence.png",
                    "figure2-cross-entropy-evidence.svg");
        }
    }

    @Test
    void threeNamedClassesGiveSoftmaxRegressionAndOneJsonLine() throws IOException {
        Path train = data("iris.csv", 90, "setosa", "versicolor", "virginica");
        Path test = data("iris-test.csv", 60, "setosa", "versicolor", "virginica");
        assertThat(run("--train-csv", train.toString(), "--test-csv", test.toString(), "--bias",
                "--json", "--out", dir.resolve("out").toString(), "--no-progress"))
                .as(command.err.toString()).isZero();
        String json = command.out.toString();
        assertThat(json).endsWith("\n");
        assertThat(json.strip()).doesNotContain("\n").startsWith("{\"train_csv\": ").endsWith("}")
                .contains("\"classes\": [\"setosa\", \"versicolor\", \"virginica\"]")
                .contains("\"model\": \"softmax regression\"")
                .contains("\"parameters\": 12").contains("\"converged\": true")
                .contains("\"test_examples\": 60").contains("\"label\": \"kind\"");
        double lambda = number(json, "lambda");
        double logEvidence = number(json, "log_evidence");
        double ratio = number(json, "log_evidence_ratio");
        // the null model has n = 3 classes: E = N ln 3 ... in favour of the null: E = -N ln 3 - ln P
        assertThat(ratio).isCloseTo(-90 * Math.log(3.0) - logEvidence, within(1e-9));
        assertThat(lambda).isBetween(1e-3, 1e2);
        assertThat(number(json, "test_accuracy")).isBetween(0.0, 1.0);
    }

    @Test
    void newInputsArePredictedByTheModelOfMaximumEvidence() throws IOException {
        Path train = data("train.csv", 80, "0", "1");
        Path inputs = Files.writeString(dir.resolve("new.csv"), "a,b,c\n3,1,0\n-3,-1,0\n");
        assertThat(run("--train-csv", train.toString(), "--predict-csv", inputs.toString(),
                "--out", dir.toString(), "--no-progress")).as(command.err.toString()).isZero();
        List<CSVRecord> predictions = records(dir.resolve("predictions.csv"));
        assertThat(predictions).extracting(r -> r.get("line")).containsExactly("2", "3");
        assertThat(predictions).extracting(r -> r.get("predicted")).containsExactly("1", "0");
        assertThat(predictions).allSatisfy(r -> assertThat(Double.parseDouble(r.get("p_0"))
                + Double.parseDouble(r.get("p_1"))).isCloseTo(1.0, within(1e-12)));
        Path withLabel = Files.writeString(dir.resolve("labelled.csv"), "1,3,1,0\n");
        assertThat(run("--train-csv", train.toString(), "--predict-csv", withLabel.toString(),
                "--out", dir.resolve("other").toString(), "--no-progress")).isEqualTo(2);
        assertThat(command.errorLine()).contains("labelled.csv: has 4 features per example")
                .contains("give the feature columns only");
        assertThat(dir.resolve("other")).doesNotExist();
    }

    @Test
    void aFolderHoldsOneRunsFilesOnly() throws IOException {
        Path train = data("train.csv", 80, "0", "1");
        Path inputs = Files.writeString(dir.resolve("new.csv"), "a,b,c\n3,1,0\n");
        Path out = dir.resolve("out");
        assertThat(run("--train-csv", train.toString(), "--predict-csv", inputs.toString(),
                "--out", out.toString(), "--no-progress")).as(command.err.toString()).isZero();
        assertThat(out.resolve("predictions.csv")).exists();
        // what a kill in the middle of an atomic write leaves
        Files.writeString(out.resolve(".figure1-accuracy.svg.3k9zq0a1b2c3d.tmp"), "torn");
        // the same folder, no new inputs and one lambda (no search): the earlier run's
        // predictions and search go with its results
        assertThat(run("--train-csv", train.toString(), "--lambdas", "1", "--out", out.toString(),
                "--no-progress")).as(command.err.toString()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    ".lock", "results.csv", "figure1-accuracy.png", "figure1-accuracy.svg",
                    "figure2-cross-entropy-evidence.png", "figure2-cross-entropy-evidence.svg");
        }
        assertThat(records(out.resolve("results.csv"))).hasSize(1);
    }

    // cause 2: errors name the file and the reason

    @Test
    void aFileThatIsNotUtf8IsNamedWithItsLine() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "y,x\n1,0.5\n0,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(run("--train-csv", file.toString(), "--out", dir.resolve("out").toString()))
                .isEqualTo(2);
        assertThat(command.errorLine()).isEqualTo("error: " + file + " line 3: not valid UTF-8 (byte 0xe9 at"
                + " byte 6 of the line); save the file as UTF-8");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aDirectoryOrAMissingFileIsNamedWithItsOption() {
        assertThat(run("--train-csv", dir.toString(), "--out", dir.resolve("out").toString()))
                .isEqualTo(2);
        assertThat(command.errorLine()).isEqualTo("error: --train-csv " + dir + " is a directory, not a CSV file");
        command.clear();
        assertThat(run("--train-csv", dir.resolve("absent.csv").toString())).isEqualTo(2);
        assertThat(command.errorLine()).isEqualTo("error: --train-csv " + dir.resolve("absent.csv")
                + ": no such file");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aTestLabelUnknownToTheTrainingSetIsNamedWithItsLine() throws IOException {
        Path train = data("train.csv", 40, "no", "yes");
        Path test = Files.writeString(dir.resolve("test.csv"), "kind,a,b,c\nyes,1,2,3\nmaybe,1,2,3\n");
        assertThat(run("--train-csv", train.toString(), "--test-csv", test.toString(), "--out",
                dir.resolve("out").toString())).isEqualTo(2);
        assertThat(command.errorLine()).isEqualTo("error: " + test + " line 3: label 'maybe' is not a class "
                + "of the training set (no, yes)");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void anOutputPathThatIsAFileIsRefusedBeforeAnyWork() throws IOException {
        Path file = Files.writeString(dir.resolve("results"), "not a directory");
        assertThat(command.run(ExperimentCommandTest.STAND_IN, "--out", file.toString(), "--dimension", "2",
                "--test-size", "2")).isEqualTo(2);
        assertThat(command.errorLine()).isEqualTo("error: --out " + file + " is a file, not a directory");
        Path under = file.resolve("out");
        command.clear();
        assertThat(command.run(ExperimentCommandTest.STAND_IN, "--out", under.toString(), "--dimension", "2",
                "--test-size", "2")).isEqualTo(2);
        assertThat(command.errorLine()).startsWith("error: --out " + under + ": the folder cannot be created (");
    }

    // cause 1: no stack trace reaches the user

    @Test
    void aLambdaTheNumericsCannotTakeIsOneLineNamingIt() {
        Path results = dir.resolve("results");
        assertThat(run("--lambdas", "1.7976931348623157e308", "--dimension", "3", "--train-size",
                "10", "--test-size", "10", "--out", results.toString(), "--no-progress"))
                .isEqualTo(2);
        assertThat(command.errorLine()).startsWith("error: --lambdas 1.7976931348623157E308 (")
                .contains("labels): lambda = 1.7976931348623157E308 is out of range");
        assertThat(results).doesNotExist();
    }

    @Test
    void runningOutOfMemoryIsOneLine() {
        Evaluator exhausted = (task, bias) -> lambda -> {
            throw new OutOfMemoryError("Java heap space");
        };
        assertThat(command.run(exhausted, "--lambdas", "1", "--dimension", "2", "--test-size", "2",
                "--out", dir.resolve("results").toString(), "--no-progress")).isEqualTo(1);
        assertThat(command.errorLine()).startsWith("error: out of memory (Java heap space)")
                .contains("java -Xmx");
        assertThat(dir.resolve("results")).doesNotExist();
    }

    @Test
    void aRunTooLargeForMemoryIsRefusedUpFrontNamingItsSize() {
        assertThat(command.run(ExperimentCommandTest.STAND_IN, "--dimension", "2000000", "--out",
                dir.resolve("results").toString())).isEqualTo(2);
        assertThat(command.errorLine()).startsWith("error: --dimension 2000000 with --train-size 200 and "
                + "--test-size 10000 needs about ").contains("TiB of memory, more than the");
        assertThat(dir.resolve("results")).doesNotExist();
    }

    @Test
    void aBadOptionIsOneLineWithoutTheUsageText() {
        assertThat(run("--lambdas", "NaN", "--out", dir.resolve("results").toString()))
                .isEqualTo(2);
        assertThat(command.errorLine()).isEqualTo("error: --lambdas: every lambda must be finite and > 0, "
                + "got NaN (see logistic-regression --help)");
        assertThat(dir.resolve("results")).doesNotExist();
        command.clear();
        assertThat(run("--json")).isEqualTo(2);
        assertThat(command.errorLine()).contains("--json applies to your own data, --train-csv FILE");
    }

    private static double number(String json, String key) {
        int start = json.indexOf("\"" + key + "\": ") + key.length() + 4;
        int end = start;
        while (end < json.length() && ",}".indexOf(json.charAt(end)) < 0) {
            end++;
        }
        return Double.parseDouble(json.substring(start, end));
    }
}
