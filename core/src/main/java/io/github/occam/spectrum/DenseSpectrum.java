package io.github.occam.spectrum;

import io.github.occam.Estimate;
import io.github.occam.SymmetricOperator;
import io.github.occam.internal.Checks;
import io.github.occam.linalg.SymmetricEigenvalues;
import java.util.Arrays;

/**
 * The exact spectrum from a dense symmetric eigen-decomposition (Householder tridiagonalization
 * and implicit QL, eigenvalues only, about \(\frac{4}{3} P^3\) flops). Measured on one core:
 * about 0.01 s for P = 200, 0.3 s for P = 1000 and a few seconds for P = 2000, against 0.08 s
 * and 4 s for commons-math3's {@code EigenDecomposition}, which also forms the eigenvectors.
 *
 * <p>The sum \(\sum \ln(\lambda_i / \lambda)\) of Smith &amp; Le, eq. 1, runs over the eigenvalues
 * \(\lambda_i \ge \lambda\), as the paper does away from a minimum. For a decomposed matrix, an
 * eigenvalue within the decomposition's rounding error \(P \varepsilon \max|\lambda_i|\) below
 * \(\lambda\) counts as equal to \(\lambda\) (it contributes \(\ln 1 = 0\) and is not reported as
 * left out): a convex H gives \(\lambda_i \ge \lambda\) exactly, and flat directions of H must not
 * show up as excluded because of rounding. Eigenvalues given directly are taken as exact.
 *
 * <p>That rounding \(\epsilon_r = P \varepsilon \max|\lambda_i|\) bounds the error of the sum
 * by \(\sum_{\lambda_i \ge \lambda} \epsilon_r / \lambda_i\): when \(\lambda\) is tiny
 * against the largest eigenvalue (a condition number beyond about \(10^{9}/P\)), the
 * eigenvalues near \(\lambda\) are lost in it, and the spectrum says it did not converge when
 * that bound exceeds {@value #ROUNDING_CRITERION} times \(1 + |\text{sum}|\) (so that the log
 * Occam factor is good to about \(10^{-6}\) relative). Entries far from 1 (beyond
 * \(2^{\pm 256}\)) are decomposed after an exact scaling by a power of 2; a matrix whose trace or
 * eigenvalues would overflow is refused with an {@link IllegalArgumentException}.
 */
final class DenseSpectrum {

    /** Scale the matrix by a power of 2 when its largest entry is beyond 2^+-this. */
    private static final int SCALING_EXPONENT = 256;

    /** The largest rounding bound on the sum, relative to 1 + |sum|, of a converged result. */
    static final double ROUNDING_CRITERION = 2e-6;

    /** The exact method of {@link SpectrumMethod#exact()}. */
    static final SpectrumMethod METHOD = new SpectrumMethod() {
        @Override
        public HessianSpectrum compute(SymmetricOperator costHessian, double lambda) {
            Checks.notNull("costHessian", costHessian);
            Checks.positive("lambda", lambda);
            int p = costHessian.dimension();
            requireFits(p);
            double[][] dense = costHessian.toDense();
            if (dense == null || dense.length != p) {
                throw new IllegalArgumentException("toDense() of the operator "
                        + costHessian.getClass().getName() + " of dimension " + p + " returned "
                        + (dense == null ? "null" : dense.length + " rows"));
            }
            return ofMatrix(dense, lambda);
        }

        @Override
        public void requireFits(int dimension) {
            Checks.fitsInMemory("the exact spectrum of the dense " + dimension + " x "
                    + dimension + " Hessian", 1.5 * dimension * (double) dimension);
        }

        @Override
        public String toString() {
            return "SpectrumMethod.exact()";
        }
    };

    private DenseSpectrum() {
    }

