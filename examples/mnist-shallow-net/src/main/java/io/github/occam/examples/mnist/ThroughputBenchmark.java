package io.github.occam.examples.mnist;

import io.github.occam.data.Dataset;
import io.github.occam.sgd.EpochMetrics;
import io.github.occam.sgd.SgdResult;
import io.github.occam.sgd.SgdSettings;
import io.github.occam.sgd.ShallowNetTrainer;
import io.github.occam.sgd.TrainingListener;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Consumer;

/**
 * Measures training throughput the way {@code mlp_baseline.py} (the numpy and PyTorch reference
 * scripts) does, so that the figures can be compared side by side: SGD with momentum on a
 * d-H-n network in float32, one untimed warm-up epoch, then {@code epochs} timed epochs at batch
 * size B; examples per second = N epochs / seconds. The baseline's defaults are eps = 0.1,
 * m = 0.9, H = 800, N = the first 1,000 digits, test = the last 2,000.
 *
 * <pre>{@code
 * ThroughputBenchmark.Result r = ThroughputBenchmark.measure(train, test, 128, 5);
 * System.out.println(r.toJson());
 * // {"engine": "java", "batch": 128, "hidden": 800, "n": 1000, "epochs": 5, "examples_per_s": ...}
 * }</pre>
 */
public final class ThroughputBenchmark {

    private ThroughputBenchmark() {
    }

    /**
     * Runs the benchmark with the baseline's settings (H = 800, eps = 0.1, m = 0.9, lambda = 0,
     * seed 1) on every available core.
     *
     * @param train training set (the baseline uses the first 1,000 digits)
     * @param test test set (the baseline uses the last 2,000 digits)
     * @param batchSize B, in [1, N]
     * @param epochs timed epochs, at least 1
     * @return the measurement
     */
    public static Result measure(Dataset train, Dataset test, int batchSize, int epochs) {
        return measure(ShallowNetTrainer.create(), train, test,
                SgdSettings.defaults().withBatchSize(batchSize), epochs);
    }

    /**
     * Runs the benchmark with the given trainer and settings; the settings' budget is replaced
     * by one warm-up epoch plus {@code epochs} timed epochs.
     *
     * @param trainer the trainer (its thread count)
     * @param train training set
     * @param test test set
     * @param settings hyper-parameters; the budget is ignored
     * @param epochs timed epochs, at least 1
     * @return the measurement
     */
    public static Result measure(ShallowNetTrainer trainer, Dataset train, Dataset test,
            SgdSettings settings, int epochs) {
        return measure(trainer, train, test, settings, epochs, trained -> { });
    }

    /**
     * {@link #measure(ShallowNetTrainer, Dataset, Dataset, SgdSettings, int)} that also hands
     * the finished training (after the warm-up and the timed epochs: its parameters, learning
     * curve) to {@code trained}, after the clock has stopped.
     *
     * <pre>{@code
     * ThroughputBenchmark.measure(trainer, train, test, settings, 3,
     *         trained -> Npy.write(file, trained.parameters()));
     * }</pre>
     *
     * @param trainer the trainer (its thread count)
     * @param train training set
     * @param test test set
     * @param settings hyper-parameters; the budget is ignored
     * @param epochs timed epochs, at least 1
     * @param trained receives the training's result
     * @return the measurement
     */
    public static Result measure(ShallowNetTrainer trainer, Dataset train, Dataset test,
            SgdSettings settings, int epochs, Consumer<? super SgdResult> trained) {
        if (trainer == null || settings == null || trained == null) {
            throw new IllegalArgumentException("trainer, settings and trained must not be null");
        }
        if (epochs < 1 || epochs == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("epochs must be in [1, " + (Integer.MAX_VALUE - 1)
                    + "], got " + epochs);
        }
        double[] warmUpEnd = {Double.NaN};
        TrainingListener clock = new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics metrics) {
                if (metrics.epoch() == 1) {
                    warmUpEnd[0] = metrics.seconds();
                }
            }
        };
        SgdResult result = trainer.train(train, test, settings.withEpochs(epochs + 1),
                clock);
        trained.accept(result);
        return new Result("java", settings.batchSize(), trainer.hiddenUnits(), train.size(),
                epochs, result.seconds() - warmUpEnd[0], result.testAccuracy());
    }

    /**
     * One throughput measurement; {@link #toJson()} prints it with the keys of
     * {@code mlp_baseline.py}.
     *
     * <pre>{@code
     * String line = ThroughputBenchmark.measure(train, test, 16, 3).toJson();
     * }</pre>
     *
     * @param engine the implementation measured ({@code "java"})
     * @param batch B
     * @param hidden H
     * @param n N, the training-set size
     * @param epochs timed epochs
     * @param seconds wall-clock seconds of the timed epochs
     * @param testAccuracy test accuracy after the warm-up and the timed epochs
     */
    public record Result(String engine, int batch, int hidden, int n, int epochs, double seconds,
            double testAccuracy) {

        /** Returns the throughput, N epochs / seconds. */
        public double examplesPerSecond() {
            return (double) n * epochs / seconds;
        }

        /**
         * Returns one JSON line with the keys {@code engine, batch, hidden, n, epochs,
         * examples_per_s, seconds, test_accuracy}, rounded as the reference script rounds.
         */
        public String toJson() {
            return "{\"engine\": \"" + engine + "\", \"batch\": " + batch + ", \"hidden\": "
                    + hidden + ", \"n\": " + n + ", \"epochs\": " + epochs
                    + ", \"examples_per_s\": " + decimal(examplesPerSecond(), 1)
                    + ", \"seconds\": " + decimal(seconds, 3)
                    + ", \"test_accuracy\": " + decimal(testAccuracy, 6) + "}";
        }

        private static String decimal(double value, int places) {
            if (!Double.isFinite(value)) {
                return "NaN";
            }
            String s = BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_EVEN)
                    .stripTrailingZeros().toPlainString();
            return s.contains(".") ? s : s + ".0";
        }
    }
}
