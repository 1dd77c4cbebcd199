package io.github.occam.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.spectrum.HessianSpectrum;
import io.github.occam.TestSupport;
import io.github.occam.models.GaussianLinearRegression;
import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

class HessianSpectrumTest extends HessianSpectrumContractTest {

    @Override
    HessianSpectrum compute(double[][] a, double lambda) {
        return HessianSpectrum.ofSymmetricMatrix(a, lambda);
    }

    @Override
    double relativeTolerance() {
        return 1e-13;
    }

    @Test
    void eigenvaluesOfAMatrixWithKnownSpectrumAreTight() {
        Random random = new Random(21);
        int p = 60;
        double[] eigenvalues = new double[p];
        for (int i = 0; i < p; i++) {
            eigenvalues[i] = 50000.0 * random.nextDouble() - 1000.0;
        }
        double[][] a = TestSupport.withEigenvalues(TestSupport.orthogonal(random, p), eigenvalues);
        double[] computed = HessianSpectrum.ofSymmetricMatrix(a, 1.0).eigenvalues();
        Arrays.sort(eigenvalues);
        for (int i = 0; i < p; i++) {
            assertThat(computed[i]).isCloseTo(eigenvalues[i], within(3e-10));
        }
    }

    @Test
    void eachEigenvalueSatisfiesAvEqualsLambdaV() {
        Random random = new Random(22);
        int p = 25;
        double[][] a = TestSupport.symmetricGaussian(random, p);
        RealMatrix matrix = new Array2DRowRealMatrix(a);
        double norm = matrix.getFrobeniusNorm();
        double[] eigenvalues = HessianSpectrum.ofSymmetricMatrix(a, 1.0).eigenvalues();
        double sumOfSquares = 0.0;
        for (double value : eigenvalues) {
            // inverse iteration with a shift next to the eigenvalue finds its eigenvector
            RealMatrix shifted = matrix.subtract(
                    MatrixUtils.createRealIdentityMatrix(p).scalarMultiply(value + 1e-9 * norm));
            RealVector v = MatrixUtils.createRealVector(TestSupport.gaussian(random, 1, p)[0]);
            for (int iteration = 0; iteration < 3; iteration++) {
                v = new LUDecomposition(shifted).getSolver().solve(v);
                v = v.mapDivide(v.getNorm());
            }
            RealVector residual = matrix.operate(v).subtract(v.mapMultiply(value));
            assertThat(residual.getNorm()).isLessThan(1e-12 * norm);
            sumOfSquares += value * value;
        }
        // the sum of squared eigenvalues is the squared Frobenius norm
        assertThat(sumOfSquares).isCloseTo(norm * norm, within(1e-12 * norm * norm));
    }

    @Test
    void exactSpectrumOfTheGaussianModelMatchesItsDeterminant() {
        // Hessian of C = X'X / sigma^2 + lambda I; sum ln(lambda_i / lambda) = ln det(I + X X' / (lambda sigma^2))
        for (int[] shape : new int[][] {{6, 15}, {30, 8}}) {
            Random random = new Random(shape[0] * 100L + shape[1]);
            double[][] x = TestSupport.gaussian(random, shape[0], shape[1]);
            double[] y = TestSupport.linearTargets(random, x, 0.4);
            double lambda = 0.3;
            GaussianLinearRegression model = GaussianLinearRegression.of(x, y, 0.4);
            HessianSpectrum spectrum = HessianSpectrum.exact(model, new double[shape[1]], lambda);
            RealMatrix features = new Array2DRowRealMatrix(x);
            RealMatrix small = features.multiply(features.transpose()).scalarMultiply(1 / (lambda * 0.16));
            for (int i = 0; i < shape[0]; i++) {
                small.addToEntry(i, i, 1.0);
            }
            RealMatrix l = new CholeskyDecomposition(small).getL();
            double logDet = 0.0;
            for (int i = 0; i < shape[0]; i++) {
                logDet += 2 * Math.log(l.getEntry(i, i));
            }
            assertThat(spectrum.sumLogRatio().value()).isCloseTo(logDet, within(1e-11 * logDet));
            // flat directions (N < P) sit exactly at lambda: none is reported as left out
            assertThat(spectrum.excludedCount().value()).isZero();
            if (shape[0] < shape[1]) {
                assertThat(spectrum.minEigenvalue())
                        .isCloseTo(lambda, within(1e-12 * spectrum.maxEigenvalue()));
            } else {
                assertThat(spectrum.minEigenvalue()).isGreaterThan(lambda);
            }
            assertThat(spectrum.dimension()).isEqualTo(shape[1]);
        }
    }

