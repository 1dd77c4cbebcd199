package io.github.occam.spectrum;

import io.github.occam.SymmetricOperator;

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
     * implicit QL, about \(\frac{4}{3} P^3\) flops and \(1.5 P^2\) doubles. For P up to a few
     * thousand.
     *
     * <p>Its {@link HessianSpectrum#converged()} is false when the eigenvalues near
     * \(\lambda\) are lost in the rounding of the decomposition, \(P \varepsilon
     * \max|\lambda_i|\): when that bounds the error of \(\sum \ln(\lambda_i / \lambda)\) by
     * more than about \(2 \cdot 10^{-6} (1 + |\text{sum}|)\). Its {@code compute} refuses, with
     * an {@link IllegalArgumentException} naming the sizes, a dense Hessian that cannot fit in the
     * memory the JVM may use ({@link Runtime#maxMemory()}), a dense form of the wrong size, and a
     * matrix whose entries are not finite or whose trace or eigenvalues overflow.
     *
     * @return the exact method
     */
    static SpectrumMethod exact() {
        return DenseSpectrum.METHOD;
    }

    /**
     * Refuses, before any work, a dimension this method cannot handle, such as a dense Hessian
     * that cannot fit in the memory the JVM may use. The Laplace evidence calls it before it
     * minimizes, so that a request that cannot end is refused up front. The default accepts
     * every dimension.
     *
     * @param dimension P, the dimension of the Hessian the method will be given
     * @throws IllegalArgumentException naming the size if the method cannot handle it
     */
    default void requireFits(int dimension) {
    }

    /**
     * The largest P for which {@link #automatic()} computes the exact spectrum: the dense
     * Hessian (72 MB at P = 3000) and its decomposition take seconds there; above it the
     * matrix-free estimate is cheaper.
     */
    int EXACT_LIMIT = 3000;

    /**
     * Returns the method that computes the exact spectrum for P &lt;= {@value #EXACT_LIMIT}
     * and {@link #slq()} with its defaults above: the one place of that policy.
     *
     * <pre>{@code
     * HessianSpectrum spectrum = SpectrumMethod.automatic().compute(cost.hessianAt(w), lambda);
     * }</pre>
     *
     * @return the method
     */
    static SpectrumMethod automatic() {
        return automatic(slq());
    }

    /**
     * Returns the method that computes the exact spectrum for P &lt;= {@value #EXACT_LIMIT}
     * and {@code above} otherwise, such as an SLQ with its own probes and seed.
     *
     * @param above the method for P above the limit
     * @return the method
     * @throws IllegalArgumentException if {@code above} is null
     */
    static SpectrumMethod automatic(SpectrumMethod above) {
        return new AutomaticSpectrum(above);
    }

    /**
     * Returns the method that computes a spectrum of this dimension: itself, except for
     * {@link #automatic()}, which says there which method it chooses.
     *
     * @param dimension P
     * @return the method that does the work at this dimension
     */
    default SpectrumMethod resolve(int dimension) {
        return this;
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
