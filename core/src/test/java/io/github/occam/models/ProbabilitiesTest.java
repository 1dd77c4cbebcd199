package io.github.occam.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Class probabilities of the linear models against their own cross-entropy and predictions. */
class ProbabilitiesTest {

    private static void checkAgainstTheModel(double[][] p, double crossEntropy, int[] labels,
            int[] predicted) {
        double sum = 0.0;
        for (int i = 0; i < p.length; i++) {
            assertThat(java.util.Arrays.stream(p[i]).sum()).isCloseTo(1.0, within(1e-15));
            sum -= Math.log(p[i][labels[i]]);
            int best = 0;
            for (int c = 1; c < p[i].length; c++) {
                best = p[i][c] > p[i][best] ? c : best;
            }
            assertThat(best).isEqualTo(predicted[i]);
        }
        assertThat(sum).isCloseTo(crossEntropy, within(1e-12 * crossEntropy));
    }

    @Test
    void logisticProbabilitiesGiveItsCrossEntropyAndPredictions() {
        Random random = new Random(41);
        double[][] x = ModelTesting.gaussianMatrix(random, 30, 3, 1.0);
        int[] y = ModelTesting.randomLabels(random, 30, 2);
        LogisticRegression model = LogisticRegression.of(x, y, true);
        double[] w = ModelTesting.gaussianVector(random, 4, 1.0);
        checkAgainstTheModel(model.probabilities(w), model.crossEntropy(w), y, model.predict(w));
        // far out, no probability is lost to cancellation: 1 - p is e^-40, not 0
        double[][] far = model.on(new double[][] {{40, 0, 0}}, new int[] {1})
                .probabilities(new double[] {1, 0, 0, 0});
        assertThat(far[0][0]).isCloseTo(Math.exp(-40), within(1e-30));
    }

    @Test
    void softmaxProbabilitiesGiveItsCrossEntropyAndPredictions() {
        Random random = new Random(42);
        double[][] x = ModelTesting.gaussianMatrix(random, 30, 3, 1.0);
        int[] y = ModelTesting.randomLabels(random, 30, 4);
        SoftmaxRegression model = SoftmaxRegression.of(x, y, 4, false);
        double[] w = ModelTesting.gaussianVector(random, 12, 1.0);
        checkAgainstTheModel(model.probabilities(w), model.crossEntropy(w), y, model.predict(w));
    }
}
