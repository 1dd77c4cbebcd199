package io.github.occam.examples.logistic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

    private static ResultRow row(String labels, double lambda, double trainCe, double testCe,
            double e, boolean converged) {
        return new ResultRow(labels, lambda, 1.0, 0.5, trainCe, testCe, 0.0, 0.0, e, e / 10.0, 0,
                converged);
    }

    @Test
    void findsTheBestLambdasAndRankCorrelationsPerLabelSet() {
        List<ResultRow> rows = List.of(
                row("a", 0.1, 0.1, 0.9, 3.0, true),
                row("a", 1.0, 0.2, 0.5, -1.0, true),
                row("a", 10.0, 0.3, 0.6, -0.5, false),
                row("b", 1.0, 0.4, 0.7, 2.0, true),
                row("b", 2.0, 0.5, 0.8, 1.0, true));
        List<Summary> summaries = Summary.of(rows);
        assertThat(summaries).extracting(Summary::labels).containsExactly("a", "b");

        Summary a = summaries.get(0);
        assertThat(a.lambdaBestTestCrossEntropy()).isEqualTo(1.0);
        assertThat(a.lambdaLowestEvidenceRatio()).isEqualTo(1.0);
        assertThat(a.lowestEvidenceRatioPerExample()).isEqualTo(-0.1);
        assertThat(a.highestEvidenceRatioPerExample()).isEqualTo(0.3);
        // test CE ranks 3,1,2 and E ranks 3,1,2: rho = 1; train CE ranks 1,2,3: rho = -0.5
        assertThat(a.testCrossEntropyVsEvidenceRatio()).isCloseTo(1.0, within(1e-15));
        assertThat(a.trainCrossEntropyVsEvidenceRatio()).isCloseTo(-0.5, within(1e-15));
        assertThat(a.notConverged()).isEqualTo(1);
        assertThat(a.format()).contains("at lambda = 1 ").contains("changes sign")
                .contains("did not converge at 1 lambda");

        Summary b = summaries.get(1);
        assertThat(b.lambdaBestTestCrossEntropy()).isEqualTo(1.0);
        assertThat(b.lambdaLowestEvidenceRatio()).isEqualTo(2.0);
        assertThat(b.testCrossEntropyVsEvidenceRatio()).isCloseTo(-1.0, within(1e-15));
        assertThat(b.format()).contains("E > 0 at every lambda").doesNotContain("converge");
    }

    @Test
    void singleLambdaHasNoRankCorrelation() {
        Summary s = Summary.of(List.of(row("a", 1.0, 0.1, 0.2, -1.0, true))).get(0);
        assertThat(s.testCrossEntropyVsEvidenceRatio()).isNaN();
        assertThat(s.format()).contains("E < 0 at every lambda");
    }

    @Test
    void aConstantColumnGivesAnUndefinedCorrelationNotNaN() {
        // the same cross-entropies at every lambda (features so large that every fit saturates)
        Summary s = Summary.of(List.of(row("a", 1.0, 0.3, 0.3, -1.0, true),
                row("a", 10.0, 0.3, 0.3, -2.0, true))).get(0);
        assertThat(s.format()).doesNotContain("NaN")
                .contains("Spearman rho(train cross-entropy, E) = undefined (a column is constant over the lambdas)");
    }

    @Test
    void lambdasPrintCompactly() {
        assertThat(Summary.lambda(0.001)).isEqualTo("0.001");
        assertThat(Summary.lambda(17.78279410038923)).isEqualTo("17.78");
        assertThat(Summary.lambda(100.0)).isEqualTo("100");
        assertThat(Summary.lambda(1e-7)).isEqualTo("1E-7");
    }
}
