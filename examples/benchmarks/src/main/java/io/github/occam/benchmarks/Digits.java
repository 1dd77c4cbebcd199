package io.github.occam.benchmarks;

import io.github.occam.data.Dataset;
import io.github.occam.data.MnistData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The 10,000 MNIST digits bundled with the {@code mnist-shallow-net} example (copied into this
 * jar at build time), pixels scaled to [0, 1], the data of the baseline scripts: training sets are
 * the first N examples, as {@code mlp_baseline.py} and {@code hvp_baseline.py} take them.
 */
final class Digits {

    private static final String RESOURCES = "/io/github/occam/benchmarks/data/";

    private Digits() {
    }

    /**
     * Returns the first {@code n} bundled digits.
     *
     * @param n at least 1, at most 10,000
     */
    static Dataset first(int n) {
        try (InputStream images = resource("images-idx3-ubyte.gz");
             InputStream labels = resource("labels-idx1-ubyte.gz")) {
            Dataset all = MnistData.fromStreams(images, "bundled images", labels, "bundled labels");
            if (n < 1 || n > all.size()) {
                throw new IllegalArgumentException("n must be in [1, " + all.size() + "], got "
                        + n);
            }
            return all.head(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = Digits.class.getResourceAsStream(RESOURCES + name);
        if (in == null) {
            throw new IOException("resource " + RESOURCES + name
                    + " is missing from the class path");
        }
        return in;
    }
}
