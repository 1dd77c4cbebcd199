package io.github.occam.benchmarks;

import io.github.occam.linalg.SymmetricEigenvalues;
import io.github.occam.models.LogisticRegression;
import io.github.occam.spectrum.HessianSpectrum;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The exact Hessian spectrum at P parameters, the dense step of the logistic-regression
 * experiment ({@code np.linalg.eigvalsh} in {@code logreg_baseline.py}).
 *
 * <p>{@link #symmetricEigenvalues()} times the eigen-solver alone on a seeded symmetric P x P
 * matrix with N(0, 1) entries. {@link #logisticRegressionSpectrum()} times
 * {@link HessianSpectrum#exact} for a {@link LogisticRegression} without bias on N = P examples
 * of d = P features, shaped as the baseline shapes them (Gaussian inputs standardized per feature,
 * the informative labels {@code y = 1} if {@code sum_i x_i > 0}), at lambda = 1: the dense
 * Hessian \(X^T \mathrm{diag}(p (1 - p)) X + \lambda I\) in O(N P<sup>2</sup>), then its
 * eigenvalues in O(P<sup>3</sup>). The point w is a seeded Gaussian with entries of variance
 * 1/d rather than the minimum, which the baseline finds first by Newton's method; neither step's
 * work depends on w.
 */
public class ExactSpectrumBenchmark extends BenchmarkDefaults {

    private static final long SEED = 42L;
    private static final double LAMBDA = 1.0;

    /** P, the dimension of the matrix and the number of features. */
    @Param({"500", "2000"})
    public int parameters;

    private double[][] matrix;
    private LogisticRegression model;
    private double[] w;

    /** Draws the symmetric matrix, the data set and the point. */
    @Setup
    public void setUp() {
        Random random = new Random(SEED);
        matrix = new double[parameters][parameters];
        for (int i = 0; i < parameters; i++) {
            for (int j = 0; j <= i; j++) {
                matrix[i][j] = random.nextGaussian();
                matrix[j][i] = matrix[i][j];
            }
        }
        double[][] x = standardized(gaussian(random, parameters, parameters));
        int[] labels = new int[parameters];
        for (int i = 0; i < parameters; i++) {
            double sum = 0.0;
            for (double xij : x[i]) {
                sum += xij;
            }
            labels[i] = sum > 0.0 ? 1 : 0;
        }
        model = LogisticRegression.of(x, labels, false);
        w = new double[parameters];
        double scale = 1.0 / Math.sqrt(parameters);
        for (int j = 0; j < parameters; j++) {
            w[j] = scale * random.nextGaussian();
        }
    }

    /** The eigenvalues of the seeded symmetric matrix. */
    @Benchmark
    public double[] symmetricEigenvalues() {
        return SymmetricEigenvalues.of(matrix);
    }

    /** The dense Hessian of the logistic regression's cost at w and its eigenvalues. */
    @Benchmark
    public HessianSpectrum logisticRegressionSpectrum() {
        return HessianSpectrum.exact(model, w, LAMBDA);
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
