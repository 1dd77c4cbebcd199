package io.github.occam.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.occam.Batch;
import io.github.occam.Cost;
import io.github.occam.Model;
import io.github.occam.SymmetricOperator;
import io.github.occam.TestSupport;
import io.github.occam.models.LogisticRegression;
import io.github.occam.optim.Minimizer;
import io.github.occam.optim.Minimum;
import io.github.occam.spectrum.HessianSpectrum;
import io.github.occam.spectrum.SpectrumMethod;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Laplace evidence decomposes the dense Hessian that Newton's method factored last at the
 * minimum instead of forming it again, and gets the very spectrum a fresh one gives.
 */
class HessianFormedOnceTest {

    /** A logistic regression that counts the dense Hessians formed from its curvature. */
    private static final class Counting implements Model {
        final LogisticRegression model;
        int denseForms;

        Counting(LogisticRegression model) {
            this.model = model;
        }

        @Override
        public int parameterCount() {
            return model.parameterCount();
        }

        @Override
        public int exampleCount() {
            return model.exampleCount();
        }

        @Override
        public int classCount() {
            return model.classCount();
        }

        @Override
        public double crossEntropy(double[] w, Batch batch, double[] gradient) {
            return model.crossEntropy(w, batch, gradient);
        }

        @Override
        public boolean convex() {
            return true;
        }

        @Override
        public SymmetricOperator hessianAt(double[] w) {
            SymmetricOperator h = model.hessianAt(w);
            return new SymmetricOperator() {
                @Override
                public int dimension() {
                    return h.dimension();
                }

                @Override
                public void apply(double[] v, double[] out) {
                    h.apply(v, out);
                }

                @Override
                public double[][] toDense() {
                    denseForms++;
                    return h.toDense();
                }
            };
        }
    }

    private static LogisticRegression logistic() {
        Random random = new Random(17);
        double[][] x = TestSupport.gaussian(random, 80, 12);
        int[] y = new int[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = x[i][0] + 0.5 * random.nextGaussian() > 0 ? 1 : 0;
        }
        return LogisticRegression.of(x, y, false);
    }

    @Test
    void theMinimumsHessianIsFormedOnceForNewtonAndSpectrum() {
        Counting counting = new Counting(logistic());
        Evidence evidence = Evidence.of(counting, 0.3);
        assertThat(evidence.converged()).isTrue();
        // one dense Hessian per Newton iteration and one at the minimum, none more
        assertThat(counting.denseForms).isEqualTo(evidence.minimum().iterations() + 1);
        HessianSpectrum fresh = HessianSpectrum.exact(counting.model, evidence.parameters(), 0.3);
        assertThat(evidence.spectrum()).isEqualTo(fresh);
    }

    @Test
    void evidenceAtAMinimumReusesTheCheckedHessian() {
        Counting counting = new Counting(logistic());
        double[] w0 = Evidence.of(counting.model, 0.3).parameters();
        Evidence at = Laplace.defaults().evidenceAt(Cost.of(counting, 0.3), w0);
        assertThat(at.converged()).isTrue();
        assertThat(counting.denseForms).as("at w0 and one Newton step ahead").isEqualTo(2);
        assertThat(at.spectrum()).isEqualTo(HessianSpectrum.exact(counting.model, w0, 0.3));
    }

    @Test
    void everyMethodGetsTheMatrixNewtonFormedAndTheGaussNewtonCurvatureFormsItsOwn() {
        LogisticRegression model = logistic();
        Evidence exact = Evidence.of(model, 0.3);
        Evidence ggn = Laplace.defaults().withGaussNewton().evidence(Cost.of(model, 0.3));
        // for logistic regression the Gauss-Newton matrix is the Hessian: the same numbers
        assertThat(ggn.logEvidenceRatio()).isEqualTo(exact.logEvidenceRatio());

        Counting counting = new Counting(model);
        SpectrumMethod viaDense = (operator, lambda) -> HessianSpectrum.ofSymmetricMatrix(
                operator.toDense(), lambda);
        Evidence other = Laplace.of(Minimizer.newton(), viaDense).evidence(Cost.of(counting, 0.3));
        Minimum minimum = other.minimum();
        // the minimum's curvature hands any method the matrix Newton's method formed there
        assertThat(counting.denseForms).isEqualTo(minimum.iterations() + 1);
        assertThat(other.spectrum()).isEqualTo(exact.spectrum());
    }
}
