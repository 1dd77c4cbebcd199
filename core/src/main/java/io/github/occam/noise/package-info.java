/**
 * The noise of SGD: the noise scale g = eps (N/B - 1) / (1 - m) of Smith &amp; Le (eq. 3-5) and
 * its scaling rules for the optimal batch size ({@link io.github.occam.noise.SgdNoiseScale}),
 * learning-rate and batch-size schedules ({@link io.github.occam.noise.SgdSchedule}), and the
 * measured gradient noise scale \(B_{simple} = \mathrm{tr}(\Sigma) / |G|^2\) of McCandlish et al.:
 * the two-batch estimators ({@link io.github.occam.noise.GradientNoiseScale}) and their
 * measurement on any {@link io.github.occam.Model} at a point, with standard errors
 * ({@link io.github.occam.noise.GradientNoise}).
 *
 * <pre>{@code
 * SgdNoiseScale sgd = SgdNoiseScale.of(0.1, 60_000, 128, 0.9);   // eps, N, B, m
 * double g = sgd.value();
 * GradientNoise noise = GradientNoise.measure(model, lambda, w, 8, 64, 100, 42L);
 * Optional<Estimate> bSimple = noise.simpleNoiseScale();          // empty if |G|^2 <= 0
 * }</pre>
 */
package io.github.occam.noise;
