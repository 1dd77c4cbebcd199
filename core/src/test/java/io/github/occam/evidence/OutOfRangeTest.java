package io.github.occam.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.Batch;
import io.github.occam.Cost;
import io.github.occam.Model;
import io.github.occam.models.LogisticRegression;
import io.github.occam.optim.Minimizer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Problems at the edges of the range of doubles and of memory (issue 9, cause 1, the library's
 * side): each one either gives a finite, honest evidence or is refused up front with an
 * {@link IllegalArgumentException} that names the value or the size; never an
 * {@link ArithmeticException} of the eigen-solver, an {@link OutOfMemoryError} or a NaN.
 */
class OutOfRangeTest {

    /** Logistic regression on 20 examples of 3 standard normal features times {@code scale}. */
    private static LogisticRegression model(double scale) {
        Random random = new Random(2);
        double[][] x = new double[20][3];
        int[] y = new int[20];
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = scale * random.nextGaussian();
            }
            y[i] = random.nextInt(2);
        }
        return LogisticRegression.of(x, y, false);
    }

    @Test
    void aLambdaWhoseHessianOverflowsIsRefusedNamingIt() {
        assertThatThrownBy(() -> Evidence.of(model(1.0), Double.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("lambda = 1.7976931348623157E308 is out of range for P = 3"
                        + " parameters");
        assertThatThrownBy(() -> LambdaSearch.defaults().maximize(model(1.0), 1.0,
                Double.MAX_VALUE)).hasMessageContaining("is out of range for P = 3");
    }

    @Test
    void hugeAndTinyScalesThatFitGiveTheEvidenceOfScaleOne() {
        // x -> s x with lambda -> s^2 lambda is the same problem
        Evidence unit = Evidence.of(model(1.0), 1.0);
        for (double scale : new double[] {1e-150, 1e50, 1e150}) {
            Evidence scaled = Evidence.of(model(scale), scale * scale);
            assertThat(scaled.converged()).as("scale %s", scale).isTrue();
            assertThat(scaled.logEvidenceRatio()).as("scale %s", scale)
                    .isCloseTo(unit.logEvidenceRatio(), within(1e-9 * unit.logEvidenceRatio()));
        }
        Evidence strong = Evidence.of(model(1.0), 1e300);
        assertThat(strong.converged()).isTrue();
        assertThat(strong.logEvidenceRatio()).isCloseTo(0.0, within(1e-290));
    }

    @Test
    void featuresWhoseGradientOverflowsAreRefusedNamingTheValue() {
        for (double scale : new double[] {1e154, 1e200, 1e300}) {
            assertThatThrownBy(() -> Evidence.of(model(scale), 1.0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("LogisticRegression")
                    .hasMessageContaining("beyond the range of doubles")
                    .hasMessageContaining("rescale the features");
        }
    }

    /** A model of P parameters whose cross-entropy is |w|^2 / 2: cheap to evaluate. */
    private static final class Wide implements Model {
        private final int p;

        Wide(int p) {
            this.p = p;
        }

        @Override
        public int parameterCount() {
            return p;
        }

        @Override
        public int exampleCount() {
            return 10;
        }

        @Override
        public int classCount() {
            return 2;
        }

        @Override
        public double crossEntropy(double[] w, Batch batch, double[] gradient) {
            double sum = 0.0;
            for (int j = 0; j < w.length; j++) {
                sum += w[j] * w[j];
            }
            if (gradient != null) {
                System.arraycopy(w, 0, gradient, 0, w.length);
            }
            return 0.5 * sum * batch.size() / 10.0;
        }
    }

    @Test
    void aDenseHessianThatCannotFitInMemoryIsRefusedBeforeMinimizing() {
        Model wide = new Wide(1_000_000);
        assertThatThrownBy(() -> Evidence.of(wide, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the exact spectrum of the dense 1000000 x 1000000 "
                        + "Hessian needs 12000.0 GB");
        assertThatThrownBy(() -> Minimizer.newton().minimize(Cost.of(wide, 1.0), new double[1_000_000]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Newton's method on the dense 1000000 x 1000000 Hessian "
                        + "needs 12000.0 GB");
        // above 2000 parameters L-BFGS needs no dense matrix: it checks its result with
        // conjugate gradients on the finite-difference curvature
        double[] start = new double[3000];
        Arrays.fill(start, 1.0);
        assertThat(Minimizer.automatic().minimize(Cost.of(new Wide(3000), 1.0), start).converged())
                .isTrue();
    }
}
