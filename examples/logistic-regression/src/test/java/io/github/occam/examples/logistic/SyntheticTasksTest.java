package io.github.occam.examples.logistic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SyntheticTasksTest {

    private static final SyntheticTasks TASKS = SyntheticTasks.generate(200, 200, 10_000, 42L);

    @Test
    void hasThePapersShapes() {
        Task random = TASKS.random();
        Task informative = TASKS.informative();
        assertThat(random.labels()).isEqualTo("random");
        assertThat(informative.labels()).isEqualTo("informative");
        assertThat(random.train().size()).isEqualTo(200);
        assertThat(random.test().size()).isEqualTo(10_000);
        assertThat(random.train().dimension()).isEqualTo(200);
        assertThat(informative.train().features()).isSameAs(random.train().features());
        assertThat(informative.test().features()).isSameAs(random.test().features());
    }

    @Test
    void everyTrainingComponentHasMeanZeroAndVarianceOne() {
        double[][] x = TASKS.random().train().features();
        for (int j = 0; j < x[0].length; j++) {
            double sum = 0.0;
            double squares = 0.0;
            for (double[] row : x) {
                sum += row[j];
                squares += row[j] * row[j];
            }
            assertThat(sum / x.length).as("mean of component %d", j).isCloseTo(0.0, within(1e-12));
            assertThat(squares / x.length).as("<x^2> of component %d", j)
                    .isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void testComponentsAreApproximatelyStandardized() {
        // Same shift and scale as the training set: the test means scatter around 0 with the
        // uncertainty of the training means (1/sqrt(200)); pooled over components they are ~0.
        double[][] x = TASKS.random().test().features();
        double total = 0.0;
        double squares = 0.0;
        for (double[] row : x) {
            for (double v : row) {
                total += v;
                squares += v * v;
            }
        }
        double count = (double) x.length * x[0].length;
        assertThat(total / count).isCloseTo(0.0, within(0.02));
        assertThat(squares / count).isCloseTo(1.0, within(0.05));
    }

    @Test
    void informativeLabelIsTheSignOfTheComponentSum() {
        for (BinaryLabelledSet data : new BinaryLabelledSet[] {TASKS.informative().train(),
                TASKS.informative().test()}) {
            int positives = 0;
            for (int i = 0; i < data.size(); i++) {
                double sum = 0.0;
                for (double v : data.features()[i]) {
                    sum += v;
                }
                assertThat(data.labels()[i]).as("example %d", i).isEqualTo(sum > 0.0 ? 1 : 0);
                positives += data.labels()[i];
            }
            assertThat((double) positives / data.size()).isBetween(0.35, 0.65);
        }
    }

    @Test
    void randomLabelsAreFairCoinsUnrelatedToTheInputs() {
        int[] random = TASKS.random().test().labels();
        int[] informative = TASKS.informative().test().labels();
        int ones = 0;
        int agree = 0;
        for (int i = 0; i < random.length; i++) {
            ones += random[i];
            agree += random[i] == informative[i] ? 1 : 0;
        }
        // 10,000 fair coins: standard deviation 0.005; allow 5 of them.
        assertThat(ones / 10_000.0).isCloseTo(0.5, within(0.025));
        assertThat(agree / 10_000.0).isCloseTo(0.5, within(0.025));
    }

    @Test
    void theSeedFixesTheData() {
        SyntheticTasks again = SyntheticTasks.generate(200, 200, 10_000, 42L);
        SyntheticTasks other = SyntheticTasks.generate(200, 200, 10_000, 43L);
        assertThat(again.random().train().features()).isDeepEqualTo(TASKS.random().train().features());
        assertThat(again.random().test().labels()).isEqualTo(TASKS.random().test().labels());
        assertThat(other.random().train().features()[0]).isNotEqualTo(
                TASKS.random().train().features()[0]);
    }

    @Test
    void rejectsBadSizes() {
        assertThatThrownBy(() -> SyntheticTasks.generate(0, 200, 10, 1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension")
                .hasMessageContaining("0");
        assertThatThrownBy(() -> SyntheticTasks.generate(5, 1, 10, 1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trainSize");
        assertThatThrownBy(() -> SyntheticTasks.generate(5, 10, 0, 1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("testSize");
    }
}
