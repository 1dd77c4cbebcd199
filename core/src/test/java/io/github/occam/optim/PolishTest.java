package io.github.occam.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.occam.Cost;
import io.github.occam.TestSupport;
import io.github.occam.models.ShallowNetwork;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PolishTest {

    @Test
    void onAConvexCostItStopsWithinTheToleranceOfTheMinimum() {
        TestSupport.Logistic model = TestSupport.Logistic.random(new Random(3), 200, 8, 0.2);
        Cost cost = Cost.of(model, 0.5);
        double[] start = new double[8];
        java.util.Arrays.fill(start, 2.0);
        double minimum = Minimizer.newton().minimize(cost, new double[8]).cost();
        for (double tolerance : new double[] {1e-2, 1e-3, 1e-6}) {
            Polish.Result r = Polish.withTolerance(tolerance).polish(cost, start);
            assertThat(r.minimum().status()).isEqualTo(Minimum.Status.CONVERGED);
            // no step gains the tolerance any more: the cost is within a few tolerances of the minimum
            assertThat(r.cost() - minimum).as("tolerance %s", tolerance).isBetween(-1e-12 * Math.abs(minimum), 10 * tolerance);
            assertThat(r.gain()).isEqualTo(r.startCost() - r.cost()).isPositive();
            assertThat(r.startCost()).isEqualTo(cost.value(start));
            assertThat(r.distance()).isPositive();
            assertThat(r.gradients()).isGreaterThanOrEqualTo(r.iterations());
        }
    }

    @Test
    void fromTheEndOfAShortTrainingTheNetworksCostOnlyFalls() {
        Random random = new Random(4);
        double[][] x = TestSupport.gaussian(random, 60, 5);
        int[] y = new int[60];
        for (int i = 0; i < 60; i++) {
            y[i] = x[i][0] > 0 ? 1 : 0;
        }
        ShallowNetwork net = ShallowNetwork.of(x, y, 6, 2);
        Cost cost = Cost.of(net, 1.0);
        double[] start = ShallowNetwork.initialParameters(5, 6, 2, 9L);
        Polish.Result r = Polish.defaults().polish(cost, start);
        assertThat(r.cost()).isLessThan(r.startCost());
        assertThat(r.minimum().status()).isEqualTo(Minimum.Status.CONVERGED);
        // a second polish from the result gains a few tolerances at most: the rule stops when each
        // step gains less than the tolerance, and a fresh start's steps can add up to a few
        Polish.Result again = Polish.defaults().polish(cost, r.minimum().parameters());
        assertThat(again.gain()).isLessThan(5 * Polish.DEFAULT_TOLERANCE);
        assertThat(r.curvatureProducts()).isGreaterThanOrEqualTo(r.newtonSteps());

        // an independent dense Gauss-Newton step from w0 (commons-math's LU), at full length and
        // shortened, gains less than the tolerance: no Newton descent is left
        double[] w0 = r.minimum().parameters();
        int p = w0.length;
        io.github.occam.SymmetricOperator ggn = cost.gaussNewtonAt(w0);
        double[][] dense = new double[p][p];
        for (int j = 0; j < p; j++) {
            double[] e = new double[p];
            e[j] = 1.0;
            ggn.apply(e, dense[j]);
        }
        double[] g = new double[p];
        double c0 = cost.value(w0, g);
        double[] d = new org.apache.commons.math3.linear.LUDecomposition(
                new org.apache.commons.math3.linear.Array2DRowRealMatrix(dense)).getSolver()
                .solve(new org.apache.commons.math3.linear.ArrayRealVector(g).mapMultiply(-1.0)).toArray();
        for (double step = 1.0; step > 1e-3; step /= 2) {
            double[] w = w0.clone();
            for (int j = 0; j < p; j++) {
                w[j] += step * d[j];
            }
            assertThat(c0 - cost.value(w)).as("gain of the Newton step at %s", step)
                    .isLessThan(Polish.DEFAULT_TOLERANCE);
        }
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> Polish.withTolerance(0.0)).hasMessage("tolerance must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> Polish.defaults().withMaxIterations(0)).hasMessage("iterations must be >= 1, got 0");
        TestSupport.Logistic model = TestSupport.Logistic.random(new Random(5), 10, 2, 0.2);
        assertThatThrownBy(() -> Polish.defaults().polish(Cost.of(model, 1.0), new double[3]))
                .hasMessage("start has length 3, expected 2");
        // a failure of the user's model is reported under its own name
        assertThatThrownBy(() -> Polish.defaults().polish(Cost.of(new Failing(), 1.0), new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Failing");
    }

    /** A model whose cross-entropy always fails. */
    private static final class Failing implements io.github.occam.Model {
        @Override
        public int parameterCount() {
            return 2;
        }

        @Override
        public int exampleCount() {
            return 4;
        }

        @Override
        public int classCount() {
            return 2;
        }

        @Override
        public double crossEntropy(double[] w, io.github.occam.Batch batch, double[] gradient) {
            throw new IllegalStateException("no data");
        }
    }
}
