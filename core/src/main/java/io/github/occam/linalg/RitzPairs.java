package io.github.occam.linalg;

import java.util.Arrays;
import java.util.Objects;

/**
 * Ritz pairs from a Lanczos run ({@link Lanczos#extremal}), the wanted ones in ascending order:
 * approximate eigenpairs \((\theta_i, y_i)\) of a symmetric operator A with, for each, a bound
 * \(|\beta_j S_{ji}|\) on the residual \(|A y_i - \theta_i y_i|\), so that some eigenvalue of A
 * lies within the bound of \(\theta_i\) (and within the squared bound over the gap to the rest
 * of the spectrum, Kato-Temple).
 *
 * <p>Arrays are copied on the way in and on every access.
 *
 * <pre>{@code
 * RitzPairs top = Lanczos.of(a, 100).extremal(3, 0, 1e-10, 7L, false);
 * double largest = top.values()[2];
 * double within = top.residualBounds()[2];    // |largest - some eigenvalue| <= within
 * }</pre>
 *
 * @param values the wanted Ritz values, ascending (the smallest ones first, then the largest)
 * @param residualBounds \(|\beta_j S_{ji}|\) for each wanted value, the residual of the exact
 *     Lanczos relation, plus the norm of the Gram-Schmidt coefficients the tridiagonal leaves out
 *     (rounding with full re-orthogonalization, about \(\sqrt{\varepsilon}\) times the
 *     \(\beta\)s with partial)
 * @param residuals \(|A y_i - \theta_i y_i|\) measured with one product each when the vectors
 *     were formed, else NaN
 * @param vectors the unit Ritz vectors of the wanted values, each of length P, or null when not
 *     asked for
 * @param ritzValues every Ritz value of the run, ascending (all eigenvalues of A when
 *     {@code complete})
 * @param steps the number of Lanczos steps
 * @param products the number of products with A the call used
 * @param normEstimate \(\max_i |\theta_i|\), a lower estimate of the spectral norm of A
 * @param converged whether every wanted bound is below the tolerance times {@code normEstimate}
 *     (always true when {@code complete})
 * @param complete whether the run spanned the whole space, so that the Ritz values are all the
 *     eigenvalues of A, multiplicities included (up to rounding)
 */
public record RitzPairs(double[] values, double[] residualBounds, double[] residuals,
        double[][] vectors, double[] ritzValues, int steps, int products, double normEstimate,
        boolean converged, boolean complete) {

    /** Copies the arrays. */
    public RitzPairs {
        values = values.clone();
        residualBounds = residualBounds.clone();
        residuals = residuals.clone();
        vectors = vectors == null ? null : deepCopy(vectors);
        ritzValues = ritzValues.clone();
    }

    /** Returns how many pairs were wanted and found. */
    public int size() {
        return values.length;
    }

    /** Returns a copy of the wanted Ritz values, ascending. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** Returns a copy of the residual bounds. */
    @Override
    public double[] residualBounds() {
        return residualBounds.clone();
    }

    /** Returns a copy of the measured residuals (NaN without vectors). */
    @Override
    public double[] residuals() {
        return residuals.clone();
    }

    /** Returns a copy of the Ritz vectors, or null when they were not formed. */
    @Override
    public double[][] vectors() {
        return vectors == null ? null : deepCopy(vectors);
    }

    /** Returns a copy of all Ritz values of the run, ascending. */
    @Override
    public double[] ritzValues() {
        return ritzValues.clone();
    }

    private static double[][] deepCopy(double[][] rows) {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    /** Compares all components, arrays element by element. */
    @Override
    public boolean equals(Object other) {
        return other instanceof RitzPairs r
                && Arrays.equals(values, r.values)
                && Arrays.equals(residualBounds, r.residualBounds)
                && Arrays.equals(residuals, r.residuals)
                && Arrays.deepEquals(vectors, r.vectors)
                && Arrays.equals(ritzValues, r.ritzValues)
                && steps == r.steps && products == r.products
                && Double.compare(normEstimate, r.normEstimate) == 0
                && converged == r.converged && complete == r.complete;
    }

    /** Hashes all components, arrays element by element. */
    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(values), Arrays.hashCode(residualBounds),
                Arrays.hashCode(residuals), Arrays.deepHashCode(vectors),
                Arrays.hashCode(ritzValues), steps, products, normEstimate, converged, complete);
    }

    /** Lists the wanted values and bounds; vectors appear as their count only. */
    @Override
    public String toString() {
        return "RitzPairs[values=" + Arrays.toString(values) + ", residualBounds="
                + Arrays.toString(residualBounds) + ", vectors="
                + (vectors == null ? "none" : "<" + vectors.length + ">") + ", steps=" + steps
                + ", products=" + products + ", converged=" + converged + ", complete="
                + complete + "]";
    }
}
