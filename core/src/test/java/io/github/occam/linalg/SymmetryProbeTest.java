package io.github.occam.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.occam.SymmetricOperator;
import io.github.occam.spectrum.SpectrumMethod;
import io.github.occam.spectrum.StochasticLanczosQuadrature;
import org.junit.jupiter.api.Test;

class SymmetryProbeTest {

    /** [[2, 1], [0, 3]] padded with a diagonal: a Hessian with a block missing its transpose. */
    private static SymmetricOperator lopsided(int p) {
        return new SymmetricOperator() {
            @Override
            public int dimension() {
                return p;
            }

            @Override
            public void apply(double[] v, double[] out) {
                for (int i = 0; i < p; i++) {
                    out[i] = (2.0 + i) * v[i];
                }
                out[0] += v[1];          // A[0][1] = 1, A[1][0] = 0
            }
        };
    }

    @Test
    void anAsymmetricOperatorIsRefusedByEveryMethodNamingTheCause() {
        SymmetricOperator a = lopsided(40);
        assertThatThrownBy(() -> Lanczos.of(a, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the operator is not symmetric: u.(A v) = ");
        assertThatThrownBy(() -> StochasticLanczosQuadrature.withDefaults().compute(a, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not symmetric");
        assertThatThrownBy(() -> SpectrumMethod.exact().compute(a, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("its dense form has [0][1] = 1.0 but [1][0] = 0.0");
    }

    @Test
    void roundingAndFiniteDifferencesPass() {
        // a symmetric matrix with a relative perturbation of 1e-7 on one side: passes
        double[][] m = new double[30][30];
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 30; j++) {
                m[i][j] = 1.0 / (1 + i + j) + (i == j ? 1 : 0);
            }
        }
        m[3][7] *= 1 + 1e-7;
        SymmetricOperator a = new SymmetricOperator() {
            @Override
            public int dimension() {
                return 30;
            }

            @Override
            public void apply(double[] v, double[] out) {
                for (int i = 0; i < 30; i++) {
                    double s = 0;
                    for (int j = 0; j < 30; j++) {
                        s += m[i][j] * v[j];
                    }
                    out[i] = s;
                }
            }
        };
        assertThat(Lanczos.of(a, 10).capacity()).isEqualTo(10);
        assertThat(a.toDense()[3][7]).isEqualTo(a.toDense()[7][3]);
    }
}
