package io.github.occam.models;

import io.github.occam.Classifier;

import static io.github.occam.models.ModelTesting.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SoftmaxRegressionTest {

    private static final int N = 40;
    private static final int D = 4;
    private static final int CLASSES = 3;

    private static double[][] features() {
        return ModelTesting.gaussianMatrix(new Random(21), N, D, 1.0);
    }

    private static int[] labels() {
        return ModelTesting.randomLabels(new Random(22), N, CLASSES);
    }

    /** The contract on the seeded data, with or without biases, dense or mostly zero. */
    abstract static class SoftmaxContract extends ClassifierContract {
        private final boolean bias;
        private final double zeroFraction;

        SoftmaxContract(boolean bias, double zeroFraction) {
            this.bias = bias;
            this.zeroFraction = zeroFraction;
        }

        @Override
        protected Classifier model() {
            return SoftmaxRegression.of(rows(), labels(), CLASSES, bias);
        }

        @Override
        double[][] rows() {
            return ModelTesting.sparsify(new Random(26), features(), zeroFraction);
        }

        @Override
        int[] labels() {
            return SoftmaxRegressionTest.labels();
        }

        @Override
        protected double[] point(Random random) {
            return ModelTesting.gaussianVector(random, CLASSES * (D + (bias ? 1 : 0)), 0.7);
        }
    }

    @Nested
    class WithBias extends SoftmaxContract {
        WithBias() {
            super(true, 0.0);
        }
    }

    @Nested
    class WithoutBias extends SoftmaxContract {
        WithoutBias() {
            super(false, 0.0);
        }
    }

    /** Mostly zero features, which the model stores and multiplies sparse. */
    @Nested
    class SparseFeatures extends SoftmaxContract {
        SparseFeatures() {
            super(false, 0.7);
        }
    }

    @Test
    void crossEntropyMatchesTheDefinitionWithTheClassMajorLayout() {
        double[][] x = features();
        int[] y = labels();
        double[] w = ModelTesting.gaussianVector(new Random(23), CLASSES * (D + 1), 0.7);
        double expected = 0.0;
        for (int i = 0; i < N; i++) {
            double[] expScore = new double[CLASSES];
            double total = 0.0;
            for (int c = 0; c < CLASSES; c++) {
                double s = w[c * (D + 1) + D];
                for (int j = 0; j < D; j++) {
                    s += w[c * (D + 1) + j] * x[i][j];
                }
                expScore[c] = Math.exp(s);
                total += expScore[c];
            }
            expected -= Math.log(expScore[y[i]] / total);
        }
        assertThat(SoftmaxRegression.of(x, y, CLASSES, true).crossEntropy(w))
                .isCloseTo(expected, within(1e-12 * expected));
    }

    @Test
    void hessianAtZeroIsTheCenteredClassMatrixTimesTheGramMatrix() {
        // p = 1/n for every class: block (c, c') = (delta_cc'/n - 1/n^2) X'X
        double[][] x = features();
        int p = CLASSES * D;
        double[][] gram = new double[D][D];
        for (double[] row : x) {
            for (int j = 0; j < D; j++) {
                for (int k = 0; k < D; k++) {
                    gram[j][k] += row[j] * row[k];
                }
            }
        }
        double[][] expected = new double[p][p];
        for (int c = 0; c < CLASSES; c++) {
            for (int c2 = 0; c2 < CLASSES; c2++) {
                double weight = (c == c2 ? 1.0 / CLASSES : 0.0) - 1.0 / (CLASSES * CLASSES);
                for (int j = 0; j < D; j++) {
                    for (int k = 0; k < D; k++) {
                        expected[c * D + j][c2 * D + k] = weight * gram[j][k];
                    }
                }
            }
        }
        double[][] hessian = SoftmaxRegression.of(x, labels(), CLASSES, false).hessianAt(new double[p]).toDense();
        assertClose("H(0)", hessian, expected, 1e-14);
    }

    @Test
    void shiftingEveryClassByTheSameVectorChangesNothing() {
        SoftmaxRegression model = SoftmaxRegression.of(features(), labels(), CLASSES, true);
        Random random = new Random(24);
        double[] w = ModelTesting.gaussianVector(random, CLASSES * (D + 1), 0.7);
        double[] shift = ModelTesting.gaussianVector(random, D + 1, 1.0);
        double[] shifted = w.clone();
        double[] direction = new double[w.length];
        for (int c = 0; c < CLASSES; c++) {
            for (int j = 0; j <= D; j++) {
                shifted[c * (D + 1) + j] += shift[j];
                direction[c * (D + 1) + j] = shift[j];
            }
        }
        double h = model.crossEntropy(w);
        assertThat(model.crossEntropy(shifted)).isCloseTo(h, within(1e-12 * h));
        double[] hv = new double[w.length];
        model.hessianAt(w).apply(direction, hv);
        assertThat(ModelTesting.maxAbs(hv)).isLessThan(1e-12);
    }

    @Test
    void staysAccurateWhenThePredictionsSaturate() {
        SoftmaxRegression model = SoftmaxRegression.of(
                new double[][] {{1.0}, {1.0}}, new int[] {0, 2}, 3, false);
        double[] w = {900.0, 0.0, 860.0};
        // example 0: -ln p_0 = ln(1 + e^-900 + e^-40) ~ e^-40; example 1: 900 - 860 + e^-40
        double[] gradient = new double[3];
        double h = model.crossEntropy(w, gradient);
        assertThat(h).isCloseTo(40.0, within(1e-12));
        SoftmaxRegression confident = SoftmaxRegression.of(new double[][] {{1.0}}, new int[] {0}, 3, false);
        assertThat(confident.crossEntropy(w)).isCloseTo(Math.exp(-40.0), within(1e-30));
        // gradient = (p - e_0) + (p - e_2) with p = (1 - e^-40, e^-900, e^-40), up to e^-40
        assertThat(gradient[0]).isCloseTo(1.0, within(1e-15));
        assertThat(gradient[1]).isCloseTo(0.0, within(1e-300));
        assertThat(gradient[2]).isCloseTo(-1.0, within(1e-15));
    }

    @Test
    void predictsTheHighestScoreTiesToTheLowestClass() {
        SoftmaxRegression model = SoftmaxRegression.of(
                new double[][] {{1.0, 0.0}, {0.0, 1.0}, {-1.0, -1.0}, {0.0, 0.0}},
                new int[] {0, 1, 1, 2}, 3, true);
        // class 0: x0; class 1: x1; class 2: bias 0.5 only
        double[] w = {1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.5};
        // scores: (1, 0, .5) -> 0; (0, 1, .5) -> 1; (-1, -1, .5) -> 2; (0, 0, .5) -> 2
        assertThat(model.predict(w)).containsExactly(0, 1, 2, 2);
        assertThat(model.accuracy(w)).isEqualTo(0.75);
        assertThat(model.predict(new double[9])).containsExactly(0, 0, 0, 0);
        assertThat(model.parameterCount()).isEqualTo(9);
        assertThat(model.featureCount()).isEqualTo(2);
        assertThat(model.hasBias()).isTrue();
        assertThat(model.classCount()).isEqualTo(3);
        assertThat(model.exampleCount()).isEqualTo(4);
    }

    @Test
    void copiesItsInputs() {
        double[][] x = features();
        int[] y = labels();
        SoftmaxRegression model = SoftmaxRegression.of(x, y, CLASSES, true);
        double[] w = ModelTesting.gaussianVector(new Random(25), CLASSES * (D + 1), 0.7);
        double before = model.crossEntropy(w);
        x[2][1] = 100.0;
        y[0] = (y[0] + 1) % CLASSES;
        assertThat(model.crossEntropy(w)).isEqualTo(before);
    }

    @Test
    void rejectsBadDataNamingTheOffendingValue() {
        double[][] ok = {{1.0, 2.0}, {3.0, 4.0}};
        assertThatThrownBy(() -> SoftmaxRegression.of(ok, new int[] {0, 1}, 1, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("classCount must be >= 2, got 1");
        assertThatThrownBy(() -> SoftmaxRegression.of(ok, new int[] {0, 3}, 3, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("labels[1] must be in [0, 2], got 3");
        assertThatThrownBy(() -> SoftmaxRegression.of(new double[][] {{1.0, Double.NaN}, {3.0, 4.0}},
                new int[] {0, 1}, 3, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("features[0][1] must be finite, got NaN");
        assertThatThrownBy(() -> SoftmaxRegression.of(new double[][] {{1.0, 2.0}, {3.0, 4.0, 5.0}},
                new int[] {0, 1}, 3, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("features[1] has length 3");
        assertThatThrownBy(() -> SoftmaxRegression.of(ok, new int[] {0}, 3, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("labels has length 1");
        assertThatThrownBy(() -> SoftmaxRegression.of(null, new int[] {0}, 3, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("features must not be null");
        double[][] huge = new double[1 << 16][];
        java.util.Arrays.fill(huge, new double[1 << 15]);
        assertThatThrownBy(() -> SoftmaxRegression.of(huge, new int[huge.length], 2, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than one array can hold");
    }
}
