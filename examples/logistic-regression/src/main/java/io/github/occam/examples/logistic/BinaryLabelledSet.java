package io.github.occam.examples.logistic;

/**
 * A set of examples with binary labels, for logistic regression: example {@code i} is the row
 * {@code features[i]} with the label {@code labels[i]}, 0 or 1, drawn by {@link SyntheticTasks}
 * in double precision. (A user's data, with any number of classes, is a {@link LabelledSet}.)
 *
 * <p>The arrays are checked (non-empty, rectangular, finite, labels 0 or 1) but not copied, on
 * construction or on access, to keep 10,000 x 200 test sets cheap; treat them as read-only.
 *
 * <pre>{@code
 * BinaryLabelledSet data = new BinaryLabelledSet(
 *         new double[][] {{0.5, -1.0}, {1.5, 2.0}}, new int[] {0, 1});
 * int n = data.size();          // 2
 * int d = data.dimension();     // 2
 * }</pre>
 *
 * @param features one row of equal length per example, all values finite
 * @param labels one label per example, each 0 or 1
 */
public record BinaryLabelledSet(double[][] features, int[] labels) {

    /** Checks the arrays; see the class comment. */
    public BinaryLabelledSet {
        if (features == null || labels == null) {
            throw new IllegalArgumentException("features and labels must not be null");
        }
        if (features.length == 0) {
            throw new IllegalArgumentException("features must hold at least one example, got 0");
        }
        if (features.length != labels.length) {
            throw new IllegalArgumentException("features has " + features.length
                    + " rows but labels has " + labels.length + " entries");
        }
        int d = features[0] == null ? 0 : features[0].length;
        if (d == 0) {
            throw new IllegalArgumentException("features[0] must hold at least one value");
        }
        for (int i = 0; i < features.length; i++) {
            double[] row = features[i];
            if (row == null || row.length != d) {
                throw new IllegalArgumentException("features[" + i + "] has length "
                        + (row == null ? "null" : row.length) + ", expected " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException(
                            "features[" + i + "][" + j + "] must be finite, got " + row[j]);
                }
            }
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException(
                        "labels[" + i + "] must be 0 or 1, got " + labels[i]);
            }
        }
    }

    /** Returns the number of examples. */
    public int size() {
        return labels.length;
    }

    /** Returns the number of features per example. */
    public int dimension() {
        return features[0].length;
    }
}
