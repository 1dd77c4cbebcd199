package io.github.occam.examples.logistic;

import java.util.Random;

/**
 * The two toy tasks of Smith &amp; Le, Section 3: the same Gaussian inputs with random labels
 * and with informative labels.
 *
 * <p>Generation, for a dimension d, N training and M test examples and a seed:
 * <ol>
 *   <li>draw the N + M inputs with independent N(0, 1) components ({@link Random#nextGaussian()},
 *       whose algorithm the JDK specifies, so a seed gives the same data on every JVM);</li>
 *   <li>normalize every component (feature) to mean 0 and variance 1 over the training set,
 *       and apply the same shift and scale to the test set ({@link Standardizer});</li>
 *   <li>informative labels: {@code y = 1} if {@code sum_i x_i > 0}, else 0, on the normalized
 *       inputs;</li>
 *   <li>random labels: independent fair coin flips for every training and test example.</li>
 * </ol>
 *
 * <p>The paper asks for {@code <x_i> = 0} and {@code <x_i^2> = 1} where {@code i} indexes the
 * components of x; the average is therefore over examples, per component. The other reading,
 * each vector normalized over its own components, would make {@code sum_i x_i = 0} for every
 * input and leave the informative rule without content, so it cannot be the one meant.
 *
 * <pre>{@code
 * SyntheticTasks tasks = SyntheticTasks.generate(200, 200, 10_000, 42L);
 * Task random = tasks.random();
 * Task informative = tasks.informative();   // same inputs, y = 1 if sum_i x_i > 0
 * }</pre>
 *
 * @param random the inputs with random labels
 * @param informative the same inputs with informative labels
 */
public record SyntheticTasks(Task random, Task informative) {

    /** The name of the random label set in the results table. */
    public static final String RANDOM = "random";
    /** The name of the informative label set in the results table. */
    public static final String INFORMATIVE = "informative";

    /**
     * Draws both tasks.
     *
     * @param dimension d, the number of input components, at least 1
     * @param trainSize N, the number of training examples, at least 2
     * @param testSize M, the number of test examples, at least 1
     * @param seed the seed of the one random stream (inputs first, then the random labels)
     * @return the random-label task and the informative-label task, sharing the inputs
     */
    public static SyntheticTasks generate(int dimension, int trainSize, int testSize, long seed) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        if (trainSize < 2) {
            throw new IllegalArgumentException("trainSize must be >= 2, got " + trainSize);
        }
        if (testSize < 1) {
            throw new IllegalArgumentException("testSize must be >= 1, got " + testSize);
        }
        Random random = new Random(seed);
        double[][] rawTrain = gaussianRows(random, trainSize, dimension);
        double[][] rawTest = gaussianRows(random, testSize, dimension);
        Standardizer scaling = Standardizer.fit(rawTrain);
        double[][] train = scaling.apply(rawTrain);
        double[][] test = scaling.apply(rawTest);
        int[] coinTrain = coinFlips(random, trainSize);
        int[] coinTest = coinFlips(random, testSize);
        return new SyntheticTasks(
                new Task(RANDOM, new BinaryLabelledSet(train, coinTrain),
                        new BinaryLabelledSet(test, coinTest)),
                new Task(INFORMATIVE, new BinaryLabelledSet(train, informativeLabels(train)),
                        new BinaryLabelledSet(test, informativeLabels(test))));
    }

    /** Returns the labels {@code y = 1 if sum_i x_i > 0, else 0} of each row. */
    static int[] informativeLabels(double[][] rows) {
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double sum = 0.0;
            for (double x : rows[i]) {
                sum += x;
            }
            labels[i] = sum > 0.0 ? 1 : 0;
        }
        return labels;
    }

    private static double[][] gaussianRows(Random random, int rows, int columns) {
        double[][] x = new double[rows][columns];
        for (double[] row : x) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return x;
    }

    private static int[] coinFlips(Random random, int count) {
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextBoolean() ? 1 : 0;
        }
        return labels;
    }
}
