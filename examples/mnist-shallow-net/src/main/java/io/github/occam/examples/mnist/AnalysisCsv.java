package io.github.occam.examples.mnist;

import java.util.List;
import java.util.Locale;

/**
 * The CSV files of an analysis ({@link OptimumAnalysis}): {@code optimum.csv} (B<sub>opt</sub>
 * of every budget and setting, both ways, with intervals and edge flags), {@code scaling.csv}
 * (the slopes) and {@code curves.csv} (the mean curves, with training loss and accuracy). Numbers
 * have six significant digits; a value that does not exist (an interval at an edge) is empty.
 *
 * <pre>{@code
 * AtomicFiles.writeString(dir.resolve("optimum.csv"), AnalysisCsv.optimum(result.optima()));
 * }</pre>
 */
public final class AnalysisCsv {

    private AnalysisCsv() {
    }

    /** The header of {@code optimum.csv}. */
    public static final String OPTIMUM_HEADER = "budget,learning_rate,train_size,momentum,seeds,runs,diverged_runs,"
            + "edge,b_grid,b_grid_step_low,b_grid_step_high,b_grid_low,b_grid_high,b_opt,b_opt_low,b_opt_high,"
            + "edge_replicates,test_accuracy,test_accuracy_sd,edge_bound,tau,noise_scale,b_fitted_min,"
            + "b_grid_cross_entropy";

    /** The text of {@code optimum.csv}: one line per budget and setting; empty where there is no value. */
    public static String optimum(List<OptimumAnalysis.Optimum> optima) {
        StringBuilder sb = new StringBuilder(OPTIMUM_HEADER).append('\n');
        for (OptimumAnalysis.Optimum o : optima) {
            int runs = o.curve().stream().mapToInt(OptimumAnalysis.Point::runs).sum();
            int diverged = o.curve().stream().mapToInt(OptimumAnalysis.Point::diverged).sum();
            OptimumAnalysis.Point best = o.best();
            setting(sb, o).append(',').append(o.seeds()).append(',').append(runs).append(',').append(diverged)
                    .append(',').append(o.edge().label());
            double[] values = {o.gridBatchSize(), o.gridStepLow(), o.gridStepHigh(), o.gridLow(), o.gridHigh(),
                o.batchSize(), o.low(), o.high(), o.edgeReplicates(), best == null ? Double.NaN : best.mean(),
                best == null ? Double.NaN : best.sd()};
            for (double v : values) {
                sb.append(',').append(fmt(v));
            }
            sb.append(',').append(o.atEdge());
            numbers(sb, o.temperature(), o.noiseScale(), o.smallestFittedBatchSize(), o.crossEntropyBatchSize());
        }
        return sb.toString();
    }

    /** The header of {@code scaling.csv}. */
    public static final String SCALING_HEADER = "budget,variable,estimate,slope,slope_low,slope_high,settings,"
            + "edge_settings";

    /** The text of {@code scaling.csv}. */
    public static String scaling(List<OptimumAnalysis.Scaling> scaling) {
        StringBuilder sb = new StringBuilder(SCALING_HEADER).append('\n');
        for (OptimumAnalysis.Scaling s : scaling) {
            sb.append(s.budget().tag()).append(',').append(s.variable()).append(',').append(s.estimate())
                    .append(',').append(fmt(s.slope())).append(',').append(fmt(s.low())).append(',')
                    .append(fmt(s.high())).append(',').append(s.family().size()).append(',')
                    .append(s.excluded().size()).append('\n');
        }
        return sb.toString();
    }

    /** The header of {@code curves.csv}. */
    public static final String CURVES_HEADER = "budget,learning_rate,train_size,momentum,batch_size,runs,"
            + "diverged_runs,test_accuracy,test_accuracy_sd,train_accuracy,train_cross_entropy,test_cross_entropy";

    /**
     * The text of {@code curves.csv}: for each budget, setting and batch size, the means over the
     * runs that did not diverge.
     */
    public static String curves(List<OptimumAnalysis.Optimum> optima) {
        StringBuilder sb = new StringBuilder(CURVES_HEADER).append('\n');
        for (OptimumAnalysis.Optimum o : optima) {
            for (OptimumAnalysis.Point p : o.curve()) {
                setting(sb, o).append(',').append(p.batchSize()).append(',').append(p.runs()).append(',')
                        .append(p.diverged());
                numbers(sb, p.mean(), p.sd(), p.trainAccuracy(), p.trainCrossEntropy(), p.testCrossEntropy());
            }
        }
        return sb.toString();
    }

    /** Appends the budget and the setting of {@code o}: {@code budget,learning_rate,train_size,momentum}. */
    private static StringBuilder setting(StringBuilder sb, OptimumAnalysis.Optimum o) {
        RunKey.Setting s = o.setting();
        return sb.append(o.budget().tag()).append(',').append(s.learningRate()).append(',').append(s.trainSize())
                .append(',').append(s.momentum());
    }

    /** Appends {@code ,v} for each value, then the end of the line. */
    private static void numbers(StringBuilder sb, double... values) {
        for (double v : values) {
            sb.append(',').append(fmt(v));
        }
        sb.append('\n');
    }

    /** Six significant digits; empty for NaN (no value). */
    static String fmt(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6g", value);
    }
}
