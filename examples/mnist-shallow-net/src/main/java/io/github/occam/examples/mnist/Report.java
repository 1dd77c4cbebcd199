package io.github.occam.examples.mnist;

import io.github.occam.examples.support.AtomicFiles;
import io.github.occam.sgd.SgdSettings.Budget;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes the results of a sweep into its directory: {@code optimum.csv}, {@code scaling.csv},
 * the figures (PNG and SVG) and {@code summary.txt}, each atomically, and returns the summary.
 *
 * <pre>{@code
 * String summary = Report.write(out, RunsCsv.readAndRepair(out.resolve("runs.csv")), budget, 1000);
 * }</pre>
 */
public final class Report {

    /** Seed of the bootstrap, fixed so that an analysis can be repeated exactly. */
    public static final long BOOTSTRAP_SEED = 20180101L;

    private Report() {
    }

    /**
     * Analyses the runs made under {@code budget} and writes every result file into {@code dir}.
     *
     * @return the summary printed by the command line (also written to {@code summary.txt})
     */
    public static String write(Path dir, List<RunRecord> runs, Budget budget, int resamples) throws IOException {
        OptimumAnalysis.Result result = OptimumAnalysis.analyze(runs, budget, resamples, BOOTSTRAP_SEED);
        AtomicFiles.writeString(dir.resolve("optimum.csv"), OptimumAnalysis.optimumCsv(result.optima()));
        AtomicFiles.writeString(dir.resolve("scaling.csv"), OptimumAnalysis.scalingCsv(result.scaling()));
        List<String> figures = Charts.saveAll(result, dir);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Optimal batch size, %d runs of %s, %d bootstrap resamples over seeds%n",
                runs.stream().filter(r -> r.ranFor(budget)).count(), RunKey.describe(budget), resamples));
        for (OptimumAnalysis.Optimum o : result.optima()) {
            RunKey.Setting s = o.setting();
            OptimumAnalysis.Point best = o.curve().stream()
                    .max((a, b) -> Double.compare(a.mean(), b.mean())).orElseThrow();
            sb.append(String.format(Locale.ROOT,
                    "  eps %-6s N %-5d m %-5s  B_opt %7.1f  95%% interval [%.1f, %.1f]  best grid point B = %d "
                            + "(test accuracy %.2f%% +/- %.2f, %d seeds)%s%n",
                    s.learningRate(), s.trainSize(), s.momentum(), o.batchSize(), o.low(), o.high(), best.batchSize(),
                    100 * best.mean(), 100 * best.sd(), best.seeds(),
                    o.atEdge() ? "  AT THE GRID EDGE: no interior optimum, widen the batch-size grid" : ""));
        }
        for (OptimumAnalysis.Scaling s : result.scaling()) {
            sb.append(String.format(Locale.ROOT, "  slope of ln B_opt against ln %-15s %.2f  95%% interval [%.2f, %.2f]"
                    + "  (%d settings; the paper predicts 1)%s%n", s.variable(), s.slope(), s.low(), s.high(),
                    s.family().size(),
                    s.family().stream().anyMatch(OptimumAnalysis.Optimum::atEdge) ? "  some optima at the grid edge" : ""));
        }
        sb.append(String.format(Locale.ROOT, "wrote %s: optimum.csv, scaling.csv, summary.txt, %s (.png, .svg)%n",
                dir, String.join(", ", figures)));
        AtomicFiles.writeString(dir.resolve("summary.txt"), sb.toString());
        return sb.toString();
    }
}
