package io.github.occam.spectrum;

import io.github.occam.linalg.RitzPairs;
import java.util.Arrays;

/**
 * The spectrum when a Lanczos run has spanned the whole space, so that its Ritz values are all
 * the eigenvalues (to rounding): exact, as {@link DenseSpectrum} makes it, with the products
 * the run used. A Ritz value within {@code tolerance} of \(\lambda\) counts as equal to it, for
 * the reason {@link DenseSpectrum} gives.
 */
final class CompleteSpectrum {

    private CompleteSpectrum() {
    }

    /**
     * Returns the rounding tolerance of eigenvalues from a Lanczos run on a P-dimensional
     * operator, \(P \varepsilon \max_i |\theta_i|\), as {@link DenseSpectrum} takes it.
     */
    static double roundoff(RitzPairs pairs, int p) {
        return p * Math.ulp(1.0) * pairs.normEstimate();
    }

    /** Returns the exact spectrum of a run that spanned the space ({@code pairs.complete()}). */
    static HessianSpectrum of(RitzPairs pairs, double lambda) {
        double[] ritzValues = pairs.ritzValues();
        double tolerance = roundoff(pairs, ritzValues.length);
        double[] snapped = ritzValues.clone();
        for (int i = 0; i < snapped.length; i++) {
            if (Math.abs(snapped[i] - lambda) <= tolerance) {
                snapped[i] = lambda;
            }
        }
        HessianSpectrum s = DenseSpectrum.ofEigenvalues(snapped, lambda);
        Arrays.sort(ritzValues);
        return new HessianSpectrum(lambda, s.dimension(), s.sumLogRatio(), s.excludedCount(),
                s.trace(), ritzValues[0], ritzValues[ritzValues.length - 1], ritzValues,
                pairs.products(), true);
    }
}
