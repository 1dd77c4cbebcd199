package io.github.occam.data;

/**
 * A labelled data set held in memory: example {@code i} has the features
 * {@code features[i * featureCount, (i + 1) * featureCount)} (row-major) and the class
 * {@code labels[i]} in {@code [0, classCount)}. The arrays are not copied, for speed.
 *
 * <pre>{@code
 * Dataset data = new Dataset(new float[] {0f, 1f, 1f, 0f}, new int[] {1, 0}, 2, 2);
 * int n = data.size();   // 2
 * }</pre>
 *
 * @param features row-major features, length {@code size() * featureCount}
 * @param labels class of each example, in {@code [0, classCount)}
 * @param featureCount number of features per example, at least 1
 * @param classCount number of classes, at least 2
 */
public record Dataset(float[] features, int[] labels, int featureCount, int classCount) {

    /** Checks the shapes and the labels. */
    public Dataset {
        if (features == null || labels == null) {
            throw new IllegalArgumentException("features and labels must not be null");
        }
        if (featureCount < 1) {
            throw new IllegalArgumentException("featureCount must be >= 1, got " + featureCount);
        }
        if (classCount < 2) {
            throw new IllegalArgumentException("classCount must be >= 2, got " + classCount);
        }
        if ((long) labels.length * featureCount != features.length) {
            throw new IllegalArgumentException("features has length " + features.length
                    + ", expected labels.length * featureCount = "
                    + (long) labels.length * featureCount);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classCount) {
                throw new IllegalArgumentException("labels[" + i + "] must be in [0, "
                        + classCount + "), got " + labels[i]);
            }
        }
    }

    /** Returns N, the number of examples. */
    public int size() {
        return labels.length;
    }
}
