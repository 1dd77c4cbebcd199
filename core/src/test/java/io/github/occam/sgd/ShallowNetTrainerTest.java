package io.github.occam.sgd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.occam.data.Dataset;
import io.github.occam.models.ShallowNetwork;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Training runs: budgets, schedules, listener order, determinism, a learnable problem. */
class ShallowNetTrainerTest {

    private static final Dataset TRAIN = Blobs.of(60, 20, 3, 21);
    private static final Dataset TEST = Blobs.of(90, 20, 3, 22);
    /** The 20-24-3 network of these tests. */
    private static final ShallowNetTrainer TRAINER = ShallowNetTrainer.create().withHiddenUnits(24);
    private static final SgdSettings SMALL = SgdSettings.defaults()
            .withBatchSize(7).withLearningRate(0.05).withEpochs(3).withSeed(9);

    @Test
    void learnsSeparableBlobs() {
        SgdSettings settings = SMALL.withEpochs(30).withLearningRate(0.02).withBatchSize(10);
        SgdResult result = TRAINER.train(TRAIN, TEST, settings);
        assertThat(result.trainAccuracy()).isGreaterThan(0.95);
        assertThat(result.testAccuracy()).isGreaterThan(0.85);
        assertThat(result.trainCrossEntropy()).isLessThan(0.3 * Math.log(3));
        assertThat(result.epochs()).isEqualTo(30.0);
        assertThat(result.updates()).isEqualTo(30L * 6);
    }

    @Test
    void trainedParametersGoToShallowNetworkUnchanged() {
        // A few updates (N = 60, B = 7: 27 in three epochs), then the evidence's model takes over.
        SgdResult result = TRAINER.train(TRAIN, TEST, SMALL);
        double[] w = result.parameters();
        ShallowNetwork train = Blobs.network(TRAIN, 24);
        ShallowNetwork test = Blobs.network(TEST, 24);
        assertThat(w).hasSize(train.parameterCount());
        assertThat(train.crossEntropy(w) / TRAIN.size()).isCloseTo(result.trainCrossEntropy(),
                within(1e-5 * result.trainCrossEntropy()));
        assertThat(test.crossEntropy(w) / TEST.size()).isCloseTo(result.testCrossEntropy(),
                within(1e-5 * result.testCrossEntropy()));
        assertThat(result.trainAccuracy()).isEqualTo(train.accuracy(w));
        assertThat(result.testAccuracy()).isEqualTo(test.accuracy(w));
        assertThat(w).hasSize(train.shape().parameterCount());
        // the learning curve of the float trainer, as SgdTrainer's: one entry per epoch
        assertThat(result.curve()).hasSize(3);
        assertThat(result.curve().get(2).updates()).isEqualTo(result.updates());
    }

