package io.github.occam.sgd;

import io.github.occam.data.Dataset;
import io.github.occam.internal.SparseRows;
import io.github.occam.internal.Tasks;
import io.github.occam.models.ShallowNetShape;

/**
 * Trains the shallow network d-H-n (ReLU hidden layer, softmax cross-entropy, biases in both
 * layers) with SGD and momentum in float32, the training loop of the paper's batch-size study.
 *
 * <p>The loop is {@link SgdTrainer}'s: each epoch draws a fresh seeded permutation of the N
 * training examples and cuts it into batches of B in order, the last batch holding the remaining
 * {@code N mod B} examples; each batch makes one update {@code v <- m v + g; w <- w - eps v} with
 * {@code g} the batch mean of {@code dC_i/dw}, {@code C_i = H_i + lambda |w|^2 / (2N)}
 * (Smith &amp; Le, eq. 3-5). The engine is a float32 one with its own kernels for this network;
 * its parameters are those of {@link io.github.occam.models.ShallowNetwork} on the same data
 * (same layout, {@link ShallowNetShape}), so the evidence can take over where SGD stops.
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
 * ShallowNetTrainer trainer = ShallowNetTrainer.create().withHiddenUnits(800)
 *         .withThreads(1);                                               // one run per core
 * SgdResult result = trainer.train(train, test,
 *         SgdSettings.defaults().withBatchSize(64).withLearningRate(0.1).withEpochs(100));
 * }</pre>
 */
public final class ShallowNetTrainer {

    /** Examples per forward pass when evaluating. */
    private static final int EVALUATION_BATCH = 500;

    /** The hidden units of the paper's network, 784-800-10. */
    public static final int DEFAULT_HIDDEN_UNITS = 800;

    private final int threads;
    private final int hiddenUnits;

    private ShallowNetTrainer(int threads, int hiddenUnits) {
        this.threads = threads;
        this.hiddenUnits = hiddenUnits;
    }

    /**
     * Returns a trainer of the paper's network ({@value #DEFAULT_HIDDEN_UNITS} hidden units)
     * that uses every available core.
     */
    public static ShallowNetTrainer create() {
        return new ShallowNetTrainer(Runtime.getRuntime().availableProcessors(),
                DEFAULT_HIDDEN_UNITS);
    }

    /**
     * Returns a trainer of the network with {@code hiddenUnits} hidden units: d-H-n, d and n
     * from the training set.
     *
     * @param hiddenUnits H, at least 1
     * @return the trainer
     * @throws IllegalArgumentException if {@code hiddenUnits} &lt; 1
     */
    public ShallowNetTrainer withHiddenUnits(int hiddenUnits) {
        if (hiddenUnits < 1) {
            throw new IllegalArgumentException("hiddenUnits must be >= 1, got " + hiddenUnits);
        }
        return new ShallowNetTrainer(threads, hiddenUnits);
    }

    /** Returns H, the number of hidden units of the networks this trainer trains. */
    public int hiddenUnits() {
        return hiddenUnits;
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
        return new ShallowNetTrainer(threads, hiddenUnits);
    }

    /** Returns the number of threads a run uses. */
    public int threads() {
        return threads;
    }

    /**
     * Trains without a listener; see
     * {@link #train(Dataset, Dataset, SgdSettings, TrainingListener)}.
     */
    public SgdResult train(Dataset train, Dataset test, SgdSettings settings) {
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
    public SgdResult train(Dataset train, Dataset test, SgdSettings settings,
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
        SgdTrainer.checkBatchSizes(settings, size);
        ShallowNetShape shape = new ShallowNetShape(train.featureCount(), hiddenUnits,
                train.classCount());
        SparseRows trainRows = SparseRows.of(train.features(), train.size(), train.featureCount());
        SparseRows testRows = SparseRows.of(test.features(), test.size(), test.featureCount());
        int[] testLabels = test.labels();
        int capacity = Math.max(settings.maxBatchSize(), Math.min(EVALUATION_BATCH,
                Math.max(size, test.size())));
        try (Tasks workers = Tasks.team(threads)) {
            FloatShallowNet net = new FloatShallowNet(shape, trainRows, train.labels(),
                    settings.maxBatchSize(), capacity, workers);
            SgdTrainer.Run run = SgdTrainer.run(net, shape.initialParameters(settings.seed()),
                    settings, listener, () -> net.evaluate(testRows, testLabels));
            return run.result(net, net.evaluate(), net.evaluate(testRows, testLabels));
        }
    }
}
