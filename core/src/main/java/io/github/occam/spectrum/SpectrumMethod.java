package io.github.occam.spectrum;

import io.github.occam.SymmetricOperator;
import io.github.occam.internal.Checks;

/**
 * A way to compute the spectrum of the Hessian of the cost from the operator of that Hessian,
 * built once per point by {@link io.github.occam.Cost#hessianAt(double[])}: the exact dense
 * decomposition here, matrix-free estimates (Lanczos, stochastic Lanczos quadrature) as other
 * implementations. Every method passes one contract test on operators with known spectra.
 *
 * <pre>{@code
 * SymmetricOperator hessian = Cost.of(model, 0.1).hessianAt(w0);
 * HessianSpectrum spectrum = SpectrumMethod.exact().compute(hessian, 0.1);
 * }</pre>
 */
@FunctionalInterface
public interface SpectrumMethod {

    /**
     * Returns the spectrum of {@code costHessian}, the Hessian of
     * \(C(w) = H(w) + \lambda |w|^2 / 2\) (the prior's \(\lambda I\) included).
     *
     * @param costHessian the operator of the Hessian of C
     * @param lambda the prior precision, finite and &gt; 0
     * @return the spectrum
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    HessianSpectrum compute(SymmetricOperator costHessian, double lambda);

    /**
     * Returns the exact dense method: the operator's {@link SymmetricOperator#toDense()} (a
     * closed form for the built-in models) decomposed by Householder tridiagonalization and
     * implicit QL, about \(\frac{4}{3} P^3\) flops. For P up to a few thousand.
     *
     * @return the exact method
     */
    static SpectrumMethod exact() {
        return (costHessian, lambda) -> {
            Checks.notNull("costHessian", costHessian);
            Checks.positive("lambda", lambda);
            return DenseSpectrum.ofMatrix(costHessian.toDense(), lambda);
        };
    }

    /**
     * Returns stochastic Lanczos quadrature with deflation and its default settings, to adjust
     * with {@code withProbes}, {@code withSteps}, {@code withDeflation}, {@code withSeed} and
     * {@code withErrorTarget}; the extremal-eigenvalue method is {@link LanczosSpectrum#of(int)}.
     *
     * @return the method
     */
    static StochasticLanczosQuadrature slq() { return StochasticLanczosQuadrature.withDefaults(); }
}
