package io.github.occam.sgd;

import io.github.occam.internal.Checks;
import java.util.List;

/**
 * The hyper-parameters of one SGD run: batch size B, learning rate eps, momentum m, L2 coefficient
 * lambda, budget, seed and an optional schedule. They say nothing of the model: the network's
 * shape belongs to the engine that trains it ({@link ShallowNetTrainer#withHiddenUnits}).
 *
 * <p>An update on a batch of size B is {@code v <- m v + g; w <- w - eps v} with {@code g} the
 * batch mean of {@code dC_i/dw}, {@code C_i = H_i + lambda |w|^2 / (2N)} (Smith &amp; Le,
 * eq. 3-5); the prior on every parameter thus adds {@code (lambda / N) w} to {@code g}.
 *
 * <p>The schedule is a list of {@link Milestone}s, sorted by strictly increasing
 * {@link Milestone#epoch()}: after {@code epoch} epochs, the run switches to the milestone's
 * learning rate and batch size and keeps them until the next milestone ({@code epoch = 10} means
 * from the eleventh epoch on, zero-based epoch 10, as PyTorch's {@code MultiStepLR} counts its
 * milestones). Before the first milestone the run uses {@link #learningRate()} and
 * {@link #batchSize()}. This
 * expresses both a learning-rate step decay and the equivalent batch-size increase (Smith,
 * Kindermans &amp; Le 2017).
 *
 * <pre>{@code
 * SgdSettings settings = SgdSettings.defaults()
 *         .withBatchSize(32).withLearningRate(0.1).withMomentum(0.9).withEpochs(100).withSeed(7);
 * SgdSettings decay = settings.withSchedule(List.of(
 *         new SgdSettings.Milestone(50, 0.02, 32)));   // eps / 5 after 50 epochs
 * SgdSettings grow = settings.withSchedule(List.of(
 *         new SgdSettings.Milestone(50, 0.1, 160)));   // B * 5 after 50 epochs, same noise scale
 * }</pre>
 *
 * @param batchSize B, at least 1; must not exceed N (checked when training starts)
 * @param learningRate eps, finite and {@code > 0}
 * @param momentum m, in {@code [0, 1)}
 * @param lambda L2 coefficient (prior precision), finite and {@code >= 0}
 * @param budget how long to train, in epochs or in updates
 * @param seed seed of the initialization and of the batch order
 * @param schedule milestones changing learning rate and batch size after given epochs; may be
 *     empty
 */
