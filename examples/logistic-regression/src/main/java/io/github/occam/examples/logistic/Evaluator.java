package io.github.occam.examples.logistic;

import java.util.function.DoubleFunction;

/**
 * Trains a model on a task at a given lambda and measures it: one {@link ResultRow} per lambda.
 * {@link EvidenceEvaluator} is the real one (Occam's logistic regression and Laplace evidence);
 * tests may supply others.
 *
 * <p>Call order: {@link #prepare} once per task, then the returned function once per lambda of
 * the grid, one call at a time, from the largest lambda down ({@link Sweep}); it may remember
 * the minimum of one call as the start of the next. Functions of different tasks run at once,
 * on different threads, and must share no mutable state.
 *
 * <pre>{@code
 * DoubleFunction<ResultRow> atLambda = new EvidenceEvaluator().prepare(task, false);
 * ResultRow row = atLambda.apply(1.0);
 * }</pre>
 */
@FunctionalInterface
public interface Evaluator {

    /**
     * Builds what the task needs once (the training and test models) and returns the
     * evaluation at one lambda.
     *
     * @param task the data
     * @param bias whether the model has an intercept (the last parameter)
     * @return a thread-safe function from lambda to the row of the results table
     */
    DoubleFunction<ResultRow> prepare(Task task, boolean bias);
}
