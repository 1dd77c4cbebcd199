package io.github.occam.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatasetTest {

    /** 5 examples of 2 features: example i = (i, 10 i), label i mod 3. */
    private static Dataset five() {
        float[] x = new float[10];
        int[] y = new int[5];
        for (int i = 0; i < 5; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = 10 * i;
            y[i] = i % 3;
        }
        return new Dataset(x, y, 2, 3);
    }

    @Test
    void slicesHeadsAndTailsCopyTheRightRows() {
        Dataset d = five();
        assertThat(d.size()).isEqualTo(5);
        Dataset middle = d.slice(1, 4);
        assertThat(middle.features()).containsExactly(1, 10, 2, 20, 3, 30);
        assertThat(middle.labels()).containsExactly(1, 2, 0);
        assertThat(d.head(2).labels()).containsExactly(0, 1);
        assertThat(d.tail(2).features()).containsExactly(3, 30, 4, 40);
        assertThat(d.head(0).size()).isZero();
        assertThat(d.tail(5)).isEqualTo(d);
        middle.features()[0] = 99;
        assertThat(d.features()[2]).isEqualTo(1f);       // a slice never aliases its source
        assertThat(d.example(4)).containsExactly(4, 40);
    }

    @Test
    void convertsToDoubleRows() {
        double[][] rows = five().featuresAsDouble();
        assertThat(rows).hasDimensions(5, 2);
        assertThat(rows[3]).containsExactly(3.0, 30.0);
        Dataset back = Dataset.of(rows, five().labels(), 3);
        assertThat(back).isEqualTo(five()).hasSameHashCodeAs(five());
    }

    @Test
    void scalesAndCountsClasses() {
        Dataset d = five().scaled(0.5f);
        assertThat(d.features()).containsExactly(0, 0, 0.5f, 5, 1, 10, 1.5f, 15, 2, 20);
        assertThat(d.classCounts()).containsExactly(2, 2, 1);
        assertThat(d.toString()).isEqualTo("Dataset[size=5, featureCount=2, classCount=3]");
    }

    @Test
    void shufflesDeterministicallyKeepingPairs() {
        Dataset d = five();
        Dataset s = d.shuffled(42);
        assertThat(s).isEqualTo(d.shuffled(42));
        assertThat(s.classCounts()).containsExactly(d.classCounts());
        for (int i = 0; i < s.size(); i++) {
            float[] row = s.example(i);
            int original = (int) row[0];
            assertThat(row[1]).isEqualTo(10f * original);
            assertThat(s.labels()[i]).isEqualTo(original % 3);
        }
        Dataset big = Dataset.of(new double[100][1], new int[100], 1);
        assertThat(big.shuffled(1)).isEqualTo(big);
    }

    @Test
    void rejectsInconsistentInput() {
        assertThatThrownBy(() -> new Dataset(new float[5], new int[2], 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("features has length 5, expected labels.length * featureCount ="
                        + " 2 * 2 = 4");
        assertThatThrownBy(() -> new Dataset(new float[4], new int[] {0, 3}, 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("labels[1] must be in [0, 3), got 3");
        assertThatThrownBy(() -> new Dataset(new float[4], new int[] {-1, 0}, 2, 3))
                .hasMessage("labels[0] must be in [0, 3), got -1");
        assertThatThrownBy(() -> new Dataset(new float[] {0, 0, Float.NaN, 0}, new int[2], 2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("features[2] (example 1, feature 0) must be finite, got NaN");
        assertThatThrownBy(() -> new Dataset(new float[0], new int[0], 0, 3))
                .hasMessage("featureCount must be >= 1, got 0");
        assertThatThrownBy(() -> new Dataset(new float[0], new int[0], 1, 0))
                .hasMessage("classCount must be >= 1, got 0");
        assertThatThrownBy(() -> new Dataset(null, new int[0], 1, 1))
                .hasMessage("features must not be null");
        assertThatThrownBy(() -> Dataset.of(new double[][] {{1, 2}, {3}}, new int[2], 2))
                .hasMessage("rows[1] has length 1, expected 2");
        assertThatThrownBy(() -> five().scaled(Float.MAX_VALUE))
                .hasMessageContaining("must be finite, got Infinity");
    }

    @Test
    void rowsOutsideTheFloatRangeNameTheBadDouble() {
        // 1e300 and NaN are not floats: the message names the double the caller passed
        assertThatThrownBy(() -> Dataset.of(new double[][] {{1, 2}, {3, 1e300}}, new int[2], 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rows[1][1] must be finite within the float range, got 1.0E300");
        assertThatThrownBy(() -> Dataset.of(new double[][] {{Double.NaN, 2}}, new int[1], 2))
                .hasMessage("rows[0][0] must be finite within the float range, got NaN");
        assertThatThrownBy(() -> Dataset.of(new double[][] {{1, 2}}, null, 2))
                .hasMessage("labels must not be null");
    }

    @Test
    void rejectsBadRanges() {
        Dataset d = five();
        assertThatThrownBy(() -> d.slice(3, 2)).hasMessage("to must be in [3, 5], got 2");
        assertThatThrownBy(() -> d.slice(-1, 2)).hasMessage("from must be in [0, 5], got -1");
        assertThatThrownBy(() -> d.head(6)).hasMessage("n must be in [0, 5], got 6");
        assertThatThrownBy(() -> d.tail(-1)).hasMessage("n must be in [0, 5], got -1");
        assertThatThrownBy(() -> d.example(5)).hasMessage("i must be in [0, 4], got 5");
    }
}
