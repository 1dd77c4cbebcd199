package io.github.occam.examples.logistic;

import java.util.Arrays;

/**
 * A fitted classifier applied to new inputs: the parameters w of a logistic regression (two
 * classes) or a softmax regression (n classes), in the layout of Occam's
 * {@link io.github.occam.models.LogisticRegression} and
 * {@link io.github.occam.models.SoftmaxRegression}, evaluated on any rows of d features, so that
 * a test set or new data need no model of their own.
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
    private final int block;

    private Predictor(double[] w, int classes, int d, boolean bias) {
        this.w = w;
        this.classes = classes;
        this.d = d;
        this.bias = bias;
        this.block = d + (bias ? 1 : 0);
    }

    /**
     * Returns the classifier with parameters {@code w}.
     *
     * @param w the parameters (copied): length d (+1) for two classes, n (d (+1)) for n &gt; 2
     * @param classCount n, at least 2
     * @param featureCount d, at least 1
     * @param bias whether the model has intercepts
     * @throws IllegalArgumentException if the length of {@code w} does not fit, naming both
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

    /** Returns the most probable class of each row, ties to the lowest class. */
    public int[] predict(double[][] rows) {
        int[] predicted = new int[rows.length];
        double[] s = new double[classes];
        for (int i = 0; i < rows.length; i++) {
            if (classes == 2) {
                predicted[i] = logit(rows[i]) > 0.0 ? 1 : 0;
            } else {
                scores(rows[i], s);
                int best = 0;
                for (int c = 1; c < classes; c++) {
                    if (s[c] > s[best]) {
                        best = c;
                    }
                }
                predicted[i] = best;
            }
        }
        return predicted;
    }

    /** Returns the class probabilities of each row, one array of n per row. */
    public double[][] probabilities(double[][] rows) {
        double[][] p = new double[rows.length][classes];
        for (int i = 0; i < rows.length; i++) {
            if (classes == 2) {
                double z = logit(rows[i]);
                double e = Math.exp(-Math.abs(z));
                double high = 1.0 / (1.0 + e);
                double low = e / (1.0 + e);
                p[i][1] = z >= 0.0 ? high : low;
                p[i][0] = z >= 0.0 ? low : high;
            } else {
                scores(rows[i], p[i]);
                double max = Arrays.stream(p[i]).max().orElseThrow();
                double sum = 0.0;
                for (int c = 0; c < classes; c++) {
                    p[i][c] = Math.exp(p[i][c] - max);
                    sum += p[i][c];
                }
                for (int c = 0; c < classes; c++) {
                    p[i][c] /= sum;
                }
            }
        }
        return p;
    }

    /** Returns the fraction of rows whose predicted class is the label. */
    public double accuracy(double[][] rows, int[] labels) {
        checkLabels(rows, labels);
        int[] predicted = predict(rows);
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == labels[i] ? 1 : 0;
        }
        return (double) correct / rows.length;
    }

    /** Returns the summed cross-entropy, -sum_i ln P(y_i | x_i). */
    public double crossEntropy(double[][] rows, int[] labels) {
        checkLabels(rows, labels);
        double sum = 0.0;
        double[] s = new double[classes];
        for (int i = 0; i < rows.length; i++) {
            if (classes == 2) {
                double z = logit(rows[i]);
                sum += softplus(labels[i] == 1 ? -z : z);
            } else {
                scores(rows[i], s);
                double max = Arrays.stream(s).max().orElseThrow();
                double tail = 0.0;
                for (int c = 0; c < classes; c++) {
                    tail += Math.exp(s[c] - max);
                }
                sum += max + Math.log(tail) - s[labels[i]];
            }
        }
        return sum;
    }

    private double logit(double[] x) {
        checkRow(x);
        double z = 0.0;
        for (int j = 0; j < d; j++) {
            z += w[j] * x[j];
        }
        return bias ? z + w[d] : z;
    }

    private void scores(double[] x, double[] s) {
        checkRow(x);
        for (int c = 0; c < classes; c++) {
            int offset = c * block;
            double z = 0.0;
            for (int j = 0; j < d; j++) {
                z += w[offset + j] * x[j];
            }
            s[c] = bias ? z + w[offset + d] : z;
        }
    }

    /** Returns ln(1 + e^t) without overflow. */
    private static double softplus(double t) {
        return Math.max(t, 0.0) + Math.log1p(Math.exp(-Math.abs(t)));
    }

    private void checkRow(double[] x) {
        if (x == null || x.length != d) {
            throw new IllegalArgumentException("a row must have " + d + " features, got "
                    + (x == null ? "null" : x.length));
        }
    }

    private void checkLabels(double[][] rows, int[] labels) {
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
    }
}
