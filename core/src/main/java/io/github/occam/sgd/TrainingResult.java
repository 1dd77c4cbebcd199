package io.github.occam.sgd;

/**
 * The outcome of one SGD run: final accuracies and mean cross-entropies on the training and test
 * sets, the work done and the trained parameters.
 *
 * <p>{@link #parameters()} is in the layout of {@code io.github.occam.models.ShallowNetwork}:
 * {@code [W1 (H x d, row-major), b1 (H), W2 (n x H, row-major), b2 (n)]}, widened from the
 * float32 training values, so the evidence machinery can take over where SGD stopped. The array
 * is copied on construction and on access.
 *
 * <pre>{@code
 * TrainingResult r = ShallowNetTrainer.create().train(train, test, settings);
 * System.out.printf("test accuracy %.3f after %d updates%n", r.testAccuracy(), r.updates());
 * double[] w = r.parameters();
 * }</pre>
 *
 * @param trainAccuracy fraction of the training set classified correctly by the final parameters
 * @param testAccuracy fraction of the test set classified correctly by the final parameters
 * @param trainCrossEntropy mean per-example cross-entropy of the final parameters on the
 *     training set (H / N, without the prior)
 * @param testCrossEntropy mean per-example cross-entropy of the final parameters on the test set
 * @param epochs epochs trained, examples processed / N (fractional for a budget in updates)
 * @param updates number of parameter updates
 * @param seconds wall-clock seconds of training, without evaluations
 * @param hiddenUnits H, to read the parameter layout
 * @param parameters the final parameters, length H d + H + n H + n
 * @param divergedAtUpdate 0 if training stayed finite, else the update whose batch loss was not
 *     finite, where training stopped: then {@link #diverged()} is true and the accuracies and
 *     cross-entropies describe non-finite parameters (NaN), not a trained network
 */
public record TrainingResult(double trainAccuracy, double testAccuracy, double trainCrossEntropy,
        double testCrossEntropy, double epochs, long updates, double seconds, int hiddenUnits,
        double[] parameters, long divergedAtUpdate) {

    /** Copies the parameters. */
    public TrainingResult {
        if (parameters == null) {
            throw new IllegalArgumentException("parameters must not be null");
        }
        if (divergedAtUpdate < 0) {
            throw new IllegalArgumentException("divergedAtUpdate must be >= 0, got "
                    + divergedAtUpdate);
        }
        parameters = parameters.clone();
    }

    /**
     * Returns the result of a run that stayed finite ({@code divergedAtUpdate} 0).
     *
     * @param trainAccuracy training accuracy
     * @param testAccuracy test accuracy
     * @param trainCrossEntropy mean training cross-entropy
     * @param testCrossEntropy mean test cross-entropy
     * @param epochs epochs trained
     * @param updates number of updates
     * @param seconds seconds of training
     * @param hiddenUnits H
     * @param parameters the final parameters
     */
    public TrainingResult(double trainAccuracy, double testAccuracy, double trainCrossEntropy,
            double testCrossEntropy, double epochs, long updates, double seconds, int hiddenUnits,
            double[] parameters) {
        this(trainAccuracy, testAccuracy, trainCrossEntropy, testCrossEntropy, epochs, updates,
                seconds, hiddenUnits, parameters, 0L);
    }

    /**
     * Returns whether training diverged: a batch loss became infinite or NaN (the learning rate
     * is too large for this batch size and momentum), and training stopped there.
     */
    public boolean diverged() {
        return divergedAtUpdate > 0;
    }

    /** Returns a copy of the final parameters, in {@code ShallowNetwork}'s layout. */
    @Override
    public double[] parameters() {
        return parameters.clone();
    }
}
