package io.github.occam;

import io.github.occam.internal.Checks;
import io.github.occam.internal.Vectors;

import java.util.Arrays;

/**
 * The documented fallback of {@link Model#hessianAt(double[])}: central differences of the
 * full-batch gradient along each direction.
 */
final class FiniteDifferenceHessian implements SymmetricOperator {

    private final Model model;
    private final double[] w;
    private final double wNorm;
    private final double[] point;
    private final double[] gradientPlus;

    FiniteDifferenceHessian(Model model, double[] w) {
        this.model = model;
        int p = model.parameterCount();
        Checks.length("w", w, p);
        for (int j = 0; j < p; j++) {
            if (!Double.isFinite(w[j])) {
                throw new IllegalArgumentException("w[" + j + "] must be finite, got " + w[j]);
            }
        }
        this.w = w.clone();
        this.wNorm = Vectors.norm(w);
        this.point = new double[p];
        this.gradientPlus = new double[p];
    }

    @Override
    public int dimension() {
        return w.length;
    }

    @Override
    public void apply(double[] v, double[] out) {
        int p = w.length;
        Checks.length("v", v, p);
        Checks.length("out", out, p);
        double vNorm = Vectors.norm(v);
        if (vNorm == 0.0) {
            Arrays.fill(out, 0.0);
            return;
        }
        double h = Math.cbrt(Math.ulp(1.0)) * (1.0 + wNorm) / vNorm;
        for (int j = 0; j < p; j++) {
            point[j] = w[j] + h * v[j];
        }
        model.crossEntropy(point, gradientPlus);
        for (int j = 0; j < p; j++) {
            point[j] = w[j] - h * v[j];
        }
        model.crossEntropy(point, out);
        for (int j = 0; j < p; j++) {
            out[j] = (gradientPlus[j] - out[j]) / (2.0 * h);
        }
    }
}
