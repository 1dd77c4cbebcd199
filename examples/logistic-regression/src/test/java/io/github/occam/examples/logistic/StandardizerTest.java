package io.github.occam.examples.logistic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StandardizerTest {

    @Test
    void usesTheFittedRowsStatisticsEverywhere() {
        // column 0: 1, 3 -> mean 2, population sd 1; column 1 constant 5 -> only centered
        Standardizer scaling = Standardizer.fit(new double[][] {{1, 5}, {3, 5}});
        assertThat(scaling.apply(new double[][] {{1, 5}, {3, 5}}))
                .isDeepEqualTo(new double[][] {{-1, 0}, {1, 0}});
        double[][] other = scaling.apply(new double[][] {{4, 7}});
        assertThat(other[0][0]).isCloseTo(2.0, within(1e-15));
        assertThat(other[0][1]).isCloseTo(2.0, within(1e-15));
    }

    @Test
    void rejectsRowsOfTheWrongWidth() {
        Standardizer scaling = Standardizer.fit(new double[][] {{1, 2}});
        assertThatThrownBy(() -> scaling.apply(new double[][] {{1, 2, 3}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length 3")
                .hasMessageContaining("expected 2");
        assertThatThrownBy(() -> Standardizer.fit(new double[0][]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
