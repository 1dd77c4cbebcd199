package io.github.occam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CostTest {

    private final TestSupport.Logistic model = TestSupport.Logistic.random(new Random(5), 30, 4, 0.5);
    private final double[] w = {0.3, -0.2, 0.5, 1.0};

    @Test
    void valueIsCrossEntropyPlusPriorAndGradientMatchesFiniteDifferences() {
        Cost cost = Cost.of(model, 0.7);
        double squared = 0.09 + 0.04 + 0.25 + 1.0;
        assertThat(cost.value(w)).isCloseTo(model.crossEntropy(w) + 0.35 * squared, within(1e-12));
        double[] gradient = new double[4];
        assertThat(cost.value(w, gradient)).isEqualTo(cost.value(w));
        double[] numerical = TestSupport.numericalGradient(cost::value, w, 1e-6);
        assertThat(TestSupport.maxAbsDifference(gradient, numerical)).isLessThan(1e-7);
        assertThat(cost.parameterCount()).isEqualTo(4);
        assertThat(cost.lambda()).isEqualTo(0.7);
        assertThat(cost.model()).isSameAs(model);
    }

    @Test
    void hessianAddsLambdaToTheDiagonalAndMatchesProducts() {
        Cost cost = Cost.of(model, 0.7);
        double[][] h = model.hessianAt(w).toDense();
        double[][] c = cost.hessianAt(w).toDense();
        double[] v = {1, -2, 0.5, 3};
        double[] product = new double[4];
        cost.hessianAt(w).apply(v, product);
        for (int a = 0; a < 4; a++) {
            double expected = 0.7 * v[a];
            for (int b = 0; b < 4; b++) {
                assertThat(c[a][b]).isEqualTo(h[a][b] + (a == b ? 0.7 : 0.0));
                expected += h[a][b] * v[b];
            }
            assertThat(product[a]).isCloseTo(expected, within(1e-6 * (1 + Math.abs(expected))));
        }
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> Cost.of(model, -1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lambda must be finite and >= 0, got -1.0");
        assertThatThrownBy(() -> Cost.of(model, Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> Cost.of(model, Double.POSITIVE_INFINITY)).hasMessageContaining("Infinity");
        assertThatThrownBy(() -> Cost.of(null, 1.0)).hasMessage("model must not be null");
        Cost cost = Cost.of(model, 1.0);
        assertThatThrownBy(() -> cost.value(new double[3])).hasMessage("w has length 3, expected 4");
        assertThatThrownBy(() -> cost.value(w, new double[5])).hasMessage("gradient has length 5, expected 4");
    }

    @Test
    void lambdaZeroIsTheBareCrossEntropy() {
        Cost bare = Cost.of(model, 0.0);
        double[] gradient = new double[4];
        double[] expected = new double[4];
        assertThat(bare.value(w, gradient)).isEqualTo(model.crossEntropy(w, expected));
        assertThat(gradient).containsExactly(expected);
        assertThat(bare.hessianAt(w).toDense()).isDeepEqualTo(model.hessianAt(w).toDense());
        assertThat(bare.withLambda(0.7)).isEqualTo(Cost.of(model, 0.7));
    }

    @Test
    void theModelsMistakesAreNamedOnceAtTheDoor() {
        Model empty = new TestSupport.Logistic(new double[][] {{1, 2}}, new int[] {1}) {
            @Override
            public int exampleCount() {
                return 0;
            }
        };
        assertThatThrownBy(() -> Cost.of(empty, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Logistic.exampleCount() must be >= 1, got 0");
        Model throwing = new TestSupport.Logistic(new double[][] {{1, 2}}, new int[] {1}) {
            @Override
            public double crossEntropy(double[] w, Batch batch, double[] gradient) {
                throw new IllegalStateException("out of cheese");
            }
        };
        Cost cost = Cost.of(throwing, 1.0);
        assertThatThrownBy(() -> cost.crossEntropy(new double[2], "at the minimum"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Logistic.crossEntropy threw java.lang.IllegalStateException: out of cheese"
                        + " at the minimum")
                .hasCauseInstanceOf(IllegalStateException.class);
        Model nan = new TestSupport.Logistic(new double[][] {{1, 2}}, new int[] {1}) {
            @Override
            public double crossEntropy(double[] w, Batch batch, double[] gradient) {
                return Double.NaN;
            }
        };
        Cost nanCost = Cost.of(nan, 1.0);
        assertThat(nanCost.value(new double[2])).isNaN();      // the line search's view
        assertThatThrownBy(() -> nanCost.checkedValue(new double[2], new double[2], "at the start point"))
                .hasMessage("Logistic.crossEntropy returned NaN at the start point");
    }
}
