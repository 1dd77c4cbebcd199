package io.github.occam.examples.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepRunnerTest {

    @TempDir
    Path dir;

    private final List<RunKey> plan = SweepGrid.of(List.of(4, 8, 16, 32), List.of(0.1, 0.2), List.of(64),
            List.of(0.9), List.of(1L, 2L, 3L), SweepBudget.epochs(3)).runs();

    /** A stand-in trainer: a deterministic function of the key. */
    private static RunOutcome outcome(RunKey key) {
        return new RunOutcome(fake(key), null, null);
    }

    private static RunRecord fake(RunKey key) {
        double acc = 0.5 + 0.01 * Long.hashCode(key.seed() * 31 + key.batchSize()) % 40 / 100.0;
        return new RunRecord(key, 3, 3L * 64 / key.batchSize(), key.noiseScale(), 1.0, acc, 0.1, 0.2, false, 0.0);
    }

    private static List<RunRecord> sorted(List<RunRecord> runs) {
        return runs.stream().sorted(Comparator.comparing(RunRecord::toString)).toList();
    }

    @Test
    void runsEverythingOnceAndResultsDoNotDependOnTheThreadCount() throws Exception {
        Path one = dir.resolve("one.csv");
        Path three = dir.resolve("three.csv");
        SweepRunner.Summary s1 = SweepRunner.run(plan, one, 1, SweepRunnerTest::outcome, null);
        SweepRunner.Summary s3 = SweepRunner.run(plan, three, 3, SweepRunnerTest::outcome, null);
        assertThat(s1.ran()).isEqualTo(24);
        assertThat(s3.ran()).isEqualTo(24);
        assertThat(sorted(RunsCsv.readAndRepair(one))).isEqualTo(sorted(RunsCsv.readAndRepair(three)));
    }

    @Test
    void aFinishedSweepResumedShowsNoEmptyProgressBar() throws Exception {
        Path file = dir.resolve("done.csv");
        SweepRunner.run(plan, file, 2, SweepRunnerTest::outcome, null);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        SweepRunner.Summary again = SweepRunner.run(plan, file, 2, SweepRunnerTest::outcome,
                new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(again.ran()).isZero();
        assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("0/1").doesNotContain("0%");
    }

    @Test
    void resumesAfterAKillSkippingFinishedRunsAndDroppingTheTornLine() throws Exception {
        Path file = dir.resolve("runs.csv");
        try (RunsCsv.Appender appender = RunsCsv.appender(file)) {
            for (RunKey key : plan.subList(0, 10)) {
                appender.append(fake(key));
            }
        }
        String torn = RunsCsv.format(fake(plan.get(10)));
        Files.writeString(file, torn.substring(0, 12), StandardOpenOption.APPEND);
        AtomicInteger calls = new AtomicInteger();
        SweepRunner.Summary s = SweepRunner.run(plan, file, 2, key -> {
            calls.incrementAndGet();
            return outcome(key);
        }, null);
        assertThat(s.skipped()).isEqualTo(10);
        assertThat(s.ran()).isEqualTo(14);
        assertThat(calls.get()).isEqualTo(14);
        List<RunRecord> all = RunsCsv.readAndRepair(file);
        assertThat(all).hasSize(24);
        assertThat(all.stream().map(RunRecord::key).distinct()).hasSize(24);
        // a second resume finds nothing to do
        assertThat(SweepRunner.run(plan, file, 2, SweepRunnerTest::outcome, null).ran()).isZero();
    }

    @Test
    void progressGoesToTheGivenStreamWithTheRunCount() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.PrintStream progress = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8)) {
            SweepRunner.run(plan, dir.resolve("runs.csv"), 2, SweepRunnerTest::outcome, progress);
        }
        assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("sweep").contains("24/24 runs");
    }

    @Test
    void aFailingRunStopsTheSweepWithItsSettingsAndKeepsFinishedRuns() throws IOException {
        Path file = dir.resolve("runs.csv");
        RunKey bad = plan.get(5);
        assertThatThrownBy(() -> SweepRunner.run(plan, file, 1, key -> {
            if (key.equals(bad)) {
                throw new IllegalStateException("diverged");
            }
            return outcome(key);
        }, null)).isInstanceOf(IOException.class).hasMessageContaining(bad.toString())
                .hasMessageContaining("diverged");
        assertThat(RunsCsv.readAndRepair(file)).hasSize(5);
        assertThatThrownBy(() -> SweepRunner.run(plan, file, 0, SweepRunnerTest::outcome, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads must be >= 1, got 0");
    }
}
