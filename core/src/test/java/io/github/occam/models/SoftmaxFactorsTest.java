package io.github.occam.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SoftmaxFactorsTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 10})
    void theRankNMinusOneFactorReproducesTheSoftmaxCurvature(int n) {
        Random random = new Random(n);
        double[][] probabilities = new double[40][n];
        for (int i = 0; i < probabilities.length; i++) {
            double sum = 0.0;
            for (int k = 0; k < n; k++) {
                // some rows nearly one-hot, where the largest entry of sqrt(p) picks the reflection
                probabilities[i][k] = Math.exp((i % 4 == 0 ? 12 : 2) * random.nextGaussian());
                sum += probabilities[i][k];
            }
            for (int k = 0; k < n; k++) {
                probabilities[i][k] /= sum;
            }
        }
        double[][] factors = LabelledModel.softmaxFactors(probabilities);
        for (int i = 0; i < probabilities.length; i++) {
            double[] p = probabilities[i];
            double[] l = factors[i];
            assertThat(l).hasSize(n * (n - 1));
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    double product = 0.0;
                    for (int c = 0; c < n - 1; c++) {
                        product += l[a * (n - 1) + c] * l[b * (n - 1) + c];
                    }
                    double lambda = (a == b ? p[a] : 0.0) - p[a] * p[b];
                    assertThat(product).as("row %d, (%d, %d)", i, a, b).isCloseTo(lambda, within(1e-15));
                }
            }
        }
    }
}
