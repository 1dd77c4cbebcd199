package io.github.occam.evidence;

import io.github.occam.Cost;
import io.github.occam.spectrum.SpectrumMethod;
import io.github.occam.Batch;
import io.github.occam.Estimate;
import io.github.occam.TestSupport;

import io.github.occam.spectrum.HessianSpectrum;
import io.github.occam.Model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.models.GaussianLinearRegression;
import io.github.occam.optim.Minimizer;
import io.github.occam.optim.Minimum;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvidenceTest {

    private record Data(double[][] x, double[] y, double sigma) {
        static Data of(int n, int p, double sigma, long seed) {
            Random random = new Random(seed);
            double[][] x = TestSupport.gaussian(random, n, p);
            return new Data(x, TestSupport.linearTargets(random, x, sigma), sigma);
        }

        GaussianLinearRegression model() {
            return GaussianLinearRegression.of(x, y, sigma);
        }

        double logMarginalLikelihood(double lambda) {
            return TestSupport.logMarginalLikelihood(x, y, sigma, lambda);
        }
    }

    @ParameterizedTest(name = "N = {0}, P = {1}")
    @CsvSource({"10, 25", "40, 6", "12, 12", "3, 60"})
    void laplaceEvidenceOfTheGaussianModelIsTheExactMarginalLikelihood(int n, int p) {
        Data data = Data.of(n, p, 0.7, 100L * n + p);
        GaussianLinearRegression model = data.model();
        for (double lambda : new double[] {1e-3, 0.05, 1.0, 20.0, 1e3}) {
            Evidence evidence = Evidence.of(model, lambda);
            double exact = data.logMarginalLikelihood(lambda);
            assertThat(evidence.converged()).isTrue();
            assertThat(evidence.logEvidence()).as("lambda = %s", lambda)
                    .isCloseTo(exact, within(1e-9 * Math.abs(exact)));
            assertThat(evidence.excludedEigenvalues()).isZero();
            // E = ln P(y | null) - ln P(y | M), the null model predicting y = 0
            double nullLogLikelihood = 0.0;
            for (double yi : data.y()) {
                nullLogLikelihood += -yi * yi / (2 * 0.49) - 0.5 * Math.log(2 * Math.PI * 0.49);
            }
            assertThat(evidence.logEvidenceRatio())
                    .isCloseTo(nullLogLikelihood - exact, within(1e-9 * Math.abs(exact)));
            assertThat(evidence.logEvidenceRatioPerExample())
                    .isCloseTo(evidence.logEvidenceRatio() / n, within(1e-15 * Math.abs(exact)));
            assertThat(evidence.parameterCount()).isEqualTo(p);
            assertThat(evidence.exampleCount()).isEqualTo(n);
            assertThat(evidence.lambda()).isEqualTo(lambda);
            assertThat(evidence.logOccamFactorError()).isZero();
        }
    }

    @Test
    void lbfgsGivesTheSameExactEvidence() {
        Data data = Data.of(30, 40, 0.5, 9);
        Evidence evidence = Laplace.of(Minimizer.lbfgs(),
                SpectrumMethod.exact()).evidence(Cost.of(data.model(), 0.2));
        double exact = data.logMarginalLikelihood(0.2);
        assertThat(evidence.converged()).isTrue();
        assertThat(evidence.logEvidence()).isCloseTo(exact, within(1e-9 * Math.abs(exact)));
    }

    @Test
    void componentsFollowEquationsOneAndTwo() {
        TestSupport.Logistic model = TestSupport.Logistic.random(new Random(2), 50, 8, 0.5);
        double lambda = 0.3;
        Evidence evidence = Evidence.of(model, lambda);
        double[] w = evidence.parameters();
        double squared = Arrays.stream(w).map(v -> v * v).sum();
        assertThat(evidence.crossEntropy()).isEqualTo(model.crossEntropy(w));
        assertThat(evidence.cost()).isCloseTo(evidence.crossEntropy() + lambda * squared / 2, within(1e-12));
        // eigenvalues of the Hessian of C from an independent decomposition
        double[][] hessian = model.hessianAt(w).toDense();
        for (int i = 0; i < w.length; i++) {
            hessian[i][i] += lambda;
        }
        double[] eigenvalues = new EigenDecomposition(new Array2DRowRealMatrix(hessian)).getRealEigenvalues();
        double sum = Arrays.stream(eigenvalues).map(v -> Math.log(v / lambda)).sum();
        assertThat(evidence.logOccamFactor()).isCloseTo(-0.5 * sum, within(1e-12));
        assertThat(evidence.logEvidence()).isCloseTo(-evidence.cost() - 0.5 * sum, within(1e-11));
        // E = C(w0) + 1/2 sum ln(lambda_i / lambda) - N ln n
        assertThat(evidence.logEvidenceRatio())
                .isCloseTo(evidence.cost() + 0.5 * sum - 50 * Math.log(2), within(1e-10));
        assertThat(evidence.nullLogLikelihood()).isEqualTo(-50 * Math.log(2));
        assertThat(evidence.minimum().decrement())
                .isLessThanOrEqualTo(Minimizer.DEFAULT_TOLERANCE * (1 + evidence.cost()));
    }

    @Test
    void nullModelIdentity() {
        // at w = 0 the logistic model predicts 1/2 for every example: C = H = N ln 2,
        // so E is the Occam term alone
        TestSupport.Logistic model = TestSupport.Logistic.random(new Random(6), 40, 5, 0.5);
        Evidence evidence = Evidence.at(model, new double[5], 2.0);
        assertThat(evidence.cost()).isCloseTo(40 * Math.log(2), within(1e-12));
        assertThat(evidence.crossEntropy()).isCloseTo(40 * Math.log(2), within(1e-12));
        assertThat(evidence.logEvidenceRatio()).isCloseTo(-evidence.logOccamFactor(), within(1e-11));
        assertThat(evidence.logOccamFactor()).isLessThan(0.0);
        assertThat(evidence.converged()).isFalse();    // w = 0 is not the minimum here
        assertThat(evidence.gradientNorm()).isGreaterThan(0.1);
    }

    /** H(w) = N ln 2 + sum_j c_j w_j^2 / 2: Hessian diag(c), some curvatures negative. */
    private static final class Saddle implements Model {
        final double[] c;

        Saddle(double... c) {
            this.c = c;
        }

        @Override
        public int parameterCount() {
            return c.length;
        }

        @Override
        public int exampleCount() {
            return 10;
        }

        @Override
        public int classCount() {
            return 2;
        }

        @Override
        public double crossEntropy(double[] w, Batch batch, double[] gradient) {
            double share = batch.size() / 10.0;   // each example carries a tenth of H
            double value = share * 10 * Math.log(2);
            for (int j = 0; j < c.length; j++) {
                value += share * 0.5 * c[j] * w[j] * w[j];
                if (gradient != null) {
                    gradient[j] = share * c[j] * w[j];
                }
            }
            return value;
        }
    }

    @Test
    void eigenvaluesBelowLambdaAreLeftOutAndCounted() {
        Saddle model = new Saddle(-3.0, -0.5, 0.0, 2.0, 10.0);
        double lambda = 1.0;
        Evidence evidence = Evidence.at(model, new double[5], lambda);
        // Hessian of C = diag(c + lambda) = (-2, 0.5, 1, 3, 11): two below lambda
        assertThat(evidence.excludedEigenvalues()).isEqualTo(2);
        assertThat(evidence.logOccamFactor())
                .isCloseTo(-0.5 * (Math.log(3) + Math.log(11)), within(1e-7));
        assertThat(evidence.logEvidenceRatio()).isCloseTo(0.5 * (Math.log(3) + Math.log(11)), within(1e-7));
        // a stationary point, but a saddle of C: not a minimum
        assertThat(evidence.converged()).isFalse();
        assertThat(evidence.minimum().status()).isEqualTo(Minimum.Status.NOT_A_MINIMUM);
        assertThat(evidence.diagnosis()).contains("not a minimum");

        // H curves down by less than lambda: C is convex, w = 0 its minimum, one eigenvalue left out
        Evidence convex = Evidence.at(new Saddle(-0.5, 0.0, 2.0, 10.0), new double[4], lambda);
        assertThat(convex.excludedEigenvalues()).isEqualTo(1);
        assertThat(convex.converged()).isTrue();
        assertThat(convex.diagnosis()).isEqualTo("converged");
    }

    @Test
    void theSpectrumMethodIsPluggable() {
        Data data = Data.of(20, 5, 1.0, 3);
        SpectrumMethod fixed = (hessian, lambda) -> HessianSpectrum.ofEigenvalues(
                new double[] {lambda, 2 * lambda, 4 * lambda, lambda, lambda}, lambda);
        SpectrumMethod withError = (hessian, lambda) -> {
            HessianSpectrum inner = fixed.compute(hessian, lambda);
            return new HessianSpectrum(lambda, 5, Estimate.of(inner.sumLogRatio().value(), 0.25),
                    Estimate.of(1, 0.5), Estimate.of(7 * lambda, 1.0), lambda, 4 * lambda,
                    new double[0], 40, false);
        };
        Evidence evidence = Laplace.of(Minimizer.newton(), withError).evidence(Cost.of(data.model(), 0.5));
        assertThat(evidence.logOccamFactor()).isCloseTo(-0.5 * Math.log(8), within(1e-15));
        assertThat(evidence.logOccamFactorError()).isEqualTo(0.125);
        assertThat(evidence.logEvidenceRatioError()).isEqualTo(0.125);
        assertThat(evidence.excludedEigenvalues()).isEqualTo(1);
        assertThat(evidence.converged()).as("the spectrum did not converge").isFalse();
        Evidence exact = Evidence.of(data.model(), 0.5);
        assertThat(evidence.cost()).isEqualTo(exact.cost());
    }

    /** The lambda that maximizes the closed-form marginal likelihood: fine grid, then golden section. */
    private static double closedFormArgmax(Data data, double low, double high) {
        int points = 2001;
        double a = Math.log(low);
        double b = Math.log(high);
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < points; k++) {
            double value = data.logMarginalLikelihood(Math.exp(a + (b - a) * k / (points - 1)));
            if (value > bestValue) {
                bestValue = value;
                best = k;
            }
        }
        double lo = a + (b - a) * Math.max(best - 1, 0) / (points - 1);
        double hi = a + (b - a) * Math.min(best + 1, points - 1) / (points - 1);
        double ratio = (Math.sqrt(5) - 1) / 2;
        while (hi - lo > 1e-9) {
            double m1 = hi - ratio * (hi - lo);
            double m2 = lo + ratio * (hi - lo);
            if (data.logMarginalLikelihood(Math.exp(m1)) > data.logMarginalLikelihood(Math.exp(m2))) {
                hi = m2;
            } else {
                lo = m1;
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    @ParameterizedTest(name = "N = {0}, P = {1}")
    @CsvSource({"40, 10", "15, 30"})
    void maximizationRecoversTheLambdaOfLargestMarginalLikelihood(int n, int p) {
        Data data = Data.of(n, p, 0.8, 7L * n + p);
        LambdaSearch.Result maximum = LambdaSearch.defaults().maximize(data.model(), 1e-3, 1e3);
        double expected = closedFormArgmax(data, 1e-3, 1e3);
        assertThat(maximum.interior()).isTrue();
        assertThat(maximum.lambda()).isCloseTo(expected, within(1e-5 * expected));
        assertThat(maximum.evidence().lambda()).isEqualTo(maximum.lambda());
        double best = data.logMarginalLikelihood(expected);
        assertThat(maximum.evidence().logEvidence()).isCloseTo(best, within(1e-9 * Math.abs(best)));
        assertThat(maximum.evaluations()).isGreaterThan(25).isLessThan(200);
    }

    @Test
    void theListenerHearsEveryEvaluationAsItIsMade() {
        Data data = Data.of(40, 10, 0.8, 7L * 40 + 10);
        List<Double> heard = new ArrayList<>();
        LambdaSearch.Result maximum = LambdaSearch.defaults()
                .withListener(evidence -> heard.add(evidence.lambda()))
                .maximize(data.model(), 1e-3, 1e3);
        assertThat(heard).hasSize(maximum.evaluations());
        // the grid first (25 points from 1e-3 to 1e3, ascending), then Brent's refinement
        assertThat(heard.get(0)).isCloseTo(1e-3, within(1e-15));
        assertThat(heard.get(24)).isCloseTo(1e3, within(1e-9));
        assertThat(heard.subList(0, 25)).isSorted();
        assertThat(heard.stream().sorted().toList()).isEqualTo(
                maximum.table().stream().map(LambdaSearch.Point::lambda).toList());
        assertThatThrownBy(() -> LambdaSearch.defaults().withListener(null))
                .hasMessage("listener must not be null");
    }

    @Test
    void maximumAtAnEndOfTheRangeIsFlagged() {
        Data data = Data.of(40, 10, 0.8, 290);
        double expected = closedFormArgmax(data, 1e-3, 1e3);
        LambdaSearch.Result maximum = LambdaSearch.defaults().maximize(data.model(), expected * 10, expected * 1000);
        assertThat(maximum.interior()).isFalse();
        assertThat(maximum.lambda()).isCloseTo(expected * 10, within(1e-9 * expected));
        assertThat(maximum.evaluations()).isEqualTo(9);
    }

    @Test
    void evidenceIsAValue() {
        Data data = Data.of(10, 3, 1.0, 1);
        Evidence a = Evidence.of(data.model(), 1.0);
        Evidence b = Evidence.of(data.model(), 1.0);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(Evidence.of(data.model(), 2.0));
        double[] w = a.parameters();
        w[0] += 1;
        assertThat(a.parameters()).isNotEqualTo(w);
        assertThat(a).isEqualTo(b);
        assertThat(a.toString()).contains("crossEntropy=").contains("parameters=<3 values>");
        double[] point = b.parameters();
        Evidence at = Evidence.at(data.model(), point, 1.0);
        point[1] = 1e6;
        assertThat(at.parameters()).isEqualTo(b.parameters());
        assertThat(at.logEvidence()).isCloseTo(b.logEvidence(), within(1e-12 * Math.abs(b.logEvidence())));
        assertThat(at.converged()).isTrue();
    }

    @Test
    void rejectsBadInput() {
        Model model = Data.of(5, 2, 1.0, 1).model();
        Minimizer newton = Minimizer.newton();
        SpectrumMethod exact = SpectrumMethod.exact();
        assertThatThrownBy(() -> Evidence.of(model, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lambda must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> Evidence.of(model, -1.0)).hasMessage("lambda must be finite and > 0, got -1.0");
        assertThatThrownBy(() -> Evidence.of(model, Double.NaN)).hasMessage("lambda must be finite and > 0, got NaN");
        assertThatThrownBy(() -> Evidence.of(null, 1.0)).hasMessage("model must not be null");
        assertThatThrownBy(() -> Laplace.of(null, exact).evidence(Cost.of(model, 1.0))).hasMessage("minimizer must not be null");
        assertThatThrownBy(() -> Laplace.of(newton, null).evidence(Cost.of(model, 1.0))).hasMessage("method must not be null");
        assertThatThrownBy(() -> Evidence.at(model, new double[3], 1.0)).hasMessage("w has length 3, expected 2");
        assertThatThrownBy(() -> Evidence.at(model, null, 1.0)).hasMessage("w must not be null");
        assertThatThrownBy(() -> Evidence.at(model, new double[] {0, Double.NaN}, 1.0))
                .hasMessage("w[1] must be finite, got NaN");
        assertThatThrownBy(() -> Evidence.at(model, new double[2], Double.POSITIVE_INFINITY))
                .hasMessage("lambda must be finite and > 0, got Infinity");
        assertThatThrownBy(() -> LambdaSearch.defaults().maximize(model, 0.0, 1.0))
                .hasMessage("lambdaLow must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> LambdaSearch.defaults().maximize(model, Double.NaN, 1.0))
                .hasMessage("lambdaLow must be finite and > 0, got NaN");
        assertThatThrownBy(() -> LambdaSearch.defaults().maximize(model, 1.0, Double.NaN))
                .hasMessage("lambdaHigh must be finite and > 0, got NaN");
        assertThatThrownBy(() -> LambdaSearch.defaults().maximize(model, 2.0, 1.0))
                .hasMessage("lambdaHigh must be > lambdaLow = 2.0, got 1.0");
        assertThatThrownBy(() -> LambdaSearch.of(null)).hasMessage("laplace must not be null");
        HessianSpectrum spectrum = HessianSpectrum.ofEigenvalues(new double[] {1.0}, 1.0);
        assertThatThrownBy(() -> new Evidence(1, 1, 1, 1, 1, spectrum, null))
                .hasMessage("minimum must not be null");
        assertThatThrownBy(() -> new Evidence(1, 1, 1, 1, 0, spectrum,
                new io.github.occam.optim.Minimum(new double[1], 1, 0, 0, true)))
                .hasMessage("exampleCount must be >= 1, got 0");
    }
}
