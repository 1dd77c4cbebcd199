package io.github.occam.examples.mnist;

import io.github.occam.examples.support.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the results of a sweep into its directory: {@code optimum.csv}, {@code scaling.csv},
 * {@code curves.csv}, the figures (PNG and SVG) and {@code summary.txt}, each atomically, and
 * returns the summary. Every budget of the runs is analysed on its own; with more than one, the
 * figures of each carry its {@link SweepBudget#fileTag()} as a prefix.
 *
 * <pre>{@code
 * String summary = Report.write(out, RunsCsv.readAndRepair(out.resolve("runs.csv")), null, 1000);
 * }</pre>
 */
public final class Report {

    /** Seed of the bootstrap, fixed so that an analysis can be repeated exactly. */
    public static final long BOOTSTRAP_SEED = 20180101L;

    private Report() {
    }

    /**
     * Analyses the runs (only those under {@code budget} when it is not null) and writes every
     * result file into {@code dir}.
     *
     * @return the summary printed by the command line (also written to {@code summary.txt})
     */
    public static String write(Path dir, List<RunRecord> runs, SweepBudget budget, int resamples) throws IOException {
        OptimumAnalysis.Result result = budget == null
                ? OptimumAnalysis.analyze(runs, resamples, BOOTSTRAP_SEED)
                : OptimumAnalysis.analyze(runs, budget, resamples, BOOTSTRAP_SEED);
        AtomicFiles.writeString(dir.resolve("optimum.csv"), AnalysisCsv.optimum(result.optima()));
        AtomicFiles.writeString(dir.resolve("scaling.csv"), AnalysisCsv.scaling(result.scaling()));
        AtomicFiles.writeString(dir.resolve("curves.csv"), AnalysisCsv.curves(result.optima()));
        List<SweepBudget> budgets = result.budgets();
        List<String> figures = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (SweepBudget b : budgets) {
            OptimumAnalysis.Result one = result.of(b);
            figures.addAll(Charts.saveAll(one, dir, budgets.size() == 1 ? "" : b.fileTag() + "-"));
            summarize(sb, b, one, runs, resamples);
        }
        sb.append(String.format(Locale.ROOT, "wrote %s: optimum.csv, scaling.csv, curves.csv, summary.txt, %s "
                + "(.png, .svg)%n", dir, String.join(", ", figures)));
        AtomicFiles.writeString(dir.resolve("summary.txt"), sb.toString());
        return sb.toString();
    }

    private static void summarize(StringBuilder sb, SweepBudget budget, OptimumAnalysis.Result result,
                                  List<RunRecord> runs, int resamples) {
        List<RunRecord> mine = runs.stream().filter(r -> r.key().budget().equals(budget)).toList();
        long divergedRuns = mine.stream().filter(RunRecord::diverged).count();
        sb.append(String.format(Locale.ROOT, "Optimal batch size, %d runs of %s (%d diverged), %d bootstrap resamples "
                + "over seeds%n", mine.size(), budget.describe(), divergedRuns, resamples));
        for (OptimumAnalysis.Optimum o : result.optima()) {
            RunKey.Setting s = o.setting();
            String where = String.format(Locale.ROOT, "  eps %-6s N %-5d m %-5s", s.learningRate(), s.trainSize(),
                    s.momentum());
            OptimumAnalysis.Point best = o.best();
            int diverged = o.curve().stream().mapToInt(OptimumAnalysis.Point::diverged).sum();
            String divergedNote = diverged == 0 ? "" : String.format(Locale.ROOT, "; %d diverged run%s at B = %s",
                    diverged, diverged == 1 ? "" : "s", o.curve().stream().filter(p -> p.diverged() > 0)
                            .map(p -> Integer.toString(p.batchSize())).toList());
            if (best == null) {
                sb.append(where).append("  no optimum: every run diverged").append(divergedNote).append('\n');
                continue;
            }
            String accuracy = String.format(Locale.ROOT, "test accuracy %.2f%% +/- %.2f, train accuracy %.2f%%, "
                            + "train cross-entropy %.3g, %d seeds", 100 * best.mean(), 100 * best.sd(),
                    100 * best.trainAccuracy(), best.trainCrossEntropy(), best.seeds());
            if (o.atEdge()) {
                String why = switch (o.edge()) {
                    case STABILITY -> "AT THE STABILITY EDGE: runs at the next grid B diverged; no interval";
                    case FITTING -> String.format(Locale.ROOT, "AT THE FITTING EDGE: runs at or next to the best B"
                            + " did not fit the training set (smallest B where all did: %.0f); no parabola, no"
                            + " interval", o.smallestFittedBatchSize());
                    case SMALLEST_B -> "AT THE GRID EDGE (smallest B): no interior optimum, no interval; add smaller B";
                    default -> "AT THE GRID EDGE (largest B): no interior optimum, no interval; add larger B";
                };
                sb.append(String.format(Locale.ROOT, "%s  best grid point B = %.0f (%s)  %s%s%n", where,
                        o.gridBatchSize(), accuracy, why, divergedNote));
                continue;
            }
            sb.append(String.format(Locale.ROOT, "%s  best grid point B = %.0f (one step: %.0f-%.0f; 95%% bootstrap "
                            + "[%.0f, %.0f])  fit B_opt %.1f  95%% interval [%.1f, %.1f]  (%s)%s%s%n", where,
                    o.gridBatchSize(), o.gridStepLow(), o.gridStepHigh(), o.gridLow(), o.gridHigh(), o.batchSize(),
                    o.low(), o.high(), accuracy,
                    o.edgeReplicates() > 0.025 ? String.format(Locale.ROOT,
                            "; %.0f%% of the resamples peak at an edge", 100 * o.edgeReplicates()) : "",
                    divergedNote));
        }
        for (String variable : OptimumAnalysis.VARIABLES) {
            List<OptimumAnalysis.Optimum> family = OptimumAnalysis.largestFamily(variable, result.optima());
            boolean fitted = result.scaling().stream().anyMatch(s -> s.variable().equals(variable));
            if (family.size() >= 2 && !fitted) {
                sb.append(String.format(Locale.ROOT, "  no slope against ln %s: %d of its %d settings have an "
                                + "interior optimum, a line needs 2%n", variable,
                        family.stream().filter(o -> !o.atEdge()).count(), family.size()));
            }
        }
        for (OptimumAnalysis.Scaling s : result.scaling()) {
            sb.append(String.format(Locale.ROOT, "  slope of ln B_opt (%s) against ln %-15s %.2f  95%% interval "
                            + "[%.2f, %.2f]  (%d settings; the paper predicts 1)%s%n", s.estimate(), s.variable(),
                    s.slope(), s.low(), s.high(), s.family().size(),
                    s.excluded().isEmpty() ? "" : String.format(Locale.ROOT, "  %d at an edge left out",
                            s.excluded().size())));
        }
    }
}
