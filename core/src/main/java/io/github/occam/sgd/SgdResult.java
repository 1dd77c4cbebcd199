package io.github.occam.sgd;

import io.github.occam.internal.Checks;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one SGD run, of {@link SgdTrainer} and of {@link ShallowNetTrainer} alike: where
 * SGD stopped, how good that point is on the training set (and on the test set, when the trainer
 * had one), and the learning curve. The parameters are in the model's own layout (for the
 * shallow network, that of {@code io.github.occam.models.ShallowNetwork}, widened from float32),
 * ready for the evidence machinery; the array is copied on construction and on access.
 *
 * <pre>{@code
 * SgdResult r = SgdTrainer.train(model, start, settings);
 * double[] w = r.parameters();
 * for (EpochMetrics epoch : r.curve()) {
 *     System.out.printf("%d %.4f%n", epoch.epoch(), epoch.trainCrossEntropy());
 * }
 * }</pre>
 *
 * @param parameters the final parameters, length P
 * @param trainCrossEntropy mean per-example cross-entropy H(w) / N of the final parameters on the
 *     training set (without the prior)
 * @param trainAccuracy fraction of the training set classified correctly by the final parameters,
 *     NaN for a model that does not classify
 * @param testCrossEntropy mean per-example cross-entropy of the final parameters on the test set,
 *     NaN without one
 * @param testAccuracy fraction of the test set classified correctly, NaN without one
 * @param curve the metrics of each epoch in order, the last one cut short when a budget in
 *     updates ends mid-epoch; its {@link EpochMetrics#trainCrossEntropy()} is the epoch's loss
 * @param epochs epochs trained, examples processed / N (fractional for a budget in updates)
 * @param updates number of parameter updates
 * @param seconds wall-clock seconds of training, without evaluations
 * @param divergedAtUpdate 0 if training stayed finite, else the update whose batch loss was not
 *     finite, where training stopped: then {@link #diverged()} is true and the cross-entropy and
 *     accuracy describe non-finite parameters (NaN)
 */
public record SgdResult(double[] parameters, double trainCrossEntropy, double trainAccuracy,
        double testCrossEntropy, double testAccuracy, List<EpochMetrics> curve, double epochs,
        long updates, double seconds, long divergedAtUpdate) {

    /**
     * Copies the parameters and the curve.
     *
     * @throws IllegalArgumentException if {@code parameters} or {@code curve} is null
     */
    public SgdResult {
        parameters = Checks.notNull("parameters", parameters).clone();
        curve = List.copyOf(Checks.notNull("curve", curve));
        if (divergedAtUpdate < 0) {
            throw new IllegalArgumentException("divergedAtUpdate must be >= 0, got "
                    + divergedAtUpdate);
        }
    }

    /**
     * Returns whether training diverged: a batch loss became infinite or NaN, and training
     * stopped there.
     */
    public boolean diverged() {
        return divergedAtUpdate > 0;
    }

    /** Returns a copy of the final parameters. */
    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    /** Compares all components, the parameters element by element. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SgdResult r
                && Arrays.equals(parameters, r.parameters)
                && Double.compare(trainCrossEntropy, r.trainCrossEntropy) == 0
                && Double.compare(trainAccuracy, r.trainAccuracy) == 0
                && Double.compare(testCrossEntropy, r.testCrossEntropy) == 0
                && Double.compare(testAccuracy, r.testAccuracy) == 0
                && curve.equals(r.curve)
                && Double.compare(epochs, r.epochs) == 0
                && updates == r.updates
                && Double.compare(seconds, r.seconds) == 0
                && divergedAtUpdate == r.divergedAtUpdate;
    }

    /** Hashes all components, the parameters element by element. */
    @Override
    public int hashCode() {
        return 31 * Objects.hash(trainCrossEntropy, trainAccuracy, testCrossEntropy, testAccuracy,
                curve, epochs, updates, seconds, divergedAtUpdate)
                + Arrays.hashCode(parameters);
    }

    /** Summarizes the result; the parameters and the curve appear as their sizes only. */
    @Override
    public String toString() {
        return "SgdResult[parameters=<" + parameters.length + " values>, trainCrossEntropy="
                + trainCrossEntropy + ", trainAccuracy=" + trainAccuracy + ", testCrossEntropy="
                + testCrossEntropy + ", testAccuracy=" + testAccuracy + ", curve=<"
                + curve.size() + " epochs>, epochs=" + epochs + ", updates=" + updates
                + ", seconds=" + seconds + ", divergedAtUpdate=" + divergedAtUpdate + "]";
    }

    /**
     * Returns the training loss of each epoch, {@code curve().get(k).trainCrossEntropy()}: the
     * mean cross-entropy of the epoch's examples, each taken in its own batch before that batch's
     * update.
     *
     * <pre>{@code
     * double[] losses = result.epochLosses();
     * }</pre>
     */
    public double[] epochLosses() {
        return curve.stream().mapToDouble(EpochMetrics::trainCrossEntropy).toArray();
    }
}
