package io.github.occam.data;

import io.github.occam.internal.Checks;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * N labelled examples: the features of example {@code i} are
 * {@code features[i * featureCount]} to {@code features[(i + 1) * featureCount - 1]} (row-major),
 * its class is {@code labels[i]}, in {@code [0, classCount)}.
 *
 * <p>The constructor checks that the lengths agree, that every label is a valid class and that
 * every feature is finite. <strong>Arrays are shared, not copied</strong>: the constructor keeps
 * the arrays it is given and {@link #features()} and {@link #labels()} return them, so that a data
 * set of 60,000 images costs no copy on access. Callers must not modify them afterwards. Every
 * method that derives a new data set ({@link #slice}, {@link #head}, {@link #tail},
 * {@link #scaled}, {@link #shuffled}) copies, so a derived data set never aliases its source.
 * {@link #equals} and {@link #hashCode} compare the contents of the arrays.
 *
 * <pre>{@code
 * Dataset all = MnistData.load(dir).train();       // pixels already in [0, 1]
 * Dataset train = all.head(1000);
 * Dataset test = all.tail(2000);
 * int[] perClass = train.classCounts();
 * double[][] x = train.featuresAsDouble();          // for the double-precision models
 * }</pre>
 *
 * @param features row-major features, length {@code labels.length * featureCount}, all finite
 * @param labels class of each example, each in {@code [0, classCount)}
 * @param featureCount features per example, at least 1
 * @param classCount number of classes, at least 1
 */
public record Dataset(float[] features, int[] labels, int featureCount, int classCount) {

    /** Checks the lengths, the labels and that the features are finite. */
    public Dataset {
        Checks.notNull("features", features);
        Checks.notNull("labels", labels);
        Checks.atLeast("featureCount", featureCount, 1);
        Checks.atLeast("classCount", classCount, 1);
        long expected = (long) labels.length * featureCount;
        if (features.length != expected) {
            throw new IllegalArgumentException("features has length " + features.length
                    + ", expected labels.length * featureCount = " + labels.length + " * "
                    + featureCount + " = " + expected);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classCount) {
                throw new IllegalArgumentException("labels[" + i + "] must be in [0, "
                        + classCount + "), got " + labels[i]);
            }
        }
        for (int k = 0; k < features.length; k++) {
            if (!Float.isFinite(features[k])) {
                throw new IllegalArgumentException("features[" + k + "] (example "
                        + k / featureCount + ", feature " + k % featureCount
                        + ") must be finite, got " + features[k]);
            }
        }
    }

    /**
     * Returns a data set built from double-precision rows, converted to {@code float}.
     *
     * <pre>{@code
     * Dataset d = Dataset.of(new double[][] {{0, 1}, {1, 0}}, new int[] {0, 1}, 2);
     * }</pre>
     *
     * @param rows one row of features per example, all of the same length (at least 1)
     * @param labels class of each example (copied)
     * @param classCount number of classes
     * @return a new data set
     * @throws IllegalArgumentException if the rows are ragged, a value does not fit in a finite
     *     {@code float}, or a label is out of range
     */
    public static Dataset of(double[][] rows, int[] labels, int classCount) {
        Checks.notNull("rows", rows);
        Checks.notNull("labels", labels);
        if (rows.length != labels.length) {
            throw new IllegalArgumentException("rows has " + rows.length
                    + " examples but labels has " + labels.length);
        }
        if (rows.length == 0) {
            throw new IllegalArgumentException(
                    "rows must not be empty (the feature count is taken from the first row)");
        }
        int d = rows[0] == null ? 0 : rows[0].length;
        float[] features = new float[Math.multiplyExact(rows.length, d)];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != d) {
                throw new IllegalArgumentException("rows[" + i + "] has length "
                        + (rows[i] == null ? "null" : rows[i].length) + ", expected " + d);
            }
            for (int j = 0; j < d; j++) {
                float value = (float) rows[i][j];
                if (!Float.isFinite(value)) {
                    throw new IllegalArgumentException("rows[" + i + "][" + j
                            + "] must be finite within the float range, got " + rows[i][j]);
                }
                features[i * d + j] = value;
            }
        }
        return new Dataset(features, labels.clone(), d, classCount);
    }

    /** Returns N, the number of examples. */
    public int size() {
        return labels.length;
    }

    /**
     * Returns examples {@code from} (inclusive) to {@code to} (exclusive) as a new data set with
     * copied arrays and the same class count.
     *
     * @param from first example, in {@code [0, size()]}
     * @param to end (exclusive), in {@code [from, size()]}
     * @return the slice
     */
    public Dataset slice(int from, int to) {
        Checks.inRange("from", from, 0, size());
        Checks.inRange("to", to, from, size());
        return new Dataset(
                Arrays.copyOfRange(features, from * featureCount, to * featureCount),
                Arrays.copyOfRange(labels, from, to), featureCount, classCount);
    }

    /**
     * Returns the first {@code n} examples.
     *
     * @param n number of examples, in {@code [0, size()]}
     * @return {@code slice(0, n)}
     */
    public Dataset head(int n) {
        Checks.inRange("n", n, 0, size());
        return slice(0, n);
    }

    /**
     * Returns the last {@code n} examples.
     *
     * @param n number of examples, in {@code [0, size()]}
     * @return {@code slice(size() - n, size())}
     */
    public Dataset tail(int n) {
        Checks.inRange("n", n, 0, size());
        return slice(size() - n, size());
    }

    /**
     * Returns the features of example {@code i} as a new array.
     *
     * @param i example index, in {@code [0, size())}
     * @return a copy of the {@code featureCount} features of example {@code i}
     */
    public float[] example(int i) {
        Checks.inRange("i", i, 0, size() - 1);
        return Arrays.copyOfRange(features, i * featureCount, (i + 1) * featureCount);
    }

    /** Returns the features as a new N x featureCount array of doubles (row {@code i} = example i). */
    public double[][] featuresAsDouble() {
        double[][] rows = new double[size()][featureCount];
        for (int i = 0; i < rows.length; i++) {
            double[] row = rows[i];
            int offset = i * featureCount;
            for (int j = 0; j < featureCount; j++) {
                row[j] = features[offset + j];
            }
        }
        return rows;
    }

    /**
     * Returns a copy with every feature multiplied by {@code factor}, for example
     * {@code scaled(1f / 255f)} to bring raw pixel values to [0, 1].
     *
     * @param factor finite multiplier
     * @return a new data set with copied arrays
     * @throws IllegalArgumentException if {@code factor} is not finite or a product overflows
     */
    public Dataset scaled(float factor) {
        Checks.finite("factor", factor);
        float[] scaled = new float[features.length];
        for (int k = 0; k < scaled.length; k++) {
            scaled[k] = features[k] * factor;
        }
        return new Dataset(scaled, labels.clone(), featureCount, classCount);
    }

    /**
     * Returns a copy with the examples in a random order drawn from {@code seed} (Fisher-Yates
     * with {@link SplittableRandom}); the same seed gives the same order.
     *
     * @param seed random seed
     * @return a new data set with copied arrays
     */
    public Dataset shuffled(long seed) {
        int n = size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        float[] x = new float[features.length];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(features, order[i] * featureCount, x, i * featureCount, featureCount);
            y[i] = labels[order[i]];
        }
        return new Dataset(x, y, featureCount, classCount);
    }

    /** Returns the number of examples of each class, a new array of length {@code classCount}. */
    public int[] classCounts() {
        int[] counts = new int[classCount];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** Two data sets are equal when their shapes and the contents of their arrays are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Dataset that
                && featureCount == that.featureCount
                && classCount == that.classCount
                && Arrays.equals(labels, that.labels)
                && Arrays.equals(features, that.features);
    }

    /** Returns a hash of the shape and the contents of the arrays. */
    @Override
    public int hashCode() {
        return 31 * (31 * (31 * featureCount + classCount) + Arrays.hashCode(labels))
                + Arrays.hashCode(features);
    }

    /** Returns the shape only, never the arrays: {@code Dataset[size=N, featureCount=d, classCount=n]}. */
    @Override
    public String toString() {
        return "Dataset[size=" + size() + ", featureCount=" + featureCount
                + ", classCount=" + classCount + "]";
    }
}
