package io.github.occam.examples.mnist;

import io.github.occam.examples.support.Memory;
import io.github.occam.examples.support.OutputFolders;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The options that several commands share, each once, as picocli mixins (and one exclusive
 * group), so that a name, a default and a help text are written in one place:
 * <ul>
 *   <li>{@link Data} {@code --data}, {@code --download}: {@code sweep}, {@code schedule},
 *       {@code bench};</li>
 *   <li>{@link RunBudget} {@code --time | --epochs | --updates}: {@code sweep}, {@code analyze};</li>
 *   <li>{@link Hidden} {@code --hidden}: {@code sweep}, {@code schedule};</li>
 *   <li>{@link Resamples} {@code --resamples}: {@code sweep}, {@code analyze};</li>
 *   <li>{@link Output} {@code --out} with the default {@code results}: {@code sweep},
 *       {@code schedule} ({@code analyze} reads {@code --in} and writes its {@code --out});</li>
 *   <li>{@link TrainSize} {@code --train-size}: {@code schedule}, {@code bench}.</li>
 * </ul>
 *
 * <pre>{@code
 * // a command declares  @Mixin SharedOptions.Data data;  and reads
 * Digits digits = Digits.load(data.directory());
 * }</pre>
 */
final class SharedOptions {

    private SharedOptions() {
    }

    /** {@code --data} and {@code --download}: where the digits come from. */
    static final class Data {

        @Option(names = "--data", paramLabel = "DIR", description = "Directory with the standard MNIST file names "
                + "(train-images-idx3-ubyte[.gz], ...; also Fashion-MNIST) instead of the bundled 10,000 digits.")
        Path dir;

        @Option(names = "--download", paramLabel = "CACHE", arity = "0..1", fallbackValue = "",
                description = "Download the official MNIST files (60,000 + 10,000 digits) into CACHE "
                        + "(default: ~/.cache/occam/mnist), verify their SHA-256, and use them.")
        String download;

        /** The directory to read, downloading into it first if asked; null for the bundled digits. */
        Path directory() throws IOException {
            if (download == null) {
                return dir;
            }
            if (dir != null) {
                throw new IllegalArgumentException("--data " + dir + " and --download " + download
                        + " exclude each other; choose one");
            }
            Path cache = download.isEmpty()
                    ? Path.of(System.getProperty("user.home"), ".cache", "occam", "mnist")
                    : Path.of(download);
            OutputFolders.check("--download", cache);
            dir = MnistDownload.into(cache).fetch();
            download = null;
            return dir;
        }
    }

    /** {@code --time}, {@code --epochs} or {@code --updates}, one of them: the budget of every run. */
    static final class RunBudget {

        @Option(names = "--time", paramLabel = "T", description = "Budget of every run in SDE time: "
                + "U = ceil(T (1 - m) / eps) updates, so that U eps / (1 - m) = T for every B and N.")
        Double time;

        @Option(names = "--epochs", description = "Budget of every run in epochs.")
        Integer epochs;

        @Option(names = "--updates", description = "Budget of every run in parameter updates.")
        Long updates;

        /** The budget given; its amount is checked here, before anything is written. */
        SweepBudget budget() {
            if (time != null) {
                return SweepBudget.time(time);
            }
            return epochs != null ? SweepBudget.epochs(epochs) : SweepBudget.updates(updates);
        }
    }

    /** {@code --hidden}: the hidden units H of the network. */
    static final class Hidden {

        /** Examples a trainer's buffers hold besides a batch: its evaluation batch. */
        private static final int EVALUATION_ROWS = 500;

        @Option(names = "--hidden", defaultValue = "800", description = "Hidden units H (default: ${DEFAULT-VALUE}).")
        int hidden;

        /**
         * Checks H and that {@code runs} networks training at once fit in memory, before anything
         * is written: each holds its weights and velocities (2 d H + 3 n H floats) and the
         * activations and deltas of a batch (2 B H floats).
         *
         * @throws IllegalArgumentException naming {@code --hidden}, its value and the sizes
         */
        void check(int features, int classes, int largestBatch, int runs) {
            if (hidden < 1) {
                throw new IllegalArgumentException("--hidden must be >= 1, got " + hidden);
            }
            long rows = Math.max(largestBatch, EVALUATION_ROWS);
            long perRun = Memory.product(Float.BYTES, hidden, Memory.sum(Memory.product(2, features),
                    Memory.product(3, classes), Memory.product(2, rows), 4));
            Memory.require(String.format(Locale.ROOT, "--hidden %d (%d network%s of %d-%d-%d training at once)",
                    hidden, runs, runs == 1 ? "" : "s", features, hidden, classes), Memory.product(runs, perRun));
        }
    }

    /** {@code --resamples}: the bootstrap resamples of the optimum's interval. */
    static final class Resamples {

        @Option(names = "--resamples", defaultValue = "10000", description = "Bootstrap resamples, at least 10 "
                + "(default: ${DEFAULT-VALUE}).")
        int resamples;

        /** Returns the resamples, checked before anything is written. */
        int checked() {
            if (resamples < 10) {
                throw new IllegalArgumentException("--resamples must be >= 10, got " + resamples);
            }
            return resamples;
        }
    }

    /** {@code --out}: the directory the results go to, {@code results} unless given. */
    static final class Output {

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "results",
                description = "Output directory, created if missing (default: ${DEFAULT-VALUE}).")
        Path out;
    }

    /** {@code --train-size}: the training-set size N of a single run. */
    static final class TrainSize {

        @Option(names = "--train-size", defaultValue = "1000", description = "N (default: ${DEFAULT-VALUE}).")
        int trainSize;
    }
}
