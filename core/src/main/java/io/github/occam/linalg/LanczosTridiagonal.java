package io.github.occam.linalg;

import io.github.occam.internal.Checks;
import java.util.Arrays;
import java.util.Objects;

/**
 * What m Lanczos steps from \(z\) leave behind ({@link Lanczos#tridiagonalize}): the
 * tridiagonal \(T_m = \mathrm{tridiag}(\beta, \alpha, \beta)\), the remainder \(\beta_m\) (0 when
 * the Krylov space became invariant) and \(|z|\); and the quadrature rules they give for
 * \(z^T f(A) z = |z|^2 \int f \, d\mu\) (Golub &amp; Meurant, <i>Matrices, Moments and
 * Quadrature with Applications</i>, 2010, ch. 6):
 *
 * <ul>
 *   <li>{@link #gauss()}: nodes the eigenvalues \(\theta_j\) of \(T_m\), weights the squared first
 *       components of its unit eigenvectors; exact for polynomials of degree up to 2m - 1, and
 *       exact for every f once \(\beta_m = 0\).</li>
 *   <li>{@link #gaussRadau(double)}: m + 1 nodes, one of them fixed at a given a, from
 *       \(T_m\) bordered by \(\beta_m\) and \(\tilde\alpha = a + \beta_m^2 / d_m\), where
 *       \(d_m\) is the last pivot of \(T_m - a I = L D L^T\); exact for degree 2m. When a lies
 *       at or below the spectrum of A and every even derivative of f is negative and every odd
 *       one positive on it (as for \(\ln\)), Gauss gives an upper and Gauss-Radau a lower bound
 *       of \(\int f \, d\mu\) (ibid., theorem 6.4).</li>
 * </ul>
 *
 * <pre>{@code
 * LanczosTridiagonal t = Lanczos.of(a, 40).tridiagonalize(z, 40);
 * double upper = t.startNorm() * t.startNorm() * t.gauss().integrate(Math::log);
 * double lower = t.startNorm() * t.startNorm() * t.gaussRadau(smallest).integrate(Math::log);
 * }</pre>
 *
 * @param alphas \(\alpha_1, \dots, \alpha_m\)
 * @param betas \(\beta_1, \dots, \beta_m\): \(\beta_j\) couples steps j and j + 1, \(\beta_m\)
 *     is the remainder (0 at an invariant subspace)
 * @param startNorm \(|z|\), the norm of the start vector's part that Lanczos ran on
 */
public record LanczosTridiagonal(double[] alphas, double[] betas, double startNorm) {

    /** Size of the border, relative to the matrix, beyond which the node is an eigenvalue. */
    private static final double DEGENERATE_BORDER = 1e6;

    /**
     * Checks and copies the arrays.
     *
     * @throws IllegalArgumentException if an array is null or not finite, the lengths differ, or
     *     {@code startNorm} is not finite and &gt;= 0
     */
    public LanczosTridiagonal {
        Checks.allFinite("alphas", alphas);
        Checks.finiteVector("betas", betas, alphas.length);
        Checks.nonNegative("startNorm", startNorm);
        alphas = alphas.clone();
        betas = betas.clone();
    }

    /** Returns m, the number of steps. */
    public int steps() {
        return alphas.length;
    }

    /** Returns \(\beta_m\), the remainder (0 for no steps or an invariant Krylov space). */
    public double remainder() {
        return alphas.length == 0 ? 0.0 : betas[alphas.length - 1];
    }

    /** Returns a copy of \(\alpha\). */
    @Override
    public double[] alphas() {
        return alphas.clone();
    }

    /** Returns a copy of \(\beta\). */
    @Override
    public double[] betas() {
        return betas.clone();
    }

    /** Returns the m-node Gauss rule of \(T_m\). */
    public QuadratureRule gauss() {
        return gauss(alphas.length);
    }

