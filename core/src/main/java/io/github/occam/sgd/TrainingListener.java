package io.github.occam.sgd;

/**
 * Receives progress and learning-curve metrics from the training loop of {@link SgdTrainer},
 * which {@link ShallowNetTrainer} runs too.
 *
 * <p>Call order, always on the thread that called {@code train}, never concurrently:
 * <ol>
 *   <li>{@link #wantsTestMetrics()} once, before the first update;</li>
 *   <li>for each epoch: {@link #onUpdate(long)} after each parameter update, then
 *       {@link #onEpoch(EpochMetrics)} once the epoch's last update is done (also for a last
 *       epoch cut short by a budget in updates, with {@code complete() == false});</li>
 *   <li>{@code train} then evaluates the final parameters and returns.</li>
 * </ol>
 * An exception thrown by the listener aborts training and propagates to the caller. Every method
 * has a default that does nothing, so a listener overrides only what it needs. Keep
 * {@code onUpdate} cheap: it runs between updates, inside the timed loop.
 *
 * <pre>{@code
 * TrainingListener listener = new TrainingListener() {
 *     public void onUpdate(long updates) { progressBar.stepTo(updates); }
 *     public void onEpoch(EpochMetrics m) {
 *         log.info("epoch {} loss {}", m.epoch(), m.trainCrossEntropy());
 *     }
 * };
 * }</pre>
 */
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() {
    };

    /**
     * Returns true to have the test accuracy and test cross-entropy evaluated after every epoch
     * (a forward pass over the test set, outside the timed training); false by default. Only
     * {@link ShallowNetTrainer} has a test set; {@link SgdTrainer} reports NaN either way.
     */
    default boolean wantsTestMetrics() {
        return false;
    }

    /**
     * Called after each parameter update.
     *
     * @param updates the number of updates made so far, starting at 1
     */
    default void onUpdate(long updates) {
    }

    /**
     * Called at the end of each epoch.
     *
     * @param metrics the epoch's metrics
     */
    default void onEpoch(EpochMetrics metrics) {
    }
}
