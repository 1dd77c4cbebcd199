package io.github.occam.examples.logistic;

import io.github.occam.evidence.Evidence;
import io.github.occam.models.LogisticRegression;
import java.util.function.DoubleFunction;

/**
 * The evaluation of the experiment with Occam's {@link LogisticRegression} (sigmoid
 * cross-entropy, summed) and {@link Evidence} (Laplace evidence, Smith &amp; Le eq. 1 and 2): at
 * each lambda it minimizes the cost C(w) = H(w) + lambda |w|^2 / 2, takes the exact Hessian
 * spectrum at the minimum w0, and measures w0 on the training and the test set. The first
 * minimization of a task starts from w = 0, the later ones from the minima of the calls before
 * ({@link Continuation}; the sweep goes from the largest lambda down); the minimizer's criterion
 * makes the result the same as from w = 0 to within 1e-10 relative in E.
 *
 * <pre>{@code
 * ResultRow row = new EvidenceEvaluator().prepare(task, false).apply(1.0);
 * double e = row.logEvidenceRatio();   // E < 0: the data prefer the model to the null model
 * }</pre>
 */
public final class EvidenceEvaluator implements Evaluator {

    @Override
    public DoubleFunction<ResultRow> prepare(Task task, boolean bias) {
        LogisticRegression train = LogisticRegression.of(task.train().features(),
                task.train().labels(), bias);
        LogisticRegression test = LogisticRegression.of(task.test().features(),
                task.test().labels(), bias);
        String labels = task.labels();
        Continuation path = new Continuation(train.parameterCount());
        return lambda -> {
            Evidence evidence = Evidence.from(train, lambda, path.start(lambda));
            double[] w = evidence.parameters();
            path.record(lambda, w, evidence.converged());
            return new ResultRow(labels, lambda, train.accuracy(w), test.accuracy(w),
                    evidence.crossEntropy() / train.exampleCount(),
                    test.crossEntropy(w) / test.exampleCount(), evidence.cost(),
                    evidence.logOccamFactor(), evidence.logEvidenceRatio(),
                    evidence.logEvidenceRatioPerExample(), evidence.excludedEigenvalues(),
                    evidence.converged());
        };
    }
}
