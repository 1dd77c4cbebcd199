package io.github.occam.examples.mnist;

import io.github.occam.examples.support.ChartFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The figures of the experiment, drawn with XChart and saved as PNG and SVG by {@link ChartFiles}.
 *
 * <pre>{@code
 * ChartFiles.save(out, "accuracy-vs-batch-size", Charts.accuracyVsBatchSize("N = 1000, m = 0.9", optima, "eps"));
 * }</pre>
 */
public final class Charts {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 560;
    private static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {6f, 4f}, 0f);

    private Charts() {
    }

    /**
     * Test accuracy (mean over seeds, error bars one standard deviation) against batch size on a
     * log axis, one curve per optimum of {@code family}, labelled by {@code label}.
     *
     * @param label {@code learning_rate}, {@code train_size} or {@code momentum}: what tells the
     *              curves apart
     */
    public static XYChart accuracyVsBatchSize(String title, List<OptimumAnalysis.Optimum> family, String label) {
        XYChart chart = base(title, "batch size B", "test accuracy (%), mean +/- sd over seeds");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        for (OptimumAnalysis.Optimum o : family) {
            List<OptimumAnalysis.Point> curve = o.curve();
            double[] x = new double[curve.size()];
            double[] y = new double[curve.size()];
            double[] e = new double[curve.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = curve.get(i).batchSize();
                y[i] = 100 * curve.get(i).mean();
                e[i] = 100 * curve.get(i).sd();
            }
            String name = String.format(Locale.ROOT, "%s = %s: B_opt %.0f [%.0f, %.0f]%s", symbol(label),
                    valueOf(label, o.setting()), o.batchSize(), o.low(), o.high(), o.atEdge() ? " (grid edge)" : "");
            chart.addSeries(name, x, y, e).setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    /**
     * {@link #accuracyVsBatchSize} with the accuracy axis cut to the {@code points} percentage
     * points below the best mean (plus its standard deviation), where the optimum is decided.
     */
    public static XYChart accuracyNearOptimum(String title, List<OptimumAnalysis.Optimum> family, String label,
                                              double points) {
        XYChart chart = accuracyVsBatchSize(title, family, label);
        double top = 0;
        for (OptimumAnalysis.Optimum o : family) {
            for (OptimumAnalysis.Point p : o.curve()) {
                top = Math.max(top, 100 * (p.mean() + p.sd()));
            }
        }
        top = Math.ceil(top + 0.25);
        chart.getStyler().setYAxisMax(top);
        chart.getStyler().setYAxisMin(top - points);
        return chart;
    }

    /**
     * B<sub>opt</sub> with its bootstrap interval against the scaling's variable on log-log
     * axes, with the fitted line and the paper's prediction (slope 1) for comparison.
     */
    public static XYChart optimumVsVariable(OptimumAnalysis.Scaling scaling) {
        String variable = switch (scaling.variable()) {
            case "learning_rate" -> "learning rate eps";
            case "train_size" -> "training-set size N";
            default -> "1/(1 - m)";
        };
        XYChart chart = base(String.format(Locale.ROOT, "B_opt against %s: slope %.2f [%.2f, %.2f]", variable,
                scaling.slope(), scaling.low(), scaling.high()), variable, "optimal batch size B_opt");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisLogarithmicDecadeOnly(false);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(false);
        chart.getStyler().setXAxisDecimalPattern("#0.####");
        chart.getStyler().setYAxisDecimalPattern("#0.#");
        List<OptimumAnalysis.Optimum> family = scaling.family();
        int n = family.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double meanLogX = 0;
        double meanLogY = 0;
        for (int i = 0; i < n; i++) {
            x[i] = scaling.x(family.get(i).setting());
            y[i] = family.get(i).batchSize();
            meanLogX += Math.log(x[i]) / n;
            meanLogY += Math.log(y[i]) / n;
        }
        XYSeries points = chart.addSeries("B_opt (quadratic fit in log B)", x, y);
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE);
        Color color = Color.BLACK;
        points.setMarkerColor(color);
        for (int i = 0; i < n; i++) {
            XYSeries interval = chart.addSeries("95% interval " + i, new double[] {x[i], x[i]},
                    new double[] {family.get(i).low(), family.get(i).high()});
            interval.setMarker(SeriesMarkers.NONE);
            interval.setLineColor(color);
            interval.setShowInLegend(i == 0);
            if (i == 0) {
                interval.setLabel("95% bootstrap interval over seeds");
            }
        }
        double[] ends = {x[0], x[n - 1]};
        double[] fit = new double[2];
        double[] ideal = new double[2];
        for (int i = 0; i < 2; i++) {
            fit[i] = Math.exp(scaling.intercept() + scaling.slope() * Math.log(ends[i]));
            ideal[i] = Math.exp(meanLogY + (Math.log(ends[i]) - meanLogX));
        }
        XYSeries line = chart.addSeries(String.format(Locale.ROOT, "least-squares fit, slope %.2f",
                scaling.slope()), ends, fit);
        line.setMarker(SeriesMarkers.NONE);
        XYSeries theory = chart.addSeries("B_opt proportional (slope 1)", ends, ideal);
        theory.setMarker(SeriesMarkers.NONE);
        theory.setLineStyle(DASHED);
        return chart;
    }

    /**
     * Curves sharing one x axis: each entry of {@code curves} is a name and its (x, y) points.
     */
    public static XYChart lines(String title, String xTitle, String yTitle, Map<String, double[][]> curves) {
        XYChart chart = base(title, xTitle, yTitle);
        for (Map.Entry<String, double[][]> e : curves.entrySet()) {
            chart.addSeries(e.getKey(), e.getValue()[0], e.getValue()[1]).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /**
     * Draws every figure the analysis allows into {@code dir}: accuracy against B for the
     * settings that differ in &epsilon; only (and, when swept, in N or m only), and B<sub>opt</sub>
     * against each scaling variable.
     *
     * @return the base names of the figures written
     */
    public static List<String> saveAll(OptimumAnalysis.Result result, Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        Map<List<Double>, List<OptimumAnalysis.Optimum>> byTrainSizeAndMomentum = new LinkedHashMap<>();
        for (OptimumAnalysis.Optimum o : result.optima()) {
            byTrainSizeAndMomentum.computeIfAbsent(List.of((double) o.setting().trainSize(), o.setting().momentum()),
                    k -> new ArrayList<>()).add(o);
        }
        List<OptimumAnalysis.Optimum> main = byTrainSizeAndMomentum.values().stream()
                .max((a, b) -> Integer.compare(a.size(), b.size())).orElseThrow();
        RunKey.Setting s = main.get(0).setting();
        String title = String.format(Locale.ROOT, "Test accuracy against batch size (N = %d, m = %s)",
                s.trainSize(), s.momentum());
        ChartFiles.save(dir, "accuracy-vs-batch-size", accuracyVsBatchSize(title, main, "learning_rate"));
        ChartFiles.save(dir, "accuracy-vs-batch-size-zoom", accuracyNearOptimum(title, main, "learning_rate", 6.0));
        names.add("accuracy-vs-batch-size");
        names.add("accuracy-vs-batch-size-zoom");
        for (OptimumAnalysis.Scaling scaling : result.scaling()) {
            String suffix = switch (scaling.variable()) {
                case "learning_rate" -> "learning-rate";
                case "train_size" -> "train-size";
                default -> "momentum";
            };
            if (!scaling.variable().equals("learning_rate")) {
                String label = scaling.variable().equals("train_size") ? "train_size" : "momentum";
                RunKey.Setting f = scaling.family().get(0).setting();
                String fixed = label.equals("train_size")
                        ? String.format(Locale.ROOT, "eps = %s, m = %s", f.learningRate(), f.momentum())
                        : String.format(Locale.ROOT, "eps = %s, N = %d", f.learningRate(), f.trainSize());
                ChartFiles.save(dir, "accuracy-vs-batch-size-by-" + suffix,
                        accuracyVsBatchSize("Test accuracy against batch size (" + fixed + ")", scaling.family(), label));
                names.add("accuracy-vs-batch-size-by-" + suffix);
            }
            ChartFiles.save(dir, "optimum-vs-" + suffix, optimumVsVariable(scaling));
            names.add("optimum-vs-" + suffix);
        }
        return names;
    }

    private static XYChart base(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(6);
        return chart;
    }

    private static String symbol(String label) {
        return switch (label) {
            case "learning_rate" -> "eps";
            case "train_size" -> "N";
            default -> "m";
        };
    }

    private static String valueOf(String label, RunKey.Setting s) {
        return switch (label) {
            case "learning_rate" -> Double.toString(s.learningRate());
            case "train_size" -> Integer.toString(s.trainSize());
            default -> Double.toString(s.momentum());
        };
    }
}
