package io.github.occam.examples.logistic;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the results table says for one label set: where the test cross-entropy is best, where the
 * log evidence ratio E is lowest, and how closely E ranks the lambdas as the test and the
 * training cross-entropy do (Spearman's rho over the grid; Smith &amp; Le, Figure 2).
 *
 * <pre>{@code
 * for (Summary s : Summary.of(rows)) {
 *     System.out.println(s.format());
 * }
 * }</pre>
 *
 * @param labels the label set
 * @param lambdas how many lambdas the grid held
 * @param lambdaBestTestCrossEntropy the lambda of the lowest mean test cross-entropy
 * @param bestTestCrossEntropy that cross-entropy
 * @param testAccuracyAtBest the test accuracy at that lambda
 * @param lambdaLowestEvidenceRatio the lambda of the lowest E (the highest evidence)
 * @param lowestEvidenceRatioPerExample E / N there
 * @param highestEvidenceRatioPerExample the highest E / N over the grid
 * @param testCrossEntropyVsEvidenceRatio Spearman's rho of test cross-entropy and E (NaN for
 *     fewer than two lambdas, a constant column or no test set)
 * @param trainCrossEntropyVsEvidenceRatio Spearman's rho of training cross-entropy and E
 * @param notConverged how many lambdas the minimizer did not converge at
 */
public record Summary(String labels, int lambdas, double lambdaBestTestCrossEntropy,
        double bestTestCrossEntropy, double testAccuracyAtBest, double lambdaLowestEvidenceRatio,
        double lowestEvidenceRatioPerExample, double highestEvidenceRatioPerExample,
        double testCrossEntropyVsEvidenceRatio, double trainCrossEntropyVsEvidenceRatio,
        int notConverged) {

    /** Returns one summary per label set, in the order the label sets first appear. */
    public static List<Summary> of(List<ResultRow> rows) {
        Map<String, List<ResultRow>> groups = groupByLabels(rows);
        List<Summary> summaries = new ArrayList<>();
        for (Map.Entry<String, List<ResultRow>> group : groups.entrySet()) {
            summaries.add(of(group.getKey(), group.getValue()));
        }
        return summaries;
    }

    /** Returns the rows grouped by label set, keeping the order of first appearance. */
    static Map<String, List<ResultRow>> groupByLabels(List<ResultRow> rows) {
        Map<String, List<ResultRow>> groups = new LinkedHashMap<>();
        for (ResultRow row : rows) {
            groups.computeIfAbsent(row.labels(), k -> new ArrayList<>()).add(row);
        }
        return groups;
    }

    private static Summary of(String labels, List<ResultRow> rows) {
        ResultRow bestTest = rows.get(0);
        ResultRow lowestE = rows.get(0);
        double highestE = Double.NEGATIVE_INFINITY;
        int notConverged = 0;
        int n = rows.size();
        double[] test = new double[n];
        double[] train = new double[n];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            ResultRow r = rows.get(i);
            if (r.testCrossEntropy() < bestTest.testCrossEntropy()) {
                bestTest = r;
            }
            if (r.logEvidenceRatio() < lowestE.logEvidenceRatio()) {
                lowestE = r;
            }
            highestE = Math.max(highestE, r.logEvidenceRatioPerExample());
            notConverged += r.converged() ? 0 : 1;
            test[i] = r.testCrossEntropy();
            train[i] = r.trainCrossEntropy();
            e[i] = r.logEvidenceRatio();
        }
        boolean tested = Arrays.stream(test).noneMatch(Double::isNaN);
        double rhoTest = n < 2 || !tested ? Double.NaN : Spearman.correlation(test, e);
        double rhoTrain = n < 2 ? Double.NaN : Spearman.correlation(train, e);
        return new Summary(labels, n, bestTest.lambda(), bestTest.testCrossEntropy(),
                bestTest.testAccuracy(), lowestE.lambda(), lowestE.logEvidenceRatioPerExample(),
                highestE, rhoTest, rhoTrain, notConverged);
    }

    /** Returns the summary as a few lines of text for the console. */
    public String format() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s labels (%d lambdas)%n", labels, lambdas));
        boolean tested = !Double.isNaN(bestTestCrossEntropy);
        if (tested) {
            text.append(String.format(Locale.ROOT,
                    "  best test cross-entropy  %.4f at lambda = %s (test accuracy %.3f)%n",
                    bestTestCrossEntropy, lambda(lambdaBestTestCrossEntropy), testAccuracyAtBest));
        }
        text.append(String.format(Locale.ROOT,
                "  lowest E/N               %+.4f at lambda = %s (highest E/N %+.4f)%n",
                lowestEvidenceRatioPerExample, lambda(lambdaLowestEvidenceRatio),
                highestEvidenceRatioPerExample));
        text.append(String.format(Locale.ROOT,
                "  E %s%n", lowestEvidenceRatioPerExample > 0.0 ? "> 0 at every lambda"
                        : highestEvidenceRatioPerExample < 0.0 ? "< 0 at every lambda"
                        : "changes sign over the grid"));
        if (tested && lambdas > 1) {
            text.append("  Spearman rho(test cross-entropy, E)  = ")
                    .append(rho(testCrossEntropyVsEvidenceRatio)).append(System.lineSeparator());
        }
        if (lambdas > 1) {
            text.append("  Spearman rho(train cross-entropy, E) = ")
                    .append(rho(trainCrossEntropyVsEvidenceRatio)).append(System.lineSeparator());
        }
        if (notConverged > 0) {
            text.append(String.format(Locale.ROOT,
                    "  WARNING: the minimizer did not converge at %d lambda(s)%n", notConverged));
        }
        return text.toString();
    }

    /** A rank correlation to 3 decimals, or why there is none. */
    static String rho(double value) {
        return Double.isNaN(value) ? "undefined (a column is constant over the lambdas)"
                : String.format(Locale.ROOT, "%+.3f", value);
    }

    /** Returns {@code lambda} to 4 significant digits without trailing zeros: 0.001, 17.78, 100. */
    static String lambda(double lambda) {
        if (!Double.isFinite(lambda) || lambda == 0.0) {
            return Double.toString(lambda);
        }
        BigDecimal rounded = new BigDecimal(lambda).round(new MathContext(4)).stripTrailingZeros();
        double magnitude = Math.abs(lambda);
        return magnitude >= 1e-4 && magnitude < 1e7 ? rounded.toPlainString() : rounded.toString();
    }
}
