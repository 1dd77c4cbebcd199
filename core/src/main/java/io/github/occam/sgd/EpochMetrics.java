package io.github.occam.sgd;

/**
 * Metrics at the end of one epoch of SGD, one point of a learning curve
 * ({@link SgdResult#curve()}, {@link TrainingListener#onEpoch(EpochMetrics)}).
 *
 * <p>{@link #trainCrossEntropy()} costs nothing extra: it is the mean, over the examples of the
 * epoch, of the cross-entropy each one had in the forward pass of its own batch (before that
 * batch's update). The test metrics need a forward pass over the whole test set, so they are
 * computed only when the listener asks for them ({@link TrainingListener#wantsTestMetrics()})
 * and there is a test set ({@link ShallowNetTrainer}); otherwise they are NaN.
 *
 * <pre>{@code
 * TrainingListener curve = new TrainingListener() {
 *     public boolean wantsTestMetrics() { return true; }
 *     public void onEpoch(EpochMetrics m) {
 *         points.add(new double[] {m.updates(), m.testAccuracy()});
 *     }
 * };
 * }</pre>
 *
 * @param epoch the one-based number of the epoch that just ended
 * @param complete false only for a last epoch cut short by a budget in updates
 * @param updates the number of updates made since the start of training
 * @param learningRate eps used in this epoch
 * @param batchSize B used in this epoch
 * @param trainCrossEntropy mean per-example cross-entropy of the epoch's batches (see above)
 * @param testAccuracy fraction of the test set classified correctly, or NaN
 * @param testCrossEntropy mean per-example test cross-entropy, or NaN
 * @param seconds wall-clock seconds spent training so far, without the test evaluations
 */
public record EpochMetrics(int epoch, boolean complete, long updates, double learningRate,
        int batchSize, double trainCrossEntropy, double testAccuracy, double testCrossEntropy,
        double seconds) {
}
