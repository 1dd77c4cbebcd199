package io.github.occam;

import io.github.occam.internal.Vectors;

/**
 * A model's curvature operator whose results are checked, naming the model: every product must
 * be finite, the dense form P x P with finite entries in its lower triangle (which the
 * eigen-solver reads). {@link Cost} wraps what a model returns in one.
 */
final class CheckedOperator implements SymmetricOperator {

    private final SymmetricOperator base;
    private final String owner;

    /**
     * @param base the model's operator, of the model's dimension
     * @param owner what returned it, for the messages ({@code UserModel.hessianAt(w)})
     */
    CheckedOperator(SymmetricOperator base, String owner) {
        this.base = base;
        this.owner = owner;
    }

    @Override
    public int dimension() {
        return base.dimension();
    }

    @Override
    public void apply(double[] v, double[] out) {
        base.apply(v, out);
        for (int j = 0; j < out.length; j++) {
            if (!Double.isFinite(out[j])) {
                throw new IllegalArgumentException(owner + ".apply returned " + out[j]
                        + " at index " + j + " for a finite vector of norm " + Vectors.norm(v)
                        + ": the curvature is not finite, or beyond the range of doubles");
            }
        }
    }

    @Override
    public double[][] toDense() {
        double[][] dense = base.toDense();
        int p = base.dimension();
        if (dense == null) {
            throw new IllegalArgumentException(owner + ".toDense() returned null");
        }
        if (dense.length != p) {
            throw new IllegalArgumentException(owner + ".toDense() returned " + dense.length
                    + " rows, expected " + p);
        }
        for (int i = 0; i < p; i++) {
            double[] row = dense[i];
            if (row == null || row.length != p) {
                throw new IllegalArgumentException(owner + ".toDense() returned row " + i
                        + " of length " + (row == null ? "null" : row.length)
                        + ", expected " + p);
            }
            for (int j = 0; j <= i; j++) {
                if (Double.isNaN(row[j])) {
                    throw new IllegalArgumentException(owner + ".toDense() has entry [" + i
                            + "][" + j + "] = " + row[j]);
                }
                if (Double.isInfinite(row[j])) {
                    throw new IllegalArgumentException(owner + ".toDense() has entry [" + i
                            + "][" + j + "] = " + row[j] + ": the curvature is beyond the range"
                            + " of doubles; rescale the features");
                }
            }
        }
        return dense;
    }
}
