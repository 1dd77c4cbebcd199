package io.github.occam.examples.mnist;

import io.github.occam.examples.support.ChartFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The figures of the experiment, drawn with XChart and saved as PNG and SVG by {@link ChartFiles}.
 *
 * <p>Batch sizes are drawn on a log<sub>2</sub> axis with a tick label at every power of 2.
 * On the accuracy curves, the runs that diverged at a batch size are a cross at their mean test
 * accuracy (they are left out of the curve's mean), and each curve's B<sub>opt</sub> (the fit) is a diamond with its 95%
 * bootstrap interval as a horizontal bar; an optimum at an edge is an empty diamond without a
 * bar.
 *
 * <pre>{@code
 * ChartFiles.save(out, "accuracy-vs-batch-size", Charts.accuracyVsBatchSize("N = 1000, m = 0.9", optima, "eps"));
 * }</pre>
 */
public final class Charts {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 560;
    /** Width of the plot area in pixels, roughly, for spacing the ticks of the batch-size axis. */
    private static final int PLOT_WIDTH = 650;
    private static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {6f, 4f}, 0f);
    private static final BasicStroke BAR = new BasicStroke(3f);
    private static final Color[] PALETTE = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
        new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
        new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};

    private Charts() {
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2.0);
    }

    /**
     * Test accuracy (mean over the seeds that trained, error bars one standard deviation) against
     * batch size on a log<sub>2</sub> axis, one curve per optimum of {@code family}, labelled by
     * {@code label}; diverged runs as crosses; B<sub>opt</sub> and its interval on each curve.
     *
     * @param label {@code learning_rate}, {@code train_size} or {@code momentum}: what tells the
     *              curves apart
     */
    public static XYChart accuracyVsBatchSize(String title, List<OptimumAnalysis.Optimum> family, String label) {
        XYChart chart = base(title, "batch size B (log2 axis)", "test accuracy (%), mean +/- sd over seeds");
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        batchSizeAxis(chart, family);
        boolean anyDiverged = false;
        for (int k = 0; k < family.size(); k++) {
            OptimumAnalysis.Optimum o = family.get(k);
            Color color = PALETTE[k % PALETTE.length];
            List<OptimumAnalysis.Point> trained = o.curve().stream().filter(p -> p.seeds() > 0).toList();
            double[] x = new double[trained.size()];
            double[] y = new double[trained.size()];
            double[] e = new double[trained.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = log2(trained.get(i).batchSize());
                y[i] = 100 * trained.get(i).mean();
                e[i] = 100 * trained.get(i).sd();
            }
            String name = String.format(Locale.ROOT, "%s = %s: %s", symbol(label), valueOf(label, o.setting()),
                    describe(o));
            if (x.length > 0) {
                XYSeries curve = chart.addSeries(name, x, y, e);
                curve.setMarker(SeriesMarkers.CIRCLE);
                curve.setLineColor(color);
                curve.setMarkerColor(color);
            }
            List<OptimumAnalysis.Point> diverged = o.curve().stream().filter(p -> p.diverged() > 0).toList();
            if (!diverged.isEmpty()) {
                double[] dx = new double[diverged.size()];
                double[] dy = new double[diverged.size()];
                for (int i = 0; i < dx.length; i++) {
                    dx[i] = log2(diverged.get(i).batchSize());
                    dy[i] = 100 * diverged.get(i).divergedAccuracy();
                }
                XYSeries crosses = chart.addSeries(name + " diverged", dx, dy);
                crosses.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                crosses.setMarker(SeriesMarkers.CROSS);
                crosses.setMarkerColor(color);
                crosses.setShowInLegend(false);
                anyDiverged = true;
            }
            drawOptimum(chart, o, name, color);
        }
        if (anyDiverged) {
            XYSeries key = chart.addSeries("x: diverged runs (mean test accuracy; left out of the means, never an "
                    + "optimum)", new double[] {Double.NaN}, new double[] {Double.NaN});
            key.setMarker(SeriesMarkers.CROSS);
            key.setMarkerColor(Color.DARK_GRAY);
            key.setLineColor(new Color(0, 0, 0, 0));
        }
        return chart;
    }

    /** B<sub>opt</sub> of {@code o} as a diamond at the best mean, its interval as a bar. */
    private static void drawOptimum(XYChart chart, OptimumAnalysis.Optimum o, String name, Color color) {
        OptimumAnalysis.Point best = o.best();
        if (best == null) {
            return;
        }
        double level = 100 * best.mean();
        if (o.atEdge()) {
            XYSeries edge = chart.addSeries(name + " edge", new double[] {log2(o.gridBatchSize())},
                    new double[] {level});
            edge.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            edge.setMarker(SeriesMarkers.DIAMOND);
            edge.setMarkerColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 90));
            edge.setShowInLegend(false);
            return;
        }
        if (o.low() > 0 && o.high() < Double.POSITIVE_INFINITY && Double.isFinite(level)) {
            drawInterval(chart, o, name, color, level);
        }
        XYSeries vertex = chart.addSeries(name + " B_opt", new double[] {log2(o.batchSize())}, new double[] {level});
        vertex.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        vertex.setMarker(SeriesMarkers.DIAMOND);
        vertex.setMarkerColor(color.darker());
        vertex.setShowInLegend(false);
    }

    /** The 95% interval of B_opt as a translucent bar with end caps, so that it is not a curve. */
    private static void drawInterval(XYChart chart, OptimumAnalysis.Optimum o, String name, Color color,
                                     double level) {
        Color translucent = new Color(color.getRed(), color.getGreen(), color.getBlue(), 110);
        XYSeries bar = chart.addSeries(name + " interval", new double[] {log2(o.low()), log2(o.high())},
                new double[] {level, level});
        bar.setMarker(SeriesMarkers.NONE);
        bar.setLineColor(translucent);
        bar.setLineStyle(BAR);
        bar.setShowInLegend(false);
        double cap = 0.12;
        double[] bounds = {o.low(), o.high()};
        for (int k = 0; k < bounds.length; k++) {
            XYSeries tick = chart.addSeries(name + " interval end " + k,
                    new double[] {log2(bounds[k]), log2(bounds[k])}, new double[] {level - cap, level + cap});
            tick.setMarker(SeriesMarkers.NONE);
            tick.setLineColor(translucent);
            tick.setLineStyle(BAR);
            tick.setShowInLegend(false);
        }
    }

    /** The legend's account of an optimum. */
    private static String describe(OptimumAnalysis.Optimum o) {
        return switch (o.edge()) {
            case NONE -> String.format(Locale.ROOT, "B_opt %.0f [%.0f, %.0f], best grid B %.0f", o.batchSize(),
                    o.low(), o.high(), o.gridBatchSize());
            case STABILITY -> String.format(Locale.ROOT, "best B %.0f, at the stability edge (no interval)",
                    o.gridBatchSize());
            case FITTING -> String.format(Locale.ROOT, "best B %.0f, at the fitting edge (no interval)",
                    o.gridBatchSize());
            case NO_STABLE_RUN -> "every run diverged";
            default -> String.format(Locale.ROOT, "best B %.0f, at the grid edge (no interval)", o.gridBatchSize());
        };
    }

    /**
     * {@link #accuracyVsBatchSize} with the accuracy axis cut to the {@code points} percentage
     * points below the best mean (plus its standard deviation), where the optimum is decided.
     */
    public static XYChart accuracyNearOptimum(String title, List<OptimumAnalysis.Optimum> family, String label,
                                              double points) {
        XYChart chart = accuracyVsBatchSize(title, family, label);
        double top = 0;
        double low = Double.POSITIVE_INFINITY;
        for (OptimumAnalysis.Optimum o : family) {
            for (OptimumAnalysis.Point p : o.curve()) {
                if (p.seeds() > 0) {
                    top = Math.max(top, 100 * (p.mean() + p.sd()));
                    low = Math.min(low, 100 * (p.mean() - p.sd()));
                }
            }
        }
        top = Math.ceil(top + 0.25);
        chart.getStyler().setYAxisMax(top);
        // never below the lowest point: on flat curves the panel must zoom in, not out
        chart.getStyler().setYAxisMin(Double.isFinite(low) ? Math.max(top - points, Math.floor(low - 0.25))
                : top - points);
        return chart;
    }

    /**
     * The final training cross-entropy (mean over the seeds that trained, log axis) against
     * batch size, one curve per optimum, with each B<sub>opt</sub> (the fit) as a dashed
     * vertical line: whether the runs on either side of the optimum trained.
     */
    public static XYChart trainingLossVsBatchSize(String title, List<OptimumAnalysis.Optimum> family, String label) {
        XYChart chart = base(title, "batch size B (log2 axis)", "final training cross-entropy (mean over seeds)");
        chart.getStyler().setYAxisLogarithmic(true);
        // labels at the decades when the curves span one or more (else every minor tick is
        // labelled, over one another); within one decade the minor ticks are the only labels
        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0.0;
        for (OptimumAnalysis.Optimum o : family) {
            for (OptimumAnalysis.Point p : o.curve()) {
                if (p.seeds() > 0 && p.trainCrossEntropy() > 0) {
                    smallest = Math.min(smallest, p.trainCrossEntropy());
                    largest = Math.max(largest, p.trainCrossEntropy());
                }
            }
        }
        chart.getStyler().setYAxisLogarithmicDecadeOnly(largest >= 10 * smallest);
        chart.getStyler().setYAxisDecimalPattern("0.#E0");
        batchSizeAxis(chart, family);
        for (int k = 0; k < family.size(); k++) {
            OptimumAnalysis.Optimum o = family.get(k);
            Color color = PALETTE[k % PALETTE.length];
            List<OptimumAnalysis.Point> trained = o.curve().stream()
                    .filter(p -> p.seeds() > 0 && p.trainCrossEntropy() > 0).toList();
            if (trained.isEmpty()) {
                continue;
            }
            double[] x = new double[trained.size()];
            double[] y = new double[trained.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = log2(trained.get(i).batchSize());
                y[i] = trained.get(i).trainCrossEntropy();
            }
            String name = String.format(Locale.ROOT, "%s = %s", symbol(label), valueOf(label, o.setting()));
            XYSeries curve = chart.addSeries(name + (o.atEdge() ? "" : String.format(Locale.ROOT,
                    " (dashed: B_opt %.0f)", o.batchSize())), x, y);
            curve.setMarker(SeriesMarkers.CIRCLE);
            curve.setLineColor(color);
            curve.setMarkerColor(color);
            if (!o.atEdge()) {
                double low = Arrays.stream(y).min().orElseThrow();
                double high = Arrays.stream(y).max().orElseThrow();
                XYSeries mark = chart.addSeries(name + " B_opt", new double[] {log2(o.batchSize()),
                    log2(o.batchSize())}, new double[] {low, high});
                mark.setMarker(SeriesMarkers.NONE);
                mark.setLineColor(color);
                mark.setLineStyle(DASHED);
                mark.setShowInLegend(false);
            }
        }
        return chart;
    }

    /**
     * B<sub>opt</sub> with its bootstrap interval against the scaling's variable on log-log
     * axes: the fit (circles) and the best grid point (squares), the least-squares line of the
     * fit and the paper's prediction (slope 1); optima at an edge, left out of the line, as
     * triangles.
     *
     * @param grid the slope of the same family by the best grid point, or null
     */
    public static XYChart optimumVsVariable(OptimumAnalysis.Scaling scaling, OptimumAnalysis.Scaling grid) {
        String variable = switch (scaling.variable()) {
            case "learning_rate" -> "learning rate eps";
            case "train_size" -> "training-set size N";
            default -> "1/(1 - m)";
        };
        String title = String.format(Locale.ROOT, "B_opt against %s: slope %.2f [%.2f, %.2f]", variable,
                scaling.slope(), scaling.low(), scaling.high());
        if (grid != null) {
            title += String.format(Locale.ROOT, "; grid points %.2f [%.2f, %.2f]", grid.slope(), grid.low(),
                    grid.high());
        }
        XYChart chart = base(title, variable, "optimal batch size B_opt");
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
        double[] gy = new double[n];
        double meanLogX = 0;
        double meanLogY = 0;
        for (int i = 0; i < n; i++) {
            x[i] = scaling.x(family.get(i).setting());
            y[i] = family.get(i).batchSize();
            gy[i] = family.get(i).gridBatchSize();
            meanLogX += Math.log(x[i]) / n;
            meanLogY += Math.log(y[i]) / n;
        }
        XYSeries points = chart.addSeries("B_opt, fit (parabola in log B around the best grid point)", x, y);
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE);
        points.setMarkerColor(Color.BLACK);
        for (int i = 0; i < n; i++) {
            XYSeries interval = chart.addSeries("95% interval " + i, new double[] {x[i], x[i]},
                    new double[] {family.get(i).low(), family.get(i).high()});
            interval.setMarker(SeriesMarkers.NONE);
            interval.setLineColor(Color.BLACK);
            interval.setShowInLegend(i == 0);
            if (i == 0) {
                interval.setLabel("95% bootstrap interval over seeds (fit)");
            }
        }
        XYSeries grids = chart.addSeries("best grid point (the paper's reading)", shifted(x, 1.04), gy);
        grids.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        grids.setMarker(SeriesMarkers.SQUARE);
        grids.setMarkerColor(PALETTE[1]);
        if (!scaling.excluded().isEmpty()) {
            List<OptimumAnalysis.Optimum> edge = scaling.excluded();
            double[] ex = new double[edge.size()];
            double[] ey = new double[edge.size()];
            for (int i = 0; i < ex.length; i++) {
                ex[i] = scaling.x(edge.get(i).setting());
                ey[i] = edge.get(i).gridBatchSize();
            }
            XYSeries edges = chart.addSeries("best B at an edge (not fitted)", ex, ey);
            edges.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            edges.setMarker(SeriesMarkers.TRIANGLE_UP);
            edges.setMarkerColor(PALETTE[3]);
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
        line.setLineColor(PALETTE[0]);
        XYSeries theory = chart.addSeries("B_opt proportional (slope 1)", ends, ideal);
        theory.setMarker(SeriesMarkers.NONE);
        theory.setLineStyle(DASHED);
        theory.setLineColor(Color.GRAY);
        return chart;
    }

    private static double[] shifted(double[] x, double factor) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * factor;
        }
        return out;
    }

    /**
     * The collapse onto the temperature &tau; = &epsilon; / (B (1 - m)) of the SDE: test accuracy
     * (circles, solid) and training accuracy (dashed) of each setting against &tau; on a log2 axis,
     * one colour per (&epsilon;, m). At fixed N and SDE time the curves of every setting lie on one
     * another if the accuracy depends on &tau; alone.
     *
     * @param settings the settings of one N (and budget), each with its curve
     */
    public static XYChart accuracyVsTemperature(String title, List<OptimumAnalysis.Optimum> settings) {
        XYChart chart = base(title, "temperature tau = eps / (B (1 - m)) (log2 axis)",
                "accuracy (solid: test, dashed: training)");
        chart.setCustomXAxisTickLabelsFormatter(Charts::temperatureLabel);
        for (int k = 0; k < settings.size(); k++) {
            OptimumAnalysis.Optimum o = settings.get(k);
            Color color = PALETTE[k % PALETTE.length];
            List<OptimumAnalysis.Point> trained = o.curve().stream().filter(p -> p.seeds() > 0).toList();
            if (trained.isEmpty()) {
                continue;
            }
            double[] x = new double[trained.size()];
            double[] test = new double[trained.size()];
            double[] train = new double[trained.size()];
            for (int i = 0; i < x.length; i++) {
                OptimumAnalysis.Point p = trained.get(i);
                x[i] = log2(o.setting().learningRate() / (p.batchSize() * (1.0 - o.setting().momentum())));
                test[i] = p.mean();
                train[i] = p.trainAccuracy();
            }
            String name = String.format(Locale.ROOT, "eps = %s, m = %s", o.setting().learningRate(),
                    o.setting().momentum());
            XYSeries t = chart.addSeries(name, x, test);
            t.setMarker(SeriesMarkers.CIRCLE);
            t.setLineColor(color);
            t.setMarkerColor(color);
            XYSeries f = chart.addSeries(name + " (training)", x, train);
            f.setMarker(SeriesMarkers.NONE);
            f.setLineColor(color);
            f.setLineStyle(DASHED);
            f.setShowInLegend(false);
        }
        return chart;
    }

    /**
     * Curves sharing one x axis: each entry of {@code curves} is a name and its (x, y) points,
     * or (x, y, error) with error bars.
     */
    public static XYChart lines(String title, String xTitle, String yTitle, Map<String, double[][]> curves) {
        XYChart chart = base(title, xTitle, yTitle);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        for (Map.Entry<String, double[][]> e : curves.entrySet()) {
            double[][] c = e.getValue();
            XYSeries s = c.length > 2 ? chart.addSeries(e.getKey(), c[0], c[1], c[2])
                    : chart.addSeries(e.getKey(), c[0], c[1]);
            s.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /**
     * Draws every figure the analysis of one budget allows into {@code dir}: accuracy (and the
     * zoom near the optimum, and the training loss) against B for the settings that differ in
     * &epsilon; only, the same by N and by m when swept, and B<sub>opt</sub> against each scaling
     * variable.
     *
     * @param prefix put before every file name (empty for a directory with one budget)
     * @return the base names of the figures written
     */
    public static List<String> saveAll(OptimumAnalysis.Result result, Path dir, String prefix) throws IOException {
        List<String> names = new ArrayList<>();
        Map<List<Double>, List<OptimumAnalysis.Optimum>> byTrainSizeAndMomentum = new LinkedHashMap<>();
        for (OptimumAnalysis.Optimum o : result.optima()) {
            byTrainSizeAndMomentum.computeIfAbsent(List.of((double) o.setting().trainSize(), o.setting().momentum()),
                    k -> new ArrayList<>()).add(o);
        }
        List<OptimumAnalysis.Optimum> main = byTrainSizeAndMomentum.values().stream()
                .max((a, b) -> Integer.compare(a.size(), b.size())).orElseThrow();
        RunKey.Setting s = main.get(0).setting();
        String budget = main.get(0).budget().describe();
        String fixed = String.format(Locale.ROOT, "N = %d, m = %s, %s", s.trainSize(), s.momentum(), budget);
        save(dir, prefix + "accuracy-vs-batch-size", accuracyVsBatchSize("Test accuracy against batch size ("
                + fixed + ")", main, "learning_rate"), names);
        save(dir, prefix + "accuracy-vs-batch-size-zoom", accuracyNearOptimum("Near the optimum (" + fixed + ")",
                main, "learning_rate", 6.0), names);
        save(dir, prefix + "training-loss-vs-batch-size", trainingLossVsBatchSize("Training cross-entropy against "
                + "batch size (" + fixed + ")", main, "learning_rate"), names);
        TreeMap<Integer, List<OptimumAnalysis.Optimum>> byTrainSize = new TreeMap<>();
        for (OptimumAnalysis.Optimum o : result.optima()) {
            byTrainSize.computeIfAbsent(o.setting().trainSize(), k -> new ArrayList<>()).add(o);
        }
        int largestTrainSize = byTrainSize.lastKey();
        for (Map.Entry<Integer, List<OptimumAnalysis.Optimum>> e : byTrainSize.entrySet()) {
            // every N where settings can collapse onto one curve, and the largest N (its fitting edge in tau)
            if (e.getValue().size() >= 2 || e.getKey() == largestTrainSize && byTrainSize.size() > 1) {
                save(dir, prefix + "accuracy-vs-temperature-n" + e.getKey(), accuracyVsTemperature(String.format(
                        Locale.ROOT, "Accuracy against temperature (N = %d, %s)", e.getKey(), budget),
                        e.getValue()), names);
            }
        }
        for (String variable : OptimumAnalysis.VARIABLES) {
            String suffix = switch (variable) {
                case "learning_rate" -> "learning-rate";
                case "train_size" -> "train-size";
                default -> "momentum";
            };
            List<OptimumAnalysis.Optimum> family = OptimumAnalysis.largestFamily(variable, result.optima());
            if (!variable.equals("learning_rate") && family.size() >= 2) {
                String label = variable.equals("train_size") ? "train_size" : "momentum";
                RunKey.Setting f = family.get(0).setting();
                String others = label.equals("train_size")
                        ? String.format(Locale.ROOT, "eps = %s, m = %s, %s", f.learningRate(), f.momentum(), budget)
                        : String.format(Locale.ROOT, "eps = %s, N = %d, %s", f.learningRate(), f.trainSize(), budget);
                save(dir, prefix + "accuracy-vs-batch-size-by-" + suffix,
                        accuracyVsBatchSize("Test accuracy against batch size (" + others + ")", family, label), names);
                save(dir, prefix + "training-loss-vs-batch-size-by-" + suffix, trainingLossVsBatchSize(
                        "Training cross-entropy against batch size (" + others + ")", family, label), names);
            }
            OptimumAnalysis.Scaling fit = find(result, variable, "fit");
            if (fit != null) {
                save(dir, prefix + "optimum-vs-" + suffix, optimumVsVariable(fit, find(result, variable, "grid")),
                        names);
            }
        }
        return names;
    }

    private static OptimumAnalysis.Scaling find(OptimumAnalysis.Result result, String variable, String estimate) {
        return result.scaling().stream().filter(x -> x.variable().equals(variable) && x.estimate().equals(estimate))
                .findFirst().orElse(null);
    }

    private static void save(Path dir, String name, XYChart chart, List<String> names) throws IOException {
        ChartFiles.save(dir, name, chart);
        names.add(name);
    }

    /**
     * The batch-size axis: log<sub>2</sub> B on a linear axis, a tick at every whole power of 2
     * labelled with B itself, and half a step of margin either side.
     */
    private static void batchSizeAxis(XYChart chart, List<OptimumAnalysis.Optimum> family) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (OptimumAnalysis.Optimum o : family) {
            for (OptimumAnalysis.Point p : o.curve()) {
                lo = Math.min(lo, log2(p.batchSize()));
                hi = Math.max(hi, log2(p.batchSize()));
            }
        }
        if (!(hi >= lo)) {
            return;
        }
        lo = Math.floor(lo) - 0.5;
        hi = Math.ceil(hi) + 0.5;
        chart.getStyler().setXAxisMin(lo);
        chart.getStyler().setXAxisMax(hi);
        // XChart picks a grid step of 1 when (span / plot width) * hint is in (0.75, 1.5]: a hint
        // of 1.1 units for a plot of about 650 pixels gives 1 for plots from 480 to 950 pixels
        chart.getStyler().setXAxisTickMarkSpacingHint((int) (1.1 * PLOT_WIDTH / (hi - lo)));
        // labels must all differ, those at the two ends (half-way between powers) and those of
        // negative powers (2^-1 = "0.5", not "1" like 2^0) too, or XChart widens the tick step
        chart.setCustomXAxisTickLabelsFormatter(Charts::batchSizeLabel);
    }

    /** The label of position x = log2 B on the batch-size axis: B itself, distinct for every x. */
    static String batchSizeLabel(double x) {
        double k = Math.rint(x);
        if (Math.abs(x - k) >= 1e-6) {
            return String.format(Locale.ROOT, "%.3g", Math.pow(2.0, x));
        }
        return k >= 0 ? String.format(Locale.ROOT, "%.0f", Math.pow(2.0, k))
                : Double.toString(Math.pow(2.0, k));
    }

    /** The label of position x = log2 tau: {@code 1/32} for a negative power of 2, else the number. */
    static String temperatureLabel(double x) {
        double k = Math.rint(x);
        if (Math.abs(x - k) < 1e-6 && k < 0) {
            return String.format(Locale.ROOT, "1/%.0f", Math.pow(2.0, -k));
        }
        return batchSizeLabel(x);
    }

    private static XYChart base(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(7);
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
