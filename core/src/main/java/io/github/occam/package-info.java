/**
 * Occam: the Bayesian evidence of a trained model and the noise scale of SGD, after Smith &amp; Le,
 * "A Bayesian Perspective on Generalization and Stochastic Gradient Descent" (ICLR 2018).
 *
 * <p>The entry points are {@link io.github.occam.Model} (what a model must supply),
 * {@code Evidence} (the Laplace evidence and the log evidence ratio against the null model),
 * {@code HessianSpectrum} (the curvature that forms the Occam factor) and {@code SgdNoiseScale}
 * (the noise scale g = eps N / (B (1 - m)) and the optimal batch size).
 */
package io.github.occam;
