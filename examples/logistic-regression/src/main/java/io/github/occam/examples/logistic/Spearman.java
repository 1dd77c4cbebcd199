package io.github.occam.examples.logistic;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Spearman's rank correlation: the Pearson correlation of the ranks, with tied values given the
 * average of the ranks they span (so {@code 10, 20, 20, 30} ranks as {@code 1, 2.5, 2.5, 4}).
 *
 * <pre>{@code
 * double rho = Spearman.correlation(new double[] {1, 2, 3}, new double[] {10, 40, 90});  // 1.0
 * }</pre>
 */
public final class Spearman {

    private Spearman() {
    }

    /**
     * Returns the rank correlation of {@code x} and {@code y}, in [-1, 1], or NaN where either
     * is constant (its ranks have no spread).
     *
     * @param x values, finite, at least two
     * @param y values, finite, as many as {@code x}
     */
    public static double correlation(double[] x, double[] y) {
        if (x == null || y == null || x.length != y.length) {
            throw new IllegalArgumentException("x and y must have equal lengths, got "
                    + (x == null ? "null" : x.length) + " and " + (y == null ? "null" : y.length));
        }
        if (x.length < 2) {
            throw new IllegalArgumentException("need at least 2 pairs, got " + x.length);
        }
        return pearson(ranks(x), ranks(y));
    }

    /** Returns the 1-based ranks of {@code values}, ties sharing their average rank. */
    static double[] ranks(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(
                        "values[" + i + "] must be finite, got " + values[i]);
            }
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[n];
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && values[order[end]] == values[order[start]]) {
                end++;
            }
            double average = 0.5 * (start + 1 + end);   // mean of the ranks start+1 .. end
            for (int k = start; k < end; k++) {
                ranks[order[k]] = average;
            }
            start = end;
        }
        return ranks;
    }

    private static double pearson(double[] a, double[] b) {
        int n = a.length;
        double meanA = 0.0;
        double meanB = 0.0;
        for (int i = 0; i < n; i++) {
            meanA += a[i];
            meanB += b[i];
        }
        meanA /= n;
        meanB /= n;
        double sab = 0.0;
        double saa = 0.0;
        double sbb = 0.0;
        for (int i = 0; i < n; i++) {
            double da = a[i] - meanA;
            double db = b[i] - meanB;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        if (saa == 0.0 || sbb == 0.0) {
            return Double.NaN;
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
