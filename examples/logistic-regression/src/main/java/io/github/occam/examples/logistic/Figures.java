package io.github.occam.examples.logistic;

import io.github.occam.examples.support.ChartFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the two figures of Smith &amp; Le, Section 3, from the results table, one panel per label
 * set side by side, each with a logarithmic lambda axis:
 * <ul>
 *   <li>Figure 1, {@code figure1-accuracy.png/.svg}: train and test accuracy against lambda;</li>
 *   <li>Figure 2, {@code figure2-cross-entropy-evidence.png/.svg}: mean train and test
 *       cross-entropy (left axis) and the log evidence ratio per example E/N (right axis, with
 *       the line E = 0) against lambda.</li>
 * </ul>
 * A run without a test set has no test curves. Each file is written atomically (temporary
 * file, then rename).
 *
 * <pre>{@code
 * List<Path> files = Figures.write(outDir, rows);   // 4 files: 2 figures x (PNG, SVG)
 * }</pre>
 */
public final class Figures {

    /** The base name of Figure 1's files. */
    public static final String FIGURE_1 = "figure1-accuracy";
    /** The base name of Figure 2's files. */
    public static final String FIGURE_2 = "figure2-cross-entropy-evidence";

    private static final int PANEL_WIDTH = 640;
    private static final int PANEL_HEIGHT = 480;
    private static final String LAMBDA_AXIS = "regularization coefficient \u03bb";
    private static final Color TRAIN = new Color(0x1f77b4);
    private static final Color TEST = new Color(0xd62728);
    private static final Color EVIDENCE = new Color(0x2ca02c);

    private Figures() {
    }

    /**
     * Draws both figures for {@code rows} into {@code directory} as PNG and SVG.
     *
     * @param directory an existing directory
     * @param rows the results table, at least one row
     * @return the four files written
     * @throws IOException if a file cannot be written
     */
    public static List<Path> write(Path directory, List<ResultRow> rows) throws IOException {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("rows must not be empty");
        }
        Map<String, List<ResultRow>> groups = Summary.groupByLabels(rows);
        List<XYChart> accuracy = new ArrayList<>();
        List<XYChart> evidence = new ArrayList<>();
        char panel = 'a';
        for (Map.Entry<String, List<ResultRow>> group : groups.entrySet()) {
            String suffix = groups.size() > 1 ? " (" + panel++ + ")" : "";
            // the paper's figure numbers for its experiment only; a user's data gets plain titles
            boolean userData = group.getKey().equals(DataEvidence.LABELS);
            accuracy.add(accuracyPanel(userData ? "Train and test accuracy against lambda"
                    : "Figure 1" + suffix + ": " + group.getKey() + " labels", group.getValue()));
            evidence.add(evidencePanel(userData ? "Cross-entropy and log evidence ratio E/N against lambda"
                    : "Figure 2" + suffix + ": " + group.getKey() + " labels", group.getValue()));
        }
        // the two figures render on two threads: each is a few tenths of a second of Java2D,
        // PNG and SVG work that shares nothing with the other
        CompletableFuture<List<Path>> second = CompletableFuture.supplyAsync(
                () -> save(directory, FIGURE_2, evidence));
        List<Path> files = new ArrayList<>(save(directory, FIGURE_1, accuracy));
        try {
            files.addAll(second.join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
        return files;
    }

    private static List<Path> save(Path directory, String name, List<XYChart> panels) {
        try {
            return ChartFiles.save(directory, name, panels);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static XYChart accuracyPanel(String title, List<ResultRow> rows) {
        XYChart chart = newChart(title, "accuracy");
        double[] lambda = column(rows, ResultRow::lambda);
        double[] train = column(rows, ResultRow::trainAccuracy);
        double[] test = column(rows, ResultRow::testAccuracy);
        style(chart.addSeries("train accuracy", lambda, train), TRAIN);
        boolean tested = measured(test);
        if (tested) {
            style(chart.addSeries("test accuracy", lambda, test), TEST);
        }
        double low = tested ? Math.min(min(train), min(test)) : min(train);
        chart.getStyler().setYAxisMin(Math.min(0.4, Math.floor(low * 10.0) / 10.0));
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        return chart;
    }

    private static XYChart evidencePanel(String title, List<ResultRow> rows) {
        XYChart chart = newChart(title, "mean cross-entropy (nats per example)");
        double[] lambda = column(rows, ResultRow::lambda);
        style(chart.addSeries("train cross-entropy", lambda,
                column(rows, ResultRow::trainCrossEntropy)), TRAIN);
        double[] test = column(rows, ResultRow::testCrossEntropy);
        if (measured(test)) {
            style(chart.addSeries("test cross-entropy", lambda, test), TEST);
        }
        XYSeries e = chart.addSeries("log evidence ratio E/N", lambda,
                column(rows, ResultRow::logEvidenceRatioPerExample));
        style(e, EVIDENCE);
        e.setYAxisGroup(1);
        XYSeries zero = chart.addSeries("E = 0", new double[] {lambda[0], lambda[lambda.length - 1]},
                new double[] {0.0, 0.0});
        zero.setYAxisGroup(1);
        zero.setMarker(SeriesMarkers.NONE);
        zero.setLineColor(Color.GRAY);
        zero.setLineStyle(new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10.0f, new float[] {6.0f, 4.0f}, 0.0f));
        chart.setYAxisGroupTitle(1, "log evidence ratio per example E/N");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.getStyler().setYAxisGroupTickLabelsColorMap(1, EVIDENCE);
        chart.getStyler().setYAxisDecimalPattern("0.00");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        return chart;
    }

    private static XYChart newChart(String title, String yTitle) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT)
                .title(title).xAxisTitle(LAMBDA_AXIS).yAxisTitle(yTitle).build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setXAxisDecimalPattern("0.###");
        chart.getStyler().setMarkerSize(5);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendBackgroundColor(new Color(255, 255, 255, 220));
        return chart;
    }

    private static void style(XYSeries series, Color color) {
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setLineStyle(new BasicStroke(1.6f));
    }

    private static double[] column(List<ResultRow> rows,
            ToDoubleFunction<ResultRow> value) {
        return rows.stream().mapToDouble(value).toArray();
    }

    /** Whether a column holds measurements (a run without a test set has NaN test columns). */
    private static boolean measured(double[] values) {
        for (double v : values) {
            if (Double.isNaN(v)) {
                return false;
            }
        }
        return true;
    }

    private static double min(double[] values) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : values) {
            m = Math.min(m, v);
        }
        return m;
    }
}
