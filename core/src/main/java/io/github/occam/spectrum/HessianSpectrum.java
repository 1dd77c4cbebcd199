package io.github.occam.spectrum;

import io.github.occam.evidence.Evidence;
import io.github.occam.Model;

import io.github.occam.spectrum.ExactHessianSpectrum;

/**
 * The spectrum of the Hessian of the cost \(C(w) = H(w) + \lambda |w|^2 / 2\) at a point
 * {@code w}, reduced to what the Laplace evidence needs: the sum
 * \(\sum_{\lambda_i \ge \lambda} \ln(\lambda_i / \lambda)\) that forms the log Occam factor
 * (Smith &amp; Le, eq. 1), how many eigenvalues fell below \(\lambda\) and were left out, the
 * extremal eigenvalues and the trace.
 *
 * <p>The exact implementation ({@link #exact(Model, double[], double)}) decomposes the dense
 * Hessian and is meant for P up to a few thousand; matrix-free estimates (Lanczos, stochastic
 * Lanczos quadrature) are other implementations of this type and report a nonzero
 * {@link #sumLogRatioError()}. {@link Evidence} takes the method as a {@link Method}.
 *
 * <pre>{@code
 * HessianSpectrum spectrum = HessianSpectrum.exact(model, w0, 0.1);
 * double logOccamFactor = -0.5 * spectrum.sumLogRatio();
 * int leftOut = spectrum.excludedCount();      // eigenvalues below lambda (away from a minimum)
 * }</pre>
 */
public interface HessianSpectrum {

    /** Returns \(\lambda\), the prior precision that enters the Hessian and the ratio. */
    double lambda();

    /** Returns P, the dimension of the Hessian. */
    int dimension();

    /**
     * Returns \(\sum_{\lambda_i \ge \lambda} \ln(\lambda_i / \lambda)\), the sum in eq. 1 of
     * Smith &amp; Le taken, as the paper does, only over eigenvalues not below \(\lambda\).
     */
    double sumLogRatio();

    /**
     * Returns an estimate of the absolute error of {@link #sumLogRatio()}: 0 for an exact
     * decomposition (up to rounding), a statistical or truncation error for estimates.
     */
    double sumLogRatioError();

    /** Returns how many eigenvalues were below \(\lambda\) and left out of the sum. */
    int excludedCount();

    /** Returns the smallest eigenvalue (or its estimate). */
    double minEigenvalue();

    /** Returns the largest eigenvalue (or its estimate). */
    double maxEigenvalue();

    /** Returns the trace, the sum of all eigenvalues (or its estimate). */
    double trace();

    /**
     * Returns the log Occam factor \(-\frac{1}{2} \sum_{\lambda_i \ge \lambda}
     * \ln(\lambda_i / \lambda)\).
     */
    default double logOccamFactor() {
        return -0.5 * sumLogRatio();
    }

    /**
     * Returns the exact spectrum of the Hessian of \(C\) at {@code w}: the model's dense Hessian
     * of H plus \(\lambda I\), decomposed by a symmetric eigen-solver.
     *
     * @param model the model; its {@link Model#hessianAt(double[])} is called once and its dense form taken
     * @param w the point, length P
     * @param lambda the prior precision, finite and &gt; 0
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    static HessianSpectrum exact(Model model, double[] w, double lambda) {
        return ExactHessianSpectrum.of(model, w, lambda);
    }

    /**
     * Returns the spectrum made of the given eigenvalues of the Hessian of \(C\).
     *
     * @param eigenvalues the eigenvalues in any order, all finite (copied)
     * @param lambda the prior precision, finite and &gt; 0
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    static HessianSpectrum ofEigenvalues(double[] eigenvalues, double lambda) {
        return ExactHessianSpectrum.ofEigenvalues(eigenvalues, lambda);
    }

    /**
     * A way to compute the spectrum of the Hessian of \(C\) at {@code w}, such as
     * {@link HessianSpectrum#exact(Model, double[], double)}.
     *
     * <pre>{@code
     * HessianSpectrum.Method method = HessianSpectrum.Method.exact();
     * Evidence evidence = Evidence.of(model, 0.1, Minimizer.automatic(), method);
     * }</pre>
     */
    @FunctionalInterface
    interface Method {

        /**
         * Returns the spectrum of the Hessian of \(C(w) = H(w) + \lambda |w|^2 / 2\) at
         * {@code w}.
         *
         * @param model the model
         * @param w the point, length P
         * @param lambda the prior precision, finite and &gt; 0
         * @return the spectrum
         */
        HessianSpectrum compute(Model model, double[] w, double lambda);

        /** Returns the exact dense method, {@link HessianSpectrum#exact(Model, double[], double)}. */
        static Method exact() {
            return HessianSpectrum::exact;
        }
    }
}
