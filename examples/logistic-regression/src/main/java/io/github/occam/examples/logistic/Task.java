package io.github.occam.examples.logistic;

/**
 * One learning task of the experiment: a name (the {@code labels} column of the results table:
 * {@code random}, {@code informative} or {@code csv}), a training set and a test set of the same
 * dimension.
 *
 * <pre>{@code
 * Task task = SyntheticTasks.generate(200, 200, 10_000, 42L).informative();
 * BinaryLabelledSet train = task.train();
 * }</pre>
 *
 * @param labels the name of the label set, non-blank
 * @param train the training set (the model and its evidence are computed on it)
 * @param test the test set (only used to measure accuracy and cross-entropy)
 */
public record Task(String labels, BinaryLabelledSet train, BinaryLabelledSet test) {

    /** Checks that the name is non-blank and that both sets have the same dimension. */
    public Task {
        if (labels == null || labels.isBlank()) {
            throw new IllegalArgumentException("labels must be a non-blank name, got '" + labels + "'");
        }
        if (train == null || test == null) {
            throw new IllegalArgumentException("train and test must not be null");
        }
        if (train.dimension() != test.dimension()) {
            throw new IllegalArgumentException("train has " + train.dimension()
                    + " features per example but test has " + test.dimension());
        }
    }
}
