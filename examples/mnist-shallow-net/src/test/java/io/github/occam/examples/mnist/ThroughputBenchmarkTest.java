package io.github.occam.examples.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.data.Dataset;
import io.github.occam.sgd.SgdResult;
import io.github.occam.sgd.SgdSettings;
import io.github.occam.sgd.ShallowNetTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The benchmark's JSON line has the reference script's keys and consistent figures. */
class ThroughputBenchmarkTest {

    /** Gaussian blobs: class c centred at 3 e_c, unit noise, half the other features 0. */
    private static Dataset blobs(int size, int d, int n, long seed) {
        java.util.Random random = new java.util.Random(seed);
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

    @Test
    void jsonLineHasTheBaselineKeysInOrder() {
        ThroughputBenchmark.Result r = new ThroughputBenchmark.Result("java", 16, 800, 1000, 3,
                0.123456, 0.85);
        assertThat(r.toJson()).isEqualTo("{\"engine\": \"java\", \"batch\": 16, \"hidden\": 800,"
                + " \"n\": 1000, \"epochs\": 3, \"examples_per_s\": 24300.2, \"seconds\": 0.123,"
                + " \"test_accuracy\": 0.85}");
        assertThat(new ThroughputBenchmark.Result("java", 1, 8, 10, 1, 0.5, 1.0).toJson())
                .contains("\"examples_per_s\": 20.0").contains("\"test_accuracy\": 1.0");
    }

    @Test
    void measuresTheTimedEpochsAfterOneWarmUp() {
        Dataset train = blobs(50, 30, 4, 1);
        Dataset test = blobs(40, 30, 4, 2);
        SgdSettings settings = SgdSettings.defaults().withBatchSize(5);
        ThroughputBenchmark.Result r = ThroughputBenchmark.measure(ShallowNetTrainer.create().withHiddenUnits(16),
                train, test, settings, 2);
        assertThat(r.engine()).isEqualTo("java");
        assertThat(r.batch()).isEqualTo(5);
        assertThat(r.n()).isEqualTo(50);
        assertThat(r.epochs()).isEqualTo(2);
        assertThat(r.seconds()).isPositive();
        assertThat(r.examplesPerSecond()).isCloseTo(100 / r.seconds(), within(1e-9));
        // three epochs in all: the same test accuracy as a plain three-epoch run
        SgdResult plain = ShallowNetTrainer.create().withHiddenUnits(16).train(train, test,
                settings.withEpochs(3));
        assertThat(r.testAccuracy()).isEqualTo(plain.testAccuracy());
        Matcher m = Pattern.compile("\"examples_per_s\": ([0-9.]+)").matcher(r.toJson());
        assertThat(m.find()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isCloseTo(r.examplesPerSecond(), within(0.06));
        assertThatThrownBy(() -> ThroughputBenchmark.measure(train, test, 5, 0))
                .hasMessageContaining("epochs").hasMessageContaining("0");
    }

    @Test
    void handsOverTheFinishedTrainingOfWarmUpAndTimedEpochs() {
        Dataset train = blobs(50, 30, 4, 1);
        Dataset test = blobs(40, 30, 4, 2);
        SgdSettings settings = SgdSettings.defaults().withBatchSize(5);
        List<SgdResult> handed = new ArrayList<>();
        ThroughputBenchmark.Result r = ThroughputBenchmark.measure(ShallowNetTrainer.create().withHiddenUnits(16),
                train, test, settings, 2, handed::add);
        assertThat(handed).hasSize(1);
        SgdResult plain = ShallowNetTrainer.create().withHiddenUnits(16).train(train, test,
                settings.withEpochs(3));
        assertThat(handed.get(0).parameters()).containsExactly(plain.parameters());
        assertThat(handed.get(0).testAccuracy()).isEqualTo(r.testAccuracy());
        assertThatThrownBy(() -> ThroughputBenchmark.measure(ShallowNetTrainer.create().withHiddenUnits(16), train,
                test, settings, 0, handed::add)).hasMessageContaining("epochs");
        assertThat(handed).hasSize(1);
    }
}
