package io.github.occam.examples.mnist;

import io.github.occam.data.CorruptDataException;
import io.github.occam.data.Dataset;
import io.github.occam.data.MnistData;
import io.github.occam.examples.support.CommandErrors;
import io.github.occam.examples.support.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The images a run trains and tests on: the 10,000 bundled MNIST digits (a pool of the first
 * 8,000, from which the training sets are drawn, and a test set of the last 2,000), or the four
 * standard MNIST files of a directory (the training file is the pool, the whole test file
 * tests), which also reads Fashion-MNIST.
 *
 * <p>A sweep's run trains on {@link #train(int, long)}: N examples of the pool drawn at random
 * by the run's seed, so that the spread over seeds includes the choice of the training set.
 * For one seed the draws are nested: the first N examples of one seeded permutation of the pool.
 *
 * <pre>{@code
 * Digits digits = Digits.bundled();
 * Dataset train = digits.train(1000, 3L);   // 1,000 digits drawn by seed 3
 * Dataset first = digits.train(1000);       // the first 1,000 of the pool
 * }</pre>
 *
 * @param pool        the examples the training sets are drawn from
 * @param test        the test set
 * @param description where the data come from, for reports
 */
public record Digits(Dataset pool, Dataset test, String description) {

    /** Size of the test set cut from the end of the bundled digits. */
    public static final int BUNDLED_TEST_SIZE = 2000;

    /**
     * Mixed into a run's seed for the draw of its training subset, so that the subset's random
     * numbers are not those of the initialization or of the batch order, which the trainer draws
     * from the seed itself.
     */
    private static final long SUBSET_STREAM = 0x5EED_5B5E_7D16_1735L;

    private static final String RESOURCES = "/io/github/occam/examples/mnist/data/";

    /** Reads the bundled digits: the first 8,000 are the pool, the last 2,000 the test set. */
    public static Digits bundled() throws IOException {
        try (InputStream images = resource("images-idx3-ubyte.gz");
             InputStream labels = resource("labels-idx1-ubyte.gz")) {
            Dataset all = MnistData.fromStreams(images, "bundled images-idx3-ubyte.gz", labels,
                    "bundled labels-idx1-ubyte.gz");
            return new Digits(all.head(all.size() - BUNDLED_TEST_SIZE), all.tail(BUNDLED_TEST_SIZE),
                    String.format(Locale.ROOT, "bundled MNIST digits (%d train pool, last %d test)",
                            all.size() - BUNDLED_TEST_SIZE, BUNDLED_TEST_SIZE));
        }
    }

    /** Reads the standard MNIST file names of {@code dir} (raw or {@code .gz}). */
    public static Digits directory(Path dir) throws IOException {
        MnistData data;
        try {
            data = MnistData.load(dir);
        } catch (CorruptDataException | FileSystemException e) {
            throw new InputException("--data " + dir + ": " + CommandErrors.message(e), e);
        }
        Dataset train = data.train();
        Dataset test = data.test();
        if (test.featureCount() != train.featureCount() || test.classCount() != train.classCount()) {
            // found before anything is written, so that no output folder is tied to these files
            throw new InputException("--data " + dir + ": the training images have " + train.featureCount()
                    + " pixels and " + train.classCount() + " classes, the test images " + test.featureCount()
                    + " and " + test.classCount() + "; they must match");
        }
        return new Digits(train, test, String.format(Locale.ROOT,
                "%s (%d train pool, %d test)", dir, train.size(), test.size()));
    }

    /** The bundled digits when {@code dir} is null, else the files of {@code dir}. */
    public static Digits load(Path dir) throws IOException {
        return dir == null ? bundled() : directory(dir);
    }

    /**
     * The first {@code n} examples of the pool (for {@code schedule} and {@code bench} runs that
     * do not draw a subset).
     *
     * @throws IllegalArgumentException if n is outside [1, pool size]
     */
    public Dataset train(int n) {
        checkTrainSize(n);
        return pool.head(n);
    }

    /**
     * {@code n} examples of the pool drawn at random by {@code seed}: the first n of a
     * permutation of the pool (Fisher-Yates with a {@link SplittableRandom} of the seed mixed
     * with a constant). The same seed gives the same examples, in the same order; for one seed,
     * a smaller n gives a subset of a larger one.
     *
     * @throws IllegalArgumentException if n is outside [1, pool size]
     */
    public Dataset train(int n, long seed) {
        checkTrainSize(n);
        int size = pool.size();
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed ^ SUBSET_STREAM);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(size - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int d = pool.featureCount();
        float[] from = pool.features();
        int[] poolLabels = pool.labels();
        float[] features = new float[n * d];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(from, order[i] * d, features, i * d, d);
            labels[i] = poolLabels[order[i]];
        }
        return new Dataset(features, labels, d, pool.classCount());
    }

    /**
     * Returns {@code n} if the pool holds that many training examples, without drawing them.
     *
     * @throws IllegalArgumentException if n is outside [1, pool size]
     */
    int checkTrainSize(int n) {
        if (n < 1 || n > pool.size()) {
            throw new IllegalArgumentException("train size N must be in [1, " + pool.size() + "] for the "
                    + description + ", got " + n);
        }
        return n;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = Digits.class.getResourceAsStream(RESOURCES + name);
        if (in == null) {
            throw new IOException("bundled resource " + RESOURCES + name + " is missing from the class path");
        }
        return in;
    }
}
