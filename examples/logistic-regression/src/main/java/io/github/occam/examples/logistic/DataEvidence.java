package io.github.occam.examples.logistic;

import io.github.occam.Classifier;
import io.github.occam.evidence.Evidence;
import io.github.occam.evidence.LambdaSearch;
import io.github.occam.models.LogisticRegression;
import io.github.occam.models.SoftmaxRegression;
import java.util.ArrayList;
import java.util.List;

/**
 * The evidence of a user's data set: the model (logistic regression for two classes, softmax
 * regression for more, with the null model's -N ln n), the results table over a grid of
 * lambda, and the lambda of maximum evidence found by {@link LambdaSearch}, with the fitted
 * model there for predictions. Test sets are measured with {@link Predictor}, without a model of
 * their own.
 *
 * <p>The grid is evaluated in increasing order, each minimization starting from a point
 * extrapolated from the previous minima ({@link Continuation}); the search then maximizes the
 * log evidence over the grid's range. A failure of the numerics at some lambda is rethrown with
 * that lambda in its message.
 *
 * <pre>{@code
 * DataEvidence result = DataEvidence.compute(train, test, false, Sweep.defaultLambdas(), Progress.NONE);
 * double lambda = result.best().lambda();
 * int[] predicted = result.fitted().predict(newRows);
 * }</pre>
 *
 * @param model {@code "logistic regression"} or {@code "softmax regression"}
 * @param parameterCount P
 * @param rows one row of the results table per lambda of the grid, labels {@value #LABELS}
 * @param search the search for the maximum, or null for a grid of one lambda
 * @param best the row at the lambda of maximum evidence
 * @param evidence the evidence at the lambda of maximum evidence
 * @param fitted the model at the lambda of maximum evidence
 */
public record DataEvidence(String model, int parameterCount, List<ResultRow> rows,
        LambdaSearch.Result search, ResultRow best, Evidence evidence, Predictor fitted) {

    /** The {@code labels} column of the results table for a user's data. */
    public static final String LABELS = "csv";

    /**
     * Computes the table and the maximum.
     *
     * @param train the training set (the model and its evidence)
     * @param test the test set, measured only, or null
     * @param bias whether the model has intercepts
     * @param lambdas the grid, increasing, each finite and &gt; 0; its range is searched
     * @param progress told of each lambda of the grid and of each evaluation of the search
     * @return the results
     */
    public static DataEvidence compute(LabelledSet train, LabelledSet test, boolean bias,
            double[] lambdas, Progress progress) {
        Classifier model = model(train, bias);
        Measure measure = new Measure(model, train, test, bias);
        List<ResultRow> rows = new ArrayList<>();
        Continuation path = new Continuation(model.parameterCount());
        Evidence best = null;
        for (double lambda : lambdas) {
            Evidence evidence;
            try {
                evidence = Evidence.from(model, lambda, path.start(lambda));
            } catch (ArithmeticException | IllegalArgumentException | IllegalStateException e) {
                throw Guarded.withContext("--lambdas " + lambda, e);
            }
            path.record(lambda, evidence.parameters(), evidence.converged());
            rows.add(measure.row(evidence));
            if (best == null || evidence.logEvidence() > best.logEvidence()) {
                best = evidence;
            }
            progress.gridPoint();
        }
        LambdaSearch.Result search = null;
        if (lambdas.length > 1) {
            double low = lambdas[0];
            double high = lambdas[lambdas.length - 1];
            try {
                search = LambdaSearch.defaults()
                        .withListener(evidence -> progress.searchEvaluation())
                        .maximize(model, low, high);
            } catch (ArithmeticException | IllegalArgumentException | IllegalStateException e) {
                throw Guarded.withContext("the search for lambda in [" + low + ", " + high + "]",
                        e);
            }
            best = search.evidence();
        }
        return new DataEvidence(model instanceof LogisticRegression ? "logistic regression"
                : "softmax regression", model.parameterCount(), List.copyOf(rows), search,
                measure.row(best), best, measure.fitted(best));
    }

    /** What {@link #compute} reports as it goes: a grid of known length, then a search. */
    public interface Progress {
        /** Reports nothing. */
        Progress NONE = new Progress() {
            @Override
            public void gridPoint() {
            }

            @Override
            public void searchEvaluation() {
            }
        };

        /** One lambda of the grid is done. */
        void gridPoint();

        /** One evaluation of the search for the best lambda is done (their number is not known). */
        void searchEvaluation();
    }

    /** Returns the model of {@code train}: logistic for two classes, softmax for more. */
    static Classifier model(LabelledSet train, boolean bias) {
        return train.classCount() == 2
                ? LogisticRegression.of(train.features(), train.labels(), bias)
                : SoftmaxRegression.of(train.features(), train.labels(), train.classCount(), bias);
    }

    /** Returns P for {@code classes} classes of {@code features} features. */
    static long parameterCount(int classes, int features, boolean bias) {
        return (long) (classes == 2 ? 1 : classes) * (features + (bias ? 1 : 0));
    }

    /** Measures an evidence's point on the training and the test set. */
    private record Measure(Classifier model, LabelledSet train, LabelledSet test, boolean bias) {

        Predictor fitted(Evidence evidence) {
            return Predictor.of(evidence.parameters(), train.classCount(), train.dimension(),
                    bias);
        }

        ResultRow row(Evidence evidence) {
            double[] w = evidence.parameters();
            double testAccuracy = Double.NaN;
            double testCrossEntropy = Double.NaN;
            if (test != null) {
                Predictor fitted = fitted(evidence);
                testAccuracy = fitted.accuracy(test.features(), test.labels());
                testCrossEntropy = fitted.crossEntropy(test.features(), test.labels())
                        / test.size();
            }
            return new ResultRow(LABELS, evidence.lambda(), model.accuracy(w), testAccuracy,
                    evidence.crossEntropy() / train.size(), testCrossEntropy, evidence.cost(),
                    evidence.logOccamFactor(), evidence.logEvidenceRatio(),
                    evidence.logEvidenceRatioPerExample(), evidence.excludedEigenvalues(),
                    evidence.converged());
        }
    }
}
