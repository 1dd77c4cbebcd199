package io.github.occam.sgd;

import io.github.occam.data.Dataset;
import io.github.occam.models.ShallowNetwork;
import java.util.Random;

/** Seeded data sets for the SGD tests, and the double-precision network on them. */
final class Blobs {

    private Blobs() {
    }

    /**
     * Gaussian blobs: class c centred at 3 e_c (in the first n coordinates), unit noise, and
     * about half of the other features set to exactly 0 to exercise the sparse kernels.
     */
    static Dataset of(int size, int d, int n, long seed) {
        Random random = new Random(seed);
        float[] x = new float[size * d];
        int[] y = new int[size];
        for (int i = 0; i < size; i++) {
            y[i] = i % n;
            for (int j = 0; j < d; j++) {
                double v = random.nextGaussian() + (j == y[i] ? 3.0 : 0.0);
                x[i * d + j] = random.nextBoolean() && j >= n ? 0f : (float) v;
            }
        }
        return new Dataset(x, y, d, n);
    }

    /** Returns the d-H-n {@link ShallowNetwork} on {@code data}, its features widened to double. */
    static ShallowNetwork network(Dataset data, int hiddenUnits) {
        return ShallowNetwork.of(data.featuresAsDouble(), data.labels(), hiddenUnits,
                data.classCount());
    }
}
