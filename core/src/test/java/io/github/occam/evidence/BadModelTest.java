package io.github.occam.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.occam.Batch;
import io.github.occam.Cost;
import io.github.occam.Model;
import io.github.occam.SymmetricOperator;
import io.github.occam.TestSupport;
import io.github.occam.optim.Minimizer;
import io.github.occam.optim.Minimum;
import io.github.occam.spectrum.HessianSpectrum;
import java.util.Random;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * A user model's mistakes (issue 9, causes 6 and 7): a value that is not finite, a size below 1,
 * a curvature operator that is null, of the wrong dimension or with a dense form of the wrong
 * size. Each gets an {@link IllegalArgumentException} that names the model's class and the bad
 * value, at every entry point; none gets an exception of the JDK, and no {@link Evidence} is ever
 * made of a NaN or an infinity.
 */
class BadModelTest {

    /** A logistic model on 30 examples of 4 features whose answers a test can spoil. */
    private static class UserModel extends TestSupport.Logistic {
        UserModel() {
            super(TestSupport.gaussian(new Random(11), 30, 4), labels());
        }

        private static int[] labels() {
            Random random = new Random(12);
            int[] y = new int[30];
            for (int i = 0; i < y.length; i++) {
                y[i] = random.nextInt(2);
            }
            return y;
        }
    }

    /** Runs every entry point that takes a model and checks each one's exception. */
    private static void everyEntryPointRefuses(Model model, Consumer<String> message) {
        everyEntryPointRefuses(model, true, message);
        assertThatThrownBy(() -> HessianSpectrum.exact(model, new double[4], 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> message.accept(e.getMessage()));
    }

    /** Runs every entry point that evaluates the cost and checks each one's exception. */
    private static void everyEntryPointRefuses(Model model, boolean costOnly,
            Consumer<String> message) {
        ThrowingCallable[] calls = {
            () -> Evidence.of(model, 1.0),
            () -> Evidence.from(model, 1.0, new double[4]),
            () -> Evidence.at(model, new double[4], 1.0),
            () -> LambdaSearch.defaults().maximize(model, 0.1, 10.0),
            () -> LambdaSearch.defaults().scan(model, 1.0),
            () -> Minimizer.newton().minimize(Cost.of(model, 1.0), new double[4]),
            () -> Minimizer.lbfgs().minimize(Cost.of(model, 1.0), new double[4]),
            () -> Minimizer.newton().check(Cost.of(model, 1.0), new double[4]),
        };
        for (ThrowingCallable call : calls) {
            assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> message.accept(e.getMessage()));
        }
    }

