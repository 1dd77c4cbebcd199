package io.github.occam;

import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/** Seeded data, independent references and a test-local logistic model shared by the tests. */
public final class TestSupport {

    private TestSupport() {
    }

    /** Returns an n x p matrix of standard normal entries. */
    public static double[][] gaussian(Random random, int n, int p) {
        double[][] x = new double[n][p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return x;
    }

    /** Returns a symmetric p x p matrix with standard normal entries on and below the diagonal. */
    public static double[][] symmetricGaussian(Random random, int p) {
        double[][] a = gaussian(random, p, p);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                a[j][i] = a[i][j];
            }
        }
        return a;
    }

    /** Returns targets y = X w + sigma * noise for a standard normal w. */
    public static double[] linearTargets(Random random, double[][] x, double sigma) {
        double[] w = new double[x[0].length];
        for (int j = 0; j < w.length; j++) {
            w[j] = random.nextGaussian();
        }
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < w.length; j++) {
                y[i] += x[i][j] * w[j];
            }
            y[i] += sigma * random.nextGaussian();
        }
        return y;
    }

    /**
     * Returns ln N(y; 0, sigma^2 I + X X' / lambda), the exact log marginal likelihood of the
     * Gaussian linear model, from a Cholesky factorization of the N x N covariance.
     */
    public static double logMarginalLikelihood(double[][] x, double[] y, double sigma,
            double lambda) {
        int n = x.length;
        RealMatrix features = new Array2DRowRealMatrix(x);
        RealMatrix covariance = features.multiply(features.transpose()).scalarMultiply(1 / lambda);
        for (int i = 0; i < n; i++) {
            covariance.addToEntry(i, i, sigma * sigma);
        }
        CholeskyDecomposition cholesky = new CholeskyDecomposition(covariance, 1e-14, 0);
        double quadratic = new ArrayRealVector(y).dotProduct(
                cholesky.getSolver().solve(new ArrayRealVector(y)));
        double logDet = 0.0;
        RealMatrix l = cholesky.getL();
        for (int i = 0; i < n; i++) {
            logDet += 2 * Math.log(l.getEntry(i, i));
        }
        return -0.5 * quadratic - 0.5 * logDet - 0.5 * n * Math.log(2 * Math.PI);
    }

    /** Returns a random orthogonal p x p matrix (Q of the QR factorization of a normal matrix). */
    public static double[][] orthogonal(Random random, int p) {
        return new QRDecomposition(new Array2DRowRealMatrix(gaussian(random, p, p))).getQ()
                .getData();
    }

    /** Returns Q diag(eigenvalues) Q', symmetrized exactly. */
    public static double[][] withEigenvalues(double[][] q, double[] eigenvalues) {
        int p = eigenvalues.length;
        double[][] a = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = 0.0;
                for (int k = 0; k < p; k++) {
                    sum += q[i][k] * eigenvalues[k] * q[j][k];
                }
                a[i][j] = sum;
                a[j][i] = sum;
            }
        }
        return a;
    }

    /** Returns the central finite-difference gradient of f at w. */
    public static double[] numericalGradient(java.util.function.ToDoubleFunction<double[]> f,
            double[] w, double h) {
        double[] g = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            double[] plus = w.clone();
            double[] minus = w.clone();
            plus[j] += h;
            minus[j] -= h;
            g[j] = (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * h);
        }
        return g;
    }

    /** Returns the largest absolute difference between a and b, of equal length. */
    public static double maxAbsDifference(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new AssertionError("lengths " + a.length + " and " + b.length);
        }
        double max = 0.0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    /**
     * Binary logistic regression written here, independently of the library's models: summed
     * sigmoid cross-entropy, labels 0/1, no bias; exact gradient and dense Hessian, the
     * finite-difference Hessian-vector product of {@link Model}.
     */
    public static class Logistic implements Model {
        private final double[][] x;
        private final int[] labels;

        public Logistic(double[][] x, int[] labels) {
            this.x = x;
            this.labels = labels;
        }

        /** Returns a model on normal features with labels y = 1 if sum of the first half > 0. */
        public static Logistic random(Random random, int n, int p, double labelNoise) {
            double[][] x = gaussian(random, n, p);
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                double s = 0.0;
                for (int j = 0; j < (p + 1) / 2; j++) {
                    s += x[i][j];
                }
                labels[i] = (s + labelNoise * random.nextGaussian()) > 0 ? 1 : 0;
            }
            return new Logistic(x, labels);
        }

        @Override
        public int parameterCount() {
            return x[0].length;
        }

        @Override
        public int exampleCount() {
            return x.length;
        }

        @Override
        public int classCount() {
            return 2;
        }

        @Override
        public double crossEntropy(double[] w, Batch batch, double[] gradient) {
            if (gradient != null) {
                Arrays.fill(gradient, 0.0);
            }
            double sum = 0.0;
            for (int k = 0; k < batch.size(); k++) {
                int i = batch.index(k);
                double z = 0.0;
                for (int j = 0; j < w.length; j++) {
                    z += x[i][j] * w[j];
                }
                double signed = labels[i] == 1 ? z : -z;
                // -ln sigmoid(signed), stably
                sum += signed > 0 ? Math.log1p(Math.exp(-signed))
                        : -signed + Math.log1p(Math.exp(signed));
                if (gradient != null) {
                    double p = 1.0 / (1.0 + Math.exp(-z));
                    double r = p - labels[i];
                    for (int j = 0; j < w.length; j++) {
                        gradient[j] += r * x[i][j];
                    }
                }
            }
            return sum;
        }

        /** Exact Hessian X' diag(p(1-p)) X, as a dense operator. */
        @Override
        public SymmetricOperator hessianAt(double[] w) {
            return SymmetricOperator.ofDense(denseHessian(w));
        }

        /** Exact Hessian X' diag(p(1-p)) X. */
        public double[][] denseHessian(double[] w) {
            int p = w.length;
            double[][] h = new double[p][p];
            for (double[] row : x) {
                double z = 0.0;
                for (int j = 0; j < p; j++) {
                    z += row[j] * w[j];
                }
                double s = 1.0 / (1.0 + Math.exp(-z));
                double weight = s * (1 - s);
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b < p; b++) {
                        h[a][b] += weight * row[a] * row[b];
                    }
                }
            }
            return h;
        }
    }

    /**
     * H(w) = sum_j (w_j^4 / 4 - w_j^2) on one example: a smooth saddle at w = 0 with curvature
     * -2 in every direction, minima at w_j^2 = 2 - lambda.
     */
    public static class DoubleWell implements Model {
        final int p;

        public DoubleWell(int p) {
            this.p = p;
        }

        @Override
        public int parameterCount() {
            return p;
        }

        @Override
        public int exampleCount() {
            return 1;
        }

        @Override
        public int classCount() {
            return 2;
        }

        @Override
        public double crossEntropy(double[] w, Batch batch, double[] gradient) {
            double share = batch.size();   // one example
            double value = 0.0;
            for (int j = 0; j < p; j++) {
                value += share * (Math.pow(w[j], 4) / 4 - w[j] * w[j]);
                if (gradient != null) {
                    gradient[j] = share * (Math.pow(w[j], 3) - 2 * w[j]);
                }
            }
            return value;
        }
    }
}
