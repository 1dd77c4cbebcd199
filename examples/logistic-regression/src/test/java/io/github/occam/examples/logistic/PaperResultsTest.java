package io.github.occam.examples.logistic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The qualitative results of Smith &amp; Le, Section 3, on the default data (seed 42, d = 200,
 * 200 training and 10,000 test examples), computed with Occam's logistic regression and
 * Laplace evidence at a few lambdas spread over the default grid.
 */
class PaperResultsTest {

    private static final double[] LAMBDAS = {1e-3, 1e-1, 10.0, 100.0};

    private static List<ResultRow> random;
    private static List<ResultRow> informative;

    @BeforeAll
    static void runTheExperiment() {
        SyntheticTasks tasks = SyntheticTasks.generate(200, 200, 10_000, 42L);
        random = Sweep.run(List.of(tasks.random()), LAMBDAS, false, new EvidenceEvaluator(),
                () -> { });
        informative = Sweep.run(List.of(tasks.informative()), LAMBDAS, false,
                new EvidenceEvaluator(), () -> { });
    }

    @Test
    void everyMinimumConverged() {
        assertThat(random).allSatisfy(r -> assertThat(r.converged()).isTrue());
        assertThat(informative).allSatisfy(r -> assertThat(r.converged()).isTrue());
    }

    @Test
    void randomLabelsAreMemorizedAtWeakRegularizationButNotLearned() {
        ResultRow weakest = random.get(0);
        assertThat(weakest.trainAccuracy()).isEqualTo(1.0);
        assertThat(weakest.testAccuracy()).isBetween(0.45, 0.55);
    }

    @Test
    void randomLabelsHavePositiveEvidenceRatioAtEveryLambda() {
        assertThat(random).allSatisfy(r -> assertThat(r.logEvidenceRatio())
                .as("E at lambda %s", r.lambda()).isPositive());
    }

    @Test
    void informativeLabelsGeneralizeAndAreTrustedWhenWellRegularized() {
        ResultRow wellRegularized = informative.get(2);   // lambda = 10
        assertThat(wellRegularized.logEvidenceRatio()).isNegative();
        assertThat(wellRegularized.testAccuracy()).isGreaterThan(0.7);
        assertThat(informative.get(0).logEvidenceRatio()).isPositive();   // lambda = 0.001
    }

    @Test
    void testCrossEntropyTracksTheEvidenceRatioAndTrainCrossEntropyDoesNot() {
        for (List<ResultRow> rows : List.of(random, informative)) {
            double[] e = column(rows, ResultRow::logEvidenceRatio);
            double rhoTest = Spearman.correlation(column(rows, ResultRow::testCrossEntropy), e);
            double rhoTrain = Spearman.correlation(column(rows, ResultRow::trainCrossEntropy), e);
            assertThat(rhoTest).isGreaterThan(0.7);
            assertThat(rhoTrain).isLessThan(0.0);
        }
    }

    /**
     * E of the reference run (the command's {@code results.csv} before the kernels were blocked
     * and parallelized, with the minimizer's relative convergence criterion: the Newton decrement
     * and the last step's change of the log-determinant within 1e-10 (1 + |C|)). Faster kernels
     * change E only in its last digits. (Release 0.1 stopped at an absolute gradient norm of 1e-6,
     * short of the minimum: its E differs from these by up to 5.5e-5 relative at lambda = 0.001.)
     */
    @Test
    void evidenceRatiosMatchTheReferenceRunToNineDigits() {
        double[] randomE = {100.99468206154302, 67.32822411395748, 28.4836843861452,
            5.676824794782931};
        double[] informativeE = {33.44923169234983, 8.405375402820027, -11.347133152784295,
            -9.35342916422482};
        for (int k = 0; k < LAMBDAS.length; k++) {
            assertThat(random.get(k).logEvidenceRatio()).as("random, lambda %s", LAMBDAS[k])
                    .isCloseTo(randomE[k], within(1e-9 * Math.abs(randomE[k])));
            assertThat(informative.get(k).logEvidenceRatio())
                    .as("informative, lambda %s", LAMBDAS[k])
                    .isCloseTo(informativeE[k], within(1e-9 * Math.abs(informativeE[k])));
        }
    }

    @Test
    void rowsAgreeWithTheirOwnDefinitions() {
        // E = C + 1/2 sum ln(lambda_i / lambda) - N ln 2 = cost - logOccamFactor - N ln 2 (eq. 2)
        for (ResultRow r : informative) {
            double e = r.cost() - r.logOccamFactor() - 200 * Math.log(2.0);
            assertThat(r.logEvidenceRatio()).isCloseTo(e, within(1e-9 * (1.0 + Math.abs(e))));
            assertThat(r.logEvidenceRatioPerExample()).isCloseTo(r.logEvidenceRatio() / 200,
                    within(1e-12));
            assertThat(r.cost()).isGreaterThanOrEqualTo(200 * r.trainCrossEntropy() - 1e-9);
        }
    }

    private static double[] column(List<ResultRow> rows,
            ToDoubleFunction<ResultRow> value) {
        return rows.stream().mapToDouble(value).toArray();
    }
}
