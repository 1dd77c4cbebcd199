package io.github.occam.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SparseRowsTest {

    /** Three rows of four features: one empty, one dense, one with two entries. */
    private static final double[] X = {0, 0, 0, 0, 1, -2, 3, 4, 0, 5.5, 0, -0.25};

    @Test
    void floatAndDoubleRowsShareOneIndexAndKeepTheNonZeroEntriesInOrder() {
        float[] f = new float[X.length];
        for (int k = 0; k < X.length; k++) {
            f[k] = (float) X[k];
        }
        SparseRows doubles = SparseRows.of(X, 3, 4);
        SparseRows floats = SparseRows.of(f, 3, 4);
        assertThat(doubles.start).containsExactly(0, 0, 4, 6);
        assertThat(doubles.column).containsExactly(0, 1, 2, 3, 1, 3);
        assertThat(doubles.doubles).containsExactly(1, -2, 3, 4, 5.5, -0.25);
        assertThat(doubles.floats).isNull();
        assertThat(floats.start).isEqualTo(doubles.start);
        assertThat(floats.column).isEqualTo(doubles.column);
        assertThat(floats.floats).containsExactly(1f, -2f, 3f, 4f, 5.5f, -0.25f);
        assertThat(floats.size()).isEqualTo(3);
        assertThat(floats.featureCount).isEqualTo(4);
        // the two fullest rows hold 4 + 2 entries
        assertThat(floats.maxNonZero(2)).isEqualTo(6);
        assertThat(floats.maxNonZero(10)).isEqualTo(6);
    }
}
