package io.github.occam.examples.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.occam.examples.support.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsCsvTest {

    @TempDir
    Path dir;

    static RunRecord record(int b, long seed, double testAccuracy) {
        RunKey key = RunKey.of(b, 0.1, 1000, 0.9, seed, SweepBudget.epochs(20));
        return new RunRecord(key, 20, 20L * ((1000 + b - 1) / b), key.noiseScale(), 0.99, testAccuracy,
                0.0123, 0.345, false, 1.5);
    }

    @Test
    void sortByKeyPutsTheLinesInKeyOrderWhateverOrderTheRunsFinishedIn() throws IOException {
        Path file = dir.resolve("runs.csv");
        List<RunRecord> finished = List.of(record(16, 2, 0.9), record(8, 2, 0.9), record(16, 1, 0.9),
                record(8, 1, 0.9), record(128, 1, 0.9));
        try (RunsCsv.Appender appender = RunsCsv.appender(file)) {
            for (RunRecord r : finished) {
                appender.append(r);
            }
        }
        RunsCsv.sortByKey(file);
        assertThat(RunsCsv.read(file)).containsExactly(record(8, 1, 0.9), record(8, 2, 0.9), record(16, 1, 0.9),
                record(16, 2, 0.9), record(128, 1, 0.9));
        // a sorted file is left as it is
        java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(file);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(1000));
        RunsCsv.sortByKey(file);
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(1000);
        assertThat(before.toMillis()).isGreaterThan(1000);
    }

    @Test
    void writesTheExactHeaderAndReadsBackWhatItAppended() throws IOException {
        Path file = dir.resolve("runs.csv");
        List<RunRecord> written = List.of(record(8, 1, 0.913), record(16, 2, 1.0 / 3.0));
        try (RunsCsv.Appender appender = RunsCsv.appender(file)) {
            for (RunRecord r : written) {
                appender.append(r);
            }
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("batch_size,learning_rate,train_size,momentum,seed,budget,epochs,updates,"
                + "time,noise_scale,train_accuracy,test_accuracy,train_cross_entropy,test_cross_entropy,diverged,"
                + "seconds");
        assertThat(lines.get(1)).startsWith("8,0.1,1000,0.9,1,epochs:20,20,2500,2500.0000000000005,")
                .endsWith(",0.0123,0.345,false,1.5");
        assertThat(RunsCsv.readAndRepair(file)).isEqualTo(written);
    }

    @Test
    void appendingToAnExistingFileKeepsItsRuns() throws IOException {
        Path file = dir.resolve("runs.csv");
        try (RunsCsv.Appender appender = RunsCsv.appender(file)) {
            appender.append(record(8, 1, 0.9));
        }
        try (RunsCsv.Appender appender = RunsCsv.appender(file)) {
            appender.append(record(8, 2, 0.8));
        }
        assertThat(RunsCsv.readAndRepair(file)).extracting(r -> r.key().seed()).containsExactly(1L, 2L);
    }

    @Test
    void dropsATornLastLineAndRewritesTheFile() throws IOException {
        Path file = dir.resolve("runs.csv");
        try (RunsCsv.Appender appender = RunsCsv.appender(file)) {
            appender.append(record(8, 1, 0.9));
            appender.append(record(16, 1, 0.91));
        }
        String full = RunsCsv.format(record(32, 1, 0.92));
        // a kill in the middle of a write: the line still parses, but has no newline
        Files.writeString(file, full.substring(0, full.length() - 3), StandardOpenOption.APPEND);
        List<RunRecord> runs = RunsCsv.readAndRepair(file);
        assertThat(runs).extracting(r -> r.key().batchSize()).containsExactly(8, 16);
        String repaired = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(repaired).endsWith("\n");
        assertThat(repaired.split("\n")).hasSize(3);
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void aRepeatedRunIsCountedOnceAndARunWithTwoResultsIsRefused() throws IOException {
        Path file = dir.resolve("runs.csv");
        RunRecord run = record(8, 1, 0.9);
        RunRecord slower = new RunRecord(run.key(), run.epochs(), run.updates(), run.noiseScale(),
                run.trainAccuracy(), run.testAccuracy(), run.trainCrossEntropy(), run.testCrossEntropy(),
                run.diverged(), run.seconds() + 5.0);
        Files.writeString(file, RunsCsv.HEADER + "\n" + RunsCsv.format(run) + "\n" + RunsCsv.format(record(16, 1, 0.9))
                + "\n" + RunsCsv.format(slower) + "\n");
        List<String> notes = new java.util.ArrayList<>();
        assertThat(RunsCsv.read(file, notes::add)).containsExactly(run, record(16, 1, 0.9));
        assertThat(notes).containsExactly(file + " line 4 repeats the run " + run.key()
                + " with the same numbers; counted once");

        Files.writeString(file, RunsCsv.HEADER + "\n" + RunsCsv.format(run) + "\n"
                + RunsCsv.format(record(8, 1, 0.8)) + "\n");
        assertThatThrownBy(() -> RunsCsv.read(file)).isInstanceOf(InputException.class)
                .hasMessage(file + " line 3: the run " + run.key() + " is already in the file with other"
                        + " numbers; a run must appear once (keep one of the two lines)");
    }

    @Test
    void aTornHeaderIsReplacedByTheHeader() throws IOException {
        Path file = dir.resolve("runs.csv");
        Files.writeString(file, "batch_size,learn");
        assertThat(RunsCsv.readAndRepair(file)).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(RunsCsv.HEADER + "\n");
    }

    @Test
    void aMalformedCompleteLineIsAnErrorNamingTheLine() throws IOException {
        Path file = dir.resolve("runs.csv");
        Files.writeString(file, RunsCsv.HEADER + "\n" + RunsCsv.format(record(8, 1, 0.9)) + "\n8,0.1,oops\n"
                + RunsCsv.format(record(16, 1, 0.9)) + "\n");
        assertThatThrownBy(() -> RunsCsv.readAndRepair(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("line 3");
        Files.writeString(file, "a,b,c\n");
        assertThatThrownBy(() -> RunsCsv.readAndRepair(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("line 1 is not the runs.csv header");
    }

    @Test
    void theHeaderOfAnEmptyFileGoesThroughTheAppendersChannelNotARename() throws IOException {
        Path file = Files.createFile(dir.resolve("runs.csv"));
        Object identity = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        try (RunsCsv.Appender first = RunsCsv.appender(file);
             RunsCsv.Appender second = RunsCsv.appender(file)) {
            first.append(record(8, 1, 0.9));
            second.append(record(16, 1, 0.8));
        }
        assertThat(Files.readAttributes(file, BasicFileAttributes.class).fileKey()).isEqualTo(identity);
        assertThat(Files.readAllLines(file)).hasSize(3).first().isEqualTo(RunsCsv.HEADER);
        assertThat(RunsCsv.readAndRepair(file)).extracting(r -> r.key().batchSize()).containsExactly(8, 16);
    }

    @Test
    void readingWithoutRepairLeavesATornLineForItsWriter() throws IOException {
        Path file = dir.resolve("runs.csv");
        try (RunsCsv.Appender appender = RunsCsv.appender(file)) {
            appender.append(record(8, 1, 0.9));
        }
        Files.writeString(file, "16,0.1,10", StandardOpenOption.APPEND);
        String before = Files.readString(file);
        assertThat(RunsCsv.read(file)).extracting(r -> r.key().batchSize()).containsExactly(8);
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void aTimeBudgetAndADivergedRunReadBackExactly() throws IOException {
        Path file = dir.resolve("runs.csv");
        RunKey key = RunKey.of(4, 0.1, 1000, 0.9, 3L, SweepBudget.time(500));
        RunRecord diverged = new RunRecord(key, 2.0, 500, key.noiseScale(), 0.0985, 0.098, Double.NaN, Double.NaN,
                true, 0.7);
        RunKey other = RunKey.of(32, 0.05, 1000, 0.5, 3L, SweepBudget.time(500));
        RunRecord trained = new RunRecord(other, 80.0, 5000, other.noiseScale(), 1.0, 0.92, 1e-4, 0.3, false, 9.0);
        try (RunsCsv.Appender appender = RunsCsv.appender(file)) {
            appender.append(diverged);
            appender.append(trained);
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(1)).startsWith("4,0.1,1000,0.9,3,time:500,2,500,500.00000000000")
                .endsWith(",NaN,NaN,true,0.7");
        assertThat(lines.get(2)).startsWith("32,0.05,1000,0.5,3,time:500,80,5000,500.0,");
        assertThat(RunsCsv.read(file)).isEqualTo(List.of(diverged, trained));
    }

    /** A runs.csv as earlier versions wrote it: no budget, time or diverged column. */
    static String legacyFile() {
        return RunsCsv.LEGACY_HEADER + "\n"
                + "4,0.1,1000,0.9,1,10,2500,24.9,0.1124,0.1135,2.3,2.3,3.2\n"
                + "8,0.1,1000,0.9,1,10,1250,12.4,0.15,0.14,NaN,NaN,2.0\n"
                + "32,0.1,1000,0.9,1,10,320,3.0,1.0,0.915,0.0012,0.31,1.1\n"
                + "64,0.1,1000,0.9,1,2.048,32,1.5,0.95,0.89,0.2,0.4,0.5\n";
    }

    @Test
    void aFileOfAnEarlierVersionIsReadButNotAppendedTo() throws IOException {
        Path file = dir.resolve("runs.csv");
        Files.writeString(file, legacyFile());
        List<RunRecord> runs = RunsCsv.read(file);
        assertThat(runs).hasSize(4);
        // the budget is the whole number of epochs, else the updates
        assertThat(runs).extracting(r -> r.key().budget().tag())
                .containsExactly("epochs:10", "epochs:10", "epochs:10", "updates:32");
        // divergence judged from the numbers: training accuracy below 20%, or a cross-entropy not finite
        assertThat(runs).extracting(RunRecord::diverged).containsExactly(true, true, false, false);
        assertThat(runs.get(2).time()).isCloseTo(320.0, org.assertj.core.api.Assertions.within(1e-9));
        String before = Files.readString(file);
        assertThatThrownBy(() -> RunsCsv.readAndRepair(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("earlier version").hasMessageContaining("analyze still reads it");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void anAbsentFileHasNoRuns() throws IOException {
        assertThat(RunsCsv.readAndRepair(dir.resolve("none.csv"))).isEmpty();
    }
}
