package io.github.occam.examples.mnist;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.occam.data.Npy;
import io.github.occam.models.ShallowNetShape;
import io.github.occam.models.ShallowNetwork;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --save-weights} of {@code sweep} and {@code bench}, and {@code sweep --evidence}, on tiny networks. */
class SaveWeightsTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return MnistShallowNet.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private static void assertNetwork(Path file, int hidden) throws IOException {
        double[] w = Npy.read(file);
        assertThat(w).hasSize(new ShallowNetShape(784, hidden, 10).parameterCount());
        Digits digits = Digits.bundled();
        java.util.regex.Matcher seed = java.util.regex.Pattern.compile("-seed(\\d+)-")
                .matcher(file.getFileName().toString());
        assertThat(seed.find()).as(file.toString()).isTrue();
        var train = digits.train(50, Long.parseLong(seed.group(1)));   // the run's own subset
        ShallowNetwork net = ShallowNetwork.of(train.featuresAsDouble(), train.labels(), hidden, 10);
        assertThat(net.crossEntropy(w)).isFinite().isLessThan(50 * Math.log(10));
    }

    @Test
    void benchWritesItsFinalNetworkThatTheSpectrumCommandReads() throws IOException {
        Path nets = dir.resolve("nets");
        assertThat(run("bench", "--batch", "10", "--epochs", "1", "--train-size", "50", "--save-weights",
                nets.toString())).as(err.toString()).isZero();
        Path file = nets.resolve("bench-b10-n50-epochs2.npy");
        assertThat(Files.readAllBytes(file)).hasSize(128 + 8 * new ShallowNetShape(784, 800, 10).parameterCount());
        assertThat(run("spectrum", "--n", "20", "--hidden", "800", "--k", "1", "--repeats", "1", "--weights",
                file.toString())).as(err.toString()).isZero();
    }

    @Test
    void aFolderThatCannotBeCreatedIsRefusedBeforeAnyWorkAndNothingIsLeft() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Path under = file.resolve("nets");
        assertThat(run("bench", "--batch", "10", "--epochs", "1000000", "--train-size", "50", "--save-weights",
                under.toString())).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("error: --save-weights " + under
                + ": the folder cannot be created (").doesNotContain("\n");
        Path fresh = dir.resolve("fresh").resolve("nets");
        assertThat(run("sweep", "--train-sizes", "50", "--batch-sizes", "5", "--learning-rates", "0.05",
                "--momenta", "0.5", "--seeds", "1", "--epochs", "1", "--hidden", "3", "--threads", "0",
                "--out", dir.resolve("out").toString(), "--save-weights", fresh.toString())).isEqualTo(2);
        assertThat(dir.resolve("fresh")).doesNotExist();
        assertThat(run("bench", "--batch", "10", "--download", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("error: --download " + file + " is a file, not a directory");
    }

    @Test
    void sweepWritesEveryRunsNetworkAndItsEvidence() throws IOException {
        Path nets = dir.resolve("nets");
        Path out1 = dir.resolve("out");
        assertThat(run("sweep", "--train-sizes", "50", "--batch-sizes", "5,25", "--learning-rates", "0.05",
                "--momenta", "0.5", "--seeds", "1,2", "--epochs", "2", "--hidden", "3", "--threads", "2",
                "--resamples", "20", "--no-progress", "--out", out1.toString(), "--save-weights", nets.toString(),
                "--evidence")).as(err.toString()).isZero();
        try (Stream<Path> files = Files.list(nets)) {
            List<Path> all = files.sorted().toList();
            assertThat(all).hasSize(4);
            for (Path f : all) {
                assertNetwork(f, 3);
            }
        }
        List<String> evidence = Files.readAllLines(out1.resolve("evidence.csv"));
        assertThat(evidence.get(0)).isEqualTo(RunEvidence.HEADER);
        assertThat(evidence).hasSize(5);
        for (String line : evidence.subList(1, 5)) {
            String[] f = line.split(",");
            assertThat(Double.parseDouble(f[8])).isFinite();
            assertThat(Double.parseDouble(f[9])).isZero(); // exact spectrum for P = 2395
        }
        assertThat(out1.resolve("evidence-vs-batch-size.png")).exists();
        assertThat(out.toString()).contains("B_simple");
    }

    @Test
    void aSweepWithoutEvidenceWritesNoEvidence() {
        Path out1 = dir.resolve("plain");
        assertThat(run("sweep", "--train-sizes", "50", "--batch-sizes", "25", "--learning-rates", "0.05",
                "--momenta", "0.5", "--seeds", "1", "--epochs", "1", "--hidden", "3", "--threads", "1",
                "--resamples", "20", "--no-progress", "--out", out1.toString())).as(err.toString()).isZero();
        assertThat(out1.resolve("evidence.csv")).doesNotExist();
    }
}
