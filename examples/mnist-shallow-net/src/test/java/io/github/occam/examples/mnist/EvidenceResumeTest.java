package io.github.occam.examples.mnist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evidence.csv} keeps the guarantees of {@code runs.csv}: a sweep with {@code --evidence}
 * killed (SIGKILL) at random moments and resumed ends with every run once in both files.
 */
class EvidenceResumeTest {

    private static final String[] SWEEP = {"sweep", "--hidden", "1", "--train-sizes", "60", "--seeds", "1,2,3",
        "--batch-sizes", "10,20,60", "--updates", "20", "--evidence", "--no-progress", "--threads", "1",
        "--resamples", "10"};

    @Test
    void repairKeepsOneCompleteLinePerRecordedRun(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("evidence.csv");
        RunKey a = RunKey.of(10, 0.1, 60, 0.9, 1, SweepBudget.updates(20));
        RunKey b = RunKey.of(20, 0.1, 60, 0.9, 1, SweepBudget.updates(20));
        RunKey orphan = RunKey.of(60, 0.1, 60, 0.9, 1, SweepBudget.updates(20));
        String tail = ",0.01,0.5,0.3,0.0,700.0,60.0,ggn,minimum,0.5,0.2,0.9,0.3,0.3,1.0,2.0,10,0.1,0\n";
        Files.writeString(csv, RunEvidence.HEADER + "\n" + RunEvidence.key(a) + tail + RunEvidence.key(orphan) + tail
                + RunEvidence.key(a) + tail + RunEvidence.key(b) + tail + RunEvidence.key(b) + ",0.01,0.5");
        List<RunRecord> done = List.of(record(a), record(b));
        // the orphan (its run not recorded), the repeat of a and the torn line of b go
        assertThat(RunEvidence.repair(csv, done)).isEqualTo(3);
        assertThat(Files.readString(csv)).isEqualTo(RunEvidence.HEADER + "\n" + RunEvidence.key(a) + tail
                + RunEvidence.key(b) + tail);
        assertThat(RunEvidence.repair(csv, done)).isZero();
    }

    private static RunRecord record(RunKey key) {
        return new RunRecord(key, 1.0, 20, key.noiseScale(), 1.0, 0.9, 0.01, 0.3, false, 1.0);
    }

    @Test
    void aSweepKilledAtRandomMomentsEndsWithEveryRunOnceInBothFiles(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Random random = new Random(20261207L);
        for (int kill = 0; kill < 6; kill++) {
            Process sweep = start(out, dir.resolve("log" + kill + ".txt"));
            boolean finished = sweep.waitFor(300 + random.nextInt(2200), TimeUnit.MILLISECONDS);
            if (finished) {
                break;
            }
            sweep.destroyForcibly();                 // SIGKILL: no shutdown hook, no flush
            assertThat(sweep.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        Process last = start(out, dir.resolve("last.txt"));
        assertThat(last.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).as(Files.readString(dir.resolve("last.txt"))).isZero();

        List<RunRecord> runs = RunsCsv.read(out.resolve("runs.csv"));
        Set<String> runKeys = new HashSet<>();
        for (RunRecord r : runs) {
            assertThat(runKeys.add(RunEvidence.key(r.key()))).as("run %s once", r.key()).isTrue();
        }
        assertThat(runKeys).hasSize(9);
        List<String> lines = Files.readAllLines(out.resolve("evidence.csv"));
        assertThat(lines.get(0)).isEqualTo(RunEvidence.HEADER);
        Set<String> evidenceKeys = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertThat(f).as(line).hasSize(RunEvidence.FIELDS);
            assertThat(evidenceKeys.add(String.join(",", List.of(f).subList(0, 6)))).as(line).isTrue();
        }
        assertThat(evidenceKeys).isEqualTo(runKeys);
    }

    private static Process start(Path out, Path log) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), MnistShallowNet.class.getName()));
        command.addAll(List.of(SWEEP));
        command.addAll(List.of("--out", out.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void anEvidenceFileOfAnotherVersionIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("evidence.csv");
        Files.writeString(csv, "batch_size,learning_rate,train_size,momentum,seed,budget,lambda,test_accuracy\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunEvidence.checkHeader(csv))
                .hasMessageContaining("earlier version").hasMessageContaining("choose another --out");
        Files.writeString(csv, RunEvidence.HEADER + "\n");
        RunEvidence.checkHeader(csv);
    }
}
