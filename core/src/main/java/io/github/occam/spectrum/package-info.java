/**
 * The spectrum of the Hessian of the cost at a point, as the Laplace evidence needs it:
 * {@link io.github.occam.spectrum.HessianSpectrum}, a value whose numbers carry their errors, and
 * {@link io.github.occam.spectrum.SpectrumMethod}, how it is computed from the operator of the
 * Hessian (the exact dense decomposition; matrix-free methods plug in the same way).
 *
 * <pre>{@code
 * HessianSpectrum spectrum = SpectrumMethod.exact().compute(Cost.of(model, lambda).hessianAt(w0),
 *         lambda);
 * }</pre>
 */
package io.github.occam.spectrum;
