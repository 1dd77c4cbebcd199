package io.github.occam.examples.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceAnalysisTest {

    private static final int[] GRID = {16, 32, 64, 128, 256, 512, 1000};

    private static EvidenceAnalysis.Row row(int b, long seed, double accuracy, double evidence, double depth,
            double breadth, double crossEntropy) {
        return new EvidenceAnalysis.Row(b, "0.1,1000,0.9,time:4000", seed, accuracy, evidence, 100.0, depth, breadth,
                accuracy, crossEntropy, 1.0, 10, 0.5, 3);
    }

    /** Accuracy best at B = 64, E lowest there, breadth up and depth down with B: the mechanism. */
    private static List<EvidenceAnalysis.Row> supporting(double evidenceAtLargest) {
        List<EvidenceAnalysis.Row> rows = new ArrayList<>();
        for (long seed = 1; seed <= 4; seed++) {
            for (int i = 0; i < GRID.length; i++) {
                double distance = Math.abs(i - 2);
                double noise = 0.001 * ((seed * 7 + i * 3) % 5);
                double evidence = i == GRID.length - 1 ? evidenceAtLargest + noise : -0.8 + 0.05 * distance + noise;
                rows.add(row(GRID[i], seed, 0.90 - 0.01 * distance + noise, evidence, 0.5 - 0.04 * i + noise,
                        0.2 + 0.05 * i + noise, 0.3 + evidence / 10));
            }
        }
        return rows;
    }

    @Test
    void spearmanMatchesScipy() {
        // scipy.stats.spearmanr(x, y): 0.8682431421244593, p = 5.652543430677063e-05
        int[] x = {16, 16, 32, 32, 64, 64, 128, 128, 256, 256, 512, 512, 1000, 1000};
        double[] y = {0.31, 0.35, 0.30, 0.33, 0.36, 0.29, 0.40, 0.38, 0.37, 0.45, 0.44, 0.50, 0.48, 0.47};
        List<EvidenceAnalysis.Row> rows = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            rows.add(row(x[i], i, 0.9, 0.0, 0.0, y[i], 0.0));
        }
        double[] rho = EvidenceAnalysis.spearman(rows, r -> r.batchSize(), EvidenceAnalysis.Row::breadth);
        assertThat(rho[0]).isCloseTo(0.8682431421244593, within(1e-12));
        assertThat(rho[1]).isCloseTo(5.652543430677063e-05, within(1e-9));
    }

    @Test
    void theDecisionRuleHoldsOnDataThatShowTheMechanism() {
        String text = EvidenceAnalysis.summary(supporting(-0.4));
        assertThat(text).contains("1. B* (best mean test accuracy) = 64")
                .contains("2. lowest mean E/N at B = 64, 0 grid step(s)")
                .contains("the mechanism is SUPPORTED by the decision rule (4 of 4 criteria hold)");
    }

    @Test
    void theDecisionRuleFailsWhenTheLargestBatchHasTheSameEvidence() {
        String text = EvidenceAnalysis.summary(supporting(-0.8));
        assertThat(text).contains("NOT supported");
        assertThat(text.lines().filter(l -> l.startsWith("1.")).findFirst().orElseThrow())
                .endsWith("does not hold");
    }

    @Test
    void aStudyTooSmallForTheStatisticsSaysSoInsteadOfPrintingNaN() {
        String text = EvidenceAnalysis.summary(List.of(row(1000, 1, 0.9, -1.5, 0.06, 0.7, 0.3)));
        assertThat(text).doesNotContain("NaN")
                .contains("standard error undefined (1 paired seed(s); 2 needed): does not hold")
                .contains("= undefined (fewer than 3 runs, or a column constant over them) (n = 1): does not hold")
                .contains("NOT supported");
    }

    @Test
    void aValueThatDoesNotExistIsAnEmptyCellAndReadsAsMissing(@TempDir Path dir) throws IOException {
        assertThat(RunEvidence.cell(Double.NaN)).isEmpty();
        assertThat(RunEvidence.cell(-1.5736)).isEqualTo("-1.5736");
        // a diverged run: no evidence, no figures at w0, no kinks
        String diverged = "1000,0.1,1000,0.9,1,time:4000,1.0,0.1,,,,,ggn,minimum,,,,,2.3,,,,,";
        Files.writeString(dir.resolve("evidence.csv"), RunEvidence.HEADER + "\n" + diverged + "\n");
        List<EvidenceAnalysis.Row> rows = EvidenceAnalysis.read(dir.resolve("evidence.csv"));
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.evidence()).isNaN();
            assertThat(r.kinks()).isNaN();
            assertThat(r.testAccuracy()).isEqualTo(0.1);
        });
        assertThat(EvidenceAnalysis.write(dir)).isEmpty();        // nothing to analyse
    }

    @Test
    void writesTheSummaryAndFiguresFromTheFile(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder(RunEvidence.HEADER).append('\n');
        for (EvidenceAnalysis.Row r : supporting(-0.4)) {
            csv.append(String.format(Locale.ROOT, "%d,0.1,1000,0.9,%d,time:4000,1.0,%s,%s,0.0,%s,3.0,ggn,minimum,"
                    + "%s,%s,%s,%s,0.3,1.0,2.0,10,0.1,3%n", r.batchSize(), r.seed(), r.testAccuracy(), r.evidence(),
                    r.bSimple(), r.depth(), r.breadth(), r.testAccuracyW0(), r.testCrossEntropyW0()));
        }
        csv.append("16,0.1,1000,0.9,9,time:4000,1.0,0.5");          // a torn last line is left out
        Files.writeString(dir.resolve("evidence.csv"), csv);
        String text = EvidenceAnalysis.write(dir);
        assertThat(text).contains("28 runs").contains("SUPPORTED");
        assertThat(Files.readString(dir.resolve("evidence-summary.txt"))).isEqualTo(text);
        assertThat(dir.resolve("evidence-vs-batch-size.png")).exists();
        assertThat(dir.resolve("evidence-vs-test-cross-entropy.png")).exists();
        assertThat(EvidenceAnalysis.write(dir.resolve("nothing-here"))).isEmpty();
    }
}
