package io.github.occam.examples.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.examples.support.OutputLock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** End-to-end runs of the commands on the bundled digits, tiny sizes, nothing on stdout. */
class CommandLineTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return MnistShallowNet.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** Runs a command that must be refused (exit code 2) and returns its one line on stderr. */
    private String refusal(String... args) {
        err.getBuffer().setLength(0);
        assertThat(run(args)).as(err.toString()).isEqualTo(2);
        assertThat(err.toString().strip()).doesNotContain("\n").doesNotContain("Exception");
        return err.toString();
    }

    @Test
    void tinySweepWritesEveryResultFileAndResumes() throws IOException {
        String[] args = {"sweep", "--train-sizes", "120", "--batch-sizes", "4,12,40,120", "--learning-rates", "0.05",
            "--momenta", "0.5", "--seeds", "1,2", "--epochs", "2", "--hidden", "16", "--threads", "2",
            "--resamples", "50", "--no-progress", "--out", dir.toString()};
        assertThat(run(args)).as(err.toString()).isZero();
        List<String> runs = Files.readAllLines(dir.resolve("runs.csv"));
        assertThat(runs.get(0)).isEqualTo(RunsCsv.HEADER);
        assertThat(runs).hasSize(1 + 4 * 2);
        List<RunRecord> records = RunsCsv.readAndRepair(dir.resolve("runs.csv"));
        for (RunRecord r : records) {
            int b = r.key().batchSize();
            assertThat(r.updates()).isEqualTo(2L * ((120 + b - 1) / b));
            assertThat(r.epochs()).isEqualTo(2.0);
            assertThat(r.testAccuracy()).isBetween(0.0, 1.0);
            // g = eps (N/B - 1) / (1 - m)
            assertThat(r.noiseScale()).isCloseTo(0.05 * (120.0 / b - 1) / 0.5,
                    within(1e-12));
        }
        assertThat(Files.readAllLines(dir.resolve("optimum.csv")))
                .hasSize(2).first().isEqualTo(AnalysisCsv.OPTIMUM_HEADER);
        assertThat(Files.readAllLines(dir.resolve("optimum.csv")).get(1)).startsWith("epochs:2,0.05,120,0.5,2,8,");
        assertThat(Files.readAllLines(dir.resolve("scaling.csv"))).containsExactly(AnalysisCsv.SCALING_HEADER);
        assertThat(Files.readAllLines(dir.resolve("curves.csv"))).hasSize(1 + 4);
        for (String f : List.of("accuracy-vs-batch-size.png", "accuracy-vs-batch-size.svg", "summary.txt")) {
            assertThat(Files.size(dir.resolve(f))).as(f).isPositive();
        }
        assertThat(Files.readString(dir.resolve("accuracy-vs-batch-size.svg"))).contains("<svg");
        assertThat(out.toString()).contains("best grid point B = ");

        // the same command again trains nothing and gives the same optimum
        String optimum = Files.readString(dir.resolve("optimum.csv"));
        assertThat(run(args)).isZero();
        assertThat(out.toString()).contains("0 runs done now, 8 found in runs.csv");
        assertThat(Files.readString(dir.resolve("optimum.csv"))).isEqualTo(optimum);
        assertThat(run("analyze", "--out", dir.toString(), "--resamples", "50")).isZero();
        assertThat(Files.readString(dir.resolve("optimum.csv"))).isEqualTo(optimum);

        // a sweep with another H into the same directory would mix runs: refused
        args[List.of(args).indexOf("--hidden") + 1] = "32";
        assertThat(run(args)).isEqualTo(2);
        assertThat(err.toString()).contains("holds runs made with hidden=16").contains("hidden=32");
    }

    @Test
    void aTimeBudgetGivesEveryRunItsUpdatesAndBudgetsMakeSeparateFamilies() throws IOException {
        // T = 0.6: U = ceil(0.6 (1 - m) / eps) = 6 updates at eps 0.05, m 0.5; 12 at eps 0.025
        String[] time = {"sweep", "--train-sizes", "40", "--batch-sizes", "4,8,40", "--learning-rates", "0.025,0.05",
            "--momenta", "0.5", "--seeds", "1,2", "--time", "0.6", "--hidden", "4", "--threads", "2",
            "--resamples", "20", "--no-progress", "--out", dir.toString()};
        assertThat(run(time)).as(err.toString()).isZero();
        List<RunRecord> runs = RunsCsv.read(dir.resolve("runs.csv"));
        assertThat(runs).hasSize(3 * 2 * 2);
        for (RunRecord r : runs) {
            assertThat(r.key().budget()).isEqualTo(SweepBudget.time(0.6));
            assertThat(r.updates()).isEqualTo(r.key().learningRate() == 0.05 ? 6 : 12);
            assertThat(r.time()).isCloseTo(0.6, within(1e-12));
            assertThat(r.epochs()).isCloseTo((double) r.updates() * r.key().batchSize() / 40, within(1e-12));
        }
        assertThat(Files.readAllLines(dir.resolve("runs.csv")).get(1)).contains(",time:0.6,");
        // a second budget into the same folder: its own family, analysed on its own
        String[] epochs = time.clone();
        epochs[List.of(epochs).indexOf("--time")] = "--epochs";
        epochs[List.of(epochs).indexOf("0.6")] = "1";
        assertThat(run(epochs)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("12 runs done now, 0 found").contains("runs of time 0.6")
                .contains("runs of 1 epochs");
        assertThat(Files.readAllLines(dir.resolve("optimum.csv"))).hasSize(1 + 2 + 2)
                .filteredOn(l -> l.startsWith("time:0.6,")).hasSize(2);
        assertThat(filesIn(dir)).contains("time0p6-accuracy-vs-batch-size.png", "epochs1-accuracy-vs-batch-size.svg");
        // analyze can pick one budget
        Path one = dir.resolve("one");
        assertThat(run("analyze", "--in", dir.toString(), "--out", one.toString(), "--time", "0.6", "--resamples",
                "20")).as(err.toString()).isZero();
        assertThat(Files.readAllLines(one.resolve("optimum.csv"))).hasSize(1 + 2)
                .allMatch(l -> l.startsWith("budget,") || l.startsWith("time:0.6,"));
        assertThat(filesIn(one)).contains("accuracy-vs-batch-size.png");
        // a bad T is refused before anything is written
        Path fresh = dir.resolve("fresh");
        String[] bad = time.clone();
        bad[List.of(bad).indexOf("0.6")] = "0";
        bad[bad.length - 1] = fresh.toString();
        err.getBuffer().setLength(0);
        assertThat(run(bad)).isEqualTo(2);
        assertThat(errorLine()).contains("--time must be finite and > 0, got 0");
        assertThat(fresh).doesNotExist();
    }

    @Test
    void trainedRunsAreBitIdenticalWhateverTheThreadCount() throws IOException {
        List<List<String>> results = new java.util.ArrayList<>();
        for (String threads : List.of("1", "2")) {
            Path out = dir.resolve("threads" + threads);
            assertThat(run("sweep", "--train-sizes", "60", "--batch-sizes", "4,12,60", "--learning-rates", "0.05",
                    "--momenta", "0.5", "--seeds", "1,2", "--time", "0.5", "--hidden", "6", "--threads", threads,
                    "--resamples", "20", "--no-progress", "--out", out.toString())).as(err.toString()).isZero();
            // every column but the seconds, in a fixed order
            results.add(Files.readAllLines(out.resolve("runs.csv")).stream().skip(1)
                    .map(l -> l.substring(0, l.lastIndexOf(','))).sorted().toList());
        }
        assertThat(results.get(0)).hasSize(6).isEqualTo(results.get(1));
    }

    @Test
    void aRunsCsvOfAnEarlierVersionIsAnalysedButASweepDoesNotAddToIt() throws IOException {
        Path old = Files.createDirectories(dir.resolve("old"));
        Files.writeString(old.resolve("runs.csv"), RunsCsvTest.legacyFile());
        assertThat(run("analyze", "--in", old.toString(), "--resamples", "20")).as(err.toString()).isZero();
        assertThat(Files.readAllLines(old.resolve("optimum.csv")).get(1))
                .startsWith("epochs:10,0.1,1000,0.9,1,3,2,stability,32.0000,");
        String before = Files.readString(old.resolve("runs.csv"));
        List<String> files = filesIn(old);
        assertThat(run("sweep", "--train-sizes", "40", "--batch-sizes", "8", "--learning-rates", "0.05", "--seeds", "1",
                "--epochs", "1", "--hidden", "4", "--no-progress", "--out", old.toString())).isEqualTo(2);
        assertThat(errorLine()).contains("earlier version").contains("choose another --out");
        assertThat(Files.readString(old.resolve("runs.csv"))).isEqualTo(before);
        assertThat(filesIn(old)).isEqualTo(files);
    }

    /** Standard error, checked to be one line starting {@code error: }, without a stack trace. */
    private String errorLine() {
        String text = err.toString().strip();
        assertThat(text).doesNotContain("\n").startsWith("error: ").doesNotContain("\tat ");
        return text;
    }

    private List<String> filesIn(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aRejectedSweepLeavesNothingBehindAndTheCorrectedOneRuns() throws IOException {
        Path out = dir.resolve("D");
        String[] tiny = {"--train-sizes", "40", "--batch-sizes", "8,40", "--learning-rates", "0.05", "--momenta",
            "0.5", "--seeds", "1", "--epochs", "1", "--hidden", "4", "--threads", "1", "--resamples", "20",
            "--no-progress", "--out", out.toString()};
        for (String[] bad : List.of(new String[] {"--lambda", "NaN"}, new String[] {"--lambda", "-1"},
                new String[] {"--threads", "0"}, new String[] {"--resamples", "5"},
                new String[] {"--hidden", "0"}, new String[] {"--data", dir.resolve("absent").toString()})) {
            err.getBuffer().setLength(0);
            String[] args = Stream.concat(Stream.of("sweep"), Stream.concat(Stream.of(tiny), Stream.of(bad)))
                    .toArray(String[]::new);
            assertThat(run(args)).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(errorLine()).contains(bad[0]);
            assertThat(out).as(String.join(" ", bad)).doesNotExist();
        }
        String[] good = Stream.concat(Stream.of("sweep"), Stream.of(tiny)).toArray(String[]::new);
        assertThat(run(good)).as(err.toString()).isZero();
        assertThat(Files.readString(out.resolve("sweep-settings.txt"))).startsWith("hidden=4 lambda=0.0");
    }

    @Test
    void dataWhoseTrainingAndTestImagesDifferIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path data = dir.resolve("wrong_dims");
        Files.createDirectories(data);
        DigitsTest.writeIdx(data, "train", 100, 0, 20);
        DigitsTest.writeIdx(data, "t10k", 20, 0, 28);
        Path out = dir.resolve("M13");
        assertThat(run("sweep", "--batch-sizes", "10", "--train-sizes", "100", "--seeds", "1", "--epochs", "1",
                "--hidden", "4", "--no-progress", "--data", data.toString(), "--out", out.toString())).isEqualTo(2);
        assertThat(errorLine()).isEqualTo("error: --data " + data + ": the training images have 400 pixels and 10"
                + " classes, the test images 784 and 10; they must match");
        assertThat(out).doesNotExist();
    }

    @Test
    void scheduleRefusesAnOutThatIsAFileBeforeTraining() throws IOException {
        Path file = dir.resolve("plain.txt");
        Files.writeString(file, "x");
        long start = System.nanoTime();
        assertThat(run("schedule", "--hidden", "4", "--epochs", "30", "--out", file.toString())).isEqualTo(2);
        assertThat(errorLine()).isEqualTo("error: --out " + file + " is a file, not a directory");
        assertThat((System.nanoTime() - start) / 1e9).as("refused before any training").isLessThan(20.0);
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void aNetworkTooLargeForMemoryIsRefusedUpFrontNamingHidden() {
        assertThat(run("sweep", "--hidden", "2147483647", "--out", dir.resolve("D").toString())).isEqualTo(2);
        assertThat(errorLine()).startsWith("error: --hidden 2147483647 (").contains("-2147483647-10 training at once)")
                .contains("TiB of memory, more than the");
        assertThat(dir.resolve("D")).doesNotExist();
        err.getBuffer().setLength(0);
        assertThat(run("schedule", "--hidden", "2147483647", "--threads", "2", "--out", dir.resolve("S").toString()))
                .isEqualTo(2);
        assertThat(errorLine()).startsWith("error: --hidden 2147483647 (2 networks");
        assertThat(dir.resolve("S")).doesNotExist();
    }

    @Test
    void aSecondSweepIntoAFolderInUseIsRefusedAndTrainsNothing() throws IOException {
        Path out = dir.resolve("busy");
        OutputLock held = OutputLock.acquire(out, "sweep");
        try {
            assertThat(run("sweep", "--train-sizes", "40", "--batch-sizes", "8", "--learning-rates", "0.05",
                    "--seeds", "1", "--epochs", "1", "--hidden", "4", "--no-progress", "--out", out.toString()))
                    .isEqualTo(2);
            assertThat(errorLine()).startsWith("error: --out " + out + " is in use by another sweep (process "
                    + ProcessHandle.current().pid() + ")").endsWith("choose another --out");
            assertThat(filesIn(out)).containsExactly(OutputLock.FILE);
        } finally {
            held.close();
        }
        // released: the folder can be used again
        assertThat(run("sweep", "--train-sizes", "40", "--batch-sizes", "8", "--learning-rates", "0.05",
                "--seeds", "1", "--epochs", "1", "--hidden", "4", "--resamples", "20", "--no-progress", "--out",
                out.toString())).as(err.toString()).isZero();
        assertThat(RunsCsv.readAndRepair(out.resolve("runs.csv"))).hasSize(1);
    }

    @Test
    void analyzeReadsItsInputAndWritesWhereItIsTold() throws IOException {
        Path sweep = dir.resolve("sweep");
        assertThat(run("sweep", "--train-sizes", "40", "--batch-sizes", "4,8,40", "--learning-rates", "0.05",
                "--seeds", "1,2", "--epochs", "1", "--hidden", "4", "--resamples", "20", "--no-progress", "--out",
                sweep.toString())).as(err.toString()).isZero();
        String runs = Files.readString(sweep.resolve("runs.csv"));
        Path elsewhere = dir.resolve("elsewhere");
        assertThat(run("analyze", "--in", sweep.resolve("runs.csv").toString(), "--out", elsewhere.toString(),
                "--resamples", "20")).as(err.toString()).isZero();
        assertThat(filesIn(elsewhere)).contains("optimum.csv", "scaling.csv", "summary.txt")
                .doesNotContain("runs.csv");
        assertThat(Files.readString(elsewhere.resolve("optimum.csv")))
                .isEqualTo(Files.readString(sweep.resolve("optimum.csv")));
        assertThat(run("analyze", "--in", sweep.toString(), "--resamples", "20")).isZero();
        assertThat(Files.readString(sweep.resolve("runs.csv"))).isEqualTo(runs);
        assertThat(run("analyze")).isEqualTo(2);
        assertThat(err.toString()).contains("analyze needs --in DIR");
    }

    @Test
    void dataAndDownloadExcludeEachOther() {
        assertThat(run("sweep", "--data", dir.toString(), "--download", dir.resolve("cache").toString(),
                "--out", dir.resolve("out").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--data " + dir).contains("exclude each other");
        assertThat(dir.resolve("cache")).doesNotExist();
    }

    @Test
    void badInputIsRefusedWithTheBadValueBeforeAnyTraining() {
        assertThat(run("sweep", "--batch-sizes", "0,8", "--out", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--batch-sizes: every B must be >= 1, got 0");
        assertThat(run("sweep", "--momenta", "1.0", "--out", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--momenta must be in [0, 1), got 1.0");
        assertThat(run("sweep", "--learning-rates", "-1", "--out", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--learning-rates must be finite and > 0, got -1.0");
        assertThat(run("sweep", "--train-sizes", "9000", "--out", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--train-sizes must be in [1, 8000]").contains("got 9000");
        assertThat(run("sweep", "--train-sizes", "10", "--batch-sizes", "16,32", "--out", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--batch-sizes: ").contains("for train size N = 10");
        assertThat(run("sweep", "--preset", "huge", "--out", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--preset must be quick or paper, got huge");
        assertThat(run("analyze", "--out", dir.resolve("nothing").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no runs.csv");
        assertThat(run("sweep", "--epochs", "3", "--updates", "10")).isNotZero();
        assertThat(Files.exists(dir.resolve("runs.csv"))).isFalse();
    }

    @Test
    void scheduleComparesBothCurvesSeedBySeedAndTheBatchScheduleNeedsFewerUpdates() throws IOException {
        assertThat(run("schedule", "--train-size", "64", "--batch-size", "8", "--learning-rate", "0.05",
                "--epochs", "3", "--milestones", "1,2", "--factor", "2", "--hidden", "8", "--seeds", "1,2",
                "--out", dir.toString())).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("schedule.csv"));
        // per seed: both schedules, 3 epochs each
        assertThat(lines).hasSize(1 + 2 * (3 + 3));
        assertThat(lines.get(0)).startsWith("schedule,seed,epoch,updates,");
        // learning-rate decay: eps 0.05 / 2 / 2 in the last epoch, B = 8 throughout, 8 updates per epoch
        String[] decay = lines.get(3).split(",");
        assertThat(List.of(decay[0], decay[1], decay[2], decay[3], decay[5]))
                .containsExactly("learning-rate decay", "1", "3", "24", "8");
        assertThat(Double.parseDouble(decay[4])).isCloseTo(0.0125, within(1e-8));
        // batch-size increase: eps 0.05 throughout, B = 8, 16, 32 -> 8 + 4 + 2 updates
        String[] grow = lines.get(6).split(",");
        assertThat(List.of(grow[0], grow[1], grow[2], grow[3], grow[5]))
                .containsExactly("batch-size increase", "1", "3", "14", "32");
        assertThat(Double.parseDouble(grow[4])).isCloseTo(0.05, within(1e-8));
        assertThat(lines.get(12)).startsWith("batch-size increase,2,3,14,");
        assertThat(Files.size(dir.resolve("schedule.png"))).isPositive();
        assertThat(Files.size(dir.resolve("schedule-vs-updates.svg"))).isPositive();
        assertThat(out.toString()).contains("24 updates").contains("14 updates").contains("sd over 2 seeds")
                .contains("decay minus increase, seed by seed: ");
    }

    /** Bad values of bench and schedule options, and the start of the message each must give. */
    static Stream<Arguments> badOptionValues() {
        return Stream.of(
                Arguments.of("bench --batch 5000 --epochs 1", "--batch must be in [1, N = 1000], got 5000"),
                Arguments.of("bench --batch 16 --epochs 0", "--epochs must be in [1, "),
                Arguments.of("bench --batch 16 --epochs 0 --save-weights DIR", "--epochs must be in [1, "),
                Arguments.of("bench --batch 16 --train-size 0", "--train-size must be in [1, 8000]"),
                Arguments.of("schedule --batch-size 0 --out DIR", "--batch-size must be in [1, 1000], got 0"),
                Arguments.of("schedule --learning-rate -1 --out DIR",
                        "--learning-rate must be finite and > 0, got -1.0"),
                Arguments.of("schedule --factor 0.5 --out DIR", "--factor must be finite and > 1, got 0.5"),
                Arguments.of("schedule --milestones 5,2 --out DIR", "--milestones[1] must be in [6, 29]"),
                Arguments.of("schedule --train-size 0 --out DIR", "--train-size must be >= 1, got 0"),
                Arguments.of("schedule --train-size 9000 --out DIR", "--train-size must be in [1, 8000]"),
                Arguments.of("spectrum --n 0", "--n must be in [1, 8000]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOptionValues")
    void aBadValueIsRefusedNamingItsOption(String command, String message) throws IOException {
        String[] args = command.replace("DIR", dir.toString()).split(" ");
        assertThat(refusal(args)).startsWith("error: " + message);
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void benchPrintsOneJsonLine() {
        assertThat(run("bench", "--batch", "16", "--epochs", "1", "--train-size", "64")).as(err.toString()).isZero();
        assertThat(out.toString().strip()).startsWith("{\"engine\": \"java\", \"batch\": 16, \"hidden\": 800, \"n\": 64")
                .contains("\"examples_per_s\": ").doesNotContain("\n");
    }
}
