package io.github.occam;

/**
 * A {@link Model} that predicts one of {@link #classCount()} classes for each of its training
 * examples, and, through {@link #on}, for new rows: the same model on other data, whose
 * cross-entropy, accuracy and predictions are then those of the new rows, computed by the same
 * code as the training set's.
 *
 * <p>The prediction is the most probable class, \(\hat y_i = \arg\max_c P(c \mid w, x_i)\); ties
 * go to the lowest class index.
 *
 * <pre>{@code
 * Classifier model = LogisticRegression.of(features, labels, true);
 * int[] predicted = model.predict(w);      // one class per training example
 * double accuracy = model.accuracy(w);     // fraction of predicted[i] == labels[i]
 * Classifier test = model.on(testFeatures, testLabels);
 * double testCrossEntropy = test.crossEntropy(w) / test.exampleCount();
 * int[] forNewRows = model.predict(w, newRows);
 * }</pre>
 */
public interface Classifier extends Model {

    /**
     * Returns the fraction of the model's own training examples whose predicted class equals the
     * label, a number in [0, 1].
     *
     * @param w parameters, length P (not modified)
     * @return \(\frac{1}{N} \#\{i : \hat y_i = y_i\}\)
     * @throws IllegalArgumentException if {@code w} is null, of the wrong length or not finite
     */
    double accuracy(double[] w);

    /**
     * Returns the most probable class of each training example, a new array of length N.
     *
     * @param w parameters, length P (not modified)
     * @return \(\hat y_i = \arg\max_c P(c \mid w, x_i)\), ties to the lowest index
     * @throws IllegalArgumentException if {@code w} is null, of the wrong length or not finite
     */
    int[] predict(double[] w);

    /**
     * Returns this model (same kind, options and parameter layout) on other examples: a test set,
     * or new rows to predict. The parameters of this model are parameters of the returned one.
     *
     * @param features the rows, each with this model's number of features, finite
     * @param labels one class in [0, n) per row
     * @return the model on those examples
     * @throws IllegalArgumentException if the rows or labels are not of this model's shape,
     *     naming the bad value
     */
    Classifier on(double[][] features, int[] labels);

    /**
     * Returns the most probable class of each of {@code rows}: {@link #predict(double[])} of
     * {@link #on} the rows.
     *
     * <pre>{@code
     * int[] classes = model.predict(w, newRows);
     * }</pre>
     *
     * @param w parameters, length P (not modified)
     * @param rows the rows, each with this model's number of features, finite
     * @return one class per row
     * @throws IllegalArgumentException on a bad argument, naming it
     */
    default int[] predict(double[] w, double[][] rows) {
        if (rows == null) {
            throw new IllegalArgumentException("rows must not be null");
        }
        return on(rows, new int[rows.length]).predict(w);
    }
}
