/**
 * The logistic-regression experiment of Smith &amp; Le (Section 3, Figures 1 and 2): L2-regularized
 * logistic regression on random and on informative labels, its train and test accuracy and
 * cross-entropy, and its Bayesian log evidence ratio E over a grid of regularization
 * coefficients.
 *
 * <p>{@link io.github.occam.examples.logistic.LogisticRegressionExperiment} is the command line;
 * the other types are its parts: the synthetic data
 * ({@link io.github.occam.examples.logistic.SyntheticTasks}), the results table
 * ({@link io.github.occam.examples.logistic.ResultsCsv}), the charts
 * ({@link io.github.occam.examples.logistic.Figures}) and the console summary
 * ({@link io.github.occam.examples.logistic.Summary}).
 *
 * <p>With {@code --train-csv} the command gives the evidence of a user's own data
 * ({@link io.github.occam.examples.logistic.DataRun}): the reader
 * ({@link io.github.occam.examples.logistic.CsvData}, header and label column, integer or named
 * classes), logistic or softmax regression and the lambda of maximum evidence
 * ({@link io.github.occam.examples.logistic.DataEvidence}), and a fitted model applied to new
 * inputs ({@link io.github.occam.examples.logistic.Predictor}).
 */
package io.github.occam.examples.logistic;
