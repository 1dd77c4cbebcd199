package io.github.occam.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ShallowNetShapeTest {

    @Test
    void layoutIsW1ThenB1ThenW2ThenB2() {
        ShallowNetShape shape = new ShallowNetShape(5, 3, 4);
        assertThat(shape.parameterCount()).isEqualTo(3 * 5 + 3 + 4 * 3 + 4);
        assertThat(shape.w1Index(0, 0)).isZero();
        assertThat(shape.w1Index(2, 4)).isEqualTo(2 * 5 + 4);
        assertThat(shape.b1Offset()).isEqualTo(15);
        assertThat(shape.w2Offset()).isEqualTo(18);
        assertThat(shape.w2Index(0, 0)).isEqualTo(18);
        assertThat(shape.w2Index(3, 2)).isEqualTo(18 + 3 * 3 + 2);
        assertThat(shape.b2Offset()).isEqualTo(30);
        assertThat(shape.b2Offset() + 3).isEqualTo(shape.parameterCount() - 1);
    }

    @Test
    void indicesReachEveryWeightOnce() {
        ShallowNetShape shape = new ShallowNetShape(4, 3, 2);
        boolean[] seen = new boolean[shape.parameterCount()];
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 4; j++) {
                assertThat(seen[shape.w1Index(k, j)]).isFalse();
                seen[shape.w1Index(k, j)] = true;
            }
            seen[shape.b1Offset() + k] = true;
        }
        for (int c = 0; c < 2; c++) {
            for (int k = 0; k < 3; k++) {
                assertThat(seen[shape.w2Index(c, k)]).isFalse();
                seen[shape.w2Index(c, k)] = true;
            }
            seen[shape.b2Offset() + c] = true;
        }
        assertThat(seen).doesNotContain(false);
    }

    @Test
    void initialParametersAreTheNetworksDrawInLayoutOrder() {
        ShallowNetShape shape = new ShallowNetShape(6, 5, 3);
        double[] w = shape.initialParameters(11L);
        assertThat(w).containsExactly(ShallowNetwork.initialParameters(6, 5, 3, 11L));
        Random random = new Random(11L);
        for (int q = 0; q < shape.b1Offset(); q++) {
            assertThat(w[q]).isEqualTo(Math.sqrt(2.0 / 6) * random.nextGaussian());
        }
        for (int q = shape.b1Offset(); q < shape.w2Offset(); q++) {
            assertThat(w[q]).isZero();
        }
        for (int q = shape.w2Offset(); q < shape.b2Offset(); q++) {
            assertThat(w[q]).isEqualTo(Math.sqrt(2.0 / 5) * random.nextGaussian());
        }
        for (int q = shape.b2Offset(); q < w.length; q++) {
            assertThat(w[q]).isZero();
        }
    }

    @Test
    void networkReportsItsShape() {
        ShallowNetwork net = ShallowNetwork.of(new double[][] {{1, 2}, {3, 4}, {5, 6}},
                new int[] {0, 2, 1}, 4, 3);
        assertThat(net.shape()).isEqualTo(new ShallowNetShape(2, 4, 3));
        assertThat(net.parameterCount()).isEqualTo(net.shape().parameterCount());
        assertThat(net.hiddenUnits()).isEqualTo(4);
    }

    @Test
    void rejectsBadSizesNamingTheValue() {
        assertThatThrownBy(() -> new ShallowNetShape(0, 3, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("featureCount must be >= 1, got 0");
        assertThatThrownBy(() -> new ShallowNetShape(2, -1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hiddenUnits must be >= 1, got -1");
        assertThatThrownBy(() -> new ShallowNetShape(2, 3, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("classCount must be >= 2, got 1");
        assertThatThrownBy(() -> new ShallowNetShape(784, 1 << 22, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameters").hasMessageContaining("3334471690");
    }
}
