package io.github.occam.examples.mnist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

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
}
