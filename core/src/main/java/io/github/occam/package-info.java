/**
 * Occam: the Bayesian evidence of a trained model and the noise scale of SGD, after Smith &amp; Le,
 * "A Bayesian Perspective on Generalization and Stochastic Gradient Descent" (ICLR 2018).
 *
 * <p>The entry points:
 * <ul>
 *   <li>{@link io.github.occam.Model}: what a model supplies (summed cross-entropy, gradient,
 *       Hessian-vector product); built-in models live in {@link io.github.occam.models}.</li>
 *   <li>{@link io.github.occam.evidence.Evidence}: the Laplace evidence, its Occam factor and the log
 *       evidence ratio E against the null model; E &lt; 0 says trust the model.</li>
 *   <li>{@link io.github.occam.spectrum.HessianSpectrum}: the curvature of the cost that forms the Occam
 *       factor.</li>
 *   <li>{@link io.github.occam.noise.SgdNoiseScale}, {@link io.github.occam.noise.SgdSchedule} and
 *       {@link io.github.occam.noise.GradientNoiseScale}: the SGD noise scale
 *       g = eps N / (B (1 - m)), the optimal batch size and its scaling rules, batch-size schedules
 *       and the measured gradient noise.</li>
 * </ul>
 *
 * <pre>{@code
 * LogisticRegression model = LogisticRegression.of(features, labels, false);
 * Evidence evidence = Evidence.of(model, 1.0);
 * boolean trustModel = evidence.logEvidenceRatio() < 0;
 * }</pre>
 */
package io.github.occam;
