package io.github.occam.evidence;

import io.github.occam.TestSupport;

import io.github.occam.Model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.models.LogisticRegression;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The first experiment of Smith &amp; Le (Figures 1 and 2) end to end through
 * {@link Evidence#of(Model, double)}: 200 inputs of 200 standard normal components, each
 * component normalized to mean 0 and variance 1 over the examples, no bias (P = 200).
 *
 * <p>What the paper reports and what we find on this data:
 * <ul>
 *   <li>random labels: E &gt; 0 from weak regularization up to lambda of about 100 (at lambda =
 *       100, E/N is only about 0.002);</li>
 *   <li>informative labels {@code y = 1 if sum x > 0}: E &lt; 0 once well regularized, the
 *       lowest E near lambda = 10, and E below that of random labels at every lambda;</li>
 *   <li>at strong regularization both models approach the null model and E tends to 0 like
 *       \((\mathrm{tr}\,\nabla\nabla H(0) - |\nabla H(0)|^2) / (2 \lambda)\) (expand C(w0) and the
 *       Occam factor to first order in 1/lambda). For random labels the sign of that numerator
 *       is the sign of a sum of random cross terms, so E can be slightly negative there (this
 *       seed: E = -0.81, E/N = -0.004 at lambda = 1000): the paper's "E &gt; 0 at every lambda"
 *       holds only up to where the model becomes indistinguishable from the null model.</li>
 * </ul>
 * The asymptote is an independent closed form, from the data alone.
 */
class PaperLogisticRegressionTest {

    private static final int N = 200;
    private static final int D = 200;

    /** Standard normal inputs, each component normalized to mean 0 and variance 1. */
    private static double[][] inputs(Random random) {
        double[][] x = TestSupport.gaussian(random, N, D);
        for (int j = 0; j < D; j++) {
            double mean = 0.0;
            for (double[] row : x) {
                mean += row[j];
            }
            mean /= N;
            double variance = 0.0;
            for (double[] row : x) {
                variance += (row[j] - mean) * (row[j] - mean);
            }
            double scale = 1.0 / Math.sqrt(variance / N);
            for (double[] row : x) {
                row[j] = (row[j] - mean) * scale;
            }
        }
        return x;
    }

    private static int[] randomLabels(Random random) {
        int[] y = new int[N];
        for (int i = 0; i < N; i++) {
            y[i] = random.nextInt(2);
        }
        return y;
    }

    private static int[] informativeLabels(double[][] x) {
        int[] y = new int[N];
        for (int i = 0; i < N; i++) {
            double sum = 0.0;
            for (double v : x[i]) {
                sum += v;
            }
            y[i] = sum > 0 ? 1 : 0;
        }
        return y;
    }

    /**
     * Returns \((\mathrm{tr}\,\nabla\nabla H(0) - |\nabla H(0)|^2) / 2\) for logistic regression:
     * \(\nabla\nabla H(0) = \sum_i x_i x_i^T / 4\) and \(\nabla H(0) = \sum_i (1/2 - y_i) x_i\).
     */
    private static double strongPriorLimit(double[][] x, int[] y) {
        double trace = 0.0;
        double[] gradient = new double[D];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < D; j++) {
                trace += x[i][j] * x[i][j] / 4.0;
                gradient[j] += (0.5 - y[i]) * x[i][j];
            }
        }
        double squared = 0.0;
        for (double g : gradient) {
            squared += g * g;
        }
        return (trace - squared) / 2.0;
    }

    @Test
    void randomLabelsFavourTheNullModelAndInformativeLabelsTheModel() {
        Random random = new Random(1);
        double[][] x = inputs(random);
        LogisticRegression memorizer = LogisticRegression.of(x, randomLabels(random), false);
        LogisticRegression learner = LogisticRegression.of(x, informativeLabels(x), false);
        double bestLambda = Double.NaN;
        double bestRatio = Double.POSITIVE_INFINITY;
        for (double lambda : new double[] {0.1, 1.0, 3.0, 10.0, 30.0, 100.0}) {
            Evidence random0 = Evidence.of(memorizer, lambda);
            Evidence informative = Evidence.of(learner, lambda);
            assertThat(random0.converged()).isTrue();
            assertThat(informative.converged()).isTrue();
            assertThat(random0.excludedEigenvalues()).isZero();
            assertThat(random0.logEvidenceRatio()).as("random labels, lambda = %s", lambda)
                    .isPositive();
            assertThat(informative.logEvidenceRatio()).as("lambda = %s", lambda)
                    .isLessThan(random0.logEvidenceRatio());
            if (lambda >= 1.0) {
                assertThat(informative.logEvidenceRatio())
                        .as("informative labels, lambda = %s", lambda).isNegative();
            }
            if (informative.logEvidenceRatio() < bestRatio) {
                bestRatio = informative.logEvidenceRatio();
                bestLambda = lambda;
            }
        }
        assertThat(bestLambda).isBetween(3.0, 30.0);
        // weak regularization: the random labels are memorized, yet E > 0
        Evidence weak = Evidence.of(memorizer, 1e-3);
        assertThat(memorizer.accuracy(weak.parameters())).isEqualTo(1.0);
        assertThat(weak.logEvidenceRatioPerExample()).isGreaterThan(0.1);
    }

    @Test
    void maximumEvidenceOfTheInformativeLabelsIsAnInteriorLocalMaximum() {
        double[][] x = inputs(new Random(1));
        LogisticRegression model = LogisticRegression.of(x, informativeLabels(x), false);
        LambdaSearch.Result best = LambdaSearch.defaults().maximize(model, 0.01, 1000.0);
        assertThat(best.interior()).isTrue();
        assertThat(best.evidence().converged()).isTrue();
        assertThat(best.lambda()).isBetween(3.0, 30.0);
        double top = best.evidence().logEvidence();
        for (double factor : new double[] {0.9, 0.99, 1.01, 1.1}) {
            double nearby = Evidence.of(model, best.lambda() * factor).logEvidence();
            // the minimizer's tolerance leaves about 1e-7 of noise in the log evidence
            assertThat(nearby).as("lambda * %s", factor).isLessThan(top + 1e-6);
        }
        // maximum evidence is minimum E: below E at lambda = 10, the best point of the coarse grid
        assertThat(best.evidence().logEvidenceRatio())
                .isLessThanOrEqualTo(Evidence.of(model, 10.0).logEvidenceRatio() + 1e-6);
    }

    @Test
    void strongPriorApproachesTheNullModelAlongTheFirstOrderLimit() {
        Random random = new Random(1);
        double[][] x = inputs(random);
        int[] random0 = randomLabels(random);
        for (int[] y : new int[][] {random0, informativeLabels(x)}) {
            LogisticRegression model = LogisticRegression.of(x, y, false);
            double limit = strongPriorLimit(x, y);
            // lambda E = limit + b / lambda + O(1/lambda^2), b / lambda about 0.08 at 1e7;
            // Richardson's extrapolation from 1e6 and 1e7 removes the b / lambda term
            double coarse = 1e6 * Evidence.of(model, 1e6).logEvidenceRatio();
            double fine = 1e7 * Evidence.of(model, 1e7).logEvidenceRatio();
            assertThat(fine).isCloseTo(limit, within(0.1));
            assertThat((10 * fine - coarse) / 9).isCloseTo(limit, within(1e-3));
        }
        // on this seed the limit is negative for the random labels: E < 0 at lambda = 1000
        assertThat(strongPriorLimit(x, random0)).isNegative();
        Evidence strong = Evidence.of(LogisticRegression.of(x, random0, false), 1000.0);
        assertThat(strong.logEvidenceRatioPerExample()).isNegative().isGreaterThan(-0.01);
    }
}
