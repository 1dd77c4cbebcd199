/**
 * Implementations of {@link io.github.occam.spectrum.HessianSpectrum}: the exact spectrum from a dense
 * symmetric eigen-decomposition of the Hessian of the cost.
 *
 * <pre>{@code
 * HessianSpectrum spectrum = ExactHessianSpectrum.of(model, w0, lambda);
 * }</pre>
 */
package io.github.occam.spectrum;
