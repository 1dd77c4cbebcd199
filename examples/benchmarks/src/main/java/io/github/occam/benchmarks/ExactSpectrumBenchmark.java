package io.github.occam.benchmarks;

import io.github.occam.Cost;
import io.github.occam.evidence.Evidence;
import io.github.occam.evidence.Laplace;
import io.github.occam.linalg.SymmetricEigenvalues;
import io.github.occam.models.LogisticRegression;
import io.github.occam.spectrum.HessianSpectrum;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The exact Hessian spectrum and the evidence at P parameters, the dense steps of the
 * logistic-regression experiment ({@code X^T D X} and {@code np.linalg.eigvalsh} in
 * {@code logreg_baseline.py}).
 *
 * <p>{@link #symmetricEigenvalues()} times the eigen-solver alone on a seeded symmetric P x P
 * matrix with N(0, 1) entries. The other three work on a {@link LogisticRegression} without bias
 * on N = P examples of d = P features, shaped as the baseline shapes them
 * ({@link LogisticProblem}), at lambda = 1: {@link #logisticRegressionHessian()} forms the dense
 * Hessian \(X^T \mathrm{diag}(p (1 - p)) X\) in O(N P<sup>2</sup>);
 * {@link #logisticRegressionSpectrum()} times {@link HessianSpectrum#exact}, that Hessian plus
 * \(\lambda I\) and its eigenvalues in O(P<sup>3</sup>); {@link #evidenceAt()} adds the cost,
 * the gradient and the cross-entropy, O(N P), and assembles the {@link Evidence}. The point w is
 * a seeded Gaussian with entries of variance 1/d rather than the minimum, which the baseline finds
 * first by Newton's method; none of these steps' work depends on w.
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
        LogisticProblem problem = LogisticProblem.draw(random, parameters, parameters);
        model = problem.model();
        w = problem.point();
    }

    /** The eigenvalues of the seeded symmetric matrix. */
    @Benchmark
    public double[] symmetricEigenvalues() {
        return SymmetricEigenvalues.of(matrix);
    }

    /** The dense Hessian of the logistic regression's cross-entropy at w, alone. */
    @Benchmark
    public double[][] logisticRegressionHessian() {
        return model.hessianAt(w).toDense();
    }

    /** The dense Hessian of the logistic regression's cost at w and its eigenvalues. */
    @Benchmark
    public HessianSpectrum logisticRegressionSpectrum() {
        return HessianSpectrum.exact(model, w, LAMBDA);
    }

    /**
     * The evidence at w: the cost and its gradient, the cross-entropy, the dense Hessian of the
     * cost and its eigenvalues ({@link Laplace#evidenceAt}, as {@code Evidence.at}).
     */
    @Benchmark
    public Evidence evidenceAt() {
        return Laplace.defaults().evidenceAt(Cost.of(model, LAMBDA), w);
    }
}
