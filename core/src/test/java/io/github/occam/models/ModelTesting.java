package io.github.occam.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.Model;
import java.util.Random;

/** Seeded data and independent references (finite differences, plain loops) for model tests. */
final class ModelTesting {

    private ModelTesting() {
    }

    /** Returns a rows x cols matrix of independent N(0, scale^2) entries. */
    static double[][] gaussianMatrix(Random random, int rows, int cols, double scale) {
        double[][] m = new double[rows][];
        for (int i = 0; i < rows; i++) {
            m[i] = gaussianVector(random, cols, scale);
        }
        return m;
    }

    /** Sets each entry of m to 0 with probability {@code zeroFraction}; returns m. */
    static double[][] sparsify(Random random, double[][] m, double zeroFraction) {
        for (double[] row : m) {
            for (int j = 0; j < row.length; j++) {
                if (random.nextDouble() < zeroFraction) {
                    row[j] = 0.0;
                }
            }
        }
        return m;
    }

    /** Returns n independent N(0, scale^2) numbers. */
    static double[] gaussianVector(Random random, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * random.nextGaussian();
        }
        return v;
    }

    /** Returns n labels drawn uniformly from [0, classes). */
    static int[] randomLabels(Random random, int n, int classes) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(classes);
        }
        return labels;
    }

    /** Returns the gradient of H by central differences of step h, one coordinate at a time. */
    static double[] differenceGradient(Model model, double[] w, double h) {
        double[] gradient = new double[w.length];
        double[] point = w.clone();
        for (int k = 0; k < w.length; k++) {
            point[k] = w[k] + h;
            double plus = model.crossEntropy(point);
            point[k] = w[k] - h;
            double minus = model.crossEntropy(point);
            point[k] = w[k];
            gradient[k] = (plus - minus) / (2.0 * h);
        }
        return gradient;
    }

    /** Returns the Hessian of H by central differences of the gradient, column k along e_k. */
    static double[][] differenceHessian(Model model, double[] w, double h) {
        int p = w.length;
        double[][] hessian = new double[p][p];
        double[] point = w.clone();
        double[] plus = new double[p];
        double[] minus = new double[p];
        for (int k = 0; k < p; k++) {
            point[k] = w[k] + h;
            model.crossEntropy(point, plus);
            point[k] = w[k] - h;
            model.crossEntropy(point, minus);
            point[k] = w[k];
            for (int j = 0; j < p; j++) {
                hessian[j][k] = (plus[j] - minus[j]) / (2.0 * h);
            }
        }
        return hessian;
    }

    /** Returns the Hessian-vector product by central differences of the gradient along v. */
    static double[] differenceHessianVector(Model model, double[] w, double[] v, double h) {
        int p = w.length;
        double[] plus = new double[p];
        double[] minus = new double[p];
        model.crossEntropy(axpy(h, v, w), plus);
        model.crossEntropy(axpy(-h, v, w), minus);
        double[] result = new double[p];
        for (int j = 0; j < p; j++) {
            result[j] = (plus[j] - minus[j]) / (2.0 * h);
        }
        return result;
    }

    /** Returns a new w + alpha v. */
    static double[] axpy(double alpha, double[] v, double[] w) {
        double[] out = w.clone();
        for (int j = 0; j < w.length; j++) {
            out[j] += alpha * v[j];
        }
        return out;
    }

    /** Returns a v for a dense square matrix a. */
    static double[] multiply(double[][] a, double[] v) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0.0;
            for (int j = 0; j < v.length; j++) {
                s += a[i][j] * v[j];
            }
            out[i] = s;
        }
        return out;
    }

    /** Returns u . v. */
    static double dot(double[] u, double[] v) {
        double s = 0.0;
        for (int j = 0; j < u.length; j++) {
            s += u[j] * v[j];
        }
        return s;
    }

    /** Returns max_j |v_j|. */
    static double maxAbs(double[] v) {
        double m = 0.0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    /**
     * Asserts |actual_j - expected_j| <= relative * max|expected| for every j, so each entry is
     * checked to a tolerance relative to the size of the whole vector.
     */
    static void assertClose(String what, double[] actual, double[] expected, double relative) {
        assertThat(actual).as(what + " length").hasSameSizeAs(expected);
        double tolerance = relative * Math.max(maxAbs(expected), Double.MIN_NORMAL);
        for (int j = 0; j < expected.length; j++) {
            assertThat(actual[j]).as("%s[%d]", what, j).isCloseTo(expected[j], within(tolerance));
        }
    }

    /** Asserts two matrices agree entrywise to relative * max|expected|. */
    static void assertClose(String what, double[][] actual, double[][] expected, double relative) {
        assertThat(actual.length).as(what + " rows").isEqualTo(expected.length);
        double scale = Double.MIN_NORMAL;
        for (double[] row : expected) {
            scale = Math.max(scale, maxAbs(row));
        }
        double tolerance = relative * scale;
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertThat(actual[i][j]).as("%s[%d][%d]", what, i, j)
                        .isCloseTo(expected[i][j], within(tolerance));
            }
        }
    }
}
