package io.github.occam.examples.mnist;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The analysis of a {@code runs.csv}, run as its own JVM by {@link AnalysisReproducibilityTest}:
 * {@code AnalysisInAFreshJvm RUNS_CSV OUT_DIR WARMUP} first asks for {@code WARMUP} identity
 * hashes and keeps the objects (work that moves every identity hash drawn after it, as a JVM
 * that did other work first would), then writes {@code optimum.csv} and {@code scaling.csv}.
 */
public final class AnalysisInAFreshJvm {

    private AnalysisInAFreshJvm() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.parseInt(args[2]);
        List<Object> kept = new ArrayList<>();
        long sum = 0;
        for (int i = 0; i < warmup; i++) {
            Object o = new Object();
            sum += o.hashCode();
            kept.add(o);
        }
        Path out = Path.of(args[1]);
        OptimumAnalysis.Result result = OptimumAnalysis.analyze(RunsCsv.read(Path.of(args[0])), 200,
                Report.BOOTSTRAP_SEED);
        Files.writeString(out.resolve("optimum.csv"), AnalysisCsv.optimum(result.optima()), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("scaling.csv"), AnalysisCsv.scaling(result.scaling()), StandardCharsets.UTF_8);
        if (sum == 42 && kept.isEmpty()) {
            System.out.println(sum);     // keeps the warm-up from being optimized away
        }
    }
}
