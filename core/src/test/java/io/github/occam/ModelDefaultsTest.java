package io.github.occam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The finite-difference defaults of {@link Model} against a model with a known Hessian. */
class ModelDefaultsTest {

    /** H(w) = sum_k exp(a_k . w) + 1/2 w' S w: smooth, with a Hessian known in closed form. */
    private static final class ExpQuadratic implements Model {
        final double[][] a;
        final double[][] s;

        ExpQuadratic(double[][] a, double[][] s) {
            this.a = a;
            this.s = s;
        }

        @Override
        public int parameterCount() {
            return s.length;
        }

        @Override
        public int exampleCount() {
            return a.length;
        }

        @Override
        public int classCount() {
            return 3;
        }

        @Override
        public double crossEntropy(double[] w, Batch batch, double[] gradient) {
            int p = w.length;
            double value = 0.0;
            if (gradient != null) {
                java.util.Arrays.fill(gradient, 0.0);
            }
            for (int k = 0; k < batch.size(); k++) {
                double[] ak = a[batch.index(k)];
                double e = Math.exp(dot(ak, w));
                value += e;
                if (gradient != null) {
                    for (int j = 0; j < p; j++) {
                        gradient[j] += e * ak[j];
                    }
                }
            }
            double share = (double) batch.size() / a.length;   // the quadratic, spread evenly
            for (int i = 0; i < p; i++) {
                double si = share * dot(s[i], w);
                value += 0.5 * w[i] * si;
                if (gradient != null) {
                    gradient[i] += si;
                }
            }
            return value;
        }

        double[][] exactHessian(double[] w) {
            int p = w.length;
            double[][] h = new double[p][p];
            for (int i = 0; i < p; i++) {
                h[i] = s[i].clone();
            }
            for (double[] ak : a) {
                double e = Math.exp(dot(ak, w));
                for (int i = 0; i < p; i++) {
                    for (int j = 0; j < p; j++) {
                        h[i][j] += e * ak[i] * ak[j];
                    }
                }
            }
            return h;
        }
    }

    private static double dot(double[] x, double[] y) {
        double sum = 0.0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }

    /** Returns a model of n examples and p parameters with a known Hessian (for other tests). */
    static Model expQuadratic(Random random, int n, int p) {
        return randomModel(random, p, n);
    }

    private static ExpQuadratic randomModel(Random random, int p, int n) {
        double[][] a = new double[n][p];
        for (double[] row : a) {
            for (int j = 0; j < p; j++) {
                row[j] = 0.3 * random.nextGaussian();
            }
        }
        double[][] s = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                s[i][j] = s[j][i] = random.nextGaussian();
            }
        }
        return new ExpQuadratic(a, s);
    }

    @Test
    void finiteDifferenceHessianVectorProductMatchesClosedForm() {
        Random random = new Random(7);
        ExpQuadratic model = randomModel(random, 6, 5);
        double[] w = random.doubles(6, -0.5, 0.5).toArray();
        double[] v = random.doubles(6, -1, 1).toArray();
        double[][] exact = model.exactHessian(w);
        double[] hv = new double[6];
        model.hessianAt(w).apply(v, hv);
        for (int i = 0; i < 6; i++) {
            assertThat(hv[i]).isCloseTo(dot(exact[i], v), within(1e-7));
        }
    }

    @Test
    void defaultDenseHessianIsSymmetricAndMatchesClosedForm() {
        Random random = new Random(11);
        ExpQuadratic model = randomModel(random, 5, 8);
        double[] w = random.doubles(5, -0.5, 0.5).toArray();
        double[][] exact = model.exactHessian(w);
        double[][] dense = model.hessianAt(w).toDense();
        for (int i = 0; i < 5; i++) {
            assertThat(dense[i][i]).isCloseTo(exact[i][i], within(1e-7));
            for (int j = 0; j < 5; j++) {
                assertThat(dense[i][j]).isEqualTo(dense[j][i]);
                assertThat(dense[i][j]).isCloseTo(exact[i][j], within(1e-7));
            }
        }
    }

    @Test
    void zeroDirectionGivesZeroProduct() {
        ExpQuadratic model = randomModel(new Random(3), 4, 2);
        double[] hv = {1, 2, 3, 4};
        model.hessianAt(new double[4]).apply(new double[4], hv);
        assertThat(hv).containsOnly(0.0);
    }

    @Test
    void nullModelIsMinusNLogN() {
        ExpQuadratic model = randomModel(new Random(5), 2, 7);
        assertThat(model.nullLogLikelihood()).isCloseTo(-7 * Math.log(3), within(1e-12));
    }

    @Test
    void wrongLengthsNameTheArgument() {
        ExpQuadratic model = randomModel(new Random(5), 3, 2);
        assertThatThrownBy(() -> model.hessianAt(new double[3]).apply(new double[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("v has length 2, expected 3");
        assertThatThrownBy(() -> model.hessianAt(new double[4]).toDense())
                .hasMessageContaining("w has length 4, expected 3");
    }
}
