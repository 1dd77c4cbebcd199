package io.github.occam;

import io.github.occam.Model;

/**
 * A {@link Model} that predicts one of {@link #classCount()} classes for each of its training
 * examples.
 *
 * <p>The prediction is the most probable class, \(\hat y_i = \arg\max_c P(c \mid w, x_i)\); ties
 * go to the lowest class index.
 *
 * <pre>{@code
 * Classifier model = LogisticRegression.of(features, labels, true);
 * int[] predicted = model.predict(w);      // one class per training example
 * double accuracy = model.accuracy(w);     // fraction of predicted[i] == labels[i]
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
}
