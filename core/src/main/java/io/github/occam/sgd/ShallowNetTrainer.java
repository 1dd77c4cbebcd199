package io.github.occam.sgd;

import io.github.occam.data.Dataset;
import io.github.occam.models.ShallowNetShape;
import java.util.Random;

/**
 * Trains the shallow network d-H-n (ReLU hidden layer, softmax cross-entropy, biases in both
 * layers) with SGD and momentum in float32, the training loop of the paper's batch-size study.
 *
 * <p>Each epoch draws a fresh seeded permutation of the N training examples and cuts it into
 * batches of B in order; the last batch of an epoch holds the remaining {@code N mod B} examples
 * when B does not divide N (as the reference scripts do). Each batch makes one update
 * {@code v <- m v + g; w <- w - eps v} with {@code g} the batch mean of
 * {@code dC_i/dw}, {@code C_i = H_i + lambda |w|^2 / (2N)} (Smith &amp; Le, eq. 3-5).
 * Parameters start from a seeded He-normal draw (W1 from N(0, 2/d), W2 from N(0, 2/H), biases 0),
 * the draw of {@link ShallowNetShape#initialParameters(long)} rounded to float; the batch order
 * uses its own generator derived from the same seed.
 *
 * <p>The same settings and seed give bit-identical results whatever the thread count: every
 * parallel task owns a fixed block of hidden units, and every sum is taken in a fixed order.
 * The trainer is immutable and may be shared; each {@code train} call starts and stops its own
 * worker threads.
 *
 * <pre>{@code
 * ShallowNetTrainer trainer = ShallowNetTrainer.create().withThreads(1);  // one run per core
 * TrainingResult result = trainer.train(train, test,
 *         SgdSettings.defaults().withBatchSize(64).withLearningRate(0.1).withEpochs(100));
 * }</pre>
 */
public final class ShallowNetTrainer {

    /** Examples per forward pass when evaluating. */
    private static final int EVALUATION_BATCH = 500;

    private final int threads;

    private ShallowNetTrainer(int threads) {
        this.threads = threads;
    }

    /** Returns a trainer that uses every available core. */
    public static ShallowNetTrainer create() {
        return new ShallowNetTrainer(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Returns a trainer that uses {@code threads} threads; the results are the same for every
     * thread count.
     *
     * @param threads at least 1, at most the number of available processors
     */
    public ShallowNetTrainer withThreads(int threads) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads < 1 || threads > cores) {
            throw new IllegalArgumentException("threads must be in [1, " + cores + "], got "
                    + threads);
        }
        return new ShallowNetTrainer(threads);
    }

    /** Returns the number of threads a run uses. */
    public int threads() {
        return threads;
    }

    /**
     * Trains without a listener; see
     * {@link #train(Dataset, Dataset, SgdSettings, TrainingListener)}.
     */
    public TrainingResult train(Dataset train, Dataset test, SgdSettings settings) {
        return train(train, test, settings, TrainingListener.NONE);
    }

    /**
     * Trains a fresh network on {@code train} and evaluates it on both sets.
     *
     * @param train training set, N examples; its class count fixes the output layer
     * @param test held-out set with the same feature and class counts
     * @param settings hyper-parameters; every batch size must be at most N
     * @param listener receives progress and per-epoch metrics (see {@link TrainingListener})
     * @return final accuracies, cross-entropies, work done and parameters
     * @throws IllegalArgumentException if an argument is null, the sets do not match or a batch
     *     size exceeds N
     */
    public TrainingResult train(Dataset train, Dataset test, SgdSettings settings,
            TrainingListener listener) {
        if (train == null || test == null || settings == null || listener == null) {
            throw new IllegalArgumentException("train, test, settings and listener must not be"
                    + " null");
        }
        if (test.featureCount() != train.featureCount()
                || test.classCount() != train.classCount()) {
            throw new IllegalArgumentException("test set has " + test.featureCount()
                    + " features and " + test.classCount() + " classes, training set has "
                    + train.featureCount() + " and " + train.classCount());
        }
        int size = train.size();
        if (size < 1) {
            throw new IllegalArgumentException("training set must not be empty");
        }
        checkBatch("batchSize", settings.batchSize(), size);
        for (SgdSettings.Phase phase : settings.schedule()) {
            checkBatch("schedule batchSize", phase.batchSize(), size);
        }
        SparseRows trainRows = SparseRows.of(train);
        SparseRows testRows = SparseRows.of(test);
        boolean testEachEpoch = listener.wantsTestMetrics();
        int capacity = Math.max(settings.maxBatchSize(), Math.min(EVALUATION_BATCH,
                Math.max(size, test.size())));
        try (Workers workers = new Workers(threads)) {
            FloatShallowNet net = new FloatShallowNet(new ShallowNetShape(train.featureCount(),
                    settings.hiddenUnits(), train.classCount()), capacity,
                    trainRows.maxNonZero(settings.maxBatchSize()), workers);
            net.initialize(settings.seed());
            Random shuffle = new Random(settings.seed() ^ 0x5DEECE66DL);
            int[] order = new int[size];
            float decay = (float) (settings.lambda() / size);
            float momentum = (float) settings.momentum();
            SgdSettings.Budget budget = settings.budget();
            boolean byEpochs = budget.unit() == SgdSettings.Budget.Unit.EPOCHS;
            long updates = 0;
            long examples = 0;
            double trainingNanos = 0;
            for (int epoch = 0; byEpochs ? epoch < budget.amount() : updates < budget.amount();
                    epoch++) {
                long t0 = System.nanoTime();
                permute(order, shuffle);
                double learningRate = settings.learningRateAt(epoch);
                float eps = (float) learningRate;
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
                    lossSum += net.step(trainRows, order, from, count, eps, momentum, decay);
                    seen += count;
                    updates++;
                    listener.onUpdate(updates);
                }
                examples += seen;
                trainingNanos += System.nanoTime() - t0;
                double testAccuracy = Double.NaN;
                double testLoss = Double.NaN;
                if (testEachEpoch) {
                    double[] eval = net.evaluate(testRows);
                    testAccuracy = eval[0] / test.size();
                    testLoss = eval[1] / test.size();
                }
                listener.onEpoch(new EpochMetrics(epoch + 1, complete, updates, learningRate,
                        batchSize, lossSum / seen, testAccuracy, testLoss, trainingNanos * 1e-9));
            }
            double[] trainEval = net.evaluate(trainRows);
            double[] testEval = net.evaluate(testRows);
            return new TrainingResult(trainEval[0] / size, testEval[0] / test.size(),
                    trainEval[1] / size, testEval[1] / test.size(), (double) examples / size,
                    updates, trainingNanos * 1e-9, settings.hiddenUnits(), net.parameters());
        }
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

    private static void checkBatch(String name, int batchSize, int size) {
        if (batchSize < 1 || batchSize > size) {
            throw new IllegalArgumentException(name + " must be in [1, N = " + size + "], got "
                    + batchSize);
        }
    }
}
