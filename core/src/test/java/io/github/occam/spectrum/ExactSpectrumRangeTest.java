package io.github.occam.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.SymmetricOperator;
import io.github.occam.TestSupport;
import io.github.occam.linalg.SymmetricEigenvalues;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The exact spectrum at the edges of the range of doubles and of memory (issue 9, cause 1): what
 * can be decomposed is decomposed however large or small its entries, what cannot is refused up
 * front with an {@link IllegalArgumentException} naming the value or the size, and eigenvalues
 * lost in rounding make the spectrum say it did not converge.
 */
class ExactSpectrumRangeTest {

    /** A matrix with the given eigenvalues in a random basis, scaled by a power of 2. */
    private static double[][] withEigenvalues(double[] eigenvalues, int exponent) {
        double[][] a = TestSupport.withEigenvalues(TestSupport.orthogonal(new Random(5),
                eigenvalues.length), eigenvalues);
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] = Math.scalb(row[j], exponent);
            }
        }
        return a;
    }

    @Test
    void entriesNearTheEndsOfTheRangeAreDecomposedAsAtScaleOne() {
        double[] eigenvalues = {1.0, 2.0, 4.0, 8.0, 16.0};
        HessianSpectrum unit = HessianSpectrum.ofSymmetricMatrix(withEigenvalues(eigenvalues, 0),
                1.0);
        for (int exponent : new int[] {1000, -1000}) {
            double lambda = Math.scalb(1.0, exponent);
            HessianSpectrum scaled = HessianSpectrum.ofSymmetricMatrix(
                    withEigenvalues(eigenvalues, exponent), lambda);
            assertThat(scaled.converged()).isTrue();
            assertThat(scaled.sumLogRatio().value())
                    .isCloseTo(unit.sumLogRatio().value(), within(1e-12));
            double[] values = scaled.eigenvalues();
            for (int i = 0; i < values.length; i++) {
                assertThat(Math.scalb(values[i], -exponent))
                        .isCloseTo(eigenvalues[i], within(1e-12 * eigenvalues[i]));
            }
        }
    }

    @Test
    void aMatrixWhoseTraceOrEigenvaluesOverflowIsRefused() {
        double[][] huge = {{1e308, 0.0}, {0.0, 1e308}};
        assertThatThrownBy(() -> HessianSpectrum.ofSymmetricMatrix(huge, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 x 2 Hessian is beyond the range of doubles")
                .hasMessageContaining("1.0E308");
    }

    @Test
    void eigenvaluesLostInRoundingMakeTheSpectrumSaySo() {
        // eigenvalues 1e-12 and 1 with lambda = 1e-12: the small one is within rounding of the
        // large one's, 3 * 2.2e-16, and its ratio to lambda is unknown
        double[] eigenvalues = {1e-12, 2e-12, 1.0};
        HessianSpectrum lost = HessianSpectrum.ofSymmetricMatrix(withEigenvalues(eigenvalues, 0),
                1e-12);
        assertThat(lost.converged()).isFalse();
        HessianSpectrum resolved = HessianSpectrum.ofSymmetricMatrix(
                withEigenvalues(eigenvalues, 0), 1e-3);
        assertThat(resolved.converged()).isTrue();
        // eigenvalues given directly are exact
        assertThat(HessianSpectrum.ofEigenvalues(eigenvalues, 1e-12).converged()).isTrue();
    }

    @Test
    void aDenseHessianThatCannotFitInMemoryIsRefusedBeforeAnyWork() {
        SymmetricOperator enormous = new SymmetricOperator() {
            @Override
            public int dimension() {
                return 1_000_000;
            }

            @Override
            public void apply(double[] v, double[] out) {
                throw new AssertionError("no product expected");
            }

            @Override
            public double[][] toDense() {
                throw new AssertionError("no dense form expected");
            }
        };
        assertThatThrownBy(() -> SpectrumMethod.exact().compute(enormous, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the exact spectrum of the dense 1000000 x 1000000 "
                        + "Hessian needs 12000.0 GB of memory, more than the")
                .hasMessageContaining("this JVM may use");
        assertThatThrownBy(() -> SpectrumMethod.exact().requireFits(1_000_000))
                .isInstanceOf(IllegalArgumentException.class);
        SpectrumMethod.exact().requireFits(200);
    }

    @Test
    void aDenseFormOfTheWrongSizeIsNamed() {
        SymmetricOperator wrong = new SymmetricOperator() {
            @Override
            public int dimension() {
                return 3;
            }

            @Override
            public void apply(double[] v, double[] out) {
                java.util.Arrays.fill(out, 0.0);
            }

            @Override
            public double[][] toDense() {
                return new double[2][2];
            }
        };
        assertThatThrownBy(() -> SpectrumMethod.exact().compute(wrong, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("of dimension 3 returned 2 rows");
        assertThat(SpectrumMethod.exact()).hasToString("SpectrumMethod.exact()");
    }

    @Test
    void theEigenSolverNamesTheMatrixSizeWhenItCannotConverge() {
        double[][] nan = {{1.0, Double.NaN, 0.0}, {Double.NaN, 1.0, 2.0}, {0.0, 2.0, 3.0}};
        assertThatThrownBy(() -> SymmetricEigenvalues.of(nan))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("of a 3 x 3 matrix");
    }
}
