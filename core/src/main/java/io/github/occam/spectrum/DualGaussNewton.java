package io.github.occam.spectrum;

import io.github.occam.Cost;
import io.github.occam.Estimate;
import io.github.occam.OutputJacobians;
import io.github.occam.internal.Checks;
import io.github.occam.linalg.Cholesky;

/**
 * The exact spectral sum of the Gauss-Newton curvature of the cost, \(G + \lambda I\), through the
 * dual matrix (beyond the paper; {@code DESIGN}, section 2c). With \(G = J^T \Lambda J\),
 * \(\Lambda_i = L_i L_i^T\) and \(M = L^T (J J^T) L\) (N r x N r, L block-diagonal with blocks
 * of n x r, r the rank of \(\Lambda_i\): n - 1 for a softmax), Sylvester's determinant identity
 * gives, whatever P is,
 * \[ \sum_i \ln\frac{\lambda_i(G + \lambda I)}{\lambda} = \ln\det\left(I + \frac{M}{\lambda}\right)
 *   = \sum_j 2 \ln \frac{l_{jj}}{\sqrt\lambda}, \]
 * with l the Cholesky factor of \(M + \lambda I\): one factorization of an N r x N r matrix, no
 * probes, no error bar. Every eigenvalue of
 * \(G + \lambda I\) is at least \(\lambda\), so none is left out; the trace is
 * \(\sum_i \mathrm{tr}(\Lambda_i J_i J_i^T) + \lambda P\).
 *
 * <p>For the 784-800-10 network at N = 1000 the dual matrix is 9,000 x 9,000 (0.65 GB) however
 * large P is (636,010). The model must implement {@link OutputJacobians} (the built-in
 * classifiers do).
 *
 * <pre>{@code
 * Cost cost = Cost.of(net, 1.0);
 * HessianSpectrum ggn = DualGaussNewton.spectrum(cost, w0);
 * double logOccamFactor = ggn.logOccamFactor().value();   // exact, error 0
 * }</pre>
 */
public final class DualGaussNewton {

    private DualGaussNewton() {
    }

    /**
     * Returns the spectrum summary of \(G + \lambda I\) at {@code w}: the exact sum of log ratios
     * and trace (errors 0), no eigenvalue left out, the smallest eigenvalue \(\lambda\) when P
     * exceeds N n (else unknown, NaN), the largest unknown (NaN), no eigenvalue listed.
     *
     * @param cost the cost, its \(\lambda\) &gt; 0 and its model an {@link OutputJacobians}
     * @param w the point, length P, finite
     * @return the summary
     * @throws IllegalArgumentException if the model does not implement {@link OutputJacobians},
     *     {@code lambda} is not &gt; 0, the dual matrix cannot fit in the memory the JVM may use,
     *     or the model's dual matrix is not positive semi-definite (its factorization fails)
     */
    public static HessianSpectrum spectrum(Cost cost, double[] w) {
        Checks.notNull("cost", cost);
        double lambda = Checks.positive("lambda", cost.lambda());
        if (!(cost.model() instanceof OutputJacobians model)) {
            throw new IllegalArgumentException(cost.modelName() + " has no dual Gauss-Newton form:"
                    + " it does not implement OutputJacobians");
        }
        int p = cost.parameterCount();
        Checks.finiteVector("w", w, p);
        int r = model.curvatureRank();
        if (r < 1 || r > model.scoreCount()) {
            throw new IllegalArgumentException(cost.modelName() + ".curvatureRank() is " + r
                    + ", expected 1 to scoreCount() = " + model.scoreCount());
        }
        long size = (long) cost.exampleCount() * r;
        Checks.fitsInMemory("the dual Gauss-Newton matrix of " + size + " x " + size
                + " (N r, N = " + cost.exampleCount() + ", r = " + r + ")", 1.25 * size * size);
        double[][] a = model.dualMatrix(w);
        if (a == null || a.length != size) {
            throw new IllegalArgumentException(cost.modelName() + ".dualMatrix returned "
                    + (a == null ? "null" : a.length + " rows") + ", expected N r = " + size);
        }
        // tr(G + lambda I) = tr M + lambda P
        double trace = lambda * p;
        for (int j = 0; j < a.length; j++) {
            trace += a[j][j];
        }
        double[][] lower = a;
        if (!Cholesky.factorInPlace(a, lambda)) {
            throw new IllegalArgumentException("M + lambda I is not positive definite for "
                    + cost.modelName() + " at lambda = " + lambda + ": its score Gram matrix or"
                    + " curvature factors are not those of a Gauss-Newton matrix");
        }
        // ln det(I + M / lambda) = ln det(M + lambda I) - size ln lambda, term by term
        double root = Math.sqrt(lambda);
        double sum = 0.0;
        for (int j = 0; j < lower.length; j++) {
            sum += 2.0 * Math.log(lower[j][j] / root);
        }
        return new HessianSpectrum(lambda, p, Estimate.exact(sum), Estimate.exact(0.0),
                Estimate.exact(trace), p > size ? lambda : Double.NaN, Double.NaN, new double[0],
                0, true);
    }

}
