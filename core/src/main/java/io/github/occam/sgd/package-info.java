/**
 * SGD with momentum (Smith &amp; Le, eq. 3-5): one training loop over interchangeable engines, a
 * fast float32 engine for the shallow network d-H-n of the paper's batch-size experiment
 * (section 4) and a double-precision engine for any {@link io.github.occam.Model}.
 *
 * <p>Every engine makes the update {@code v <- m v + g; w <- w - eps v}, where {@code g} is the
 * batch mean of the per-example cost gradient {@code dC_i/dw}, {@code C_i = H_i + lambda |w|^2 /
 * (2N)}. {@link io.github.occam.sgd.SgdEngine} is the seam (initialize, step, evaluate,
 * parameters); {@link io.github.occam.sgd.SgdTrainer} is the loop (seeded batch order, budgets,
 * schedules, listener) and trains any model from a start point;
 * {@link io.github.occam.sgd.ShallowNetTrainer} runs the same loop on the float32 engine, whose
 * parameters are those of {@link io.github.occam.models.ShallowNetwork}.
 * {@link io.github.occam.sgd.SgdSettings} holds the hyper-parameters, budget and schedule,
 * and {@link io.github.occam.sgd.TrainingListener} receives learning-curve metrics.
 *
 * <pre>{@code
 * SgdResult result = ShallowNetTrainer.create()
 *         .train(train, test, SgdSettings.defaults().withBatchSize(64).withEpochs(20));
 * double accuracy = result.testAccuracy();
 *
 * SgdResult sgd = SgdTrainer.train(model, start, SgdSettings.defaults().withLambda(0.1));
 * double[] w = sgd.parameters();
 * }</pre>
 */
package io.github.occam.sgd;