public record SgdSettings(int batchSize, double learningRate, double momentum,
        double lambda, Budget budget, long seed, List<Milestone> schedule) {

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
        if (schedule == null) {
            throw new IllegalArgumentException("schedule must not be null (use List.of())");
        }
        schedule = List.copyOf(schedule);
        for (int k = 1; k < schedule.size(); k++) {
            if (schedule.get(k).epoch() <= schedule.get(k - 1).epoch()) {
                throw new IllegalArgumentException("schedule must have strictly increasing"
                        + " milestone epochs, got " + schedule.get(k - 1).epoch() + " then "
                        + schedule.get(k).epoch());
            }
        }
    }

    /**
     * Returns the defaults: eps = 0.1 and m = 0.9, the learning rate and momentum of the paper's
     * MNIST experiment; B = 32 (the grid optimum of the quick preset at N = 1000, not a value of
     * the paper), lambda = 0, 100 epochs, seed 1 and no schedule, Occam's choices.
     */
    public static SgdSettings defaults() {
        return new SgdSettings(32, 0.1, 0.9, 0.0, Budget.epochs(100), 1L, List.of());
    }

    /** Returns a copy with {@code batchSize} replaced. */
    public SgdSettings withBatchSize(int value) {
        return new SgdSettings(value, learningRate, momentum, lambda, budget, seed,
                schedule);
    }

    /** Returns a copy with {@code learningRate} replaced. */
    public SgdSettings withLearningRate(double value) {
        return new SgdSettings(batchSize, value, momentum, lambda, budget, seed,
                schedule);
    }

    /** Returns a copy with {@code momentum} replaced. */
    public SgdSettings withMomentum(double value) {
        return new SgdSettings(batchSize, learningRate, value, lambda, budget, seed,
                schedule);
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

    /** Returns a copy with the schedule replaced. */
    public SgdSettings withSchedule(List<Milestone> value) {
        return new SgdSettings(batchSize, learningRate, momentum, lambda, budget,
                seed, value);
    }

    /**
     * Returns a copy that follows {@code schedule}: the batch size, learning rate and momentum of
     * its first phase, one {@link Milestone} at the start of each later phase, and a budget of
     * its epochs. Lambda and seed are kept.
     *
     * <pre>{@code
     * SgdSchedule grow = SgdSchedule.batchSizeIncrease(SgdNoiseScale.of(0.1, 1000, 20, 0.9), 100,
     *         new int[] {30, 60, 80}, 5);
     * SgdSettings settings = SgdSettings.defaults().withSchedule(grow);   // B 20, 100, 500, 1000
     * }</pre>
     *
     * @param schedule the schedule, from {@link io.github.occam.noise.SgdSchedule}
     * @return the settings
     * @throws IllegalArgumentException if {@code schedule} is null
     */
    public SgdSettings withSchedule(io.github.occam.noise.SgdSchedule schedule) {
        Checks.notNull("schedule", schedule);
        List<io.github.occam.noise.SgdSchedule.Phase> all = schedule.phases();
        List<Milestone> milestones = new java.util.ArrayList<>(all.size() - 1);
        for (io.github.occam.noise.SgdSchedule.Phase p : all.subList(1, all.size())) {
            milestones.add(new Milestone(p.startEpoch(), p.settings().learningRate(),
                    p.settings().batchSize()));
        }
        io.github.occam.noise.SgdNoiseScale first = all.get(0).settings();
        return new SgdSettings(first.batchSize(), first.learningRate(), first.momentum(),
                lambda, Budget.epochs(schedule.epochs()), seed, List.copyOf(milestones));
    }

    /** Returns the learning rate used in the zero-based epoch {@code epoch}. */
    public double learningRateAt(int epoch) {
        Milestone milestone = milestoneAt(epoch);
        return milestone == null ? learningRate : milestone.learningRate();
    }

    /** Returns the batch size used in the zero-based epoch {@code epoch}. */
    public int batchSizeAt(int epoch) {
        Milestone milestone = milestoneAt(epoch);
        return milestone == null ? batchSize : milestone.batchSize();
    }

    /** Returns the largest batch size of the run (the base one or one of the schedule). */
    public int maxBatchSize() {
        int max = batchSize;
        for (Milestone milestone : schedule) {
            max = Math.max(max, milestone.batchSize());
        }
        return max;
    }

    private Milestone milestoneAt(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        }
        Milestone current = null;
        for (Milestone milestone : schedule) {
            if (milestone.epoch() <= epoch) {
                current = milestone;
            }
        }
        return current;
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

    /**
     * A point of a schedule where the hyper-parameters change: after {@code epoch} epochs (from
     * the zero-based epoch {@code epoch} on), train with {@code learningRate} and
     * {@code batchSize} until the next milestone. Not to be confused with
     * {@link io.github.occam.noise.SgdSchedule.Phase}, a span of epochs of a planned schedule,
     * which {@link SgdSettings#withSchedule(io.github.occam.noise.SgdSchedule)} turns into
     * milestones.
     *
     * <pre>{@code
     * SgdSettings.Milestone grow = new SgdSettings.Milestone(30, 0.1, 256);  // B 256 from epoch 30
     * }</pre>
     *
     * @param epoch the number of epochs after which the milestone applies, {@code >= 0}
     * @param learningRate eps from this milestone on, finite and {@code > 0}
     * @param batchSize B from this milestone on, at least 1 (and at most N, checked when training
     *     starts)
     */
    public record Milestone(int epoch, double learningRate, int batchSize) {

        /** Checks the values. */
        public Milestone {
            if (epoch < 0) {
                throw new IllegalArgumentException("milestone epoch must be >= 0, got " + epoch);
            }
            Checks.positive("learningRate", learningRate);
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
            }
        }
    }
}
