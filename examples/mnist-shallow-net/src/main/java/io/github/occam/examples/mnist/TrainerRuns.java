package io.github.occam.examples.mnist;

import io.github.occam.data.Dataset;
import io.github.occam.sgd.SgdResult;
import io.github.occam.sgd.SgdSettings;
import io.github.occam.sgd.ShallowNetTrainer;
import java.util.function.BiConsumer;

/**
 * Trains the runs of a sweep with {@link ShallowNetTrainer}, one thread per run (runs go in
 * parallel instead), so that each run's numbers do not depend on the pool. Each run trains on
 * the N examples its seed draws from the pool ({@link Digits#train(int, long)}).
 *
 * <pre>{@code
 * TrainerRuns runs = new TrainerRuns(Digits.bundled(), 800, 0.0);
 * RunRecord r = runs.run(RunKey.of(32, 0.1, 1000, 0.9, 1L, SweepBudget.time(500)));
 * }</pre>
 */
public final class TrainerRuns implements SweepRunner.RunExecutor {

    private final Digits digits;
    private final double lambda;
    private final ShallowNetTrainer trainer;
    private BiConsumer<RunKey, SgdResult> afterEachRun = (key, result) -> { };

    /**
     * @param digits      where the training and test sets come from
     * @param hiddenUnits H, at least 1
     * @param lambda      L2 coefficient (prior precision), &gt;= 0
     */
    public TrainerRuns(Digits digits, int hiddenUnits, double lambda) {
        if (digits == null) {
            throw new IllegalArgumentException("digits must not be null");
        }
        // validated here so that a bad value fails before the pool starts
        this.trainer = ShallowNetTrainer.create().withHiddenUnits(hiddenUnits).withThreads(1);
        SgdSettings.defaults().withLambda(lambda);
        this.digits = digits;
        this.lambda = lambda;
    }

    /**
     * Sets what is done with each run's final network before its record is returned (written
     * weights, its evidence), on the run's thread; returns this.
     */
    public TrainerRuns afterEachRun(BiConsumer<RunKey, SgdResult> action) {
        if (action == null) {
            throw new IllegalArgumentException("action must not be null");
        }
        this.afterEachRun = action;
        return this;
    }

    /** The settings of {@code key}'s run. */
    public SgdSettings settings(RunKey key) {
        return SgdSettings.defaults().withSetting(key.sgd()).withLambda(lambda).withBudget(key.trainerBudget())
                .withSeed(key.seed());
    }

    @Override
    public RunRecord run(RunKey key) {
        // drawn for each run (a copy of N rows, negligible beside the training), not cached: a
        // sweep over several N and seeds would otherwise hold every subset at once
        Dataset train = digits.train(key.trainSize(), key.seed());
        // a run that diverges is kept as it is (accuracy near chance, cross-entropy not finite),
        // flagged: it is data, but never an optimum
        SgdResult r = trainer.train(train, digits.test(), settings(key));
        boolean diverged = RunRecord.diverged(r.trainAccuracy(), r.trainCrossEntropy(), r.testCrossEntropy(),
                train.classCount());
        afterEachRun.accept(key, r);
        return new RunRecord(key, r.epochs(), r.updates(), key.noiseScale(), r.trainAccuracy(), r.testAccuracy(),
                r.trainCrossEntropy(), r.testCrossEntropy(), diverged, r.seconds());
    }
}
