package io.github.occam.examples.logistic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.Classifier;
import io.github.occam.models.LogisticRegression;
import io.github.occam.models.SoftmaxRegression;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A fitted model on new inputs agrees with a model built on those inputs. */
class PredictorTest {

    private static final Random RANDOM = new Random(7);

    private static double[][] rows(int n, int d) {
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = 3.0 * RANDOM.nextGaussian();
            }
        }
        return x;
    }

    private static int[] labels(int n, int classes) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = RANDOM.nextInt(classes);
        }
        return y;
    }

    private static double[] weights(int p) {
        double[] w = new double[p];
        for (int k = 0; k < p; k++) {
            w[k] = 4.0 * RANDOM.nextGaussian();
        }
        return w;
    }

    @Test
    void logisticAgreesWithTheCoreModelOnTheSameRows() {
        double[][] x = rows(50, 4);
        int[] y = labels(50, 2);
        assertAgrees(LogisticRegression.of(x, y, false), 2, false, x, y);
        assertAgrees(LogisticRegression.of(x, y, true), 2, true, x, y);
    }

    @Test
    void softmaxAgreesWithTheCoreModelOnTheSameRows() {
        double[][] x = rows(60, 3);
        int[] y = labels(60, 4);
        assertAgrees(SoftmaxRegression.of(x, y, 4, false), 4, false, x, y);
        assertAgrees(SoftmaxRegression.of(x, y, 4, true), 4, true, x, y);
    }

    /** The fitted model on x agrees with {@code model}, built on x, at random parameters. */
    private static void assertAgrees(Classifier model, int classes, boolean bias, double[][] x,
            int[] y) {
        double[] w = weights(model.parameterCount());
        Predictor fitted = Predictor.of(w, classes, x[0].length, bias);
        assertThat(fitted.predict(x)).containsExactly(model.predict(w));
        assertThat(fitted.accuracy(x, y)).isEqualTo(model.accuracy(w));
        double h = model.crossEntropy(w);
        assertThat(fitted.crossEntropy(x, y)).isCloseTo(h, within(1e-12 * h));
    }

    @Test
    void probabilitiesSumToOneAndStayFiniteForHugeScores() {
        Predictor logistic = Predictor.of(new double[] {1e6}, 2, 1, false);
        double[][] p = logistic.probabilities(new double[][] {{1.0}, {-1.0}});
        assertThat(p[0]).containsExactly(0.0, 1.0);
        assertThat(p[1]).containsExactly(1.0, 0.0);
        assertThat(logistic.crossEntropy(new double[][] {{1.0}}, new int[] {0})).isEqualTo(1e6);
        Predictor softmax = Predictor.of(new double[] {1e6, 0, -1e6}, 3, 1, false);
        double[] q = softmax.probabilities(new double[][] {{1.0}})[0];
        assertThat(q[0] + q[1] + q[2]).isCloseTo(1.0, within(1e-15));
        assertThat(softmax.crossEntropy(new double[][] {{1.0}}, new int[] {2})).isEqualTo(2e6);
    }

    @Test
    void argumentsAreChecked() {
        assertThatThrownBy(() -> Predictor.of(new double[3], 3, 2, false))
                .hasMessage("w must have length 6 for 3 classes of 2 features, got 3");
        Predictor fitted = Predictor.of(new double[2], 2, 2, false);
        assertThatThrownBy(() -> fitted.predict(new double[][] {{1, 2, 3}}))
                .hasMessage("a row must have 2 features, got 3");
        assertThatThrownBy(() -> fitted.accuracy(new double[][] {{1, 2}}, new int[] {2}))
                .hasMessage("labels[0] must be in [0, 2), got 2");
    }
}
