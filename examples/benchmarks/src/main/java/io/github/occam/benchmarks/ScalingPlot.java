package io.github.occam.benchmarks;

import io.github.occam.examples.support.ChartFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the time of the evidence against the problem size from the CSV lines of
 * {@link EvidenceScaling} and of the numpy snippet in {@code docs/performance.md}
 * ({@code engine,parameters,examples,seconds}, a header line allowed, several rounds of a size
 * reduced to their median): the left panel against P with N = P, the right one against N at the
 * one P that is measured at several N. Both axes are logarithmic, one series per engine.
 *
 * <pre>{@code
 * java -cp examples/benchmarks/target/benchmarks.jar io.github.occam.benchmarks.ScalingPlot \
 *     docs/performance/evidence-scaling.csv docs/performance/evidence-scaling.png
 * }</pre>
 */
public final class ScalingPlot {

    private static final int PANEL_WIDTH = 560;
    private static final int PANEL_HEIGHT = 420;
    private static final Map<String, Color> COLORS = Map.of("occam", new Color(0x1f77b4),
            "occam-evidenceAt", new Color(0x9ecae1), "numpy", new Color(0xd62728));

    private ScalingPlot() {
    }

    /**
     * Reads the timings and writes the PNG.
     *
     * @param args the CSV file and the PNG file to write
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ScalingPlot TIMES.csv OUT.png");
        }
        System.setProperty("java.awt.headless", "true");
        List<Timing> timings = medians(read(Path.of(args[0])));
        int fixedP = mostMeasuredP(timings);
        XYChart byP = panel("time against P, N = P", "parameters P");
        XYChart byN = panel("time against N, P = " + fixedP, "training examples N");
        for (String engine : engines(timings)) {
            addSeries(byP, engine, timings, t -> t.examples() == t.parameters(),
                    Timing::parameters);
            addSeries(byN, engine, timings, t -> t.parameters() == fixedP, Timing::examples);
        }
        ChartFiles.savePng(Path.of(args[1]), List.of(byP, byN));
    }

    /** One timing: an engine's seconds for the evidence at P parameters and N examples. */
    record Timing(String engine, int parameters, int examples, double seconds) {
    }

    static List<Timing> read(Path file) throws IOException {
        List<Timing> timings = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.trim().split(",");
            if (f.length != 4 || f[0].equals("engine")) {
                continue;
            }
            timings.add(new Timing(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                    Double.parseDouble(f[3])));
        }
        return timings;
    }

    /** The median of each (engine, P, N) over its rounds, ordered by engine, P and N. */
    static List<Timing> medians(List<Timing> timings) {
        Map<String, List<Double>> rounds = new TreeMap<>();
        for (Timing t : timings) {
            rounds.computeIfAbsent(String.format("%s,%09d,%09d", t.engine(), t.parameters(),
                    t.examples()), k -> new ArrayList<>()).add(t.seconds());
        }
        List<Timing> medians = new ArrayList<>();
        rounds.forEach((key, seconds) -> {
            String[] f = key.split(",");
            medians.add(new Timing(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                    median(seconds)));
        });
        return medians;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : 0.5 * (sorted.get(n / 2 - 1) + sorted.get(n / 2));
    }

    /** The P with the most sizes of N other than P itself. */
    private static int mostMeasuredP(List<Timing> timings) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (Timing t : timings) {
            if (t.examples() != t.parameters()) {
                counts.merge(t.parameters(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).orElseThrow(() -> new IllegalArgumentException(
                        "no P is measured at an N other than P"));
    }

    private static List<String> engines(List<Timing> timings) {
        return timings.stream().map(Timing::engine).distinct().toList();
    }

    private static XYChart panel(String title, String xTitle) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT)
                .title(title).xAxisTitle(xTitle).yAxisTitle("seconds per evidence").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(6);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        return chart;
    }

    private static void addSeries(XYChart chart, String engine, List<Timing> timings,
            Predicate<Timing> keep, ToIntFunction<Timing> x) {
        List<Timing> points = timings.stream()
                .filter(t -> t.engine().equals(engine) && keep.test(t))
                .sorted((a, b) -> Integer.compare(x.applyAsInt(a), x.applyAsInt(b))).toList();
        if (points.isEmpty()) {
            return;
        }
        XYSeries series = chart.addSeries(engine,
                points.stream().mapToDouble(x::applyAsInt).toArray(),
                points.stream().mapToDouble(Timing::seconds).toArray());
        Color color = COLORS.getOrDefault(engine, Color.DARK_GRAY);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setLineStyle(new BasicStroke(1.6f));
    }
}
