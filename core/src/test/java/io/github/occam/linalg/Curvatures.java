package io.github.occam.linalg;

import io.github.occam.Cost;
import io.github.occam.SymmetricOperator;
import io.github.occam.TestSupport;
import io.github.occam.models.ShallowNetwork;
import io.github.occam.models.SoftmaxRegression;
import io.github.occam.optim.Minimizer;
import io.github.occam.optim.Minimum;
import java.util.Random;

/**
 * Operators with known or densely computable spectra for the Lanczos and quadrature tests: a
 * matrix built from given eigenvalues, the Hessian of C of a small ReLU network at a random point
 * (negative eigenvalues present, most eigenvalues exactly at lambda) and of a softmax regression
 * at its minimum (convex: every eigenvalue at or above lambda).
 */
public final class Curvatures {

    private Curvatures() {
    }

    /** Returns diag(d) as an operator, a product in O(P): for long vectors. */
    public static SymmetricOperator diagonal(double[] d) {
        return new SymmetricOperator() {
            @Override
            public int dimension() {
                return d.length;
            }

            @Override
            public void apply(double[] v, double[] out) {
                for (int i = 0; i < d.length; i++) {
                    out[i] = d[i] * v[i];
                }
            }
        };
    }

    /** Returns Q diag(eigenvalues) Q' for a random orthogonal Q drawn from {@code seed}. */
    public static SymmetricOperator withEigenvalues(double[] eigenvalues, long seed) {
        double[][] q = TestSupport.orthogonal(new Random(seed), eigenvalues.length);
        return SymmetricOperator.ofDense(TestSupport.withEigenvalues(q, eigenvalues));
    }

    /**
     * Returns the Hessian of C = H + lambda |w|^2 / 2 of a d-hidden-classes ReLU network on N
     * Gaussian inputs with random labels, at He-initialized parameters (not a minimum).
     */
    public static SymmetricOperator networkAtRandomPoint(int n, int d, int hidden, int classes,
            double lambda, long seed) {
        Random random = new Random(seed);
        double[][] x = TestSupport.gaussian(random, n, d);
        ShallowNetwork net = ShallowNetwork.of(x, randomLabels(random, n, classes), hidden,
                classes);
        double[] w = ShallowNetwork.initialParameters(d, hidden, classes, random.nextLong());
        return Cost.of(net, lambda).hessianAt(w);
    }

    /**
     * Returns the Hessian of C of a softmax regression (with biases) on N Gaussian inputs with
     * random labels, at the minimum Newton's method finds.
     */
    public static SymmetricOperator softmaxAtMinimum(int n, int d, int classes, double lambda,
            long seed) {
        Random random = new Random(seed);
        double[][] x = TestSupport.gaussian(random, n, d);
        SoftmaxRegression model = SoftmaxRegression.of(x, randomLabels(random, n, classes),
                classes, true);
        Minimum minimum = Minimizer.newton().withGradientTolerance(1e-10)
                .minimize(Cost.of(model, lambda), new double[model.parameterCount()]);
        if (!minimum.converged()) {
            throw new AssertionError("no minimum: " + minimum);
        }
        return Cost.of(model, lambda).hessianAt(minimum.parameters());
    }

    private static int[] randomLabels(Random random, int n, int classes) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(classes);
        }
        return labels;
    }

    /** Returns the eigenvalues of the operator's dense form, ascending. */
    public static double[] eigenvalues(SymmetricOperator a) {
        return SymmetricEigenvalues.of(a.toDense());
    }

    /** Returns the distance from {@code value} to the nearest of {@code eigenvalues}. */
    public static double distanceToSpectrum(double value, double[] eigenvalues) {
        double distance = Double.POSITIVE_INFINITY;
        for (double e : eigenvalues) {
            distance = Math.min(distance, Math.abs(e - value));
        }
        return distance;
    }
}
