package io.github.occam.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.Estimate;
import io.github.occam.TestSupport;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What every {@link HessianSpectrum} implementation must satisfy on matrices with known spectra.
 * Subclasses say how they compute the spectrum and how close their numbers must be. An estimate
 * must lie within the rounding tolerance plus {@value #ERRORS} of its stated errors of the exact
 * value: exact methods state errors of 0, so for them this is the tolerance alone.
 */
abstract class HessianSpectrumContractTest {

    /** How many stated errors an estimate may be away from the exact value. */
    static final double ERRORS = 4.0;

    /** Returns the spectrum of the symmetric matrix {@code a}, the Hessian of the cost. */
    abstract HessianSpectrum compute(double[][] a, double lambda);

    /** Returns the allowed error relative to the largest eigenvalue magnitude. */
    abstract double relativeTolerance();

    /** Sum of ln(lambda_i / lambda) over lambda_i >= lambda, written out directly. */
    static double directSumLogRatio(double[] eigenvalues, double lambda) {
        double sum = 0.0;
        for (double value : eigenvalues) {
            if (value >= lambda) {
                sum += Math.log(value / lambda);
            }
        }
        return sum;
    }

    /** Asserts |estimate - expected| &lt;= tolerance + ERRORS * error. */
    static void assertEstimate(Estimate estimate, double expected, double tolerance) {
        assertThat(estimate.value()).as("%s against %s", estimate, expected)
                .isCloseTo(expected, within(tolerance + ERRORS * estimate.error()));
    }

    static double maxAbs(double[] values) {
        return Arrays.stream(values).map(Math::abs).max().orElse(0.0);
    }

    private void assertSpectrum(double[] eigenvalues, double lambda, long seed) {
        double[][] q = TestSupport.orthogonal(new Random(seed), eigenvalues.length);
        HessianSpectrum spectrum = compute(TestSupport.withEigenvalues(q, eigenvalues), lambda);
        double scale = maxAbs(eigenvalues);
        double tolerance = relativeTolerance() * scale;
        double[] sorted = eigenvalues.clone();
        Arrays.sort(sorted);
        int excluded = (int) Arrays.stream(eigenvalues).filter(v -> v < lambda).count();
        assertThat(spectrum.dimension()).isEqualTo(eigenvalues.length);
        assertThat(spectrum.lambda()).isEqualTo(lambda);
        assertThat(spectrum.minEigenvalue()).isCloseTo(sorted[0], within(tolerance));
        assertThat(spectrum.maxEigenvalue()).isCloseTo(sorted[sorted.length - 1], within(tolerance));
        assertEstimate(spectrum.trace(), Arrays.stream(eigenvalues).sum(),
                eigenvalues.length * tolerance);
        assertEstimate(spectrum.excludedCount(), excluded, 0.0);
        // each eigenvalue moves by at most the tolerance, so each log ratio by tolerance / lambda
        double logTolerance = eigenvalues.length * tolerance / lambda;
        assertEstimate(spectrum.sumLogRatio(), directSumLogRatio(eigenvalues, lambda),
                logTolerance);
        assertThat(spectrum.logOccamFactor().value()).isEqualTo(-0.5 * spectrum.sumLogRatio().value());
        assertThat(spectrum.sumLogRatio().error()).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void logSpacedSpectrumWithSomeEigenvaluesBelowLambda() {
        double[] eigenvalues = new double[40];
        for (int i = 0; i < eigenvalues.length; i++) {
            eigenvalues[i] = Math.pow(10, -2 + 5.0 * i / (eigenvalues.length - 1));
        }
        assertSpectrum(eigenvalues, 0.37, 1);
    }

    @Test
    void negativeEigenvaluesAreExcluded() {
        assertSpectrum(new double[] {-3, -0.5, 0.0, 0.2, 1.5, 2.5, 40, 41}, 1.0, 2);
    }

    @Test
    void repeatedEigenvalues() {
        assertSpectrum(new double[] {2, 2, 2, 2, 5, 5, 5, 0.25, 0.25, 9}, 0.5, 3);
    }

    @Test
    void allEigenvaluesEqual() {
        double[] eigenvalues = new double[12];
        Arrays.fill(eigenvalues, 7.5);
        assertSpectrum(eigenvalues, 2.5, 4);
    }

    @Test
    void identity() {
        int p = 9;
        double[][] identity = new double[p][p];
        for (int i = 0; i < p; i++) {
            identity[i][i] = 1.0;
        }
        HessianSpectrum atLambda = compute(identity, 1.0);
        assertEstimate(atLambda.sumLogRatio(), 0.0, 1e-12);
        assertEstimate(atLambda.excludedCount(), 0.0, 0.0);
        HessianSpectrum below = compute(identity, 0.5);
        assertEstimate(below.sumLogRatio(), p * Math.log(2), 1e-12);
        assertEstimate(below.trace(), p, 1e-13 * p);
        HessianSpectrum above = compute(identity, 2.0);
        assertEstimate(above.excludedCount(), p, 0.0);
        assertEstimate(above.sumLogRatio(), 0.0, 0.0);
    }

    @Test
    void tinyAndHugeScales() {
        double[] eigenvalues = {1, 2, 3, 4, 5, 6, 7, 8};
        for (double scale : new double[] {1e-150, 1e-20, 1e20, 1e150}) {
            double[] scaled = Arrays.stream(eigenvalues).map(v -> v * scale).toArray();
            assertSpectrum(scaled, 2.5 * scale, 5);
        }
    }

    @Test
    void clementMatrixHasIntegerSpectrum() {
        // symmetric Clement (Kac) matrix: off-diagonal sqrt(k (n - k)), eigenvalues -(n-1), -(n-3), ..., n-1
        int n = 21;
        double[][] a = new double[n][n];
        for (int k = 1; k < n; k++) {
            a[k][k - 1] = Math.sqrt(k * (n - k));
            a[k - 1][k] = a[k][k - 1];
        }
        HessianSpectrum spectrum = compute(a, 1.0);
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            expected[i] = -(n - 1) + 2 * i;
        }
        assertThat(spectrum.minEigenvalue()).isCloseTo(-(n - 1), within(relativeTolerance() * n));
        assertThat(spectrum.maxEigenvalue()).isCloseTo(n - 1, within(relativeTolerance() * n));
        assertEstimate(spectrum.excludedCount(), 11, 0.0);     // -20, -18, ..., 0
        assertEstimate(spectrum.sumLogRatio(), directSumLogRatio(expected, 1.0),
                n * relativeTolerance() * n);
        assertEstimate(spectrum.trace(), 0.0, n * relativeTolerance() * n);
    }
}
