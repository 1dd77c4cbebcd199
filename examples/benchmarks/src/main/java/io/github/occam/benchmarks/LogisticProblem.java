package io.github.occam.benchmarks;

import io.github.occam.models.LogisticRegression;
import java.util.Random;

/**
 * A logistic regression without bias shaped as {@code logreg_baseline.py} shapes its data: N
 * examples of d = P Gaussian features standardized per feature, the informative labels
 * {@code y = 1} if {@code sum_i x_i > 0}, and a point w with N(0, 1/P) entries.
 *
 * <pre>{@code
 * LogisticProblem problem = LogisticProblem.draw(new Random(42L), 500, 1000);
 * HessianSpectrum spectrum = HessianSpectrum.exact(problem.model(), problem.point(), 1.0);
 * }</pre>
 *
 * @param model the model of the drawn data
 * @param point the drawn point, length P
 */
record LogisticProblem(LogisticRegression model, double[] point) {

    /** Draws the data and then the point from {@code random}. */
    static LogisticProblem draw(Random random, int parameters, int examples) {
        double[][] x = standardized(gaussian(random, examples, parameters));
        int[] labels = new int[examples];
        for (int i = 0; i < examples; i++) {
            double sum = 0.0;
            for (double xij : x[i]) {
                sum += xij;
            }
            labels[i] = sum > 0.0 ? 1 : 0;
        }
        double[] w = new double[parameters];
        double scale = 1.0 / Math.sqrt(parameters);
        for (int j = 0; j < parameters; j++) {
            w[j] = scale * random.nextGaussian();
        }
        return new LogisticProblem(LogisticRegression.of(x, labels, false), w);
    }

    private static double[][] gaussian(Random random, int rows, int columns) {
        double[][] x = new double[rows][columns];
        for (double[] row : x) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return x;
    }

    /** Scales every column to mean 0 and standard deviation 1, in place. */
    private static double[][] standardized(double[][] x) {
        int n = x.length;
        for (int j = 0; j < x[0].length; j++) {
            double mean = 0.0;
            for (double[] row : x) {
                mean += row[j];
            }
            mean /= n;
            double squares = 0.0;
            for (double[] row : x) {
                squares += (row[j] - mean) * (row[j] - mean);
            }
            double sd = Math.sqrt(squares / n);
            for (double[] row : x) {
                row[j] = (row[j] - mean) / sd;
            }
        }
        return x;
    }
}
