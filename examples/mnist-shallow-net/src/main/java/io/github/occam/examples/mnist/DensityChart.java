package io.github.occam.examples.mnist;

import io.github.occam.examples.support.ChartFiles;
import io.github.occam.spectrum.SpectralDensity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The figure of {@code spectrum --density FILE.png}: the smoothed spectral density of the
 * Hessian of C estimated by stochastic Lanczos quadrature, on a logarithmic density axis, with
 * its band of plus or minus one standard error, and the top eigenvalues Lanczos found marked.
 *
 * <pre>{@code
 * DensityChart.save(Path.of("density.png"), "784-800-10, N = 1000", density, topEigenvalues);
 * }</pre>
 */
final class DensityChart {

    /** Densities below this are drawn at it, so that the logarithmic axis has a floor. */
    static final double FLOOR = 1e-12;

    private DensityChart() {
    }

    /** Draws {@code density} and the eigenvalues {@code top} into the PNG {@code file}. */
    static void save(Path file, String title, SpectralDensity density, double[] top) throws IOException {
        double[] t = density.grid();
        double[] phi = density.density();
        double[] se = density.error();
        double[] value = new double[t.length];
        double[] low = new double[t.length];
        double[] high = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            value[i] = Math.max(FLOOR, phi[i]);
            low[i] = Math.max(FLOOR, phi[i] - se[i]);
            high[i] = Math.max(FLOOR, phi[i] + se[i]);
        }
        XYChart chart = new XYChartBuilder().width(900).height(520).title(title)
                .xAxisTitle("eigenvalue of the Hessian of C")
                .yAxisTitle("smoothed density (1 / P)").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.addSeries("density (SLQ)", t, value).setMarker(SeriesMarkers.NONE);
        chart.addSeries("- 1 s.e.", t, low).setMarker(SeriesMarkers.NONE);
        chart.addSeries("+ 1 s.e.", t, high).setMarker(SeriesMarkers.NONE);
        if (top.length > 0) {
            double[] marks = new double[top.length];
            java.util.Arrays.fill(marks, FLOOR * 10);
            chart.addSeries("top eigenvalues (Lanczos)", top, marks).setMarker(SeriesMarkers.DIAMOND)
                    .setLineStyle(org.knowm.xchart.style.lines.SeriesLines.NONE);
        }
        ChartFiles.savePng(file, List.of(chart));
    }
}
