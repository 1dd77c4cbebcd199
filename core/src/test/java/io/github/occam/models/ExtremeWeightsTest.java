package io.github.occam.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.occam.Cost;
import io.github.occam.Model;
import io.github.occam.evidence.Evidence;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every built-in model at finite weights of about +-1e305, where the sums of the scores overflow:
 * the cross-entropy is its limit (+Infinity) or a refusal naming the model, never NaN; the cost
 * reads such a point as +Infinity, as a line search wants.
 */
class ExtremeWeightsTest {

    private static final double HUGE = 1e305;

    private static double[] alternating(int p) {
        double[] w = new double[p];
        for (int j = 0; j < p; j++) {
            w[j] = j % 2 == 0 ? HUGE : -HUGE;
        }
        return w;
    }

    @Test
    void noModelReturnsNaNAtHugeFiniteWeights() {
        Random random = new Random(5);
        double[][] x = ModelTesting.gaussianMatrix(random, 20, 3, 1e4);
        int[] y2 = ModelTesting.randomLabels(random, 20, 2);
        int[] y3 = ModelTesting.randomLabels(random, 20, 3);
        double[] targets = new double[20];
        for (int i = 0; i < 20; i++) {
            targets[i] = random.nextGaussian();
        }
        List<Model> models = List.of(LogisticRegression.of(x, y2, false), LogisticRegression.of(x, y2, true),
                SoftmaxRegression.of(x, y3, 3, true), ShallowNetwork.of(x, y3, 4, 3),
                GaussianLinearRegression.of(x, targets, 0.5));
        for (Model model : models) {
            double[] w = alternating(model.parameterCount());
            double[] gradient = new double[model.parameterCount()];
            try {
                double h = model.crossEntropy(w, gradient);
                assertThat(h).as(model.getClass().getSimpleName()).isNotNaN();
                for (double g : gradient) {
                    assertThat(g).as(model.getClass().getSimpleName()).isNotNaN();
                }
            } catch (ArithmeticException e) {
                assertThat(e.getMessage()).startsWith(model.getClass().getSimpleName() + ".crossEntropy")
                        .contains("overflow");
            }
            Cost cost = Cost.of(model, 1.0);
            double c = cost.value(w, new double[model.parameterCount()]);
            assertThat(c).as(model.getClass().getSimpleName()).isNotNaN();
        }
    }

    @Test
    void theLogisticLogitsThatCancelToNaNAreRefusedAndTheCostIsInfinite() {
        double[][] x = {{1e4, 1e4}, {1e4, -1e4}};
        LogisticRegression model = LogisticRegression.of(x, new int[] {0, 1}, false);
        double[] w = {1e305, 1e305};
        assertThatThrownBy(() -> model.crossEntropy(w, new double[2]))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("LogisticRegression.crossEntropy");
        assertThat(Cost.of(model, 1.0).value(w, new double[2])).isEqualTo(Double.POSITIVE_INFINITY);
        assertThatThrownBy(() -> Evidence.at(model, w, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LogisticRegression.crossEntropy");
    }

    @Test
    void aHugeLambdaFromAWarmStartIsNotBlamedOnTheFeatures() {
        // the gradient lambda w passes 1e154 in every component: its norm no longer overflows
        Random random = new Random(6);
        double[][] x = ModelTesting.gaussianMatrix(random, 40, 3, 1.0);
        LogisticRegression model = LogisticRegression.of(x, ModelTesting.randomLabels(random, 40, 2), true);
        double[] start = {0.7, -1.1, 0.4, 0.2};
        Evidence evidence = Evidence.from(model, 1e300, start);
        assertThat(evidence.converged()).isTrue();
        assertThat(evidence.logEvidenceRatio()).isFinite();
        // and a point of norm 1e160 at a tiny lambda has the finite prior 1e-300 |w|^2 / 2
        Model flat = new Model() {
            @Override
            public int parameterCount() {
                return 4;
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
            public double crossEntropy(double[] w, io.github.occam.Batch batch, double[] gradient) {
                if (gradient != null) {
                    java.util.Arrays.fill(gradient, 0.0);
                }
                return 0.0;
            }
        };
        double[] far = {1e160, 0, 0, 0};
        assertThat(Cost.of(flat, 1e-300).value(far)).isCloseTo(0.5e20, org.assertj.core.api.Assertions.within(1e6));
    }
}
