package io.github.occam.examples.mnist;

import io.github.occam.sgd.SgdSettings.Budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OptimumAnalysisTest {

    private static final Budget BUDGET = Budget.epochs(50);

    private static double log2(double x) {
        return Math.log(x) / Math.log(2.0);
    }

    /** Runs whose mean test accuracy is exactly 0.9 - 0.003 (log2 B - log2 bOpt)^2, plus noise. */
    private static List<RunRecord> runs(double eps, int n, double m, double bOpt, int seeds, double noise,
                                        Random random) {
        List<RunRecord> runs = new ArrayList<>();
        for (int b = 1; b <= Math.min(256, n); b *= 2) {
            for (int s = 0; s < seeds; s++) {
                double d = log2(b) - log2(bOpt);
                double acc = 0.9 - 0.003 * d * d + noise * random.nextGaussian();
                RunKey key = RunKey.of(b, eps, n, m, s, BUDGET);
                runs.add(new RunRecord(key, 50, 50L * n / b, key.noiseScale(), 1.0, acc, 0.01, 0.3, 1.0));
            }
        }
        return runs;
    }

    @Test
    void vertexOfAnExactParabolaIsFoundExactlyOnAnUnevenGrid() {
        double[] x = {0.0, 1.0, 2.5, 3.0, 4.5, 7.0};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 2.0 - 0.7 * (x[i] - 2.8) * (x[i] - 2.8);
        }
        OptimumAnalysis.Peak peak = OptimumAnalysis.peak(x, y);
        assertThat(peak.log2BatchSize()).isCloseTo(2.8, within(1e-12));
        assertThat(peak.atEdge()).isFalse();
    }

    @Test
    void bestPointAtTheGridEdgeIsReportedAndFlaggedNotExtrapolated() {
        double[] x = {1, 2, 3, 4};
        OptimumAnalysis.Peak rising = OptimumAnalysis.peak(x, new double[] {0.1, 0.2, 0.3, 0.4});
        assertThat(rising.log2BatchSize()).isEqualTo(4.0);
        assertThat(rising.atEdge()).isTrue();
        OptimumAnalysis.Peak falling = OptimumAnalysis.peak(x, new double[] {0.4, 0.3, 0.2, 0.1});
        assertThat(falling.log2BatchSize()).isEqualTo(1.0);
        assertThat(falling.atEdge()).isTrue();
        assertThatThrownBy(() -> OptimumAnalysis.peak(new double[] {1, 1}, new double[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x must increase");
    }

    @Test
    void optimumOfNoiselessRunsIsTheTrueVertexWithADegenerateInterval() {
        List<RunRecord> runs = runs(0.1, 1000, 0.9, 37.0, 3, 0.0, new Random(1));
        OptimumAnalysis.Optimum o = OptimumAnalysis.analyze(runs, BUDGET, 200, 5L).optima().get(0);
        assertThat(o.batchSize()).isCloseTo(37.0, within(1e-9));
        assertThat(o.low()).isCloseTo(37.0, within(1e-9));
        assertThat(o.high()).isCloseTo(37.0, within(1e-9));
        assertThat(o.atEdge()).isFalse();
        assertThat(o.curve()).hasSize(9).allMatch(p -> p.seeds() == 3 && p.sd() < 1e-12);
    }

    @Test
    void bootstrapIntervalCoversTheTrueOptimumMostOfTheTime() {
        Random random = new Random(2024);
        int datasets = 40;
        int covered = 0;
        double totalWidth = 0;
        for (int d = 0; d < datasets; d++) {
            List<RunRecord> runs = runs(0.1, 1000, 0.9, 42.0, 8, 0.002, random);
            OptimumAnalysis.Optimum o = OptimumAnalysis.analyze(runs, BUDGET, 400, d).optima().get(0);
            if (o.low() <= 42.0 && 42.0 <= o.high()) {
                covered++;
            }
            assertThat(o.low()).isLessThanOrEqualTo(o.high());
            totalWidth += log2(o.high()) - log2(o.low());
        }
        // nominal 95%; with 8 seeds the percentile bootstrap under-covers a little
        assertThat(covered).isGreaterThanOrEqualTo((int) (0.75 * datasets));
        // and the interval is informative: on average narrower than one octave each side
        assertThat(totalWidth / datasets).isLessThan(2.0);
    }

    @Test
    void scalingSlopesOfExactPowerLawsAreRecovered() {
        // B_opt = 20 (eps/0.1)^1 (N/1000)^0.5 (0.1/(1-m))^0.8
        List<RunRecord> runs = new ArrayList<>();
        Random random = new Random(3);
        for (double eps : new double[] {0.05, 0.1, 0.2, 0.4}) {
            runs.addAll(runs(eps, 1000, 0.9, 20 * eps / 0.1, 2, 0.0, random));
        }
        for (int n : new int[] {500, 2000}) {
            runs.addAll(runs(0.1, n, 0.9, 20 * Math.sqrt(n / 1000.0), 2, 0.0, random));
        }
        for (double m : new double[] {0.0, 0.5}) {
            runs.addAll(runs(0.1, 1000, m, 20 * Math.pow(0.1 / (1 - m), 0.8), 2, 0.0, random));
        }
        OptimumAnalysis.Result result = OptimumAnalysis.analyze(runs, BUDGET, 100, 9L);
        assertThat(result.optima()).hasSize(4 + 2 + 2);
        assertThat(result.scaling()).extracting(OptimumAnalysis.Scaling::variable)
                .containsExactly("learning_rate", "train_size", "1/(1-momentum)");
        double[] expected = {1.0, 0.5, 0.8};
        int[] points = {4, 3, 3};
        for (int i = 0; i < 3; i++) {
            OptimumAnalysis.Scaling s = result.scaling().get(i);
            assertThat(s.slope()).isCloseTo(expected[i], within(1e-9));
            assertThat(s.low()).isCloseTo(expected[i], within(1e-9));
            assertThat(s.high()).isCloseTo(expected[i], within(1e-9));
            assertThat(s.family()).hasSize(points[i]);
        }
        String csv = OptimumAnalysis.scalingCsv(result.scaling());
        assertThat(csv).startsWith("variable,slope,slope_low,slope_high\nlearning_rate,1.00000,");
        assertThat(OptimumAnalysis.optimumCsv(result.optima()))
                .startsWith("learning_rate,train_size,momentum,b_opt,b_opt_low,b_opt_high\n0.05,1000,0.9,10.0000,");
    }

    @Test
    void lineFitOfNoisyDataMatchesTheClosedForm() {
        double[] x = {1, 2, 3, 4};
        double[] y = {2.1, 3.9, 6.2, 7.8};
        // slope = Sxy/Sxx = (0.5*... ) computed by hand: mean x 2.5, mean y 5.0
        // Sxy = (-1.5)(-2.9) + (-0.5)(-1.1) + (0.5)(1.2) + (1.5)(2.8) = 4.35 + 0.55 + 0.6 + 4.2 = 9.7; Sxx = 5
        double[] line = OptimumAnalysis.fitLine(x, y);
        assertThat(line[0]).isCloseTo(1.94, within(1e-12));
        assertThat(line[1]).isCloseTo(5.0 - 1.94 * 2.5, within(1e-12));
    }

    @Test
    void budgetsAreSelectedAndMixedBudgetsRejected() {
        List<RunRecord> runs = new ArrayList<>(runs(0.1, 1000, 0.9, 30, 1, 0.0, new Random(4)));
        assertThat(OptimumAnalysis.soleBudget(runs)).isEqualTo(BUDGET);
        RunKey other = RunKey.of(8, 0.1, 1000, 0.9, 1, Budget.epochs(5));
        runs.add(new RunRecord(other, 5, 625, other.noiseScale(), 1, 0.5, 0.1, 0.2, 1));
        assertThatThrownBy(() -> OptimumAnalysis.soleBudget(runs)).hasMessageContaining("mix budgets");
        assertThat(OptimumAnalysis.analyze(runs, BUDGET, 10, 1L).optima().get(0).curve()).hasSize(9);
        assertThatThrownBy(() -> OptimumAnalysis.analyze(runs, Budget.epochs(7), 10, 1L))
                .hasMessageContaining("no run was made under the budget 7 epochs");
        assertThatThrownBy(() -> OptimumAnalysis.analyze(runs, BUDGET, 3, 1L)).hasMessageContaining("got 3");
    }
}