    @Test
    void sameSeedSameParametersWithOneAndTwoThreads() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs two cores");
        // N = 150, B = 70: two batches on both threads, then one of 10 on the calling thread.
        Dataset train = Blobs.of(150, 20, 3, 23);
        SgdSettings settings = SMALL.withBatchSize(70).withLambda(0.5);
        ShallowNetTrainer wider = TRAINER.withHiddenUnits(40);
        SgdResult one = wider.withThreads(1).train(train, TEST, settings);
        SgdResult two = wider.withThreads(2).train(train, TEST, settings);
        assertThat(two.parameters()).containsExactly(one.parameters());
        assertThat(two.testCrossEntropy()).isEqualTo(one.testCrossEntropy());
        SgdResult other = wider.withThreads(1)
                .train(train, TEST, settings.withSeed(10));
        assertThat(other.parameters()).isNotEqualTo(one.parameters());
    }

    @Test
    void budgetInUpdatesCountsBatchesAndMayStopMidEpoch() {
        // N = 60, B = 7: 9 batches per epoch, the last one of 4 examples.
        SgdTesting.Recorder recorder = new SgdTesting.Recorder(false);
        SgdResult byUpdates = TRAINER
                .train(TRAIN, TEST, SMALL.withUpdates(12), recorder);
        assertThat(byUpdates.updates()).isEqualTo(12);
        assertThat(byUpdates.epochs()).isCloseTo((60 + 3 * 7) / 60.0, within(1e-12));
        assertThat(recorder.epochs).hasSize(2);
        assertThat(recorder.epochs.get(0).complete()).isTrue();
        assertThat(recorder.epochs.get(0).updates()).isEqualTo(9);
        assertThat(recorder.epochs.get(1).complete()).isFalse();
        assertThat(recorder.epochs.get(1).updates()).isEqualTo(12);

        SgdResult twoEpochs = TRAINER.train(TRAIN, TEST,
                SMALL.withEpochs(2));
        SgdResult eighteenUpdates = TRAINER.train(TRAIN, TEST,
                SMALL.withUpdates(18));
        assertThat(twoEpochs.updates()).isEqualTo(18);
        assertThat(eighteenUpdates.epochs()).isEqualTo(2.0);
        assertThat(eighteenUpdates.parameters()).containsExactly(twoEpochs.parameters());
    }

    @Test
    void scheduleSwitchesLearningRateAndBatchSizeAtItsEpochs() {
        SgdSettings settings = SMALL.withSchedule(SgdTesting.schedule(60, 0.9, 4,
                new double[] {0, 0.05, 7}, new double[] {1, 0.01, 20}, new double[] {3, 0.002, 60}));
        SgdTesting.Recorder recorder = new SgdTesting.Recorder(false);
        SgdResult result = TRAINER.train(TRAIN, TEST, settings, recorder);
        assertThat(recorder.epochs).extracting(EpochMetrics::batchSize)
                .containsExactly(7, 20, 20, 60);
        assertThat(recorder.epochs).extracting(EpochMetrics::learningRate)
                .containsExactly(0.05, 0.01, 0.01, 0.002);
        assertThat(recorder.epochs).extracting(EpochMetrics::updates)
                .containsExactly(9L, 12L, 15L, 16L);
        assertThat(result.updates()).isEqualTo(16);

        // A schedule that repeats the base values changes nothing.
        SgdResult plain = TRAINER.train(TRAIN, TEST, SMALL);
        SgdResult same = TRAINER.train(TRAIN, TEST,
                SMALL.withSchedule(SgdTesting.schedule(60, 0.9, 3, new double[] {0, 0.05, 7},
                        new double[] {1, 0.05, 7})));
        assertThat(same.parameters()).containsExactly(plain.parameters());
        // A real switch changes the run from that epoch on.
        SgdResult switched = TRAINER.train(TRAIN, TEST,
                SMALL.withSchedule(SgdTesting.schedule(60, 0.9, 3, new double[] {0, 0.05, 7},
                        new double[] {2, 0.05, 8})));
        assertThat(switched.parameters()).isNotEqualTo(plain.parameters());
    }

    @Test
    void listenerIsCalledInTheDocumentedOrder() {
        SgdTesting.Recorder recorder = new SgdTesting.Recorder(true);
        SgdResult result = TRAINER
                .train(TRAIN, TEST, SMALL.withEpochs(2).withBatchSize(30), recorder);
        assertThat(recorder.calls).containsExactly("wants", "update 1", "update 2", "epoch 1",
                "update 3", "update 4", "epoch 2");
        EpochMetrics last = recorder.epochs.get(1);
        assertThat(last.testAccuracy()).isEqualTo(result.testAccuracy());
        assertThat(last.testCrossEntropy()).isEqualTo(result.testCrossEntropy());
        assertThat(last.trainCrossEntropy()).isFinite().isPositive();
        assertThat(last.seconds()).isPositive();

        SgdTesting.Recorder quiet = new SgdTesting.Recorder(false);
        TRAINER.train(TRAIN, TEST, SMALL.withEpochs(1), quiet);
        assertThat(quiet.epochs.get(0).testAccuracy()).isNaN();
    }

    @Test
    void firstEpochTrainLossIsTheMeanOverItsBatches() {
        // One batch of all N examples: the epoch's train loss is the loss at the initial point.
        SgdTesting.Recorder recorder = new SgdTesting.Recorder(false);
        SgdSettings settings = SMALL.withBatchSize(60).withEpochs(1);
        SgdResult result = TRAINER.train(TRAIN, TEST, settings, recorder);
        // The initial parameters, drawn as the trainer draws them: the shape's, rounded to float.
        ShallowNetwork net = Blobs.network(TRAIN, 24);
        double[] start = net.shape().initialParameters(settings.seed());
        for (int k = 0; k < start.length; k++) {
            start[k] = (float) start[k];
        }
        double loss = net.crossEntropy(start) / TRAIN.size();
        assertThat(recorder.epochs.get(0).trainCrossEntropy()).isCloseTo(loss, within(1e-5));
        assertThat(result.updates()).isEqualTo(1);
    }

    @Test
    void rejectsBadInputNamingTheValue() {
        ShallowNetTrainer trainer = TRAINER;
        assertThatThrownBy(() -> trainer.train(TRAIN, TEST, SMALL.withBatchSize(61)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batchSize").hasMessageContaining("61");
        assertThatThrownBy(() -> trainer.train(TRAIN, TEST,
                SMALL.withSchedule(SgdTesting.schedule(60, 0.9, 3, new double[] {0, 0.05, 7},
                        new double[] {1, 0.1, 100}))))
                .hasMessageContaining("batchSize").hasMessageContaining("100");
        Dataset wide = Blobs.of(10, 21, 3, 1);
        assertThatThrownBy(() -> trainer.train(TRAIN, wide, SMALL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("21");
        assertThatThrownBy(() -> trainer.train(TRAIN, TEST, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> trainer.withThreads(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
    }
}
