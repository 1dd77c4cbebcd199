package io.github.occam.sgd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.data.Dataset;
import io.github.occam.models.LogisticRegression;
import io.github.occam.models.ShallowNetwork;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one training loop, driving the double engine on any model and the float engine alike. */
class SgdTrainerTest {

    @Test
    void trainsAModelWithTheBudgetBatchesAndCurveOfTheSettings() {
        // N = 40, B = 7: six updates per epoch, the last of 5 examples.
        LogisticRegression model = SgdTesting.logistic(40, 1);
        SgdSettings settings = SgdSettings.defaults().withBatchSize(7).withLearningRate(0.05)
                .withLambda(0.5).withUpdates(15).withSeed(2);
        SgdTesting.Recorder listener = new SgdTesting.Recorder(true);
        double[] start = new double[model.parameterCount()];
        SgdResult result = SgdTrainer.train(model, start, settings, listener);
        assertThat(result.updates()).isEqualTo(15);
        assertThat(result.epochs()).isCloseTo((40 + 40 + 3 * 7) / 40.0, within(1e-12));
        assertThat(result.curve()).extracting(EpochMetrics::updates).containsExactly(6L, 12L, 15L);
        assertThat(result.curve()).extracting(EpochMetrics::complete)
                .containsExactly(true, true, false);
        assertThat(result.epochLosses()).hasSize(3);
        assertThat(result.epochLosses()[0]).isLessThan(Math.log(2)).isPositive();
        assertThat(listener.calls).startsWith("wants", "update 1").contains("epoch 1", "epoch 3")
                .hasSize(1 + 15 + 3);
        assertThat(listener.epochs).extracting(EpochMetrics::testAccuracy)
                .containsOnly(Double.NaN);
        assertThat(listener.epochs).extracting(EpochMetrics::testCrossEntropy)
                .containsOnly(Double.NaN);
        double[] w = result.parameters();
        assertThat(result.trainCrossEntropy()).isEqualTo(model.crossEntropy(w) / 40);
        assertThat(result.trainAccuracy()).isEqualTo(model.accuracy(w));
        assertThat(start).containsOnly(0.0);
    }

    @Test
    void scheduleChangesLearningRateAndBatchSize() {
        LogisticRegression model = SgdTesting.logistic(30, 3);
        SgdSettings settings = SgdSettings.defaults().withBatchSize(10).withLearningRate(0.1)
                .withSchedule(SgdTesting.schedule(30, 0.9, 3, new double[] {0, 0.1, 10},
                        new double[] {1, 0.02, 30}));
        SgdResult result = SgdTrainer.train(model, new double[4], settings);
        assertThat(result.curve()).extracting(EpochMetrics::batchSize).containsExactly(10, 30, 30);
        assertThat(result.curve()).extracting(EpochMetrics::learningRate)
                .containsExactly(0.1, 0.02, 0.02);
        assertThat(result.updates()).isEqualTo(5);
    }

    @Test
    void theFloatAndDoubleEnginesSeeTheSameBatches() {
        // Same settings and seed through ShallowNetTrainer (float32) and SgdTrainer on
        // ShallowNetwork (double): the same permutations, so the runs differ by rounding only.
        Dataset train = Blobs.of(60, 15, 3, 31);
        SgdSettings settings = SgdSettings.defaults().withBatchSize(16)
                .withLearningRate(0.05).withLambda(0.3).withEpochs(2).withSeed(4);
        SgdResult single = ShallowNetTrainer.create().withHiddenUnits(10).withThreads(1).train(train, train,
                settings);
        ShallowNetwork net = Blobs.network(train, 10);
        double[] start = net.shape().initialParameters(settings.seed());
        for (int k = 0; k < start.length; k++) {
            start[k] = (float) start[k];
        }
        SgdResult dual = SgdTrainer.train(net, start, settings);
        assertThat(dual.updates()).isEqualTo(single.updates()).isEqualTo(8);
        assertThat(SgdTesting.relativeError(single.parameters(), dual.parameters()))
                .isLessThan(1e-5);
        assertThat(single.trainCrossEntropy()).isCloseTo(dual.trainCrossEntropy(),
                within(1e-5 * dual.trainCrossEntropy()));
        // A different batch order would move the parameters much further apart.
        SgdResult reshuffled = SgdTrainer.train(net, start, settings.withSeed(5));
        assertThat(SgdTesting.relativeError(reshuffled.parameters(), dual.parameters()))
                .isGreaterThan(1e-3);
    }

