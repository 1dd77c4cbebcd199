package io.github.occam.models;

import io.github.occam.Classifier;

import static io.github.occam.models.ModelTesting.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

    private static final int N = 40;
    private static final int D = 4;

    private static double[][] features() {
        return ModelTesting.gaussianMatrix(new Random(1), N, D, 1.0);
    }

    private static int[] labels() {
        return ModelTesting.randomLabels(new Random(2), N, 2);
    }

    /** The contract on the seeded data, with or without bias, dense or mostly zero. */
    abstract static class LogisticContract extends ClassifierContract {
        private final boolean bias;
        private final double zeroFraction;

        LogisticContract(boolean bias, double zeroFraction) {
            this.bias = bias;
            this.zeroFraction = zeroFraction;
        }

        @Override
        protected Classifier model() {
            return LogisticRegression.of(rows(), labels(), bias);
        }

        @Override
        double[][] rows() {
            return ModelTesting.sparsify(new Random(6), features(), zeroFraction);
        }

        @Override
        int[] labels() {
            return LogisticRegressionTest.labels();
        }

        @Override
        protected double[] point(Random random) {
            return ModelTesting.gaussianVector(random, D + (bias ? 1 : 0), 0.7);
        }
    }

    @Nested
    class WithBias extends LogisticContract {
        WithBias() {
            super(true, 0.0);
        }
    }

    @Nested
    class WithoutBias extends LogisticContract {
        WithoutBias() {
            super(false, 0.0);
        }
    }

    /** Mostly zero features, which the model stores and multiplies sparse. */
    @Nested
    class SparseFeatures extends LogisticContract {
        SparseFeatures() {
            super(true, 0.7);
        }
    }

    @Test
    void crossEntropyMatchesTheDefinitionSummedOverExamples() {
        double[][] x = features();
        int[] y = labels();
        double[] w = ModelTesting.gaussianVector(new Random(3), D + 1, 0.7);
        double expected = 0.0;
        for (int i = 0; i < N; i++) {
            double z = ModelTesting.dot(x[i], w) + w[D];
            double probability = 1.0 / (1.0 + Math.exp(-z));
            expected -= Math.log(y[i] == 1 ? probability : 1.0 - probability);
        }
        assertThat(LogisticRegression.of(x, y, true).crossEntropy(w))
                .isCloseTo(expected, within(1e-12 * expected));
    }

    @Test
    void equalsTwoClassSoftmaxWithTheDifferenceOfTheClassWeights() {
        // sigma(z) = softmax((a, a + w) . x)_1 for every a: same H, gradient of class 1 = the
        // logistic gradient = minus that of class 0, Hessian block (1, 1) = the logistic Hessian.
        double[][] x = features();
        int[] y = labels();
        Random random = new Random(4);
        double[] w = ModelTesting.gaussianVector(random, D + 1, 0.7);
        double[] a = ModelTesting.gaussianVector(random, D + 1, 0.7);
        double[] softmaxWeights = new double[2 * (D + 1)];
        for (int j = 0; j <= D; j++) {
            softmaxWeights[j] = a[j];
            softmaxWeights[D + 1 + j] = a[j] + w[j];
        }
        LogisticRegression logistic = LogisticRegression.of(x, y, true);
        SoftmaxRegression softmax = SoftmaxRegression.of(x, y, 2, true);
        double[] logisticGradient = new double[D + 1];
        double[] softmaxGradient = new double[2 * (D + 1)];
        double h = logistic.crossEntropy(w, logisticGradient);
        assertThat(softmax.crossEntropy(softmaxWeights, softmaxGradient))
                .isCloseTo(h, within(1e-12 * h));
        double[][] logisticHessian = logistic.hessianAt(w).toDense();
        double[][] softmaxHessian = softmax.hessianAt(softmaxWeights).toDense();
        for (int j = 0; j <= D; j++) {
            assertThat(softmaxGradient[D + 1 + j]).isCloseTo(logisticGradient[j], within(1e-12));
            assertThat(softmaxGradient[j]).isCloseTo(-logisticGradient[j], within(1e-12));
            for (int k = 0; k <= D; k++) {
                assertThat(softmaxHessian[D + 1 + j][D + 1 + k])
                        .isCloseTo(logisticHessian[j][k], within(1e-12));
            }
        }
        assertThat(softmax.predict(softmaxWeights)).containsExactly(logistic.predict(w));
    }

    @Test
    void hessianAtZeroIsAQuarterOfTheGramMatrix() {
        double[][] x = features();
        double[][] hessian = LogisticRegression.of(x, labels(), true).hessianAt(new double[D + 1]).toDense();
        double[][] expected = new double[D + 1][D + 1];
        for (double[] row : x) {
            double[] xt = {row[0], row[1], row[2], row[3], 1.0};
            for (int j = 0; j <= D; j++) {
                for (int k = 0; k <= D; k++) {
                    expected[j][k] += 0.25 * xt[j] * xt[k];
                }
            }
        }
        assertClose("H(0)", hessian, expected, 1e-14);
    }

    /** Every example count modulo 4, as the dense Hessian takes the examples four at a time. */
    @Test
    void hessianIsTheWeightedGramMatrixForAnyExampleCount() {
        Random random = new Random(9);
        for (int n : new int[] {1, 2, 3, 5, 6, 7, 41}) {
            for (boolean bias : new boolean[] {false, true}) {
                double[][] x = ModelTesting.gaussianMatrix(random, n, 3, 1.0);
                int[] y = ModelTesting.randomLabels(random, n, 2);
                int p = bias ? 4 : 3;
                double[] w = ModelTesting.gaussianVector(random, p, 0.8);
                double[][] expected = new double[p][p];
                for (double[] row : x) {
                    double[] xt = bias ? new double[] {row[0], row[1], row[2], 1.0} : row;
                    double z = ModelTesting.dot(w, xt);
                    double sigma = 1.0 / (1.0 + Math.exp(-z));
                    for (int j = 0; j < p; j++) {
                        for (int k = 0; k < p; k++) {
                            expected[j][k] += sigma * (1 - sigma) * xt[j] * xt[k];
                        }
                    }
                }
                double[][] hessian = LogisticRegression.of(x, y, bias).hessianAt(w).toDense();
                assertClose("H, N = " + n + ", bias = " + bias, hessian, expected, 1e-14);
            }
        }
    }

    /**
     * P large enough for several blocks of rows, and above 1024 for tiles of columns, with the
     * blocks in parallel and N not a multiple of 4: the same matrix as the plain sum, and the
     * same bits on any number of threads.
     */
    @Test
    void blockedParallelHessianIsTheWeightedGramMatrixOnAnyThreadCount() throws Exception {
        Random random = new Random(10);
        for (int[] shape : new int[][] {{203, 149}, {7, 1029}}) {
            int n = shape[0];
            int d = shape[1];
            double[][] x = ModelTesting.gaussianMatrix(random, n, d, 1.0);
            int[] y = ModelTesting.randomLabels(random, n, 2);
            LogisticRegression model = LogisticRegression.of(x, y, true);
            double[] w = ModelTesting.gaussianVector(random, d + 1, 0.1);
            double[][] expected = new double[d + 1][d + 1];
            for (double[] row : x) {
                double[] xt = Arrays.copyOf(row, d + 1);
                xt[d] = 1.0;
                double sigma = 1.0 / (1.0 + Math.exp(-ModelTesting.dot(w, xt)));
                for (int j = 0; j <= d; j++) {
                    for (int k = 0; k <= d; k++) {
                        expected[j][k] += sigma * (1 - sigma) * xt[j] * xt[k];
                    }
                }
            }
            double[][] hessian = model.hessianAt(w).toDense();
            assertClose("H, N = " + n + ", P = " + (d + 1), hessian, expected, 1e-13);
            for (int threads : new int[] {1, 3}) {
                ForkJoinPool pool = new ForkJoinPool(threads);
                try {
                    double[][] again = pool.submit(() -> model.hessianAt(w).toDense()).get();
                    assertThat(again).as("P = %d, %d threads", d + 1, threads)
                            .isDeepEqualTo(hessian);
                } finally {
                    pool.shutdown();
                }
            }
        }
    }

    @Test
    void staysAccurateWhenThePredictionsSaturate() {
        LogisticRegression model = LogisticRegression.of(
                new double[][] {{1.0}, {1.0}, {-1.0}}, new int[] {0, 1, 1}, false);
        double[] w = {800.0};
        double[] gradient = new double[1];
        // -ln(1 - sigma(800)) = 800 + ln(1 + e^-800); -ln sigma(800) ~ e^-800; -ln sigma(-800) ~ 800
        assertThat(model.crossEntropy(w, gradient)).isEqualTo(1600.0);
        assertThat(gradient[0]).isCloseTo(1.0 + 0.0 + 1.0, within(1e-15));
        double[] hv = new double[1];
        model.hessianAt(w).apply(new double[] {1.0}, hv);
        assertThat(hv[0]).isBetween(0.0, 1e-300);
        LogisticRegression mild = LogisticRegression.of(new double[][] {{1.0}}, new int[] {1}, false);
        double[] g = new double[1];
        assertThat(mild.crossEntropy(new double[] {40.0}, g)).isCloseTo(Math.exp(-40.0), within(1e-30));
        assertThat(g[0]).isCloseTo(-Math.exp(-40.0), within(1e-30));
    }

    @Test
    void predictsOneExactlyWhereTheLogitIsPositive() {
        LogisticRegression model = LogisticRegression.of(
                new double[][] {{1.0, 0.0}, {-1.0, 0.0}, {2.0, 1.0}, {0.0, 0.0}},
                new int[] {1, 1, 0, 0}, true);
        double[] w = {1.0, 0.5, -0.5};
        // z = w.x + b = 0.5, -1.5, 2.0, -0.5: predictions 1, 0, 1, 0; correct: first and last
        assertThat(model.predict(w)).containsExactly(1, 0, 1, 0);
        assertThat(model.accuracy(w)).isEqualTo(0.5);
        // at w = 0 every logit is 0: a tie, predicted as class 0
        assertThat(model.predict(new double[3])).containsExactly(0, 0, 0, 0);
    }

    @Test
    void copiesItsInputs() {
        double[][] x = features();
        int[] y = labels();
        LogisticRegression model = LogisticRegression.of(x, y, false);
        double[] w = ModelTesting.gaussianVector(new Random(5), D, 0.7);
        double before = model.crossEntropy(w);
        x[0][0] += 10.0;
        y[1] = 1 - y[1];
        assertThat(model.crossEntropy(w)).isEqualTo(before);
        assertThat(model.parameterCount()).isEqualTo(D);
        assertThat(model.featureCount()).isEqualTo(D);
        assertThat(model.hasBias()).isFalse();
        assertThat(model.exampleCount()).isEqualTo(N);
        assertThat(model.classCount()).isEqualTo(2);
    }

    @Test
    void rejectsBadDataNamingTheOffendingValue() {
        double[][] ok = {{1.0, 2.0}, {3.0, 4.0}};
        int[] labels = {0, 1};
        assertThatThrownBy(() -> LogisticRegression.of(null, labels, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("features must not be null");
        assertThatThrownBy(() -> LogisticRegression.of(ok, null, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("labels must not be null");
        assertThatThrownBy(() -> LogisticRegression.of(new double[0][], new int[0], true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one row");
        assertThatThrownBy(() -> LogisticRegression.of(new double[][] {{}, {}}, labels, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one column");
        assertThatThrownBy(() -> LogisticRegression.of(new double[][] {{1.0, 2.0}, {3.0}}, labels, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("features[1] has length 1, expected 2 (the length of features[0])");
        assertThatThrownBy(() -> LogisticRegression.of(new double[][] {{1.0, 2.0}, null}, labels, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("features[1] must not be null");
        assertThatThrownBy(() -> LogisticRegression.of(new double[][] {{1.0, 2.0}, {3.0, Double.NaN}}, labels, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("features[1][1] must be finite, got NaN");
        assertThatThrownBy(() -> LogisticRegression.of(
                new double[][] {{Double.NEGATIVE_INFINITY, 2.0}, {3.0, 4.0}}, labels, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("features[0][0] must be finite, got -Infinity");
        assertThatThrownBy(() -> LogisticRegression.of(ok, new int[] {0, 2}, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("labels[1] must be in [0, 1], got 2");
        assertThatThrownBy(() -> LogisticRegression.of(ok, new int[] {-1, 0}, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("labels[0] must be in [0, 1], got -1");
        assertThatThrownBy(() -> LogisticRegression.of(ok, new int[] {0, 1, 1}, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("labels has length 3, expected 2 (one per row of features)");
    }
}
