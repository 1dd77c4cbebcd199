/**
 * The spectrum of the Hessian of the cost at a point, as the Laplace evidence needs it:
 * {@link io.github.occam.spectrum.HessianSpectrum}, a value whose numbers carry their errors, and
 * {@link io.github.occam.spectrum.SpectrumMethod}, how it is computed from the operator of the
 * Hessian: the exact dense decomposition ({@code SpectrumMethod.exact()}), the extremal
 * eigenvalues by Lanczos ({@link io.github.occam.spectrum.LanczosSpectrum}), and stochastic
 * Lanczos quadrature with deflation ({@code SpectrumMethod.slq()},
 * {@link io.github.occam.spectrum.StochasticLanczosQuadrature}), which also estimates a
 * {@link io.github.occam.spectrum.SpectralDensity}.
 *
 * <pre>{@code
 * SymmetricOperator hessian = Cost.of(model, lambda).hessianAt(w0);
 * HessianSpectrum exact = SpectrumMethod.exact().compute(hessian, lambda);          // P up to ~2000
 * HessianSpectrum estimated = SpectrumMethod.slq().withErrorTarget(1.0).compute(hessian, lambda);
 * HessianSpectrum extremes = LanczosSpectrum.of(5).compute(hessian, lambda);
 * }</pre>
 */
package io.github.occam.spectrum;
