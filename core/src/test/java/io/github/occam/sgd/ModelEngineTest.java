package io.github.occam.sgd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.Batch;
import io.github.occam.Cost;
import io.github.occam.Model;
import io.github.occam.data.Dataset;
import io.github.occam.internal.SparseRows;
import io.github.occam.internal.Tasks;
import io.github.occam.models.GaussianLinearRegression;
import io.github.occam.models.LogisticRegression;
import io.github.occam.models.ShallowNetShape;
import io.github.occam.models.ShallowNetwork;
import io.github.occam.optim.Minimizer;
import io.github.occam.optim.Minimum;
import org.junit.jupiter.api.Test;

/** The double-precision engine {@link SgdEngine#of(Model)} against hand-written updates. */
class ModelEngineTest {

    private static final double[][] X = {{1.0, 0.5, -1.0}, {0.0, 2.0, 1.0}, {-1.5, 1.0, 0.5},
        {2.0, -0.5, 0.0}, {0.5, 0.5, 2.0}};
    private static final double[] Y = {1.0, -2.0, 0.5, 3.0, 1.5};
    private static final double SIGMA = 0.5;

    private static GaussianLinearRegression quadratic() {
        return GaussianLinearRegression.of(X, Y, SIGMA);
    }

    @Test
    void oneFullBatchStepOnAQuadraticIsTheHandComputedUpdate() {
        double[] w0 = {0.3, -0.2, 0.1};
        double lambda = 0.8;
        double eps = 0.05;
        SgdEngine engine = SgdEngine.of(quadratic());
        engine.initialize(w0, lambda);
        double h = engine.step(new int[] {4, 2, 0, 1, 3}, 0, 5, eps, 0.9);
        // g = (dH/dw + lambda w) / N with dH/dw = -sum_i r_i x_i / sigma^2, r_i = y_i - w.x_i
        int n = X.length;
        double[] g = new double[3];
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double r = Y[i] - (X[i][0] * w0[0] + X[i][1] * w0[1] + X[i][2] * w0[2]);
            squares += r * r;
            for (int j = 0; j < 3; j++) {
                g[j] -= r * X[i][j] / (SIGMA * SIGMA);
            }
        }
        for (int j = 0; j < 3; j++) {
            g[j] = (g[j] + lambda * w0[j]) / n;
        }
        double[] w = engine.parameters();
        for (int j = 0; j < 3; j++) {
            assertThat(w[j]).as("w[%d]", j).isCloseTo(w0[j] - eps * g[j], within(1e-14));
        }
        double expectedH = squares / (2 * SIGMA * SIGMA)
                + 0.5 * n * Math.log(2 * Math.PI * SIGMA * SIGMA);
        assertThat(h).isCloseTo(expectedH, within(1e-12 * expectedH));
    }

    @Test
    void momentumFollowsItsRecursionOverThreeSteps() {
        GaussianLinearRegression model = quadratic();
        double lambda = 0.4;
        double eps = 0.02;
        double m = 0.7;
        int[] order = {3, 0, 4, 1, 2, 0};
        double[] w = {-0.5, 0.2, 0.4};
        double[] v = new double[3];
        SgdEngine engine = SgdEngine.of(model);
        engine.initialize(w, lambda);
        for (int s = 0; s < 3; s++) {
            double[] g = SgdTesting.meanGradient(model, lambda, w, Batch.of(order, 2 * s, 2));
            for (int k = 0; k < 3; k++) {
                v[k] = m * v[k] + g[k];
                w[k] -= eps * v[k];
            }
            engine.step(order, 2 * s, 2, eps, m);
            assertThat(engine.parameters()).as("after step %d", s + 1)
                    .containsExactly(w, within(1e-15));
        }
    }

    @Test
    void fullBatchGradientDescentApproachesTheMinimizersMinimum() {
        int n = 40;
        LogisticRegression model = SgdTesting.logistic(n, 4);
        double lambda = 1.0;
        double[] zero = new double[model.parameterCount()];
        Minimum minimum = Minimizer.newton().withGradientTolerance(1e-12)
                .minimize(Cost.of(model, lambda), zero);
        SgdSettings gd = SgdSettings.defaults().withBatchSize(n).withLearningRate(0.5)
                .withMomentum(0.0).withLambda(lambda);
        double previous = Double.POSITIVE_INFINITY;
        for (int epochs : new int[] {10, 100, 3000}) {
            SgdResult result = SgdTrainer.train(model, zero, gd.withEpochs(epochs));
            double distance = distance(result.parameters(), minimum.parameters());
            assertThat(distance).as("%d steps", epochs).isLessThan(previous);
            previous = distance;
        }
        assertThat(previous).isLessThan(1e-8);
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += (a[k] - b[k]) * (a[k] - b[k]);
        }
        return Math.sqrt(sum);
    }

    @Test
    void sameSeedSameParameters() {
        GaussianLinearRegression model = quadratic();
        SgdSettings settings = SgdSettings.defaults().withBatchSize(2).withLearningRate(0.01)
                .withLambda(0.1).withEpochs(4).withSeed(5);
        double[] start = {0.1, 0.2, 0.3};
        SgdResult one = SgdTrainer.train(model, start, settings);
        SgdResult two = SgdTrainer.train(model, start, settings);
        assertThat(two.parameters()).containsExactly(one.parameters());
        assertThat(two.epochLosses()).containsExactly(one.epochLosses());
        SgdResult other = SgdTrainer.train(model, start, settings.withSeed(6));
        assertThat(other.parameters()).isNotEqualTo(one.parameters());
    }

    @Test
    void onTheShallowNetworkItMatchesTheFloatEnginesFirstStep() {
        Dataset data = Blobs.of(30, 12, 3, 7);
        ShallowNetwork net = Blobs.network(data, 9);
        ShallowNetShape shape = net.shape();
        double lambda = 0.6;
        int[] order = {5, 12, 0, 29, 17, 3, 8, 21, 14, 9};
        try (Tasks workers = Tasks.team(1)) {
            SgdEngine single = new FloatShallowNet(shape,
                    SparseRows.of(data.features(), data.size(), data.featureCount()), data.labels(), 10,
                    10, workers);
            single.initialize(shape.initialParameters(3L), lambda);
            double[] w0 = single.parameters();                // float-rounded, the common start
            SgdEngine dual = SgdEngine.of(net);
            dual.initialize(w0, lambda);
            double floatLoss = single.step(order, 0, 10, 0.1, 0.9);
            double doubleLoss = dual.step(order, 0, 10, 0.1, 0.9);
            assertThat(floatLoss).isCloseTo(doubleLoss, within(1e-5 * doubleLoss));
            double[] floatStep = single.parameters();
            double[] doubleStep = dual.parameters();
            assertThat(SgdTesting.relativeError(floatStep, doubleStep)).isLessThan(1e-6);
            for (int k = 0; k < w0.length; k++) {
                floatStep[k] -= w0[k];
                doubleStep[k] -= w0[k];
            }
            assertThat(SgdTesting.relativeError(floatStep, doubleStep)).isLessThan(1e-3);
            SgdEngine.Evaluation floatEval = single.evaluate();
            SgdEngine.Evaluation doubleEval = dual.evaluate();
            assertThat(floatEval.meanCrossEntropy()).isCloseTo(doubleEval.meanCrossEntropy(),
                    within(1e-5 * doubleEval.meanCrossEntropy()));
        }
    }

    @Test
    void evaluatesTheTrainingSetAndReportsNoAccuracyForARegression() {
        SgdEngine regression = SgdEngine.of(quadratic());
        double[] w = {0.1, 0.0, -0.1};
        regression.initialize(w, 0.0);
        assertThat(regression.evaluate().meanCrossEntropy())
                .isEqualTo(quadratic().crossEntropy(w) / X.length);
        assertThat(regression.evaluate().accuracy()).isNaN();
        LogisticRegression classifier = LogisticRegression.of(X, new int[] {1, 0, 0, 1, 1}, false);
        SgdEngine engine = SgdEngine.of(classifier);
        engine.initialize(w, 0.0);
        assertThat(engine.evaluate().accuracy()).isEqualTo(classifier.accuracy(w));
        assertThat(engine.exampleCount()).isEqualTo(5);
        assertThat(engine.parameterCount()).isEqualTo(3);
    }

    @Test
    void withoutPriorTheStepUsesTheCrossEntropyAlone() {
        GaussianLinearRegression model = quadratic();
        double[] w = {0.2, 0.2, 0.2};
        SgdEngine engine = SgdEngine.of(model);
        engine.initialize(w, 0.0);
        double h = engine.step(new int[] {1, 3}, 0, 2, 0.1, 0.0);
        double[] g = SgdTesting.meanGradient(model, 0.0, w, Batch.of(1, 3));
        assertThat(h).isEqualTo(model.crossEntropy(w, Batch.of(1, 3), null));
        double[] after = engine.parameters();
        for (int k = 0; k < 3; k++) {
            assertThat(after[k]).isEqualTo(w[k] - 0.1 * g[k]);
        }
    }

    @Test
    void rejectsBadArgumentsNamingTheValue() {
        assertThatThrownBy(() -> SgdEngine.of(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model");
        SgdEngine engine = SgdEngine.of(quadratic());
        int[] order = {0, 1, 2, 3, 4};
        assertThatThrownBy(() -> engine.step(order, 0, 2, 0.1, 0.0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("initialize");
        assertThatThrownBy(engine::evaluate).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(engine::parameters).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> engine.initialize(new double[2], 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start")
                .hasMessageContaining("2");
        assertThatThrownBy(() -> engine.initialize(new double[3], Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lambda")
                .hasMessageContaining("NaN");
        engine.initialize(new double[3], 0.1);
        assertThatThrownBy(() -> engine.step(order, 0, 0, 0.1, 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count")
                .hasMessageContaining("0");
        assertThatThrownBy(() -> engine.step(order, 0, 2, -0.1, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("learningRate").hasMessageContaining("-0.1");
        assertThatThrownBy(() -> engine.step(order, 0, 2, 0.1, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("momentum")
                .hasMessageContaining("1.0");
        assertThatThrownBy(() -> engine.step(order, 4, 2, 0.1, 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4");
        assertThatThrownBy(() -> engine.step(new int[] {0, 7}, 0, 2, 0.1, 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7");
    }
}
