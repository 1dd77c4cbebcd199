package io.github.occam.examples.mnist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bootstrap of the analysis draws the same resamples in every JVM: two JVMs that did
 * different work before analysing the same {@code runs.csv} write the same files, byte for byte.
 */
class AnalysisReproducibilityTest {

    @Test
    void twoJvmsThatDidDifferentWorkFirstWriteTheSameAnalysis(@TempDir Path dir) throws Exception {
        Path runsCsv = dir.resolve("runs.csv");
        Random random = new Random(11);
        try (RunsCsv.Appender appender = RunsCsv.appender(runsCsv)) {
            for (int n : new int[] {500, 1000}) {
                for (int b = 4; b <= 128; b *= 2) {
                    for (int seed = 1; seed <= 3; seed++) {
                        RunKey key = RunKey.of(b, 0.1, n, 0.9, seed, SweepBudget.time(100));
                        double d = Math.log(b / 24.0);
                        long updates = key.trainerBudget().amount();
                        appender.append(new RunRecord(key, (double) updates * b / n, updates, key.noiseScale(),
                                1.0, 0.9 - 0.01 * d * d + 0.01 * random.nextGaussian(), 0.01, 0.3, false, 1.0));
                    }
                }
            }
        }
        Path first = analyzeInAFreshJvm(runsCsv, dir.resolve("first"), 0);
        Path second = analyzeInAFreshJvm(runsCsv, dir.resolve("second"), 123_457);
        for (String file : List.of("optimum.csv", "scaling.csv")) {
            assertThat(Files.readAllBytes(second.resolve(file)))
                    .as(file).isEqualTo(Files.readAllBytes(first.resolve(file)));
        }
        // and the files are the ones this JVM writes
        OptimumAnalysis.Result here = OptimumAnalysis.analyze(RunsCsv.read(runsCsv), 200, Report.BOOTSTRAP_SEED);
        assertThat(Files.readString(first.resolve("optimum.csv"))).isEqualTo(AnalysisCsv.optimum(here.optima()));
    }

    private static Path analyzeInAFreshJvm(Path runsCsv, Path out, int warmup)
            throws IOException, InterruptedException {
        Files.createDirectories(out);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), AnalysisInAFreshJvm.class.getName(),
                runsCsv.toString(), out.toString(), Integer.toString(warmup))
                .redirectErrorStream(true).redirectOutput(out.resolve("jvm.log").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the JVM finished").isTrue();
        assertThat(process.exitValue()).as(Files.readString(out.resolve("jvm.log"))).isZero();
        return out;
    }
}
