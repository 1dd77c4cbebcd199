package io.github.occam.examples.logistic;

/**
 * Per-feature affine scaling to mean 0 and variance 1, with the mean and the standard deviation
 * measured on one set of rows (the training set) and applied to any other (the test set).
 *
 * <p>The variance is the population variance (divisor N), so the rows the scaling was fitted on
 * come out with {@code mean = 0} and {@code mean of squares = 1} in every column, the
 * normalization of Smith &amp; Le, Section 3. A constant column is only centered.
 *
 * <pre>{@code
 * Standardizer scaling = Standardizer.fit(train.features());
 * double[][] trainScaled = scaling.apply(train.features());
 * double[][] testScaled = scaling.apply(test.features());
 * }</pre>
 */
public final class Standardizer {

    private final double[] mean;
    private final double[] scale;

    private Standardizer(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /**
     * Measures the mean and the standard deviation of each column of {@code rows}.
     *
     * @param rows at least one row; all rows of equal length
     * @return the scaling that maps {@code rows} to mean 0 and variance 1 per column
     */
    public static Standardizer fit(double[][] rows) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException("rows must hold at least one row");
        }
        int d = rows[0].length;
        double[] mean = new double[d];
        for (double[] row : rows) {
            checkWidth(row, d);
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= rows.length;
        }
        double[] scale = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                double centered = row[j] - mean[j];
                scale[j] += centered * centered;
            }
        }
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(scale[j] / rows.length);
            scale[j] = sd > 0.0 ? 1.0 / sd : 1.0;
        }
        return new Standardizer(mean, scale);
    }

    /** Returns new rows {@code (x_j - mean_j) / sd_j}; {@code rows} is not modified. */
    public double[][] apply(double[][] rows) {
        double[][] scaled = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            double[] row = rows[i];
            checkWidth(row, mean.length);
            double[] out = new double[row.length];
            for (int j = 0; j < row.length; j++) {
                out[j] = (row[j] - mean[j]) * scale[j];
            }
            scaled[i] = out;
        }
        return scaled;
    }

    /** Returns a copy of {@code data} with its features scaled; the labels are shared. */
    public BinaryLabelledSet apply(BinaryLabelledSet data) {
        return new BinaryLabelledSet(apply(data.features()), data.labels());
    }

    private static void checkWidth(double[] row, int d) {
        if (row == null || row.length != d) {
            throw new IllegalArgumentException("row has length "
                    + (row == null ? "null" : row.length) + ", expected " + d);
        }
    }
}
