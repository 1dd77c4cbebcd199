package io.github.occam;

import io.github.occam.internal.Checks;

/** The operator of a dense symmetric matrix, stored as its lower triangle. */
final class DenseSymmetricOperator implements SymmetricOperator {

    private final double[][] lower;

    DenseSymmetricOperator(double[][] lower) {
        this.lower = lower;
    }

    @Override
    public int dimension() {
        return lower.length;
    }

    @Override
    public void apply(double[] v, double[] out) {
        int p = lower.length;
        Checks.length("v", v, p);
        Checks.length("out", out, p);
        java.util.Arrays.fill(out, 0.0);
        for (int i = 0; i < p; i++) {
            double[] row = lower[i];
            double sum = 0.0;
            double vi = v[i];
            for (int j = 0; j < i; j++) {
                sum += row[j] * v[j];
                out[j] += row[j] * vi;
            }
            out[i] += sum + row[i] * vi;
        }
    }

    @Override
    public double[][] toDense() {
        int p = lower.length;
        double[][] dense = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                dense[i][j] = lower[i][j];
                dense[j][i] = lower[i][j];
            }
        }
        return dense;
    }
}
