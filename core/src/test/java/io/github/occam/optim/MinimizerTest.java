package io.github.occam.optim;

import io.github.occam.Batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.Cost;
import io.github.occam.Model;
import io.github.occam.TestSupport;
import io.github.occam.models.GaussianLinearRegression;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MinimizerTest {

    /** The ridge solution (X'X / sigma^2 + lambda I)^-1 X'y / sigma^2, by Cholesky. */
    private static double[] ridge(double[][] x, double[] y, double sigma, double lambda) {
        RealMatrix features = new Array2DRowRealMatrix(x);
        RealMatrix normal = features.transpose().multiply(features).scalarMultiply(1 / (sigma * sigma));
        for (int j = 0; j < normal.getRowDimension(); j++) {
            normal.addToEntry(j, j, lambda);
        }
        return new CholeskyDecomposition(normal).getSolver()
                .solve(features.transpose().operate(new ArrayRealVector(y)).mapDivide(sigma * sigma))
                .toArray();
    }

    @ParameterizedTest
    @CsvSource({"newton, 30, 8, 0.01", "newton, 5, 12, 3.0", "lbfgs, 30, 8, 0.01", "lbfgs, 5, 12, 3.0",
        "automatic, 40, 20, 0.5"})
    void findsTheRidgeSolution(String kind, int n, int p, double lambda) {
        Random random = new Random(n * 31L + p);
        double[][] x = TestSupport.gaussian(random, n, p);
        double[] y = TestSupport.linearTargets(random, x, 0.5);
        Model model = GaussianLinearRegression.of(x, y, 0.5);
        Minimizer minimizer = switch (kind) {
            case "newton" -> Minimizer.newton();
            case "lbfgs" -> Minimizer.lbfgs();
            default -> Minimizer.automatic();
        };
        Minimum minimum = minimizer.withTolerance(1e-12).minimize(Cost.of(model, lambda), new double[p]);
        double[] expected = ridge(x, y, 0.5, lambda);
        assertThat(minimum.converged()).isTrue();
        assertThat(minimum.status()).isEqualTo(Minimum.Status.CONVERGED);
        assertThat(minimum.decrement()).isLessThanOrEqualTo(1e-12 * (1 + Math.abs(minimum.cost())));
        assertThat(TestSupport.maxAbsDifference(minimum.parameters(), expected))
                .isLessThan(1e-9 * (1 + maxAbs(expected)));
        assertThat(minimum.cost()).isEqualTo(Cost.of(model, lambda).value(minimum.parameters()));
        if (kind.equals("newton")) {
            assertThat(minimum.iterations()).isLessThanOrEqualTo(2);   // a quadratic: one step
        }
    }

    private static double maxAbs(double[] v) {
        return TestSupport.maxAbsDifference(v, new double[v.length]);
    }

    @Test
    void newtonAndLbfgsAgreeOnLogisticRegression() {
        Model model = TestSupport.Logistic.random(new Random(3), 60, 10, 0.3);
        double[] start = new double[10];
        Minimum newton = Minimizer.newton().minimize(Cost.of(model, 0.05), start);
        Minimum lbfgs = Minimizer.lbfgs().minimize(Cost.of(model, 0.05), start);
        assertThat(newton.converged()).isTrue();
        assertThat(lbfgs.converged()).isTrue();
        // strong convexity (lambda = 0.05) bounds |w - w0| by |grad| / lambda
        assertThat(TestSupport.maxAbsDifference(newton.parameters(), lbfgs.parameters())).isLessThan(1e-8);
        assertThat(Math.abs(newton.cost() - lbfgs.cost())).isLessThan(1e-10 * newton.cost());
        assertThat(newton.iterations()).isLessThan(lbfgs.iterations());
        // and the gradient really vanishes there, by finite differences of the cost
        Cost cost = Cost.of(model, 0.05);
        double[] numerical = TestSupport.numericalGradient(cost::value, newton.parameters(), 1e-5);
        assertThat(maxAbs(numerical)).isLessThan(1e-7);
    }

    @Test
    void separableDataWithWeakPriorStillConverges() {
        // separable labels: without the prior the minimum is at infinity
        TestSupport.Logistic model = TestSupport.Logistic.random(new Random(8), 20, 30, 0.0);
        for (Minimizer minimizer : new Minimizer[] {Minimizer.newton(), Minimizer.lbfgs()}) {
            Minimum minimum = minimizer.withMaxIterations(5000).minimize(Cost.of(model, 1e-4), new double[30]);
            assertThat(minimum.converged()).as(minimizer.toString()).isTrue();
            assertThat(minimum.decrement()).isLessThanOrEqualTo(
                    Minimizer.DEFAULT_TOLERANCE * (1 + minimum.cost()));
        }
    }

    @Test
    void leavesRegionsOfNegativeCurvature() {
        Model model = new TestSupport.DoubleWell(4);
        double[] start = {0.1, -0.05, 0.2, 3.0};
        double lambda = 0.1;
        for (Minimizer minimizer : new Minimizer[] {Minimizer.newton(), Minimizer.lbfgs()}) {
            Minimum minimum = minimizer.minimize(Cost.of(model, lambda), start);
            assertThat(minimum.converged()).as(minimizer.toString()).isTrue();
            for (double w : minimum.parameters()) {
                // a minimum, not the saddle at 0: w^2 = 2 - lambda
                assertThat(Math.abs(w)).as(minimizer.toString())
                        .isCloseTo(Math.sqrt(2 - lambda), within(1e-8));
            }
        }
    }

    @Test
    void automaticSwitchesToLbfgsForManyParameters() {
        Random random = new Random(12);
        int p = Minimizer.AUTOMATIC_NEWTON_LIMIT + 1;
        double[][] x = TestSupport.gaussian(random, 4, p);
        Model model = GaussianLinearRegression.of(x, TestSupport.linearTargets(random, x, 1.0), 1.0);
        Minimum minimum = Minimizer.automatic().minimize(Cost.of(model, 1.0), new double[p]);
        assertThat(minimum.converged()).isTrue();
        assertThat(minimum.iterations()).isGreaterThan(1);   // Newton would solve it in one step
        Minimum newton = Minimizer.newton().withMaxIterations(1).minimize(Cost.of(GaussianLinearRegression.of(new double[][] {{1, 2}, {3, 4}, {5, 7}}, new double[] {1, 2, 3}, 1.0), 1.0), new double[2]);
        assertThat(newton.iterations()).isEqualTo(1);
        assertThat(newton.converged()).isTrue();
    }

    @Test
    void nonConvergenceIsVisible() {
        Model model = TestSupport.Logistic.random(new Random(4), 50, 6, 0.3);
        Minimum limited = Minimizer.lbfgs().withMaxIterations(2).minimize(Cost.of(model, 0.01), new double[6]);
        assertThat(limited.converged()).isFalse();
        assertThat(limited.status()).isEqualTo(Minimum.Status.ITERATION_LIMIT);
        assertThat(limited.iterations()).isEqualTo(2);
        // tolerances below rounding: stops without a false claim of convergence
        Minimum tight = Minimizer.newton().withTolerance(1e-300).minimize(Cost.of(model, 0.01), new double[6]);
        assertThat(tight.converged()).isFalse();
        assertThat(tight.status()).isEqualTo(Minimum.Status.STALLED);
        assertThat(tight.gradientNorm()).isLessThan(1e-9);
        Minimum absolute = Minimizer.newton().withGradientTolerance(1e-300)
                .minimize(Cost.of(model, 0.01), new double[6]);
        assertThat(absolute.converged()).isFalse();
        assertThat(absolute.status()).isEqualTo(Minimum.Status.STALLED);
    }

    @Test
    void aModelWhoseCostIsNotFiniteIsNamed() {
        Model broken = new TestSupport.Logistic(new double[][] {{1.0}}, new int[] {1}) {
            @Override
            public double crossEntropy(double[] w, Batch batch, double[] gradient) {
                super.crossEntropy(w, batch, gradient);
                return Double.NaN;
            }
        };
        assertThatThrownBy(() -> Minimizer.newton().minimize(Cost.of(broken, 1.0), new double[1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("crossEntropy returned NaN at the start point");
    }

    @Test
    void minimumIsAValueWithCopiedParameters() {
        double[] w = {1.0, 2.0};
        Minimum a = new Minimum(w, 3.0, 0.1, 4, true);
        w[0] = 99;
        assertThat(a.parameters()).containsExactly(1.0, 2.0);
        a.parameters()[1] = 42;
        assertThat(a.parameters()).containsExactly(1.0, 2.0);
        Minimum b = new Minimum(new double[] {1.0, 2.0}, 3.0, 0.1, 4, true);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new Minimum(new double[] {1.0, 2.5}, 3.0, 0.1, 4, true));
        assertThat(a.toString()).contains("2 values").contains("converged=true");
    }

    @Test
    void rejectsBadInput() {
        Model model = TestSupport.Logistic.random(new Random(4), 10, 3, 0.3);
        Minimizer minimizer = Minimizer.newton();
        assertThatThrownBy(() -> minimizer.minimize(Cost.of(model, -1.0), new double[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lambda must be finite and >= 0, got -1.0");
        assertThatThrownBy(() -> minimizer.minimize(Cost.of(model, Double.NaN), new double[3]))
                .hasMessage("lambda must be finite and >= 0, got NaN");
        assertThatThrownBy(() -> minimizer.minimize(null, new double[3]))
                .hasMessage("cost must not be null");
        assertThatThrownBy(() -> minimizer.minimize(Cost.of(model, 1.0), new double[2]))
                .hasMessage("start has length 2, expected 3");
        assertThatThrownBy(() -> minimizer.minimize(Cost.of(model, 1.0), null))
                .hasMessage("start must not be null");
        assertThatThrownBy(() -> minimizer.minimize(Cost.of(model, 1.0), new double[] {0, Double.NaN, 0}))
                .hasMessage("start[1] must be finite, got NaN");
        assertThatThrownBy(() -> minimizer.minimize(Cost.of(null, 1.0), new double[3]))
                .hasMessage("model must not be null");
        assertThatThrownBy(() -> minimizer.withGradientTolerance(-1e-3))
                .hasMessage("tolerance must be finite and > 0, got -0.001");
        assertThatThrownBy(() -> minimizer.withMaxIterations(0))
                .hasMessage("iterations must be >= 1, got 0");
        assertThatThrownBy(() -> new Minimum(null, 0.0, 0.0, 0, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameters must not be null");
        assertThat(minimizer.withGradientTolerance(1e-3).withMaxIterations(7))
                .satisfies(m -> {
                    assertThat(m.gradientTolerance()).isEqualTo(1e-3);
                    assertThat(m.maxIterations()).isEqualTo(7);
                });
    }
}
