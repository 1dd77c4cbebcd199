package io.github.occam.spectrum;

import io.github.occam.linalg.SymmetricEigenvalues;

import io.github.occam.Cost;
import io.github.occam.spectrum.HessianSpectrum;
import io.github.occam.Model;
import io.github.occam.internal.Checks;
import java.util.Arrays;

/**
 * The exact spectrum of the Hessian of \(C(w) = H(w) + \lambda |w|^2 / 2\), from a dense
 * symmetric eigen-decomposition (Householder tridiagonalization and implicit QL, eigenvalues
 * only, about \(\frac{4}{3} P^3\) flops). Measured on one core: about 0.01 s for P = 200,
 * 0.3 s for P = 1000 and a few seconds for P = 2000, against 0.08 s and 4 s for commons-math3's
 * {@code EigenDecomposition}, which also forms the eigenvectors.
 *
 * <p>The sum \(\sum \ln(\lambda_i / \lambda)\) of Smith &amp; Le, eq. 1, runs over the eigenvalues
 * \(\lambda_i \ge \lambda\), as the paper does away from a minimum. For a decomposed matrix, an
 * eigenvalue within the decomposition's rounding error \(P \varepsilon \max|\lambda_i|\) below
 * \(\lambda\) counts as equal to \(\lambda\) (it contributes \(\ln 1 = 0\) and is not reported as
 * left out): a convex H gives \(\lambda_i \ge \lambda\) exactly, and flat directions of H must not
 * show up as excluded because of rounding. Eigenvalues given directly are taken as exact.
 *
 * <p>Instances are immutable and may be shared between threads.
 *
 * <pre>{@code
 * ExactHessianSpectrum spectrum = ExactHessianSpectrum.of(model, w0, 0.1);
 * double[] eigenvalues = spectrum.eigenvalues();   // ascending
 * double sum = spectrum.sumLogRatio();
 * }</pre>
 */
public final class ExactHessianSpectrum implements HessianSpectrum {

    private final double[] eigenvalues;
    private final double lambda;
    private final double sumLogRatio;
    private final int excludedCount;
    private final double trace;

    private ExactHessianSpectrum(double[] ascending, double lambda, double tolerance,
            double trace) {
        this.eigenvalues = ascending;
        this.lambda = lambda;
        this.trace = trace;
        int excluded = 0;
        double sum = 0.0;
        double compensation = 0.0;
        for (double value : ascending) {
            if (value < lambda - tolerance) {
                excluded++;
                continue;
            }
            double term = logRatio(value, lambda);
            double t = sum + term;       // Neumaier summation
            compensation += Math.abs(sum) >= Math.abs(term) ? (sum - t) + term : (term - t) + sum;
            sum = t;
        }
        this.sumLogRatio = sum + compensation;
        this.excludedCount = excluded;
    }

    /** Returns ln(value / lambda) for value &gt;= lambda (0 at or below), without overflow. */
    private static double logRatio(double value, double lambda) {
        if (value <= lambda) {
            return 0.0;
        }
        if (value <= 2.0 * lambda) {
            return Math.log1p((value - lambda) / lambda);
        }
        return Math.log(value) - Math.log(lambda);
    }

    /**
     * Returns the exact spectrum of the Hessian of \(C\) at {@code w}: the model's dense Hessian
     * of H plus \(\lambda I\).
     *
     * @param model the model; {@link Model#hessianAt(double[])} is called once and its dense form taken
     * @param w the point, length P, finite
     * @param lambda the prior precision, finite and &gt; 0
     * @return the spectrum
     * @throws IllegalArgumentException on a bad argument, naming it and its value, or if the
     *     model's Hessian is not finite
     */
    public static ExactHessianSpectrum of(Model model, double[] w, double lambda) {
        Checks.notNull("model", model);
        Checks.positive("lambda", lambda);
        Checks.finiteVector("w", w, model.parameterCount());
        return ofSymmetricMatrix(Cost.of(model, lambda).hessianAt(w).toDense(), lambda);
    }

    /**
     * Returns the spectrum of a given symmetric matrix, taken as the Hessian of \(C\) (the prior
     * term \(\lambda I\) already included). Only the lower triangle is read.
     *
     * @param hessian a square P x P matrix, finite (not modified)
     * @param lambda the prior precision, finite and &gt; 0
     * @return the spectrum
     * @throws IllegalArgumentException if the matrix is null, not square or not finite, or
     *     {@code lambda} is bad
     */
    public static ExactHessianSpectrum ofSymmetricMatrix(double[][] hessian, double lambda) {
        Checks.positive("lambda", lambda);
        Checks.notNull("hessian", hessian);
        int p = hessian.length;
        double trace = 0.0;
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
            }
            trace += hessian[i][i];
        }
        double[] ascending = SymmetricEigenvalues.of(hessian);
        double largest = p == 0 ? 0.0
                : Math.max(Math.abs(ascending[0]), Math.abs(ascending[p - 1]));
        double tolerance = p * Math.ulp(1.0) * largest;
        return new ExactHessianSpectrum(ascending, lambda, tolerance, trace);
    }

    /**
     * Returns the spectrum made of the given eigenvalues of the Hessian of \(C\), taken as exact.
     *
     * @param eigenvalues the eigenvalues in any order, finite (copied)
     * @param lambda the prior precision, finite and &gt; 0
     * @return the spectrum
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public static ExactHessianSpectrum ofEigenvalues(double[] eigenvalues, double lambda) {
        Checks.positive("lambda", lambda);
        Checks.allFinite("eigenvalues", eigenvalues);
        double[] ascending = eigenvalues.clone();
        Arrays.sort(ascending);
        double trace = 0.0;
        for (double value : ascending) {
            trace += value;
        }
        return new ExactHessianSpectrum(ascending, lambda, 0.0, trace);
    }

    /** Returns the eigenvalues in ascending order (a copy). */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** Returns \(\lambda\). */
    @Override
    public double lambda() {
        return lambda;
    }

    /** Returns P, the number of eigenvalues. */
    @Override
    public int dimension() {
        return eigenvalues.length;
    }

    /** Returns \(\sum_{\lambda_i \ge \lambda} \ln(\lambda_i / \lambda)\), Neumaier-summed. */
    @Override
    public double sumLogRatio() {
        return sumLogRatio;
    }

    /** Returns 0: the decomposition is exact up to rounding. */
    @Override
    public double sumLogRatioError() {
        return 0.0;
    }

    /** Returns how many eigenvalues lie below \(\lambda\) by more than rounding. */
    @Override
    public int excludedCount() {
        return excludedCount;
    }

    /** Returns the smallest eigenvalue, or NaN for a 0 x 0 matrix. */
    @Override
    public double minEigenvalue() {
        return eigenvalues.length == 0 ? Double.NaN : eigenvalues[0];
    }

    /** Returns the largest eigenvalue, or NaN for a 0 x 0 matrix. */
    @Override
    public double maxEigenvalue() {
        return eigenvalues.length == 0 ? Double.NaN : eigenvalues[eigenvalues.length - 1];
    }

    /** Returns the trace, summed from the diagonal of the matrix (or the given eigenvalues). */
    @Override
    public double trace() {
        return trace;
    }

    /** Lists the summary values; the eigenvalues themselves appear only as their count. */
    @Override
    public String toString() {
        return "ExactHessianSpectrum[dimension=" + dimension() + ", lambda=" + lambda
                + ", sumLogRatio=" + sumLogRatio + ", excludedCount=" + excludedCount
                + ", minEigenvalue=" + minEigenvalue() + ", maxEigenvalue=" + maxEigenvalue()
                + ", trace=" + trace + "]";
    }
}
