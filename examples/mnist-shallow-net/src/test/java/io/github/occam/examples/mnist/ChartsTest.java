package io.github.occam.examples.mnist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

    @Test
    void everyPowerOfTwoIsLabelledWithItsBatchSize() {
        assertThat(Charts.batchSizeLabel(0.0)).isEqualTo("1");
        assertThat(Charts.batchSizeLabel(5.0)).isEqualTo("32");
        assertThat(Charts.batchSizeLabel(11.0)).isEqualTo("2048");
        assertThat(Charts.batchSizeLabel(-1.0)).isEqualTo("0.5");
        assertThat(Charts.batchSizeLabel(-2.0)).isEqualTo("0.25");
    }

    /** XChart widens the tick step when two labels coincide (2^-1 and 2^0 both read "1" once). */
    @Test
    void labelsOfTheTicksAroundAnAxisFromBEqualsOneAllDiffer() {
        Set<String> labels = new HashSet<>();
        for (int k = -3; k <= 13; k++) {
            labels.add(Charts.batchSizeLabel(k));
        }
        labels.add(Charts.batchSizeLabel(-0.5));
        labels.add(Charts.batchSizeLabel(9.5));
        assertThat(labels).hasSize(17 + 2);
    }

    @Test
    void temperatureTicksReadAsFractionsAndEverySettingIsPlacedAtItsTau() {
        assertThat(Charts.temperatureLabel(-5.0)).isEqualTo("1/32");
        assertThat(Charts.temperatureLabel(0.0)).isEqualTo("1");
        assertThat(Charts.temperatureLabel(-4.5)).isEqualTo(Charts.batchSizeLabel(-4.5));
        java.util.List<RunRecord> runs = new java.util.ArrayList<>();
        for (double[] em : new double[][] {{0.1, 0.9}, {0.05, 0.5}}) {
            for (int b = 8; b <= 64; b *= 2) {
                RunKey key = RunKey.of(b, em[0], 1000, em[1], 1, SweepBudget.time(100));
                long updates = key.trainerBudget().amount();
                runs.add(new RunRecord(key, (double) updates * b / 1000, updates, key.noiseScale(), 1.0, 0.9,
                        0.01, 0.3, false, 1.0));
            }
        }
        OptimumAnalysis.Result result = OptimumAnalysis.analyze(runs, 10, 1L);
        org.knowm.xchart.XYChart chart = Charts.accuracyVsTemperature("t", result.optima());
        assertThat(chart.getSeriesMap()).hasSize(4);
        // eps 0.1, m 0.9, B = 8: tau = 0.1 / 0.8 = 1/8
        double[] x = chart.getSeriesMap().get("eps = 0.1, m = 0.9").getXData();
        assertThat(x[0]).isEqualTo(-3.0);
        // eps 0.05, m 0.5, B = 8: tau = 0.05 / 4 = 1/80
        double[] y = chart.getSeriesMap().get("eps = 0.05, m = 0.5").getXData();
        assertThat(y[0]).isCloseTo(Math.log(1.0 / 80) / Math.log(2), org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void theTemperatureFigureIsDrawnWhereSettingsCanCollapseAndAtTheLargestN(@TempDir Path dir)
            throws java.io.IOException {
        java.util.List<RunRecord> runs = new java.util.ArrayList<>();
        // N = 1000: two settings; N = 2000 and 4000: one each
        double[][] settings = {{0.1, 0.9, 1000}, {0.05, 0.5, 1000}, {0.1, 0.9, 2000}, {0.1, 0.9, 4000}};
        for (double[] s : settings) {
            for (int b = 8; b <= 64; b *= 2) {
                RunKey key = RunKey.of(b, s[0], (int) s[2], s[1], 1, SweepBudget.time(100));
                long updates = key.trainerBudget().amount();
                runs.add(new RunRecord(key, (double) updates * b / s[2], updates, key.noiseScale(), 1.0, 0.9,
                        0.01, 0.3, false, 1.0));
            }
        }
        java.util.List<String> names = Charts.saveAll(OptimumAnalysis.analyze(runs, 10, 1L), dir, "");
        assertThat(names).contains("accuracy-vs-temperature-n1000", "accuracy-vs-temperature-n4000")
                .doesNotContain("accuracy-vs-temperature-n2000");
        assertThat(dir.resolve("accuracy-vs-temperature-n4000.png")).isNotEmptyFile();
    }

    @Test
    void theZoomOnFlatCurvesStaysWithinTheirRange() {
        java.util.List<RunRecord> runs = new java.util.ArrayList<>();
        for (int b = 8; b <= 64; b *= 2) {
            for (int seed = 1; seed <= 2; seed++) {
                RunKey key = RunKey.of(b, 0.1, 1000, 0.9, seed, SweepBudget.time(100));
                long updates = key.trainerBudget().amount();
                // every point within 0.4 percentage points: a flat curve
                double acc = 0.900 + 0.001 * (b % 5) + 0.0005 * seed;
                runs.add(new RunRecord(key, (double) updates * b / 1000, updates, key.noiseScale(), 1.0, acc,
                        0.01, 0.3, false, 1.0));
            }
        }
        OptimumAnalysis.Result result = OptimumAnalysis.analyze(runs, 10, 1L);
        org.knowm.xchart.XYChart zoom = Charts.accuracyNearOptimum("t", result.optima(), "learning_rate", 6.0);
        assertThat(zoom.getStyler().getYAxisMin()).isGreaterThanOrEqualTo(89.0);
        assertThat(zoom.getStyler().getYAxisMax() - zoom.getStyler().getYAxisMin()).isLessThan(6.0);
    }

    @Test
    void theTrainingLossAxisLabelsDecadesWhenTheCurvesSpanThem() {
        for (double spread : new double[] {1000.0, 3.0}) {
            java.util.List<RunRecord> runs = new java.util.ArrayList<>();
            for (int b = 8; b <= 64; b *= 2) {
                for (int seed = 1; seed <= 2; seed++) {
                    RunKey key = RunKey.of(b, 0.1, 1000, 0.9, seed, SweepBudget.time(100));
                    long updates = key.trainerBudget().amount();
                    // the training loss from 0.001 x spread at B = 8 down to 0.001 at B = 64
                    double loss = 0.001 * Math.pow(spread, (64.0 / b - 1) / 7);
                    runs.add(new RunRecord(key, (double) updates * b / 1000, updates, key.noiseScale(), 1.0,
                            0.9 + 0.001 * b, loss, 0.3, false, 1.0));
                }
            }
            OptimumAnalysis.Result result = OptimumAnalysis.analyze(runs, 10, 1L);
            org.knowm.xchart.XYChart chart = Charts.trainingLossVsBatchSize("t", result.optima(), "learning_rate");
            assertThat(chart.getStyler().isYAxisLogarithmicDecadeOnly()).as("spread %s", spread)
                    .isEqualTo(spread >= 10);
        }
    }
}
