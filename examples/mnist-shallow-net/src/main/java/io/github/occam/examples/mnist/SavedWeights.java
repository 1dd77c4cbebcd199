package io.github.occam.examples.mnist;

import io.github.occam.data.Npy;
import io.github.occam.examples.support.InputException;
import io.github.occam.examples.support.OutputFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code --save-weights DIR} of {@code sweep} and {@code bench}: each final network as one flat
 * float64 {@code .npy} in {@link io.github.occam.models.ShallowNetShape}'s layout (W1 (H x d,
 * row-major), b1, W2 (n x H), b2), the layout {@code spectrum --weights} and
 * {@code hvp_baseline.py --weights} read, written atomically ({@link Npy#write}).
 *
 * <pre>{@code
 * Path file = SavedWeights.in(dir).save(SavedWeights.name(key), result.parameters());
 * }</pre>
 *
 * @param directory where the files go, created if missing
 */
record SavedWeights(Path directory) {

    /**
     * The weights directory, checked before anything runs: a directory, or one that can be
     * created (it is created with the first network saved, so a command refused before then
     * leaves nothing behind).
     *
     * @throws InputException if it is a file or cannot be created, naming the option and why
     */
    static SavedWeights in(Path directory) throws IOException {
        OutputFolders.check("--save-weights", directory);
        return new SavedWeights(directory);
    }

    /** The file name of a sweep run's network, from its key, such as {@code b32-eps0.1-n1000-m0.9-seed1-epochs5.npy}. */
    static String name(RunKey key) {
        return String.format(Locale.ROOT, "b%d-eps%s-n%d-m%s-seed%d-%s.npy", key.batchSize(), key.learningRate(),
                key.trainSize(), key.momentum(), key.seed(), key.budget().fileTag());
    }

    /** Writes {@code weights} as {@code name} in the directory; returns the file. */
    Path save(String name, double[] weights) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(name);
            Npy.write(file, weights);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("--save-weights " + directory + ": " + e.getMessage(), e);
        }
    }
}
