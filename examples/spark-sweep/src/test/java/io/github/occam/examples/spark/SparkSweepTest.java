package io.github.occam.examples.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.occam.examples.mnist.Digits;
import io.github.occam.examples.mnist.MnistShallowNet;
import io.github.occam.examples.mnist.RunComputation;
import io.github.occam.examples.mnist.RunKey;
import io.github.occam.examples.mnist.SweepBudget;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep on Spark (local masters here; a standalone cluster in {@code StandaloneClusterIT})
 * writes the files of the local sweep: the same runs, evidence and analysis, byte for byte, less
 * the timings, whatever the number of executor threads.
 */
class SparkSweepTest {

    /** A small grid with the evidence of every run (H = 2: P = 1600, the exact dense evidence). */
    private static final String[] GRID = {"sweep", "--hidden", "2", "--train-sizes", "60", "--seeds", "1,2",
        "--batch-sizes", "10,20,60", "--updates", "20", "--lambda", "0.5", "--evidence", "--no-progress",
        "--resamples", "10"};

    @TempDir
    Path dir;

    private static String[] with(String[] base, String... more) {
        List<String> all = new ArrayList<>(List.of(base));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** The lines of a CSV less its last column (runs.csv: the seconds a run took). */
    private static String withoutLastColumn(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(line -> line.substring(0, line.lastIndexOf(',')))
                .collect(Collectors.joining("\n"));
    }

    private int spark(Path out, String master) {
        StringWriter err = new StringWriter();
        int status = SparkSweep.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                with(GRID, "--master", master, "--spark-log", dir.resolve("spark.log").toString(),
                        "--save-weights", out.resolve("nets").toString(), "--out", out.toString()));
        assertThat(status).as(err.toString()).isZero();
        return status;
    }

    @Test
    void aSparkSweepWritesTheFilesOfTheLocalSweepWhateverTheExecutorThreads() throws IOException {
        Path local = dir.resolve("local");
        assertThat(MnistShallowNet.execute(new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true), with(GRID, "--threads", "2", "--save-weights",
                local.resolve("nets").toString(), "--out", local.toString())))
                .isZero();
        for (String master : new String[] {"local[1]", "local[2]"}) {
            Path out = dir.resolve(master.replaceAll("\\W", ""));
            spark(out, master);
            assertThat(withoutLastColumn(out.resolve("runs.csv"))).as(master)
                    .isEqualTo(withoutLastColumn(local.resolve("runs.csv")));
            assertThat(Files.readAllLines(out.resolve("runs.csv"))).hasSize(7);
            for (String file : new String[] {"evidence.csv", "optimum.csv", "scaling.csv", "curves.csv",
                "evidence-summary.txt", "sweep-settings.txt"}) {
                assertThat(Files.readString(out.resolve(file))).as(master + " " + file)
                        .isEqualTo(Files.readString(local.resolve(file)));
            }
        }
        // the networks travel back from the executors and are written by the driver
        try (var nets = Files.list(local.resolve("nets"))) {
            List<Path> files = nets.sorted().toList();
            assertThat(files).hasSize(6);
            for (Path file : files) {
                for (String master : new String[] {"local1", "local2"}) {
                    assertThat(Files.readAllBytes(dir.resolve(master).resolve("nets").resolve(file.getFileName())))
                            .as(master + " " + file.getFileName()).isEqualTo(Files.readAllBytes(file));
                }
            }
        }
        assertThat(dir.resolve("spark.log")).as("Spark's log went to its file").isNotEmptyFile();
    }

    @Test
    void aResumedSparkSweepRunsOnlyTheMissingRuns() throws IOException {
        Path out = dir.resolve("resumed");
        StringWriter first = new StringWriter();
        assertThat(SparkSweep.execute(new PrintWriter(first, true), new PrintWriter(new StringWriter(), true),
                "sweep", "--hidden", "2", "--train-sizes", "60", "--seeds", "1", "--batch-sizes", "10,20",
                "--updates", "20", "--no-progress", "--resamples", "10", "--master", "local[2]", "--spark-log",
                dir.resolve("spark.log").toString(), "--out", out.toString())).isZero();
        StringWriter second = new StringWriter();
        assertThat(SparkSweep.execute(new PrintWriter(second, true), new PrintWriter(new StringWriter(), true),
                "sweep", "--hidden", "2", "--train-sizes", "60", "--seeds", "1,2", "--batch-sizes", "10,20",
                "--updates", "20", "--no-progress", "--resamples", "10", "--master", "local[2]", "--spark-log",
                dir.resolve("spark.log").toString(), "--out", out.toString())).isZero();
        assertThat(second.toString()).contains("2 runs done now, 2 found in runs.csv");
        assertThat(Files.readAllLines(out.resolve("runs.csv"))).hasSize(5);
    }

    @Test
    void aRunThatFailsInItsTaskEndsInOneLineNamingTheCause() throws IOException {
        RunComputation computation = RunComputation.of(Digits.bundled(), null, 2, 0.0);
        // N larger than the pool: refused inside the task, on the executor
        RunKey tooLarge = RunKey.of(10, 0.1, 9000, 0.9, 1L, SweepBudget.updates(5));
        try (SparkExecution spark = SparkExecution.start("local[1]", dir.resolve("spark.log").toString(),
                computation, null)) {
            assertThat(spark.parallelism()).isEqualTo(1);
            assertThat(spark.description()).contains("local[1]");
            assertThatThrownBy(() -> spark.executor().run(tooLarge)).isInstanceOf(IllegalStateException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n")
                            .startsWith("IllegalArgumentException: ").contains("9000"));
        }
    }

    @Test
    void badOptionsAreRefusedBeforeSparkStartsWithOneLine() {
        for (String[] bad : new String[][] {{"--batch-sizes", "0", "--master", "local[1]"},
            {"--batch-sizes", "10", "--train-sizes", "60", "--updates", "5", "--master", "bogus"},
            {"--batch-sizes", "10", "--train-sizes", "60", "--updates", "5", "--master", "local[0]"},
            // no master listens on port 1: refused at once, not after Spark's minute of retries
            {"--batch-sizes", "10", "--train-sizes", "60", "--updates", "5", "--master", "spark://127.0.0.1:1"},
            {"--batch-sizes", "10", "--train-sizes", "60", "--updates", "5", "--master", "spark://127.0.0.1"}}) {
            StringWriter err = new StringWriter();
            List<String> args = new ArrayList<>(List.of("sweep", "--hidden", "2"));
            args.addAll(List.of(bad));
            args.addAll(List.of("--out", dir.resolve("bad").toString()));
            int status = SparkSweep.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                    args.toArray(String[]::new));
            assertThat(status).as(err.toString()).isEqualTo(2);
            assertThat(err.toString().strip()).doesNotContain("\n").contains(bad[0].equals("--batch-sizes")
                    && bad[1].equals("0") ? "--batch-sizes" : "--master");
            assertThat(dir.resolve("bad")).as("nothing left behind").doesNotExist();
        }
    }
}
