package io.github.occam;

import io.github.occam.evidence.LambdaSearch;
import io.github.occam.evidence.Evidence;
import io.github.occam.noise.SgdNoiseScale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.models.LogisticRegression;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Java example of README.md, line for line, on data whose answer is known. */
class ReadmeExampleTest {

    @Test
    void readmeExampleRunsAndGivesTheExpectedSigns() {
        Random random = new Random(42);
        int n = 200;
        int d = 10;
        double[][] features = new double[n][d];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double sum = 0.0;
            for (int j = 0; j < d; j++) {
                features[i][j] = random.nextGaussian();
                sum += features[i][j];
            }
            labels[i] = sum > 0 ? 1 : 0;
        }

        LogisticRegression model = LogisticRegression.of(features, labels, false);
        Evidence evidence = Evidence.of(model, 1.0);
        double e = evidence.logEvidenceRatio();
        LambdaSearch.Result best = LambdaSearch.defaults().maximize(model, 1e-3, 1e3);
        SgdNoiseScale sgd = SgdNoiseScale.of(0.1, 60_000, 128, 0.9);
        double g = sgd.value();
        double bOpt = sgd.optimalBatchSizeAt(0.2, 60_000, 0.9);

        // Labels that follow the features: the model beats the null model by a wide margin.
        assertThat(evidence.converged()).isTrue();
        assertThat(e).isLessThan(-0.3 * n);
        assertThat(best.evidence().logEvidence()).isGreaterThanOrEqualTo(evidence.logEvidence());
        assertThat(g).isCloseTo(0.1 * (60_000.0 / 128 - 1) / (1 - 0.9), within(1e-9));
        assertThat(bOpt).isCloseTo(256.0, within(1e-9));
    }
}
