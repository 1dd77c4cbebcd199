package io.github.occam.examples.logistic;

/**
 * One row of the results table: a label set and a regularization coefficient lambda, the
 * trained model's accuracy and mean cross-entropy on the training and test sets, and the
 * terms of its log evidence ratio (Smith &amp; Le, eq. 1 and 2).
 *
 * <pre>{@code
 * ResultRow row = experiment.rows().get(0);
 * boolean trustModel = row.logEvidenceRatio() < 0.0;   // E < 0: the data prefer the model
 * }</pre>
 *
 * @param labels the label set: {@code random}, {@code informative} or {@code csv}
 * @param lambda the regularization coefficient (prior precision)
 * @param trainAccuracy fraction of training examples classified correctly at w0
 * @param testAccuracy fraction of test examples classified correctly at w0
 * @param trainCrossEntropy mean training cross-entropy per example, H(w0) / N
 * @param testCrossEntropy mean test cross-entropy per example
 * @param cost C(w0) = H(w0) + lambda |w0|^2 / 2, summed over the training set
 * @param logOccamFactor -1/2 sum ln(lambda_i / lambda) over Hessian eigenvalues lambda_i >= lambda
 * @param logEvidenceRatio E(w0) = C(w0) + 1/2 sum ln(lambda_i / lambda) - N ln 2 (eq. 2)
 * @param logEvidenceRatioPerExample E / N
 * @param excludedEigenvalues Hessian eigenvalues below lambda, left out of the Occam factor
 * @param converged whether the minimizer reached its gradient tolerance
 */
public record ResultRow(String labels, double lambda, double trainAccuracy, double testAccuracy,
        double trainCrossEntropy, double testCrossEntropy, double cost, double logOccamFactor,
        double logEvidenceRatio, double logEvidenceRatioPerExample, int excludedEigenvalues,
        boolean converged) {
}
