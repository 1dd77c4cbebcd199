package io.github.occam.sgd;

import io.github.occam.internal.Checks;
import io.github.occam.noise.SgdNoiseScale;
import io.github.occam.noise.SgdSchedule;

/**
 * The hyper-parameters of one SGD run: batch size B, learning rate eps, momentum m, L2 coefficient
 * lambda, budget, seed and an optional schedule. They say nothing of the model: the network's
 * shape belongs to the engine that trains it ({@link ShallowNetTrainer#withHiddenUnits}).
 *
 * <p>An update on a batch of size B is {@code v <- m v + g; w <- w - eps v} with {@code g} the
 * batch mean of {@code dC_i/dw}, {@code C_i = H_i + lambda |w|^2 / (2N)} (Smith &amp; Le,
 * eq. 3-5); the prior on every parameter thus adds {@code (lambda / N) w} to {@code g}.
 *
 * <p>The schedule, when there is one, is an {@link SgdSchedule}: consecutive phases of epochs,
 * each with its learning rate and batch size (its {@link SgdNoiseScale}), as Smith, Kindermans
 * &amp; Le (2017) compare a learning-rate step decay with the equivalent batch-size increase.
 * {@link #withSchedule(SgdSchedule)} takes the batch size, learning rate and momentum of its
 * first phase and its epochs as the budget; a run that outlasts the schedule keeps its last
 * phase.
 *
 * <pre>{@code
 * SgdSettings settings = SgdSettings.defaults()
 *         .withBatchSize(32).withLearningRate(0.1).withMomentum(0.9).withEpochs(100).withSeed(7);
 * SgdNoiseScale start = SgdNoiseScale.of(0.1, 1000, 32, 0.9);
 * SgdSettings decay = settings.withSchedule(
 *         SgdSchedule.learningRateDecay(start, 100, new int[] {50}, 5));   // eps / 5 after 50 epochs
 * SgdSettings grow = settings.withSchedule(
 *         SgdSchedule.batchSizeIncrease(start, 100, new int[] {50}, 5));   // B * 5, same noise scale
 * }</pre>
 *
 * @param batchSize B, at least 1; must not exceed N (checked when training starts)
 * @param learningRate eps, finite and {@code > 0}
 * @param momentum m, in {@code [0, 1)}
 * @param lambda L2 coefficient (prior precision), finite and {@code >= 0}
 * @param budget how long to train, in epochs or in updates
 * @param seed seed of the initialization and of the batch order
 * @param schedule the phases of learning rate and batch size, or {@code null} for none; its first
 *     phase has this batch size, learning rate and momentum
 */
