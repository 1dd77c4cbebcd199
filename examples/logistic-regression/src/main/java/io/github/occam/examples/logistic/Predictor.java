package io.github.occam.examples.logistic;

import io.github.occam.Classifier;
import io.github.occam.models.LogisticRegression;
import io.github.occam.models.SoftmaxRegression;

/**
 * A fitted classifier applied to new inputs: the parameters w of a logistic regression (two
 * classes) or a softmax regression (n classes), in the layout of Occam's
 * {@link io.github.occam.models.LogisticRegression} and
 * {@link io.github.occam.models.SoftmaxRegression}, evaluated on any rows of d features, so that
 * a test set or new data need no model of their own. Every number comes from the model itself, on
 * the given rows ({@link Classifier#on}): this class only keeps w and checks the rows.
 *
 * <p>Logistic: P(1 | x) = sigmoid(w . x + b), P = d (+ 1 with the bias last).
 * Softmax: class-major blocks of D = d (+ 1) parameters, weight j of class c at
 * {@code w[c * D + j]}, the bias last in each block. Cross-entropies are computed without
 * overflow for any score.
 *
 * <pre>{@code
 * Evidence evidence = Evidence.of(model, lambda);
 * Predictor fitted = Predictor.of(evidence.parameters(), 2, d, false);
 * int[] predicted = fitted.predict(newRows);
 * double accuracy = fitted.accuracy(test.features(), test.labels());
 * }</pre>
 */
public final class Predictor {

    private final double[] w;
    private final int classes;
    private final int d;
    private final boolean bias;

    private Predictor(double[] w, int classes, int d, boolean bias) {
        this.w = w;
        this.classes = classes;
        this.d = d;
        this.bias = bias;
    }

    /**
     * Returns the fitted classifier of parameters {@code w}.
     *
     * @param w the parameters (copied), of length (n == 2 ? 1 : n) (d + bias)
     * @param classCount n, at least 2: logistic for 2, softmax above
     * @param featureCount d, at least 1
     * @param bias whether the parameters end in a bias (per class for softmax)
     * @return the classifier
     * @throws IllegalArgumentException if the sizes do not fit, naming them
     */
    public static Predictor of(double[] w, int classCount, int featureCount, boolean bias) {
        if (classCount < 2 || featureCount < 1) {
            throw new IllegalArgumentException("need classCount >= 2 and featureCount >= 1, got "
                    + classCount + " and " + featureCount);
        }
        long expected = (long) (classCount == 2 ? 1 : classCount) * (featureCount + (bias ? 1 : 0));
        if (w == null || w.length != expected) {
            throw new IllegalArgumentException("w must have length " + expected + " for "
                    + classCount + " classes of " + featureCount + " features"
                    + (bias ? " with bias" : "") + ", got " + (w == null ? "null" : w.length));
        }
        return new Predictor(w.clone(), classCount, featureCount, bias);
    }

    /** Returns n, the number of classes. */
    public int classCount() {
        return classes;
    }

    /** Returns the most probable class of each row, ties to the lowest index. */
    public int[] predict(double[][] rows) {
        return model(rows, new int[checkRows(rows).length]).predict(w);
    }

    /** Returns the class probabilities of each row, one array of n per row. */
    public double[][] probabilities(double[][] rows) {
        Classifier model = model(rows, new int[checkRows(rows).length]);
        return classes == 2 ? ((LogisticRegression) model).probabilities(w)
                : ((SoftmaxRegression) model).probabilities(w);
    }

    /** Returns the fraction of rows whose predicted class is the label. */
    public double accuracy(double[][] rows, int[] labels) {
        return model(rows, checkLabels(rows, labels)).accuracy(w);
    }

    /** Returns the summed cross-entropy, -sum_i ln P(y_i | x_i). */
    public double crossEntropy(double[][] rows, int[] labels) {
        return model(rows, checkLabels(rows, labels)).crossEntropy(w);
    }

    /** The model of this predictor's kind on the rows. */
    private Classifier model(double[][] rows, int[] labels) {
        checkRows(rows);
        return classes == 2 ? LogisticRegression.of(rows, labels, bias)
                : SoftmaxRegression.of(rows, labels, classes, bias);
    }

    private double[][] checkRows(double[][] rows) {
        if (rows == null) {
            throw new IllegalArgumentException("rows must not be null");
        }
        for (double[] x : rows) {
            if (x == null || x.length != d) {
                throw new IllegalArgumentException("a row must have " + d + " features, got "
                        + (x == null ? "null" : x.length));
            }
        }
        return rows;
    }

    private int[] checkLabels(double[][] rows, int[] labels) {
        checkRows(rows);
        if (labels == null || labels.length != rows.length) {
            throw new IllegalArgumentException("need one label per row: " + rows.length
                    + " rows, " + (labels == null ? "null" : labels.length) + " labels");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("labels[" + i + "] must be in [0, " + classes
                        + "), got " + labels[i]);
            }
        }
        return labels;
    }
}