    /**
     * Returns the Gauss rule of the leading {@code steps} x {@code steps} block, what a shorter
     * run from the same vector would give.
     *
     * @param steps in [0, m]
     * @return the rule with {@code steps} nodes
     * @throws IllegalArgumentException if {@code steps} is out of range
     */
    public QuadratureRule gauss(int steps) {
        Checks.inRange("steps", steps, 0, alphas.length);
        return rule(Arrays.copyOf(alphas, steps), betas);
    }

    /**
     * Returns the (m + 1)-node Gauss-Radau rule with one node fixed at {@code node}. The fixed
     * node is returned as exactly {@code node} (its computed value differs only by rounding),
     * so that a function with a kink or a step there is evaluated on the right side. When
     * \(\beta_m = 0\) the rule is the Gauss rule, which is exact then; when {@code node} is,
     * to rounding, an eigenvalue of \(T_m\), the bordered matrix degenerates to \(T_m\) plus
     * a node at infinity of weight 0, and the rule is the Gauss rule with that eigenvalue set to
     * {@code node}.
     *
     * @param node the fixed node a, finite
     * @return the rule
     * @throws IllegalArgumentException if {@code node} is not finite
     */
    public QuadratureRule gaussRadau(double node) {
        Checks.finite("node", node);
        int m = alphas.length;
        if (m == 0 || betas[m - 1] == 0.0) {
            return gauss();
        }
        double scale = Math.abs(node);
        for (int i = 0; i < m; i++) {
            scale = Math.max(scale, Math.abs(alphas[i]) + 2 * Math.abs(betas[i]));
        }
        double tiny = Math.ulp(scale);
        double pivot = 0.0;
        for (int i = 0; i < m; i++) {
            double coupling = i == 0 ? 0.0 : betas[i - 1] * betas[i - 1] / pivot;
            pivot = alphas[i] - node - coupling;
            if (Math.abs(pivot) < tiny) {
                pivot = Math.copySign(tiny, pivot);
            }
        }
        double border = betas[m - 1] * betas[m - 1] / pivot;
        QuadratureRule rule;
        if (Math.abs(border) <= DEGENERATE_BORDER * scale) {
            double[] diagonal = Arrays.copyOf(alphas, m + 1);
            diagonal[m] = node + border;
            rule = rule(diagonal, betas);
        } else {
            rule = gauss();
        }
        return rule.withNodeAt(node);
    }

    /**
     * Returns the Gauss-Radau rule of the first {@code steps} steps, what a shorter run from
     * the same vector would give (\(\beta_{steps}\) borders it).
     *
     * @param steps in [0, m]
     * @param node the fixed node, finite
     * @return the rule
     * @throws IllegalArgumentException if an argument is out of range
     */
    public QuadratureRule gaussRadau(int steps, double node) {
        Checks.inRange("steps", steps, 0, alphas.length);
        return new LanczosTridiagonal(Arrays.copyOf(alphas, steps), Arrays.copyOf(betas, steps),
                startNorm).gaussRadau(node);
    }

    private static QuadratureRule rule(double[] diagonal, double[] offDiagonal) {
        int n = diagonal.length;
        if (n == 0) {
            return new QuadratureRule(new double[0], new double[0]);
        }
        TridiagonalEigensystem t = TridiagonalEigensystem.of(diagonal, offDiagonal, 0);
        double[] weights = new double[n];
        for (int j = 0; j < n; j++) {
            double s = t.component(0, j);
            weights[j] = s * s;
        }
        return new QuadratureRule(t.values(), weights);
    }

    /** Compares all components, arrays element by element. */
    @Override
    public boolean equals(Object other) {
        return other instanceof LanczosTridiagonal t && Arrays.equals(alphas, t.alphas)
                && Arrays.equals(betas, t.betas)
                && Double.compare(startNorm, t.startNorm) == 0;
    }

    /** Hashes all components, arrays element by element. */
    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(alphas), Arrays.hashCode(betas), startNorm);
    }

    /** Lists the components. */
    @Override
    public String toString() {
        return "LanczosTridiagonal[alphas=" + Arrays.toString(alphas) + ", betas="
                + Arrays.toString(betas) + ", startNorm=" + startNorm + "]";
    }
}
