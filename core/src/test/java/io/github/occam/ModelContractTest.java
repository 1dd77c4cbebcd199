package io.github.occam;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.occam.models.GaussianLinearRegression;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The {@link ModelContract} on the models that the classifier contracts of the {@code models}
 * package do not cover: the Gaussian linear regression, and models written as a user would (only
 * the required methods, so the curvature is the finite-difference default).
 */
class ModelContractTest {

    private static double[] gaussian(Random random, int p, double scale) {
        double[] w = new double[p];
        for (int j = 0; j < p; j++) {
            w[j] = scale * random.nextGaussian();
        }
        return w;
    }

    @Nested
    class GaussianLinear extends ModelContract {
        @Override
        protected Model model() {
            Random random = new Random(21);
            double[][] x = TestSupport.gaussian(random, 9, 5);
            return GaussianLinearRegression.of(x, TestSupport.linearTargets(random, x, 0.3), 0.3);
        }

        @Override
        protected double[] point(Random random) {
            return gaussian(random, 5, 1.0);
        }
    }

    /** The user guide's own model: signed-label logistic regression, required methods only. */
    @Nested
    class UserGuideModel extends ModelContract {
        @Override
        protected Model model() {
            Random random = new Random(22);
            double[][] x = TestSupport.gaussian(random, 30, 4);
            double[] signs = new double[x.length];
            for (int i = 0; i < signs.length; i++) {
                signs[i] = random.nextBoolean() ? 1.0 : -1.0;
            }
            return UserGuideExamplesTest.signedLogit(x, signs);
        }

        @Override
        protected double[] point(Random random) {
            return gaussian(random, 4, 0.5);
        }
        // exactCurvature() is not overridden: the contract sees the finite-difference default
    }

    /** A model with a known closed-form Hessian and the finite-difference default curvature. */
    @Nested
    class ExpQuadraticModel extends ModelContract {
        @Override
        protected Model model() {
            return ModelDefaultsTest.expQuadratic(new Random(23), 6, 4);
        }

        @Override
        protected double[] point(Random random) {
            return gaussian(random, 4, 0.3);
        }

        @Test
        void theContractSeesTheFiniteDifferenceCurvature() {
            org.assertj.core.api.Assertions.assertThat(exactCurvature()).isFalse();
        }
    }

    /** A model that says it is convex when it is not fails the contract's convexity check. */
    @Test
    void theContractCatchesAModelThatWronglySaysItIsConvex() {
        Model doubleWell = new TestSupport.DoubleWell(2) {
            @Override
            public boolean convex() {
                return true;      // it is not: a saddle at w = 0 between two minima
            }
        };
        ModelContract contract = new ModelContract() {
            @Override
            protected Model model() {
                return doubleWell;
            }

            @Override
            protected double[] point(Random random) {
                return gaussian(random, 2, 2.0);
            }

            @Override
            protected boolean exactCurvature() {
                return false;
            }
        };
        assertThatThrownBy(contract::aModelThatSaysItIsConvexIsConvexAlongRandomSegments)
                .isInstanceOf(AssertionError.class);
    }
}
