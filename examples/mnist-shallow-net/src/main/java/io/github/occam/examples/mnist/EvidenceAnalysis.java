package io.github.occam.examples.mnist;

import io.github.occam.examples.support.AtomicFiles;
import io.github.occam.examples.support.ChartFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/**
 * The analysis of {@code evidence.csv}: the decision rule of the evidence-against-batch-size
 * experiment ({@code docs/spectra.md}) for the first (eps, N, m, budget) of the file, written to
 * {@code evidence-summary.txt}, and its figures: test accuracy, E/N, depth C(w0)/N and breadth
 * ½Σ ln(λᵢ/λ)/N against B ({@code evidence-vs-batch-size}), and E/N against the test
 * cross-entropy at w0 ({@code evidence-vs-test-cross-entropy}). Reads the file only; the same
 * file gives the same summary.
 *
 * <pre>{@code
 * String text = EvidenceAnalysis.write(dir);       // "" when dir has no evidence.csv
 * }</pre>
 */
final class EvidenceAnalysis {

    /** The significance level of the rank correlations of the decision rule. */
    static final double ALPHA = 0.01;

    private EvidenceAnalysis() {
    }

    /** One line of {@code evidence.csv}. */
    record Row(int batchSize, String setting, long seed, double testAccuracy, double evidence,
            double bSimple, double depth, double breadth, double testAccuracyW0,
            double testCrossEntropyW0, double polishGain, double polishIterations,
            double gradientNormW0, double kinks) {
    }

