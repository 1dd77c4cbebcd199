package io.github.occam.examples.logistic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpearmanTest {

    @Test
    void tiesShareTheirAverageRank() {
        assertThat(Spearman.ranks(new double[] {30, 10, 20, 20}))
                .containsExactly(4.0, 1.0, 2.5, 2.5);
        assertThat(Spearman.ranks(new double[] {7, 7, 7})).containsExactly(2.0, 2.0, 2.0);
    }

    @Test
    void matchesHandComputedValueWithTies() {
        // x ranks 1..5 (mean 3); y = 5,6,7,8,7 ranks 1,2,3.5,5,3.5 (mean 3).
        // sum dx dy = 4 + 1 + 0 + 2 + 1 = 8; sum dx^2 = 10; sum dy^2 = 4 + 1 + 0.25 + 4 + 0.25 = 9.5
        double expected = 8.0 / Math.sqrt(10.0 * 9.5);
        double rho = Spearman.correlation(new double[] {1, 2, 3, 4, 5}, new double[] {5, 6, 7, 8, 7});
        assertThat(rho).isCloseTo(expected, within(1e-15));
    }

    @Test
    void matchesClassicalFormulaWithoutTies() {
        // rho = 1 - 6 sum d^2 / (n (n^2 - 1)); ranks of y: 2,1,4,3,5 -> d = -1,1,-1,1,0, sum d^2 = 4
        double rho = Spearman.correlation(new double[] {1, 2, 3, 4, 5},
                new double[] {0.2, 0.1, 9.0, 3.0, 10.0});
        assertThat(rho).isCloseTo(1.0 - 6.0 * 4.0 / (5.0 * 24.0), within(1e-15));
    }

    @Test
    void monotoneTransformsGiveOneAndMinusOne() {
        double[] x = {0.001, 0.01, 0.1, 1.0, 10.0};
        double[] cube = new double[x.length];
        double[] negLog = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            cube[i] = x[i] * x[i] * x[i];
            negLog[i] = -Math.log(x[i]);
        }
        assertThat(Spearman.correlation(x, cube)).isEqualTo(1.0, within(1e-15));
        assertThat(Spearman.correlation(x, negLog)).isEqualTo(-1.0, within(1e-15));
    }

    @Test
    void constantInputHasNoCorrelation() {
        assertThat(Spearman.correlation(new double[] {1, 2, 3}, new double[] {4, 4, 4})).isNaN();
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> Spearman.correlation(new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 and 1");
        assertThatThrownBy(() -> Spearman.correlation(new double[] {1}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 1");
        assertThatThrownBy(() -> Spearman.correlation(new double[] {1, Double.NaN},
                new double[] {1, 2})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("values[1]").hasMessageContaining("NaN");
    }
}
