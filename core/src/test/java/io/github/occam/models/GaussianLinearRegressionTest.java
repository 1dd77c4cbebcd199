package io.github.occam.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.TestSupport;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GaussianLinearRegressionTest {

    private final Random random = new Random(11);
    private final double[][] x = TestSupport.gaussian(random, 7, 4);
    private final double[] y = TestSupport.linearTargets(random, x, 0.3);
    private final GaussianLinearRegression model = GaussianLinearRegression.of(x, y, 0.3);

    @Test
    void crossEntropyIsTheGaussianNegativeLogLikelihood() {
        double[] w = {0.5, -1, 2, 0.25};
        double expected = 0.0;
        for (int i = 0; i < x.length; i++) {
            double mean = 0.0;
            for (int j = 0; j < w.length; j++) {
                mean += x[i][j] * w[j];
            }
            // -ln of the normal density, written out
            expected -= Math.log(Math.exp(-(y[i] - mean) * (y[i] - mean) / (2 * 0.09))
                    / Math.sqrt(2 * Math.PI * 0.09));
        }
        assertThat(model.crossEntropy(w)).isCloseTo(expected, within(1e-12 * Math.abs(expected)));
        assertThat(model.parameterCount()).isEqualTo(4);
        assertThat(model.exampleCount()).isEqualTo(7);
        assertThat(model.classCount()).isZero();
        assertThat(model.noiseStdDev()).isEqualTo(0.3);
    }

    @Test
    void nullLogLikelihoodIsTheLogLikelihoodAtZero() {
        double expected = 0.0;
        for (double yi : y) {
            expected += -yi * yi / (2 * 0.09) - 0.5 * Math.log(2 * Math.PI * 0.09);
        }
        assertThat(model.nullLogLikelihood()).isCloseTo(expected, within(1e-12 * Math.abs(expected)));
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        double[] w = {0.1, 0.2, -0.3, 0.4};
        double[] gradient = new double[4];
        model.crossEntropy(w, gradient);
        double[] numerical = TestSupport.numericalGradient(model::crossEntropy, w, 1e-5);
        assertThat(TestSupport.maxAbsDifference(gradient, numerical)).isLessThan(1e-6);
    }

    @Test
    void hessianIsXtXOverSigmaSquaredAndMatchesProducts() {
        double[] w = {1, 2, 3, 4};
        double[][] hessian = model.hessianAt(w).toDense();
        double[] v = {0.3, -0.7, 1.1, 0.2};
        double[] product = new double[4];
        model.hessianAt(w).apply(v, product);
        for (int a = 0; a < 4; a++) {
            double fromDense = 0.0;
            for (int b = 0; b < 4; b++) {
                double expected = 0.0;
                for (double[] row : x) {
                    expected += row[a] * row[b] / 0.09;
                }
                assertThat(hessian[a][b]).isCloseTo(expected, within(1e-12 * (1 + Math.abs(expected))));
                fromDense += hessian[a][b] * v[b];
            }
            assertThat(product[a]).isCloseTo(fromDense, within(1e-11 * (1 + Math.abs(fromDense))));
        }
        // and the dense Hessian against finite differences of the gradient
        for (int b = 0; b < 4; b++) {
            int column = b;
            double[] numerical = TestSupport.numericalGradient(point -> {
                double[] g = new double[4];
                model.crossEntropy(point, g);
                return g[column];
            }, w, 1e-5);
            for (int a = 0; a < 4; a++) {
                assertThat(numerical[a]).isCloseTo(hessian[a][b], within(1e-5 * (1 + Math.abs(hessian[a][b]))));
            }
        }
    }

    @Test
    void copiesItsInput() {
        double[][] features = {{1.0}, {2.0}};
        double[] targets = {1.0, 2.0};
        GaussianLinearRegression m = GaussianLinearRegression.of(features, targets, 1.0);
        double before = m.crossEntropy(new double[] {0.5});
        features[0][0] = 100;
        targets[1] = -5;
        assertThat(m.crossEntropy(new double[] {0.5})).isEqualTo(before);
    }

    @Test
    void rejectsBadInput() {
        double[][] features = {{1.0, 2.0}, {3.0, 4.0}};
        double[] targets = {1.0, 2.0};
        assertThatThrownBy(() -> GaussianLinearRegression.of(features, targets, 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noiseStdDev").hasMessageContaining("0.0");
        assertThatThrownBy(() -> GaussianLinearRegression.of(features, targets, Double.NaN))
                .hasMessageContaining("noiseStdDev").hasMessageContaining("NaN");
        assertThatThrownBy(() -> GaussianLinearRegression.of(null, targets, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("features");
        assertThatThrownBy(() -> GaussianLinearRegression.of(new double[0][], new double[0], 1.0))
                .hasMessageContaining("features").hasMessageContaining("0");
        assertThatThrownBy(() -> GaussianLinearRegression.of(features, new double[] {1.0}, 1.0))
                .hasMessageContaining("targets has length 1, expected 2");
        assertThatThrownBy(() -> GaussianLinearRegression.of(new double[][] {{1.0, 2.0}, {3.0}}, targets, 1.0))
                .hasMessageContaining("features[1] has length 1, expected 2");
        assertThatThrownBy(() -> GaussianLinearRegression.of(new double[][] {{1.0, 2.0}, {3.0, Double.POSITIVE_INFINITY}}, targets, 1.0))
                .hasMessageContaining("features[1][1] must be finite, got Infinity");
        assertThatThrownBy(() -> GaussianLinearRegression.of(features, new double[] {1.0, Double.NaN}, 1.0))
                .hasMessageContaining("targets[1] must be finite, got NaN");
        GaussianLinearRegression m = GaussianLinearRegression.of(features, targets, 1.0);
        assertThatThrownBy(() -> m.crossEntropy(new double[3]))
                .hasMessageContaining("w has length 3, expected 2");
        assertThatThrownBy(() -> m.crossEntropy(new double[2], new double[1]))
                .hasMessageContaining("gradient has length 1, expected 2");
        assertThatThrownBy(() -> m.hessianAt(new double[2]).apply(new double[1], new double[2]))
                .hasMessageContaining("v has length 1, expected 2");
        assertThatThrownBy(() -> m.crossEntropy(new double[] {0.0, Double.NaN}))
                .hasMessage("w[1] must be finite, got NaN");
        assertThatThrownBy(() -> m.hessianAt(new double[] {Double.NEGATIVE_INFINITY, 0.0}).toDense())
                .hasMessage("w[0] must be finite, got -Infinity");
        assertThatThrownBy(() -> m.hessianAt(new double[2]).apply(new double[] {Double.NaN, 0.0}, new double[2]))
                .hasMessage("v[0] must be finite, got NaN");
    }
}