    @Test
    void aRunThatDivergesStopsAndSaysWhere() {
        // A learning rate far beyond the stability edge: the iterates grow until the loss is no
        // longer finite; training stops at that update and says so, in float32 and in double.
        LogisticRegression model = SgdTesting.logistic(40, 7);
        Dataset train = Blobs.of(60, 15, 3, 31);
        SgdSettings wild = SgdSettings.defaults().withBatchSize(4)
                .withLearningRate(1e6).withMomentum(0.99).withEpochs(50).withSeed(4);
        SgdResult net = ShallowNetTrainer.create().withHiddenUnits(10).withThreads(1).train(train, train, wild);
        assertThat(net.diverged()).isTrue();
        assertThat(net.updates()).isEqualTo(net.divergedAtUpdate()).isLessThan(50 * 15);
        assertThat(Double.isFinite(net.trainCrossEntropy())).isFalse();

        ShallowNetwork double64 = Blobs.network(train, 10);
        SgdResult dual = SgdTrainer.train(double64, double64.shape().initialParameters(4), wild);
        assertThat(dual.diverged()).isTrue();
        assertThat(dual.updates()).isEqualTo(dual.divergedAtUpdate());
        assertThat(dual.curve()).allSatisfy(epoch -> assertThat(epoch.trainCrossEntropy())
                .satisfiesAnyOf(x -> assertThat(x).isFinite(), x -> assertThat(x).isNaN()));
        assertThat(dual.curve().get(dual.curve().size() - 1).complete()).isFalse();

        SgdResult calm = SgdTrainer.train(model, new double[model.parameterCount()],
                SgdSettings.defaults().withBatchSize(8).withLearningRate(0.01).withEpochs(3));
        assertThat(calm.diverged()).isFalse();
        assertThat(calm.divergedAtUpdate()).isZero();
    }

    @Test
    void resultComparesByValueAndCopiesItsParameters() {
        LogisticRegression model = SgdTesting.logistic(20, 5);
        SgdSettings settings = SgdSettings.defaults().withBatchSize(5).withEpochs(1);
        SgdResult result = SgdTrainer.train(model, new double[4], settings);
        SgdResult copy = new SgdResult(result.parameters(), result.trainCrossEntropy(),
                result.trainAccuracy(), Double.NaN, Double.NaN, result.curve(), result.epochs(),
                result.updates(), result.seconds(), 0L);
        assertThat(copy).isEqualTo(result).hasSameHashCodeAs(result);
        // no test set here: the test figures say so
        assertThat(result.testCrossEntropy()).isNaN();
        assertThat(result.testAccuracy()).isNaN();
        result.parameters()[0] = 99;
        assertThat(result.parameters()[0]).isNotEqualTo(99);
        assertThat(result.toString()).contains("<4 values>").contains("<1 epochs>");
    }

    @Test
    void rejectsBadArgumentsNamingTheValue() {
        LogisticRegression model = SgdTesting.logistic(20, 6);
        SgdSettings settings = SgdSettings.defaults().withBatchSize(5);
        double[] start = new double[4];
        assertThatThrownBy(() -> SgdTrainer.train(model, start, settings.withBatchSize(21)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchSize")
                .hasMessageContaining("21");
        assertThatThrownBy(() -> SgdTrainer.train(model, start,
                settings.withSchedule(SgdTesting.schedule(20, 0.9, 3, new double[] {0, 0.1, 5},
                        new double[] {1, 0.1, 40}))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("40");
        assertThatThrownBy(() -> SgdTrainer.train(model, start,
                settings.withSchedule(SgdTesting.schedule(30, 0.9, 3, new double[] {0, 0.1, 5}))))
                .hasMessage("the schedule was planned for N = 30 (its noise scale), the training set"
                        + " has N = 20");
        assertThatThrownBy(() -> SgdTrainer.train(model, new double[5], settings))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start")
                .hasMessageContaining("5");
        assertThatThrownBy(() -> SgdTrainer.train(model, new double[] {0, Double.NaN, 0, 0},
                settings)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("start[1]");
        assertThatThrownBy(() -> SgdTrainer.train((ShallowNetwork) null, start, settings))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model");
        assertThatThrownBy(() -> SgdTrainer.train(model, start, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("settings");
        assertThatThrownBy(() -> SgdTrainer.train(model, start, settings, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listener");
    }
}