    @Test
    void ofEigenvaluesTakesThemAsGivenAndCopies() {
        double[] values = {3.0, -1.0, 0.5, 2.0, 2.0};
        HessianSpectrum spectrum = HessianSpectrum.ofEigenvalues(values, 1.0);
        values[0] = 100;
        assertThat(spectrum.eigenvalues()).containsExactly(-1.0, 0.5, 2.0, 2.0, 3.0);
        spectrum.eigenvalues()[0] = 7;
        assertThat(spectrum.minEigenvalue()).isEqualTo(-1.0);
        assertThat(spectrum.maxEigenvalue()).isEqualTo(3.0);
        assertThat(spectrum.excludedCount().value()).isEqualTo(2);
        assertThat(spectrum.trace().value()).isEqualTo(6.5);
        assertThat(spectrum.sumLogRatio().value()).isCloseTo(Math.log(3) + 2 * Math.log(2), within(1e-15));
        assertThat(spectrum.sumLogRatio().error()).isZero();
        HessianSpectrum viaInterface = HessianSpectrum.ofEigenvalues(new double[] {0.999999, 1.0, 4.0}, 1.0);
        assertThat(viaInterface.excludedCount().value()).isEqualTo(1);
        assertThat(viaInterface.sumLogRatio().value()).isEqualTo(Math.log(4.0));
        assertThat(spectrum.toString()).contains("excludedCount=Estimate[value=2.0, error=0.0]");
    }

    @Test
    void ratiosNearOneAndHugeRatiosStayAccurate() {
        double lambda = 1e-200;
        HessianSpectrum spectrum = HessianSpectrum.ofEigenvalues(new double[] {1e200, lambda * (1 + 1e-12)}, lambda);
        assertThat(spectrum.sumLogRatio().value()).isCloseTo(400 * Math.log(10) + 1e-12, within(1e-12));
    }

    @Test
    void emptyAndOneByOne() {
        HessianSpectrum empty = HessianSpectrum.ofSymmetricMatrix(new double[0][], 1.0);
        assertThat(empty.dimension()).isZero();
        assertThat(empty.sumLogRatio().value()).isZero();
        assertThat(empty.minEigenvalue()).isNaN();
        HessianSpectrum one = HessianSpectrum.ofSymmetricMatrix(new double[][] {{4.0}}, 2.0);
        assertThat(one.eigenvalues()).containsExactly(4.0);
        assertThat(one.sumLogRatio().value()).isEqualTo(Math.log(2));
    }

    @Test
    void largerRandomMatrixAgreesWithAnIndependentDecomposition() {
        Random random = new Random(23);
        int p = 200;
        double[][] a = TestSupport.symmetricGaussian(random, p);
        double[] reference = new org.apache.commons.math3.linear.EigenDecomposition(
                new Array2DRowRealMatrix(a)).getRealEigenvalues();
        Arrays.sort(reference);
        double[] computed = HessianSpectrum.ofSymmetricMatrix(a, 1.0).eigenvalues();
        assertThat(TestSupport.maxAbsDifference(computed, reference)).isLessThan(1e-12 * maxAbs(reference) * 10);
    }

    @Test
    void rejectsBadInput() {
        double[][] a = {{1.0, 0.0}, {0.0, 1.0}};
        assertThatThrownBy(() -> HessianSpectrum.ofSymmetricMatrix(a, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lambda must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> HessianSpectrum.ofSymmetricMatrix(a, Double.NaN))
                .hasMessage("lambda must be finite and > 0, got NaN");
        assertThatThrownBy(() -> HessianSpectrum.ofSymmetricMatrix(null, 1.0))
                .hasMessage("hessian must not be null");
        assertThatThrownBy(() -> HessianSpectrum.ofSymmetricMatrix(new double[][] {{1.0, 2.0}, {3.0}}, 1.0))
                .hasMessage("hessian row 1 has length 1, expected 2");
        assertThatThrownBy(() -> HessianSpectrum.ofSymmetricMatrix(new double[][] {{1.0, 2.0}, {Double.NaN, 1.0}}, 1.0))
                .hasMessage("hessian[1][0] must be finite, got NaN");
        assertThatThrownBy(() -> HessianSpectrum.ofEigenvalues(new double[] {1.0, Double.NEGATIVE_INFINITY}, 1.0))
                .hasMessage("eigenvalues[1] must be finite, got -Infinity");
        assertThatThrownBy(() -> HessianSpectrum.ofEigenvalues(null, 1.0))
                .hasMessage("eigenvalues must not be null");
        assertThatThrownBy(() -> HessianSpectrum.ofEigenvalues(new double[] {1.0}, -2.0))
                .hasMessage("lambda must be finite and > 0, got -2.0");
        GaussianLinearRegression model = GaussianLinearRegression.of(new double[][] {{1.0, 2.0}}, new double[] {1.0}, 1.0);
        assertThatThrownBy(() -> HessianSpectrum.exact(model, new double[3], 1.0))
                .hasMessage("w has length 3, expected 2");
        assertThatThrownBy(() -> HessianSpectrum.exact(model, new double[] {Double.NaN, 0}, 1.0))
                .hasMessage("w[0] must be finite, got NaN");
        assertThatThrownBy(() -> HessianSpectrum.exact(null, new double[2], 1.0))
                .hasMessage("model must not be null");
        assertThatThrownBy(() -> HessianSpectrum.exact(model, new double[2], 0.0))
                .hasMessage("lambda must be finite and > 0, got 0.0");
    }
}
