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

/**
 * The images a run trains and tests on: the 10,000 bundled MNIST digits (first N train, last
 * 2,000 test), or the four standard MNIST files of a directory (first N of the training file
 * train, the whole test file tests), which also reads Fashion-MNIST.
 *
 * <pre>{@code
 * Digits digits = Digits.bundled();
 * Dataset train = digits.train(1000);
 * }</pre>
 *
 * @param pool        the examples the training sets are taken from (as a prefix)
 * @param test        the test set
 * @param description where the data come from, for reports
 */
public record Digits(Dataset pool, Dataset test, String description) {

    /** Size of the test set cut from the end of the bundled digits. */
    public static final int BUNDLED_TEST_SIZE = 2000;

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
        return new Digits(data.train(), data.test(), String.format(Locale.ROOT,
                "%s (%d train pool, %d test)", dir, data.train().size(), data.test().size()));
    }

    /** The bundled digits when {@code dir} is null, else the files of {@code dir}. */
    public static Digits load(Path dir) throws IOException {
        return dir == null ? bundled() : directory(dir);
    }

    /**
     * The first {@code n} examples of the pool.
     *
     * @throws IllegalArgumentException if n is outside [1, pool size]
     */
    public Dataset train(int n) {
        if (n < 1 || n > pool.size()) {
            throw new IllegalArgumentException("train size N must be in [1, " + pool.size() + "] for the "
                    + description + ", got " + n);
        }
        return pool.head(n);
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = Digits.class.getResourceAsStream(RESOURCES + name);
        if (in == null) {
            throw new IOException("bundled resource " + RESOURCES + name + " is missing from the class path");
        }
        return in;
    }
}