    /** The complete lines of the file, in file order. */
    static List<Row> read(Path csv) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.split(",", -1);
            if (f.length != RunEvidence.FIELDS) {
                continue;
            }
            rows.add(new Row(Integer.parseInt(f[0]), f[1] + "," + f[2] + "," + f[3] + "," + f[5],
                    Long.parseLong(f[4]), d(f[7]), d(f[8]), d(f[10]), d(f[14]), d(f[15]), d(f[16]),
                    d(f[17]), d(f[19]), d(f[21]), d(f[22]), d(f[23])));
        }
        return rows;
    }

    /** A cell's number; an empty cell (or the "NaN" of earlier files) is a value that does not exist. */
    private static double d(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    /**
     * Writes {@code evidence-summary.txt} and the figures into {@code dir} from its
     * {@code evidence.csv}, and returns the summary ("" if there is no evidence to analyse).
     */
    static String write(Path dir) throws IOException {
        Path csv = dir.resolve("evidence.csv");
        if (!Files.exists(csv)) {
            return "";
        }
        List<Row> all = read(csv);
        List<Row> rows = new ArrayList<>();
        for (Row r : all) {
            if (r.setting().equals(all.get(0).setting()) && Double.isFinite(r.evidence())) {
                rows.add(r);
            }
        }
        if (rows.isEmpty()) {
            return "";
        }
        String text = summary(rows);
        AtomicFiles.writeString(dir.resolve("evidence-summary.txt"), text);
        String[] s = rows.get(0).setting().split(",");
        String title = "eps = " + s[0] + ", N = " + s[1] + ", m = " + s[2] + ", " + s[3];
        Map<Integer, List<Row>> byBatch = byBatch(rows);
        ChartFiles.save(dir, "evidence-vs-batch-size", List.of(
                panel(title, "test accuracy (%)", byBatch, r -> 100 * r.testAccuracy()),
                panel(title, "E/N (nats per example)", byBatch, Row::evidence),
                panel(title, "depth C(w0)/N", byBatch, Row::depth),
                panel(title, "breadth sum ln(lambda_i/lambda)/(2N)", byBatch, Row::breadth)));
        ChartFiles.save(dir, "evidence-vs-test-cross-entropy", scatter(title, byBatch));
        return text;
    }

    /** The decision rule's four criteria and the table of seed means, as text. */
    static String summary(List<Row> rows) {
        Map<Integer, List<Row>> byBatch = byBatch(rows);
        List<Integer> grid = new ArrayList<>(byBatch.keySet());
        StringBuilder sb = new StringBuilder();
        sb.append("evidence at w0 (").append(rows.get(0).setting()).append("), ").append(rows.size())
                .append(" runs; means over seeds (sd)\n");
        sb.append(String.format(Locale.ROOT, "%6s %5s %16s %16s %16s %16s %16s %16s%n", "B", "seeds",
                "test acc (%)", "E/N", "depth C/N", "breadth", "test CE at w0", "kinks at w0"));
        int best = -1;
        double bestAccuracy = Double.NEGATIVE_INFINITY;
        int lowest = -1;
        double lowestEvidence = Double.POSITIVE_INFINITY;
        for (int i = 0; i < grid.size(); i++) {
            List<Row> runs = byBatch.get(grid.get(i));
            double[] acc = stats(runs, r -> 100 * r.testAccuracy());
            double[] e = stats(runs, Row::evidence);
            double[] depth = stats(runs, Row::depth);
            double[] breadth = stats(runs, Row::breadth);
            double[] ce = stats(runs, Row::testCrossEntropyW0);
            sb.append(String.format(Locale.ROOT, "%6d %5d %16s %16s %16s %16s %16s %16s%n", grid.get(i),
                    runs.size(), pm(acc, 2), pm(e, 4), pm(depth, 4), pm(breadth, 4), pm(ce, 4),
                    pm(stats(runs, Row::kinks), 1)));
            if (acc[0] > bestAccuracy) {
                bestAccuracy = acc[0];
                best = i;
            }
            if (e[0] < lowestEvidence) {
                lowestEvidence = e[0];
                lowest = i;
            }
        }
        int bStar = grid.get(best);
        int bMax = grid.get(grid.size() - 1);
        // 1: E/N(B*) - E/N(B_max), paired by seed
        List<Double> differences = new ArrayList<>();
        for (Row r : byBatch.get(bStar)) {
            for (Row q : byBatch.get(bMax)) {
                if (q.seed() == r.seed()) {
                    differences.add(r.evidence() - q.evidence());
                }
            }
        }
        double[] diff = stats(differences);
        double standardError = diff[1] / Math.sqrt(differences.size());
        boolean first = bStar != bMax && differences.size() >= 2 && diff[0] < -3 * standardError;
        String paired = differences.size() < 2
                ? String.format(Locale.ROOT, "%s, standard error undefined (%d paired seed(s); 2 needed)",
                        value("%.4f", diff[0]), differences.size())
                : String.format(Locale.ROOT, "%.4f, standard error %.4f (%s standard errors)", diff[0],
                        standardError, value("%.1f", diff[0] / standardError));
        sb.append(String.format(Locale.ROOT, "%n1. B* (best mean test accuracy) = %d; E/N(B*) - E/N(%d), paired over %d"
                + " seeds: %s: %s%n", bStar, bMax, differences.size(), paired, verdict(first)));
        boolean second = Math.abs(lowest - best) <= 1;
        sb.append(String.format(Locale.ROOT, "2. lowest mean E/N at B = %d, %d grid step(s) from B* = %d: %s%n",
                grid.get(lowest), Math.abs(lowest - best), bStar, verdict(second)));
        double[] ce = spearman(rows, Row::evidence, Row::testCrossEntropyW0);
        boolean third = ce[0] > 0.5 && ce[1] < ALPHA;
        String correlation = Double.isNaN(ce[0]) ? rank(ce)
                : String.format(Locale.ROOT, "%.3f, p = %.2g", ce[0], ce[1]);
        sb.append(String.format(Locale.ROOT, "3. Spearman rho(E/N, test cross-entropy at w0) = %s (n = %d): %s%n",
                correlation, rows.size(), verdict(third)));
        double[] breadth = spearman(rows, r -> r.batchSize(), Row::breadth);
        double[] depth = spearman(rows, r -> r.batchSize(), Row::depth);
        boolean fourth = breadth[0] > 0 && breadth[1] < ALPHA && depth[0] < 0 && depth[1] < ALPHA;
        sb.append(String.format(Locale.ROOT, "4. Spearman rho(B, breadth) = %s, rho(B, depth) = %s: %s%n",
                rank(breadth), rank(depth), verdict(fourth)));
        List<Double> noise = new ArrayList<>();
        for (Row r : rows) {
            if (Double.isFinite(r.bSimple())) {
                noise.add(r.bSimple());
            }
        }
        noise.sort(Double::compare);
        if (!noise.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "B_simple at the end points: median %.1f over %d runs%n",
                    noise.get(noise.size() / 2), noise.size()));
        }
        sb.append(String.format(Locale.ROOT, "the mechanism is %s by the decision rule (%d of 4 criteria hold)%n",
                first && second && third && fourth ? "SUPPORTED" : "NOT supported",
                (first ? 1 : 0) + (second ? 1 : 0) + (third ? 1 : 0) + (fourth ? 1 : 0)));
        return sb.toString();
    }

    /** {@code format} applied to {@code v}, or "undefined" where v is not a number. */
    private static String value(String format, double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "undefined";
    }

    /** A rank correlation and its p-value, or why there is none. */
    private static String rank(double[] rhoP) {
        if (Double.isNaN(rhoP[0])) {
            return "undefined (fewer than 3 runs, or a column constant over them)";
        }
        return String.format(Locale.ROOT, "%.3f (p = %.2g)", rhoP[0], rhoP[1]);
    }

    private static String verdict(boolean holds) {
        return holds ? "holds" : "does not hold";
    }

    /**
     * Spearman's rank correlation of two columns over the rows (ties ranked by their mean), and
     * its two-sided p-value from \(t = \rho \sqrt{(n - 2) / (1 - \rho^2)}\) with n - 2 degrees of
     * freedom; {NaN, NaN} for fewer than 3 rows.
     */
    static double[] spearman(List<Row> rows, ToDoubleFunction<Row> x, ToDoubleFunction<Row> y) {
        int n = rows.size();
        if (n < 3) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] a = rows.stream().mapToDouble(x).toArray();
        double[] b = rows.stream().mapToDouble(y).toArray();
        double rho = new SpearmansCorrelation().correlation(a, b);
        if (Double.isNaN(rho)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        if (Math.abs(rho) >= 1.0) {
            return new double[] {rho, 0.0};
        }
        double t = rho * Math.sqrt((n - 2) / (1 - rho * rho));
        double p = 2 * new TDistribution(null, n - 2).cumulativeProbability(-Math.abs(t));
        return new double[] {rho, p};
    }

    private static Map<Integer, List<Row>> byBatch(List<Row> rows) {
        Map<Integer, List<Row>> byBatch = new TreeMap<>();
        for (Row r : rows) {
            byBatch.computeIfAbsent(r.batchSize(), b -> new ArrayList<>()).add(r);
        }
        return byBatch;
    }

    /** Mean and sample standard deviation (0 for one value) of a column, NaN values left out. */
    private static double[] stats(List<Row> rows, ToDoubleFunction<Row> column) {
        List<Double> values = new ArrayList<>();
        for (Row r : rows) {
            values.add(column.applyAsDouble(r));
        }
        return stats(values);
    }

    private static double[] stats(List<Double> values) {
        double sum = 0;
        int count = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sum += v;
                count++;
            }
        }
        double mean = count == 0 ? Double.NaN : sum / count;
        double squares = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        return new double[] {mean, count < 2 ? 0.0 : Math.sqrt(squares / (count - 1))};
    }

    private static String pm(double[] meanSd, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f (%." + digits + "f)", meanSd[0], meanSd[1]);
    }

    private static XYChart panel(String title, String yTitle, Map<Integer, List<Row>> byBatch,
            ToDoubleFunction<Row> column) {
        int size = byBatch.size();
        double[] x = new double[size];
        double[] y = new double[size];
        double[] sd = new double[size];
        int i = 0;
        for (Map.Entry<Integer, List<Row>> e : byBatch.entrySet()) {
            double[] s = stats(e.getValue(), column);
            x[i] = e.getKey();
            y[i] = s[0];
            sd[i] = s[1];
            i++;
        }
        XYChart chart = new XYChartBuilder().width(480).height(400).title(title).xAxisTitle("batch size B")
                .yAxisTitle(yTitle + ", mean +/- sd over seeds").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setLegendVisible(false);
        chart.addSeries(yTitle, x, y, sd);
        return chart;
    }

    private static XYChart scatter(String title, Map<Integer, List<Row>> byBatch) {
        XYChart chart = new XYChartBuilder().width(640).height(480).title(title)
                .xAxisTitle("test cross-entropy at w0 (nats per example)").yAxisTitle("E/N at w0 (nats per example)")
                .build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        for (Map.Entry<Integer, List<Row>> e : byBatch.entrySet()) {
            double[] x = e.getValue().stream().mapToDouble(Row::testCrossEntropyW0).toArray();
            double[] y = e.getValue().stream().mapToDouble(Row::evidence).toArray();
            chart.addSeries("B = " + e.getKey(), x, y);
        }
        return chart;
    }
}
