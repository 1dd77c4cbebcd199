package io.github.occam.models;

import static io.github.occam.models.ModelTesting.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.Cost;
import io.github.occam.GaussNewton;
import io.github.occam.Model;
import io.github.occam.SymmetricOperator;
import io.github.occam.TestSupport;
import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

/**
 * The generalized Gauss-Newton operator of the built-in classifiers: \(\sum_i J_i^T
 * (\mathrm{diag}(p_i) - p_i p_i^T) J_i\), checked against the same sum formed densely from a
 * finite-difference Jacobian of a network's scores, positive semi-definite, equal to the Hessian
 * where the scores are linear in w, and a proper symmetric operator.
 */
class GaussNewtonTest {

    private static final int N = 9;
    private static final int D = 3;
    private static final int HIDDEN = 4;
    private static final int CLASSES = 3;

    /** A tiny network on Gaussian data with some zero inputs, and a point without kinks. */
    private static final class Tiny {
        final double[][] x;
        final int[] y;
        final ShallowNetwork net;
        final double[] w;

        Tiny(long seed) {
            Random random = new Random(seed);
            x = ModelTesting.sparsify(random, ModelTesting.gaussianMatrix(random, N, D, 1.0), 0.3);
            y = ModelTesting.randomLabels(random, N, CLASSES);
            net = ShallowNetwork.of(x, y, HIDDEN, CLASSES);
            double[] point;
            do {
                point = ModelTesting.gaussianVector(random, net.parameterCount(), 0.8);
            } while (ShallowNetworkTest.smallestPreActivation(point, x, HIDDEN) < 0.05);
            w = point;
        }

        /** The scores of example i at u, from the documented layout. */
        double[] scores(double[] u, int i) {
            int b1 = HIDDEN * D;
            int w2 = b1 + HIDDEN;
            int b2 = w2 + CLASSES * HIDDEN;
            double[] h = new double[HIDDEN];
            for (int k = 0; k < HIDDEN; k++) {
                double a = u[b1 + k];
                for (int j = 0; j < D; j++) {
                    a += u[k * D + j] * x[i][j];
                }
                h[k] = Math.max(a, 0.0);
            }
            double[] s = new double[CLASSES];
            for (int c = 0; c < CLASSES; c++) {
                s[c] = u[b2 + c];
                for (int k = 0; k < HIDDEN; k++) {
                    s[c] += u[w2 + c * HIDDEN + k] * h[k];
                }
            }
            return s;
        }
    }

    @Test
    void networkGaussNewtonIsJacobianTransposeTimesSoftmaxCurvatureTimesJacobian() {
        Tiny tiny = new Tiny(61);
        int p = tiny.net.parameterCount();
        // the step moves no pre-activation by more than (D max|x| + 1) h, far below the margin
        double h = 1e-5;
        double[][] expected = new double[p][p];
        for (int i = 0; i < N; i++) {
            double[][] jacobian = new double[CLASSES][p];
            double[] point = tiny.w.clone();
            for (int q = 0; q < p; q++) {
                point[q] = tiny.w[q] + h;
                double[] plus = tiny.scores(point, i);
                point[q] = tiny.w[q] - h;
                double[] minus = tiny.scores(point, i);
                point[q] = tiny.w[q];
                for (int c = 0; c < CLASSES; c++) {
                    jacobian[c][q] = (plus[c] - minus[c]) / (2 * h);
                }
            }
            double[] s = tiny.scores(tiny.w, i);
            double max = Math.max(s[0], Math.max(s[1], s[2]));
            double[] prob = new double[CLASSES];
            double sum = 0.0;
            for (int c = 0; c < CLASSES; c++) {
                prob[c] = Math.exp(s[c] - max);
                sum += prob[c];
            }
            for (int c = 0; c < CLASSES; c++) {
                prob[c] /= sum;
            }
            for (int c = 0; c < CLASSES; c++) {
                for (int c2 = 0; c2 < CLASSES; c2++) {
                    double middle = prob[c] * ((c == c2 ? 1.0 : 0.0) - prob[c2]);
                    for (int a = 0; a < p; a++) {
                        for (int b = 0; b < p; b++) {
                            expected[a][b] += jacobian[c][a] * middle * jacobian[c2][b];
                        }
                    }
                }
            }
        }
        assertClose("GGN", tiny.net.gaussNewtonAt(tiny.w).toDense(), expected, 1e-8);
    }

    @Test
    void networkGaussNewtonIsPositiveSemiDefiniteWhileTheHessianIsNot() {
        Tiny tiny = new Tiny(62);
        double[] ggn = eigenvalues(tiny.net.gaussNewtonAt(tiny.w).toDense());
        double[] hessian = eigenvalues(tiny.net.hessianAt(tiny.w).toDense());
        double scale = Math.max(largestMagnitude(ggn), largestMagnitude(hessian));
        for (double lambda : ggn) {
            assertThat(lambda).isGreaterThanOrEqualTo(-1e-10 * scale);
        }
        assertThat(min(hessian)).isLessThan(-1e-3 * scale);
        // the rank is at most N (n - 1): the rest of the spectrum is zero
        int nonZero = 0;
        for (double lambda : ggn) {
            nonZero += lambda > 1e-10 * scale ? 1 : 0;
        }
        assertThat(nonZero).isLessThanOrEqualTo(N * (CLASSES - 1));
    }

