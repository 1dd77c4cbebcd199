package consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.evidence.Evidence;
import io.github.occam.models.LogisticRegression;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The guide's model used as a user would, on the class path: its evidence, with the curvature by
 * finite differences of its gradient, against the built-in logistic regression (exact curvature)
 * on the same data.
 */
class SignedLogitEvidenceTest {

    @Test
    void theEvidenceOfTheUsersModelIsTheBuiltInOne() {
        Random random = new Random(5);
        double[][] x = new double[60][3];
        double[] s = new double[60];
        int[] labels = new int[60];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = random.nextGaussian();
            }
            labels[i] = x[i][0] - x[i][2] + random.nextGaussian() > 0 ? 1 : 0;
            s[i] = 2 * labels[i] - 1;
        }
        Evidence mine = Evidence.of(new SignedLogit(x, s), 1.0);
        Evidence builtIn = Evidence.of(LogisticRegression.of(x, labels, false), 1.0);
        assertThat(mine.converged()).isTrue();
        assertThat(mine.logEvidenceRatio())
                .isCloseTo(builtIn.logEvidenceRatio(), within(1e-6 * Math.abs(builtIn.logEvidenceRatio())));
    }
}
