package io.github.occam.sgd;

import io.github.occam.Model;
import io.github.occam.internal.Checks;
import io.github.occam.noise.SgdSchedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The SGD training loop over an {@link SgdEngine}: trains any {@link Model} from a start point in
 * double precision, and is the loop {@link ShallowNetTrainer} runs its float32 engine in.
 *
 * <p>Each epoch draws a fresh seeded permutation of the N training examples and cuts it into
 * batches of B in order; the last batch of an epoch holds the remaining {@code N mod B} examples
 * when B does not divide N (as the reference scripts do). Each batch makes one update
 * {@code v <- m v + g; w <- w - eps v} with {@code g} the batch mean of {@code dC_i/dw},
 * {@code C_i = H_i + lambda |w|^2 / (2N)} (Smith &amp; Le, eq. 3-5). The run follows
 * {@link SgdSettings}: its budget in epochs or updates, its schedule of learning rates and batch
 * sizes, its momentum, lambda and seed (the batch order's generator is derived from the seed).
 * The listener is called as {@link TrainingListener} documents; with no test set here, the test
 * metrics of {@link EpochMetrics} are NaN.
 *
 * <pre>{@code
 * Model model = LogisticRegression.of(features, labels, true);
 * SgdSettings settings = SgdSettings.defaults().withBatchSize(20).withLearningRate(0.01)
 *         .withLambda(0.1).withEpochs(50).withSeed(3);
 * SgdResult result = SgdTrainer.train(model, new double[model.parameterCount()], settings);
 * double[] w = result.parameters();                  // where SGD stopped
 * double lastEpoch = result.curve().get(49).trainCrossEntropy();
 * }</pre>
 */
public final class SgdTrainer {

    private SgdTrainer() {
    }

    /**
     * Trains {@code model} from {@code start} without a listener; see
     * {@link #train(SgdEngine, double[], SgdSettings, TrainingListener)}.
     *
     * @param model the model, N examples
     * @param start the initial parameters, length P, finite (not modified)
     * @param settings batch sizes (at most N), learning rates, momentum, lambda, budget and seed
     * @return the final parameters and the learning curve
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public static SgdResult train(Model model, double[] start, SgdSettings settings) {
        return train(model, start, settings, TrainingListener.NONE);
    }

    /**
     * Trains {@code model} from {@code start} with the double-precision engine
     * {@link SgdEngine#of(Model)}; see
     * {@link #train(SgdEngine, double[], SgdSettings, TrainingListener)}.
     *
     * <pre>{@code
     * SgdResult result = SgdTrainer.train(model, start, settings, listener);
     * }</pre>
     *
     * @param model the model, N examples
     * @param start the initial parameters, length P, finite (not modified)
     * @param settings batch sizes (at most N), learning rates, momentum, lambda, budget and seed
     * @param listener receives progress and per-epoch metrics
     * @return the final parameters and the learning curve
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public static SgdResult train(Model model, double[] start, SgdSettings settings,
            TrainingListener listener) {
        return train(SgdEngine.of(Checks.notNull("model", model)), start, settings, listener);
    }

    /**
     * Drives {@code engine} through one run: {@code initialize(start, settings.lambda())}, one
     * {@code step} per batch as described above, then {@code evaluate()} and
     * {@code parameters()}.
     *
     * <pre>{@code
     * SgdResult result = SgdTrainer.train(SgdEngine.of(model), start, settings,
     *         TrainingListener.NONE);
     * }</pre>
     *
     * @param engine the engine; its training set has N examples
     * @param start the initial parameters, length P, finite (not modified)
     * @param settings batch sizes (at most N), learning rates, momentum, lambda, budget and seed
     * @param listener receives progress and per-epoch metrics
     * @return the final parameters, their training-set figures and the learning curve
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public static SgdResult train(SgdEngine engine, double[] start, SgdSettings settings,
            TrainingListener listener) {
        Checks.notNull("engine", engine);
        Checks.notNull("settings", settings);
        Checks.notNull("listener", listener);
        Checks.finiteVector("start", start, engine.parameterCount());
        checkBatchSizes(settings, engine.exampleCount());
        Run run = run(engine, start, settings, listener, null);
        SgdEngine.Evaluation train = engine.evaluate();
        return run.result(engine, train, null);
    }

    /**
     * Checks every batch size of {@code settings} against N.
     *
     * @throws IllegalArgumentException naming the batch size outside [1, N]
     */
    static void checkBatchSizes(SgdSettings settings, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("training set must not be empty");
        }
        checkBatch("batchSize", settings.batchSize(), size);
        if (settings.schedule() != null) {
            int planned = settings.schedule().phases().get(0).settings().trainingSetSize();
            if (planned != size) {
                throw new IllegalArgumentException("the schedule was planned for N = " + planned
                        + " (its noise scale), the training set has N = " + size);
            }
            for (SgdSchedule.Phase phase : settings.schedule().phases()) {
                checkBatch("schedule batchSize", phase.settings().batchSize(), size);
            }
        }
    }

    private static void checkBatch(String name, int batchSize, int size) {
        if (batchSize < 1 || batchSize > size) {
            throw new IllegalArgumentException(name + " must be in [1, N = " + size + "], got "
                    + batchSize);
        }
    }

    /**
     * What a run did: the updates, the epochs (examples processed / N), the training seconds
     * (without evaluations) and the metrics of each epoch.
     */
    record Run(long updates, double epochs, double seconds, List<EpochMetrics> curve,
            long divergedAt) {

        /** The result of the run: the engine's parameters, its figures on both sets. */
        SgdResult result(SgdEngine engine, SgdEngine.Evaluation train, SgdEngine.Evaluation test) {
            return new SgdResult(engine.parameters(), train.meanCrossEntropy(), train.accuracy(),
                    test == null ? Double.NaN : test.meanCrossEntropy(),
                    test == null ? Double.NaN : test.accuracy(), curve, epochs, updates, seconds,
                    divergedAt);
        }
    }

    /**
     * The loop itself, on checked arguments: initializes {@code engine} at {@code start}, trains
     * within the budget and calls the listener. {@code test}, if not null, evaluates the current
     * parameters on a test set, after an epoch, when the listener wants test metrics.
     */
    static Run run(SgdEngine engine, double[] start, SgdSettings settings,
            TrainingListener listener, Supplier<SgdEngine.Evaluation> test) {
        int size = engine.exampleCount();
        engine.initialize(start, settings.lambda());
        boolean testEachEpoch = listener.wantsTestMetrics() && test != null;
        Random shuffle = new Random(settings.seed() ^ 0x5DEECE66DL);
        int[] order = new int[size];
        double momentum = settings.momentum();
        SgdSettings.Budget budget = settings.budget();
        boolean byEpochs = budget.unit() == SgdSettings.Budget.Unit.EPOCHS;
        List<EpochMetrics> curve = new ArrayList<>();
        long updates = 0;
        long examples = 0;
        double trainingNanos = 0;
        long divergedAt = 0;
        for (int epoch = 0; divergedAt == 0
                && (byEpochs ? epoch < budget.amount() : updates < budget.amount()); epoch++) {
            long t0 = System.nanoTime();
            permute(order, shuffle);
            double learningRate = settings.learningRateAt(epoch);
            int batchSize = settings.batchSizeAt(epoch);
            double lossSum = 0.0;
            int seen = 0;
            boolean complete = true;
            for (int from = 0; from < size; from += batchSize) {
                if (!byEpochs && updates >= budget.amount()) {
                    complete = false;
                    break;
                }
                int count = Math.min(batchSize, size - from);
                double loss = engine.step(order, from, count, learningRate, momentum);
                updates++;
                if (!Double.isFinite(loss)) {   // diverged: stop, and say where
                    divergedAt = updates;
                    complete = false;
                    listener.onUpdate(updates);
                    break;
                }
                lossSum += loss;
                seen += count;
                listener.onUpdate(updates);
            }
            examples += seen;
            trainingNanos += System.nanoTime() - t0;
            double testAccuracy = Double.NaN;
            double testLoss = Double.NaN;
            if (testEachEpoch) {
                SgdEngine.Evaluation evaluation = test.get();
                testAccuracy = evaluation.accuracy();
                testLoss = evaluation.meanCrossEntropy();
            }
            EpochMetrics metrics = new EpochMetrics(epoch + 1, complete, updates, learningRate,
                    batchSize, seen == 0 ? Double.NaN : lossSum / seen, testAccuracy, testLoss,
                    trainingNanos * 1e-9);
            curve.add(metrics);
            listener.onEpoch(metrics);
        }
        return new Run(updates, (double) examples / size, trainingNanos * 1e-9, List.copyOf(curve),
                divergedAt);
    }

    /** Fills {@code order} with a uniformly random permutation of 0..N-1 (Fisher-Yates). */
    private static void permute(int[] order, Random random) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
    }
}
