package io.github.occam.examples.logistic;

import java.util.function.DoubleFunction;

/**
 * The evaluation of the experiment with Occam's {@code LogisticRegression} and {@code Evidence}.
 *
 * <pre>{@code
 * ResultRow row = new EvidenceEvaluator().prepare(task, false).apply(1.0);
 * }</pre>
 */
public final class EvidenceEvaluator implements Evaluator {

    @Override
    public DoubleFunction<ResultRow> prepare(Task task, boolean bias) {
        throw new UnsupportedOperationException("needs the Evidence API of occam-core");
    }
}
