/**
 * The noise of SGD: the noise scale g = eps (N/B - 1) / (1 - m) of Smith &amp; Le (eq. 3-5) and
 * its scaling rules for the optimal batch size ({@link io.github.occam.noise.SgdNoiseScale}),
 * learning-rate and batch-size schedules ({@link io.github.occam.noise.SgdSchedule}), and the
 * measured gradient noise scale B_simple ({@link io.github.occam.noise.GradientNoiseScale}).
 *
 * <pre>{@code
 * SgdNoiseScale sgd = SgdNoiseScale.of(0.1, 60_000, 128, 0.9);   // eps, N, B, m
 * double g = sgd.value();
 * }</pre>
 */
package io.github.occam.noise;