    @Test
    void aCrossEntropyThatIsNaNOrInfiniteAtTheStartIsNamed() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY}) {
            Model model = new UserModel() {
                @Override
                public double crossEntropy(double[] w, Batch batch, double[] gradient) {
                    super.crossEntropy(w, batch, gradient);
                    return bad;
                }
            };
            everyEntryPointRefuses(model, true, message -> assertThat(message)
                    .contains("UserModel").contains("crossEntropy returned " + bad));
        }
    }

    @Test
    void aGradientLeftNotFiniteIsNamedWithItsIndex() {
        Model model = new UserModel() {
            @Override
            public double crossEntropy(double[] w, Batch batch, double[] gradient) {
                double h = super.crossEntropy(w, batch, gradient);
                if (gradient != null) {
                    gradient[2] = Double.NaN;
                }
                return h;
            }
        };
        assertThatThrownBy(() -> Evidence.of(model, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UserModel.crossEntropy left gradient[2] = NaN at the start");
        assertThatThrownBy(() -> Minimizer.lbfgs().minimize(Cost.of(model, 1.0), new double[4]))
                .hasMessageContaining("gradient[2] = NaN");
    }

    @Test
    void aCrossEntropyThatTurnsNaNDuringTheSearchGivesAnUntrustedFiniteResult() {
        // NaN once any weight leaves [-0.05, 0.05]: the minimum lies outside, out of reach
        Model model = new UserModel() {
            @Override
            public double crossEntropy(double[] w, Batch batch, double[] gradient) {
                double h = super.crossEntropy(w, batch, gradient);
                for (double v : w) {
                    if (Math.abs(v) > 0.05) {
                        return Double.NaN;
                    }
                }
                return h;
            }
        };
        for (Minimizer minimizer : new Minimizer[] {Minimizer.newton(), Minimizer.lbfgs()}) {
            Evidence e = Laplace.of(minimizer, io.github.occam.spectrum.SpectrumMethod.exact())
                    .evidence(Cost.of(model, 1e-3));
            assertThat(e.converged()).as(minimizer.toString()).isFalse();
            assertThat(e.logEvidenceRatio()).isFinite();
            assertThat(e.cost()).isFinite();
        }
    }

    @Test
    void sizesBelowOneAreNamed() {
        for (int p : new int[] {-1, 0}) {
            Model model = new UserModel() {
                @Override
                public int parameterCount() {
                    return p;
                }
            };
            everyEntryPointRefuses(model, message -> assertThat(message)
                    .isEqualTo("UserModel.parameterCount() must be >= 1, got " + p));
        }
        for (int n : new int[] {-5, 0}) {
            Model model = new UserModel() {
                @Override
                public int exampleCount() {
                    return n;
                }
            };
            everyEntryPointRefuses(model, message -> assertThat(message)
                    .isEqualTo("UserModel.exampleCount() must be >= 1, got " + n));
        }
    }

    @Test
    void aNullModelLikelihoodThatIsNotFiniteIsNamed() {
        Model model = new UserModel() {
            @Override
            public double nullLogLikelihood() {
                return Double.NaN;
            }
        };
        assertThatThrownBy(() -> Evidence.of(model, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("UserModel.nullLogLikelihood() must be finite, got NaN");
    }

    @Test
    void aCurvatureOperatorThatIsNullOrOfTheWrongDimensionIsNamed() {
        Model none = new UserModel() {
            @Override
            public SymmetricOperator hessianAt(double[] w) {
                return null;
            }
        };
        assertThatThrownBy(() -> Evidence.of(none, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("UserModel.hessianAt returned null");
        assertThatThrownBy(() -> HessianSpectrum.exact(none, new double[4], 1.0))
                .hasMessage("UserModel.hessianAt returned null");
        Model small = new UserModel() {
            @Override
            public SymmetricOperator hessianAt(double[] w) {
                return SymmetricOperator.ofDense(new double[3][3]);
            }
        };
        everyEntryPointRefuses(small, message -> assertThat(message).isEqualTo(
                "UserModel.hessianAt returned an operator of dimension 3, expected P = 4"));
    }

    /**
     * The user model whose exact curvature operator has its dense form replaced by
     * {@code dense} (unless null) and its products spoiled by {@code spoil}.
     */
    private static Model withSpoiledCurvature(double[][] dense, Consumer<double[]> spoil) {
        return new UserModel() {
            @Override
            public SymmetricOperator hessianAt(double[] w) {
                SymmetricOperator exact = super.hessianAt(w);
                return new SymmetricOperator() {
                    @Override
                    public int dimension() {
                        return exact.dimension();
                    }

                    @Override
                    public void apply(double[] v, double[] out) {
                        exact.apply(v, out);
                        spoil.accept(out);
                    }

                    @Override
                    public double[][] toDense() {
                        return dense == null ? exact.toDense() : dense;
                    }
                };
            }
        };
    }

    private static Model withDenseForm(double[][] dense) {
        return withSpoiledCurvature(dense, out -> { });
    }

    @Test
    void aDenseFormOfTheWrongSizeOrNotFiniteIsNamed() {
        assertThatThrownBy(() -> Evidence.of(withDenseForm(new double[3][4]), 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("UserModel.hessianAt(w).toDense() returned 3 rows, expected 4");
        assertThatThrownBy(() -> Evidence.of(withDenseForm(new double[][] {
            new double[4], new double[4], new double[2], new double[4]}), 1.0))
                .hasMessage("UserModel.hessianAt(w).toDense() returned row 2 of length 2, "
                        + "expected 4");
        double[][] nan = new double[4][4];
        nan[3][1] = Double.NaN;
        assertThatThrownBy(() -> Evidence.at(withDenseForm(nan), new double[4], 1.0))
                .hasMessage("UserModel.hessianAt(w).toDense() has entry [3][1] = NaN");
        assertThatThrownBy(() -> HessianSpectrum.exact(withDenseForm(nan), new double[4], 1.0))
                .hasMessage("UserModel.hessianAt(w).toDense() has entry [3][1] = NaN");
    }

    @Test
    void aProductThatIsNotFiniteIsNamed() {
        Model model = withSpoiledCurvature(null, out -> out[1] = Double.POSITIVE_INFINITY);
        // the dense form serves Newton's method; the probes of the converged point multiply
        assertThatThrownBy(() -> Minimizer.newton().minimize(Cost.of(model, 1.0), new double[4]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("UserModel.hessianAt(w).apply returned Infinity at index 1");
    }

    @Test
    void theLambdaSearchNeverChoosesALambdaOnANaN() {
        Model model = new UserModel() {
            @Override
            public double crossEntropy(double[] w, Batch batch, double[] gradient) {
                double h = super.crossEntropy(w, batch, gradient);
                return h < 19.0 ? Double.NaN : h;     // NaN once the fit gets good enough
            }
        };
        // strong priors keep H above 19 and converge; weak ones reach the NaN and stop short
        LambdaSearch.Result result = LambdaSearch.defaults().maximize(model, 1e-3, 1e3);
        assertThat(result.evidence().converged()).isTrue();
        assertThat(result.evidence().logEvidenceRatio()).isFinite();
        assertThat(result.table()).anyMatch(point -> !point.converged());
        assertThat(result.table()).allMatch(point -> Double.isFinite(point.logEvidence()));
    }

    @Test
    void anEvidenceOrAMinimumIsNeverMadeOfNumbersThatAreNotFinite() {
        HessianSpectrum spectrum = HessianSpectrum.ofEigenvalues(new double[] {1.0}, 1.0);
        Minimum minimum = new Minimum(new double[1], 1.0, 0.0, 0, true);
        assertThatThrownBy(() -> new Evidence(1.0, Double.NaN, 0.0, -1.0, 1, spectrum, minimum))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("crossEntropy must be finite, got NaN");
        assertThatThrownBy(() -> new Evidence(1.0, 1.0, 0.0, Double.NEGATIVE_INFINITY, 1,
                spectrum, minimum)).hasMessage("nullLogLikelihood must be finite, got -Infinity");
        assertThatThrownBy(() -> new Evidence(1e300, 1.0, 1e300, -1.0, 1, spectrum, minimum))
                .hasMessageStartingWith("the cost H + lambda |w|^2 / 2");
        assertThatThrownBy(() -> new Minimum(new double[1], Double.NaN, 0.0, 0, true))
                .hasMessage("cost must be finite, got NaN");
        assertThatThrownBy(() -> new Minimum(new double[] {Double.POSITIVE_INFINITY}, 1.0, 0.0,
                0, true)).hasMessage("parameters[0] must be finite, got Infinity");
        assertThatThrownBy(() -> new Minimum(new double[1], 1.0, Double.NaN, 0, true))
                .hasMessage("gradientNorm must be finite and >= 0, got NaN");
        assertThatThrownBy(() -> new Minimum(new double[1], 1.0, 0.0, -1.0, 0,
                Minimum.Status.CONVERGED))
                .hasMessage("decrement must be finite and >= 0, or NaN, got -1.0");
    }
}