    static HessianSpectrum ofMatrix(double[][] hessian, double lambda) {
        Checks.positive("lambda", lambda);
        Checks.notNull("hessian", hessian);
        int p = hessian.length;
        double trace = 0.0;
        double largestEntry = 0.0;
        for (int i = 0; i < p; i++) {
            if (hessian[i] == null || hessian[i].length != p) {
                throw new IllegalArgumentException("hessian row " + i + " has length "
                        + (hessian[i] == null ? "null" : hessian[i].length) + ", expected " + p);
            }
            for (int j = 0; j <= i; j++) {
                if (!Double.isFinite(hessian[i][j])) {
                    throw new IllegalArgumentException(
                            "hessian[" + i + "][" + j + "] must be finite, got " + hessian[i][j]);
                }
                largestEntry = Math.max(largestEntry, Math.abs(hessian[i][j]));
            }
            trace += hessian[i][i];
        }
        if (!(p * largestEntry < Double.MAX_VALUE) || !Double.isFinite(trace)) {
            throw new IllegalArgumentException("the " + p + " x " + p + " Hessian is beyond the "
                    + "range of doubles: its largest entry is " + largestEntry + " (lambda = "
                    + lambda + "), so its trace or eigenvalues, up to P times that, overflow; "
                    + "rescale the features or lambda");
        }
        double[] ascending = eigenvalues(hessian, largestEntry);
        double largest = p == 0 ? 0.0
                : Math.max(Math.abs(ascending[0]), Math.abs(ascending[p - 1]));
        double tolerance = p * Math.ulp(1.0) * largest;
        return of(ascending, lambda, tolerance, trace);
    }

    /**
     * Returns the eigenvalues of the lower triangle of {@code a}, decomposed at a scale of order
     * 1 (a power of 2, exact) when its entries are far from it, so that the eigen-solver neither
     * overflows nor underflows: a matrix of entries near 1e300 has the same decomposition as one
     * near 1.
     */
    private static double[] eigenvalues(double[][] a, double largestEntry) {
        int exponent = largestEntry == 0.0 ? 0 : Math.getExponent(largestEntry);
        if (Math.abs(exponent) < SCALING_EXPONENT) {
            return SymmetricEigenvalues.of(a);
        }
        double[][] scaled = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            scaled[i] = new double[i + 1];
            for (int j = 0; j <= i; j++) {
                scaled[i][j] = Math.scalb(a[i][j], -exponent);
            }
        }
        double[] values = SymmetricEigenvalues.of(scaled);
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.scalb(values[i], exponent);
        }
        return values;
    }

    static HessianSpectrum ofEigenvalues(double[] eigenvalues, double lambda) {
        Checks.positive("lambda", lambda);
        Checks.allFinite("eigenvalues", eigenvalues);
        double[] ascending = eigenvalues.clone();
        Arrays.sort(ascending);
        double trace = 0.0;
        for (double value : ascending) {
            trace += value;
        }
        return of(ascending, lambda, 0.0, trace);
    }

    private static HessianSpectrum of(double[] ascending, double lambda, double tolerance,
            double trace) {
        int excluded = 0;
        double sum = 0.0;
        double compensation = 0.0;
        double roundingBound = 0.0;
        for (double value : ascending) {
            if (value < lambda - tolerance) {
                excluded++;
                continue;
            }
            roundingBound += tolerance / Math.max(value, lambda);
            double term = logRatio(value, lambda);
            double t = sum + term;       // Neumaier summation
            compensation += Math.abs(sum) >= Math.abs(term) ? (sum - t) + term : (term - t) + sum;
            sum = t;
        }
        int p = ascending.length;
        double total = sum + compensation;
        boolean resolved = roundingBound <= ROUNDING_CRITERION * (1.0 + Math.abs(total));
        return new HessianSpectrum(lambda, p, Estimate.exact(total),
                Estimate.exact(excluded), Estimate.exact(trace),
                p == 0 ? Double.NaN : ascending[0], p == 0 ? Double.NaN : ascending[p - 1],
                ascending, 0, resolved);
    }

    /** Returns ln(value / lambda) for value &gt;= lambda (0 at or below), without overflow. */
    static double logRatio(double value, double lambda) {
        if (value <= lambda) {
            return 0.0;
        }
        if (value <= 2.0 * lambda) {
            return Math.log1p((value - lambda) / lambda);
        }
        return Math.log(value) - Math.log(lambda);
    }
}
