package io.github.occam.spectrum;

import io.github.occam.Cost;
import io.github.occam.Estimate;
import io.github.occam.Model;
import io.github.occam.SymmetricOperator;
import io.github.occam.internal.Checks;
import java.util.Arrays;
import java.util.Objects;

/**
 * The spectrum of the Hessian of the cost \(C(w) = H(w) + \lambda |w|^2 / 2\) at a point, reduced
 * to what the Laplace evidence needs: the sum \(\sum_{\lambda_i \ge \lambda} \ln(\lambda_i /
 * \lambda)\) that forms the log Occam factor (Smith &amp; Le, eq. 1), how many eigenvalues fell
 * below \(\lambda\) and were left out, the trace and the extremal eigenvalues.
 *
 * <p>Every number a method estimates is an {@link Estimate} with its standard error; the exact
 * method ({@link SpectrumMethod#exact()}) reports errors of 0. {@link #converged()} says whether
 * the method met its own accuracy criterion; an exact decomposition does unless the eigenvalues
 * near \(\lambda\) are lost in its rounding (see {@link SpectrumMethod#exact()}).
 *
 * <p>Instances are immutable: the eigenvalues are copied on the way in and on every call of
 * {@link #eigenvalues()}; {@link #equals(Object)} compares them element by element and
 * {@link #toString()} shows only their count.
 *
 * <pre>{@code
 * HessianSpectrum spectrum = HessianSpectrum.exact(model, w0, 0.1);
 * double logOccamFactor = spectrum.logOccamFactor().value();
 * double leftOut = spectrum.excludedCount().value();   // eigenvalues below lambda
 * double[] ascending = spectrum.eigenvalues();          // all P of them for the exact method
 * }</pre>
 *
 * @param lambda \(\lambda\), the prior precision that enters the Hessian and the ratio
 * @param dimension P, the dimension of the Hessian
 * @param sumLogRatio \(\sum_{\lambda_i \ge \lambda} \ln(\lambda_i / \lambda)\), the sum of
 *     eq. 1 of Smith &amp; Le taken, as the paper does, only over eigenvalues not below
 *     \(\lambda\)
 * @param excludedCount how many eigenvalues lie below \(\lambda\) and were left out of the sum
 * @param trace the sum of all eigenvalues
 * @param minEigenvalue the smallest eigenvalue (NaN when P = 0)
 * @param maxEigenvalue the largest eigenvalue (NaN when P = 0)
 * @param eigenvalues the eigenvalues the method resolved, ascending: all P for the exact method
 * @param products how many operator products the method used (0 for a decomposed dense matrix)
 * @param converged whether the method met its accuracy criterion
 */
public record HessianSpectrum(double lambda, int dimension, Estimate sumLogRatio,
        Estimate excludedCount, Estimate trace, double minEigenvalue, double maxEigenvalue,
        double[] eigenvalues, int products, boolean converged) {

    /**
     * Checks the components and copies the eigenvalues.
     *
     * @throws IllegalArgumentException if {@code lambda} is not finite and &gt; 0, a count is
     *     negative, or an estimate or the eigenvalues are null
     */
    public HessianSpectrum {
        Checks.positive("lambda", lambda);
        Checks.atLeast("dimension", dimension, 0);
        Checks.notNull("sumLogRatio", sumLogRatio);
        Checks.notNull("excludedCount", excludedCount);
        Checks.notNull("trace", trace);
        eigenvalues = Checks.notNull("eigenvalues", eigenvalues).clone();
        Checks.atLeast("products", products, 0);
    }

    /**
     * Returns the exact spectrum of the Hessian of \(C\) at {@code w}: the dense form of the
     * model's {@link Model#hessianAt(double[])} plus \(\lambda I\), decomposed by a symmetric
     * eigen-solver. For P up to a few thousand.
     *
     * @param model the model
     * @param w the point, length P, finite
     * @param lambda the prior precision, finite and &gt; 0
     * @return the spectrum
     * @throws IllegalArgumentException on a bad argument, naming it and its value; on a mistake
     *     of the model (a size below 1, a curvature operator of the wrong dimension, a dense form
     *     of the wrong size or with entries that are not finite), naming the model's class; and
     *     as {@link SpectrumMethod#exact()} on a Hessian beyond the range of doubles or the
     *     memory of the JVM
     */
    public static HessianSpectrum exact(Model model, double[] w, double lambda) {
        Checks.positive("lambda", lambda);
        return SpectrumMethod.exact().compute(Cost.of(model, lambda).hessianAt(w), lambda);
    }

    /**
     * Returns the exact spectrum of a given symmetric matrix, taken as the Hessian of \(C\) (the
     * prior term \(\lambda I\) already included). Only the lower triangle is read.
     *
     * @param hessian a square P x P matrix, finite (not modified)
     * @param lambda the prior precision, finite and &gt; 0
     * @return the spectrum
     * @throws IllegalArgumentException if the matrix is null, not square or not finite, or
     *     {@code lambda} is bad
     */
    public static HessianSpectrum ofSymmetricMatrix(double[][] hessian, double lambda) {
        return DenseSpectrum.ofMatrix(hessian, lambda);
    }

    /**
     * Returns the spectrum made of the given eigenvalues of the Hessian of \(C\), taken as exact.
     *
     * @param eigenvalues the eigenvalues in any order, finite (copied)
     * @param lambda the prior precision, finite and &gt; 0
     * @return the spectrum
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public static HessianSpectrum ofEigenvalues(double[] eigenvalues, double lambda) {
        return DenseSpectrum.ofEigenvalues(eigenvalues, lambda);
    }

    /**
     * Returns the log Occam factor \(-\frac{1}{2} \sum_{\lambda_i \ge \lambda}
     * \ln(\lambda_i / \lambda)\) with its error.
     */
    public Estimate logOccamFactor() {
        return sumLogRatio.times(-0.5);
    }

    /** Returns a copy of the resolved eigenvalues, ascending. */
    @Override
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** Compares all components, the eigenvalues element by element. */
    @Override
    public boolean equals(Object other) {
        return other instanceof HessianSpectrum s
                && Double.compare(lambda, s.lambda) == 0
                && dimension == s.dimension
                && sumLogRatio.equals(s.sumLogRatio)
                && excludedCount.equals(s.excludedCount)
                && trace.equals(s.trace)
                && Double.compare(minEigenvalue, s.minEigenvalue) == 0
                && Double.compare(maxEigenvalue, s.maxEigenvalue) == 0
                && Arrays.equals(eigenvalues, s.eigenvalues)
                && products == s.products
                && converged == s.converged;
    }

    /** Hashes all components, the eigenvalues element by element. */
    @Override
    public int hashCode() {
        return 31 * Objects.hash(lambda, dimension, sumLogRatio, excludedCount, trace,
                minEigenvalue, maxEigenvalue, products, converged)
                + Arrays.hashCode(eigenvalues);
    }

    /** Lists the components; the eigenvalues appear as their count only. */
    @Override
    public String toString() {
        return "HessianSpectrum[lambda=" + lambda + ", dimension=" + dimension
                + ", sumLogRatio=" + sumLogRatio + ", excludedCount=" + excludedCount
                + ", trace=" + trace + ", minEigenvalue=" + minEigenvalue
                + ", maxEigenvalue=" + maxEigenvalue + ", eigenvalues=<" + eigenvalues.length
                + " values>, products=" + products + ", converged=" + converged + "]";
    }
}
