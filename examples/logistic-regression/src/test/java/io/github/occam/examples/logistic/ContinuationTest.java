package io.github.occam.examples.logistic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.evidence.Evidence;
import io.github.occam.models.LogisticRegression;
import org.junit.jupiter.api.Test;

class ContinuationTest {

    @Test
    void startsAtZeroThenAtTheLastMinimumThenExtrapolatesInLogLambda() {
        Continuation path = new Continuation(2);
        assertThat(path.start(10.0)).containsExactly(0.0, 0.0);
        path.record(10.0, new double[] {1.0, -1.0}, true);
        assertThat(path.start(1.0)).containsExactly(1.0, -1.0);
        path.record(1.0, new double[] {2.0, -3.0}, true);
        // w = a + b ln(lambda) through both points: at lambda = 0.01, two more steps of ln 10
        double[] start = path.start(0.01);
        assertThat(start[0]).isCloseTo(4.0, within(1e-12));
        assertThat(start[1]).isCloseTo(-7.0, within(1e-12));
    }

    @Test
    void aMinimumThatDidNotConvergeStartsThePathOver() {
        Continuation path = new Continuation(1);
        path.record(10.0, new double[] {1.0}, true);
        path.record(1.0, new double[] {5.0}, false);
        assertThat(path.start(0.1)).containsExactly(0.0);
    }

    @Test
    void theExtrapolatedStartsGiveTheEvidenceOfStartsAtZeroInFewerIterations() {
        SyntheticTasks tasks = SyntheticTasks.generate(60, 80, 10, 5);
        LogisticRegression model = LogisticRegression.of(tasks.informative().train().features(),
                tasks.informative().train().labels(), false);
        double[] lambdas = {30.0, 10.0, 3.0, 1.0, 0.3, 0.1, 0.03, 0.01};
        Continuation path = new Continuation(model.parameterCount());
        int continued = 0;
        int cold = 0;
        for (double lambda : lambdas) {
            Evidence fromPath = Evidence.from(model, lambda, path.start(lambda));
            path.record(lambda, fromPath.parameters(), fromPath.converged());
            Evidence fromZero = Evidence.of(model, lambda);
            assertThat(fromPath.converged()).isTrue();
            assertThat(fromPath.logEvidenceRatio()).as("lambda %s", lambda).isCloseTo(
                    fromZero.logEvidenceRatio(),
                    within(1e-9 * Math.abs(fromZero.logEvidenceRatio())));
            continued += fromPath.minimum().iterations();
            cold += fromZero.minimum().iterations();
        }
        assertThat(continued).isLessThan(cold * 2 / 3);
    }
}
