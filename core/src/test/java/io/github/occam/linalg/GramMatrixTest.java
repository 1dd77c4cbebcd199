package io.github.occam.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GramMatrixTest {

    private static double[][] gaussian(int m, int d, long seed) {
        Random random = new Random(seed);
        double[][] rows = new double[m][d];
        for (double[] row : rows) {
            for (int k = 0; k < d; k++) {
                row[k] = random.nextGaussian();
            }
        }
        return rows;
    }

    @ParameterizedTest
    // across the blocks of 128 columns of R, the tiles of 256 rows, and (600 x 300) in parallel
    @CsvSource({"1, 1", "3, 5", "7, 4", "9, 127", "130, 129", "257, 131", "600, 300"})
    void equalsTheDotProductsAndIsTheSameOnAnyThreadCount(int m, int d) {
        double[][] rows = gaussian(m, d, 31L * m + d);
        double[][] gram = GramMatrix.of(rows, 1);
        assertThat(gram).hasNumberOfRows(m);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double dot = 0.0;
                for (int k = 0; k < d; k++) {
                    dot += rows[i][k] * rows[j][k];
                }
                assertThat(gram[i][j]).as("[%d][%d]", i, j).isCloseTo(dot, within(1e-12 * d));
                assertThat(gram[i][j]).as("symmetric").isEqualTo(gram[j][i]);
            }
        }
        for (int threads : new int[] {2, 3, 8}) {
            assertThat(GramMatrix.of(rows, threads)).as("%d threads", threads).isDeepEqualTo(gram);
        }
    }

    @ParameterizedTest
    @CsvSource({"0, 3", "2, 0"})
    void handlesEmptyShapes(int m, int d) {
        assertThat(GramMatrix.of(new double[m][d], 2)).isDeepEqualTo(new double[m][m]);
    }

    @org.junit.jupiter.api.Test
    void refusesRaggedRowsAndNoThreads() {
        assertThatThrownBy(() -> GramMatrix.of(new double[][] {{1, 2}, {3}}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows[1]");
        assertThatThrownBy(() -> GramMatrix.of(new double[2][2], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads");
    }
}
