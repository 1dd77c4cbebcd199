/**
 * Fast float32 SGD with momentum for the shallow network d-H-n (ReLU hidden units, softmax
 * cross-entropy), the training loop of the paper's batch-size experiment (Smith &amp; Le, section 5).
 *
 * <p>{@link io.github.occam.sgd.ShallowNetTrainer} trains with the update of eq. 3-5 in the
 * momentum form {@code v <- m v + g; w <- w - eps v}, where {@code g} is the batch mean of the
 * per-example cost gradient {@code dC_i/dw}, {@code C_i = H_i + lambda |w|^2 / (2N)}.
 * {@link io.github.occam.sgd.SgdSettings} holds the hyper-parameters, budget and schedule,
 * {@link io.github.occam.sgd.TrainingListener} receives learning-curve metrics, and
 * {@link io.github.occam.sgd.ThroughputBenchmark} measures examples per second in the format of
 * the reference numpy and PyTorch scripts.
 *
 * <pre>{@code
 * TrainingResult result = ShallowNetTrainer.create()
 *         .train(train, test, SgdSettings.defaults().withBatchSize(64).withEpochs(20));
 * double accuracy = result.testAccuracy();
 * }</pre>
 */
package io.github.occam.sgd;