public record SgdSettings(int batchSize, double learningRate, double momentum,
        double lambda, Budget budget, long seed, SgdSchedule schedule) {

    /** Checks every value and copies the schedule. */
    public SgdSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        Checks.positive("learningRate", learningRate);
        checkMomentum(momentum);
        if (!(lambda >= 0.0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0, got " + lambda);
        }
        if (budget == null) {
            throw new IllegalArgumentException("budget must not be null");
        }
        if (schedule != null) {
            SgdNoiseScale first = schedule.phases().get(0).settings();
            if (first.batchSize() != batchSize || first.learningRate() != learningRate
                    || first.momentum() != momentum) {
                throw new IllegalArgumentException("the schedule's first phase has B = "
                        + first.batchSize() + ", eps = " + first.learningRate() + ", m = "
                        + first.momentum() + ", the settings B = " + batchSize + ", eps = "
                        + learningRate + ", m = " + momentum + " (use withSchedule)");
            }
        }
    }

    /**
     * Returns the defaults: eps = 0.1 and m = 0.9, the learning rate and momentum of the paper's
     * MNIST experiment; B = 32 (the grid optimum of the quick preset at N = 1000, not a value of
     * the paper), lambda = 0, 100 epochs, seed 1 and no schedule, Occam's choices.
     */
    public static SgdSettings defaults() {
        return new SgdSettings(32, 0.1, 0.9, 0.0, Budget.epochs(100), 1L, null);
    }

    /** Returns a copy with {@code batchSize} replaced. */
    public SgdSettings withBatchSize(int value) {
        return new SgdSettings(value, learningRate, momentum, lambda, budget, seed,
                null);
    }

    /** Returns a copy with {@code learningRate} replaced. */
    public SgdSettings withLearningRate(double value) {
        return new SgdSettings(batchSize, value, momentum, lambda, budget, seed,
                null);
    }

    /** Returns a copy with {@code momentum} replaced. */
    public SgdSettings withMomentum(double value) {
        return new SgdSettings(batchSize, learningRate, value, lambda, budget, seed,
                null);
    }

    /**
     * Returns a copy with the batch size, learning rate and momentum of {@code setting}, the
     * record of (&epsilon;, N, B, m) that also gives the run's noise scale; its N is the
     * training set's. The schedule is dropped.
     *
     * <pre>{@code
     * SgdNoiseScale setting = SgdNoiseScale.of(0.1, 1000, 32, 0.9);
     * SgdSettings settings = SgdSettings.defaults().withSetting(setting);   // B 32, eps 0.1, m 0.9
     * }</pre>
     *
     * @param setting the setting
     * @return the settings
     * @throws IllegalArgumentException if {@code setting} is null
     */
    public SgdSettings withSetting(SgdNoiseScale setting) {
        Checks.notNull("setting", setting);
        return new SgdSettings(setting.batchSize(), setting.learningRate(), setting.momentum(),
                lambda, budget, seed, null);
    }

    /** Returns a copy with {@code lambda} replaced. */
    public SgdSettings withLambda(double value) {
        return new SgdSettings(batchSize, learningRate, momentum, value, budget, seed,
                schedule);
    }

    /** Returns a copy with the budget replaced. */
    public SgdSettings withBudget(Budget value) {
        return new SgdSettings(batchSize, learningRate, momentum, lambda, value, seed,
                schedule);
    }

    /** Returns a copy that trains for {@code epochs} epochs. */
    public SgdSettings withEpochs(int epochs) {
        return withBudget(Budget.epochs(epochs));
    }

    /** Returns a copy that trains for {@code updates} parameter updates. */
    public SgdSettings withUpdates(long updates) {
        return withBudget(Budget.updates(updates));
    }

    /** Returns a copy with {@code seed} replaced. */
    public SgdSettings withSeed(long value) {
        return new SgdSettings(batchSize, learningRate, momentum, lambda, budget,
                value, schedule);
    }

    /**
     * Returns a copy that follows {@code schedule}: the batch size, learning rate and momentum of
     * its first phase, the later phases' from their first epochs on, and a budget of its epochs.
     * Lambda and seed are kept.
     *
     * <pre>{@code
     * SgdSchedule grow = SgdSchedule.batchSizeIncrease(SgdNoiseScale.of(0.1, 1000, 20, 0.9), 100,
     *         new int[] {30, 60, 80}, 5);
     * SgdSettings settings = SgdSettings.defaults().withSchedule(grow);   // B 20, 100, 500, 1000
     * }</pre>
     *
     * @param schedule the schedule
     * @return the settings
     * @throws IllegalArgumentException if {@code schedule} is null
     */
    public SgdSettings withSchedule(SgdSchedule schedule) {
        Checks.notNull("schedule", schedule);
        SgdNoiseScale first = schedule.phases().get(0).settings();
        return new SgdSettings(first.batchSize(), first.learningRate(), first.momentum(), lambda,
                Budget.epochs(schedule.epochs()), seed, schedule);
    }

    /** Returns a copy without a schedule: the batch size and learning rate throughout. */
    public SgdSettings withoutSchedule() {
        return new SgdSettings(batchSize, learningRate, momentum, lambda, budget, seed, null);
    }

    /** Returns the learning rate used in the zero-based epoch {@code epoch}. */
    public double learningRateAt(int epoch) {
        return schedule == null ? checkedEpoch(epoch, learningRate)
                : phaseAt(epoch).settings().learningRate();
    }

    /** Returns the batch size used in the zero-based epoch {@code epoch}. */
    public int batchSizeAt(int epoch) {
        return schedule == null ? (int) checkedEpoch(epoch, batchSize)
                : phaseAt(epoch).settings().batchSize();
    }

    /** Returns the largest batch size of the run (the base one or one of the schedule). */
    public int maxBatchSize() {
        int max = batchSize;
        if (schedule != null) {
            for (SgdSchedule.Phase phase : schedule.phases()) {
                max = Math.max(max, phase.settings().batchSize());
            }
        }
        return max;
    }

    /** The phase of {@code epoch}; a run that outlasts the schedule keeps its last phase. */
    private SgdSchedule.Phase phaseAt(int epoch) {
        checkedEpoch(epoch, 0);
        return schedule.phaseAt(Math.min(epoch, schedule.epochs() - 1));
    }

    private static double checkedEpoch(int epoch, double value) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        }
        return value;
    }

    private static void checkMomentum(double momentum) {
        if (!(momentum >= 0.0 && momentum < 1.0)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
    }

    /**
     * How long a run trains: a number of epochs (passes over the N examples) or a number of
     * parameter updates. A budget in updates may end in the middle of an epoch.
     *
     * <pre>{@code
     * SgdSettings.Budget byEpochs = SgdSettings.Budget.epochs(100);
     * SgdSettings.Budget byUpdates = SgdSettings.Budget.updates(5_000);
     * }</pre>
     *
     * @param amount the number of epochs or of updates, at least 1
     * @param unit what {@code amount} counts
     */
    public record Budget(long amount, Unit unit) {

        /** Checks the amount and the unit. */
        public Budget {
            if (unit == null) {
                throw new IllegalArgumentException("unit must not be null");
            }
            if (amount < 1 || (unit == Unit.EPOCHS && amount > Integer.MAX_VALUE)) {
                throw new IllegalArgumentException(
                        "budget amount of " + unit + " must be in [1, "
                                + (unit == Unit.EPOCHS ? Integer.MAX_VALUE : Long.MAX_VALUE)
                                + "], got " + amount);
            }
        }

        /** Returns a budget of {@code epochs} epochs. */
        public static Budget epochs(int epochs) {
            return new Budget(epochs, Unit.EPOCHS);
        }

        /** Returns a budget of {@code updates} parameter updates. */
        public static Budget updates(long updates) {
            return new Budget(updates, Unit.UPDATES);
        }

        /** What a {@link Budget} counts. */
        public enum Unit {
            /** Passes over the training set. */
            EPOCHS,
            /** Parameter updates (batches). */
            UPDATES
        }
    }

}