    @Test
    void theOperatorMatchesItsDenseFormAndIsSymmetricAndLinear() {
        Tiny tiny = new Tiny(63);
        int p = tiny.net.parameterCount();
        SymmetricOperator ggn = tiny.net.gaussNewtonAt(tiny.w);
        assertThat(ggn.dimension()).isEqualTo(p);
        double[][] dense = ggn.toDense();
        Random random = new Random(64);
        double[] u = ModelTesting.gaussianVector(random, p, 1.0);
        double[] v = ModelTesting.gaussianVector(random, p, 1.0);
        double[] gu = new double[p];
        double[] gv = new double[p];
        ggn.apply(u, gu);
        ggn.apply(v, gv);
        assertClose("Gu", gu, ModelTesting.multiply(dense, u), 1e-10);
        assertClose("Gv", gv, ModelTesting.multiply(dense, v), 1e-10);
        double uGv = ModelTesting.dot(u, gv);
        assertThat(uGv).isCloseTo(ModelTesting.dot(v, gu), within(1e-10 * Math.abs(uGv)));
        assertThat(ModelTesting.dot(u, gu)).isGreaterThanOrEqualTo(0.0);
        double[] combined = new double[p];
        ggn.apply(ModelTesting.axpy(-3.0, v, u), combined);
        assertClose("G(u - 3v)", combined, ModelTesting.axpy(-3.0, gv, gu), 1e-10);
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < a; b++) {
                assertThat(dense[a][b]).isEqualTo(dense[b][a]);
            }
        }
    }

    @Test
    void networkGaussNewtonKeepsItsPointAndDiffersFromTheHessianOnlyInTheSecondOrderPart() {
        Tiny tiny = new Tiny(65);
        int p = tiny.net.parameterCount();
        double[] w = tiny.w.clone();
        SymmetricOperator ggn = tiny.net.gaussNewtonAt(w);
        double[] before = new double[p];
        double[] v = ModelTesting.gaussianVector(new Random(66), p, 1.0);
        ggn.apply(v, before);
        Arrays.fill(w, 0.5);
        double[] after = new double[p];
        ggn.apply(v, after);
        assertThat(after).containsExactly(before);
        // along b2 alone Rh = 0 and V2 = 0, so both second-order terms vanish and the Hessian
        // and the Gauss-Newton products agree
        double[] alongB2 = new double[p];
        int b2 = p - CLASSES;
        alongB2[b2] = 1.0;
        alongB2[b2 + 2] = -2.0;
        double[] hv = new double[p];
        double[] gv = new double[p];
        tiny.net.hessianAt(tiny.w).apply(alongB2, hv);
        ggn.apply(alongB2, gv);
        assertClose("G v = H v along b2", gv, hv, 1e-14);
    }

    @Test
    void forLogisticAndSoftmaxRegressionItIsTheHessian() {
        Random random = new Random(67);
        double[][] x = ModelTesting.gaussianMatrix(random, 30, 4, 1.0);
        GaussNewton[] models = {
            LogisticRegression.of(x, ModelTesting.randomLabels(random, 30, 2), true),
            SoftmaxRegression.of(x, ModelTesting.randomLabels(random, 30, 3), 3, true),
        };
        for (GaussNewton model : models) {
            double[] w = ModelTesting.gaussianVector(random, model.parameterCount(), 0.5);
            double[][] hessian = model.hessianAt(w).toDense();
            assertThat(model.gaussNewtonAt(w).toDense()).isDeepEqualTo(hessian);
            Cost cost = Cost.of(model, 0.3);
            double[] v = ModelTesting.gaussianVector(random, model.parameterCount(), 1.0);
            double[] hv = new double[v.length];
            double[] gv = new double[v.length];
            cost.hessianAt(w).apply(v, hv);
            cost.gaussNewtonAt(w).apply(v, gv);
            assertThat(gv).containsExactly(hv);
        }
    }

    @Test
    void theCostAddsThePriorAndNeedsAGaussNewtonModel() {
        Tiny tiny = new Tiny(68);
        double[][] ggn = tiny.net.gaussNewtonAt(tiny.w).toDense();
        double[][] shifted = Cost.of(tiny.net, 0.25).gaussNewtonAt(tiny.w).toDense();
        for (int a = 0; a < ggn.length; a++) {
            ggn[a][a] += 0.25;
        }
        assertThat(shifted).isDeepEqualTo(ggn);
        // a model written as a user would, without the Gauss-Newton operator
        Model plain = TestSupport.Logistic.random(new Random(69), 5, 2, 0.0);
        assertThatThrownBy(() -> Cost.of(plain, 1.0).gaussNewtonAt(new double[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GaussNewton");
        assertThatThrownBy(() -> tiny.net.gaussNewtonAt(new double[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double[] eigenvalues(double[][] matrix) {
        return new EigenDecomposition(new Array2DRowRealMatrix(matrix)).getRealEigenvalues();
    }

    private static double largestMagnitude(double[] values) {
        double largest = 0.0;
        for (double value : values) {
            largest = Math.max(largest, Math.abs(value));
        }
        return largest;
    }

    private static double min(double[] values) {
        double smallest = Double.POSITIVE_INFINITY;
        for (double value : values) {
            smallest = Math.min(smallest, value);
        }
        return smallest;
    }
}
