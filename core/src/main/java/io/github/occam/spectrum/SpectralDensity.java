package io.github.occam.spectrum;

import io.github.occam.internal.Checks;
import java.util.Arrays;
import java.util.Objects;

/**
 * A spectral density estimated by stochastic Lanczos quadrature
 * ({@link StochasticLanczosQuadrature#density}): on a grid of points t, the eigenvalue density
 * smoothed by a Gaussian of width \(\sigma\),
 * \(\phi(t) = \frac{1}{P} \sum_i \frac{1}{\sigma \sqrt{2 \pi}} e^{-(t - \lambda_i)^2 / 2
 * \sigma^2}\), which integrates to 1, with a standard error at each point.
 *
 * <p>Arrays are copied on the way in and on every access.
 *
 * <pre>{@code
 * SpectralDensity density = StochasticLanczosQuadrature.withDefaults().density(hessian, 0.05, 400);
 * double[] t = density.grid();
 * double[] phi = density.density();
 * double[] se = density.error();
 * }</pre>
 *
 * @param grid the points t, as given or equally spaced
 * @param density \(\phi(t)\) at each point
 * @param error the standard error of each value
 * @param sigma the width of the smoothing
 * @param products the number of operator products used
 */
public record SpectralDensity(double[] grid, double[] density, double[] error, double sigma,
        int products) {

    /**
     * Checks and copies the arrays.
     *
     * @throws IllegalArgumentException if an array is null or the lengths differ, {@code sigma}
     *     is not finite and &gt; 0, or {@code products} is negative
     */
    public SpectralDensity {
        Checks.notNull("grid", grid);
        Checks.length("density", density, grid.length);
        Checks.length("error", error, grid.length);
        Checks.positive("sigma", sigma);
        Checks.atLeast("products", products, 0);
        grid = grid.clone();
        density = density.clone();
        error = error.clone();
    }

    /** Returns a copy of the grid. */
    @Override
    public double[] grid() {
        return grid.clone();
    }

    /** Returns a copy of the density values. */
    @Override
    public double[] density() {
        return density.clone();
    }

    /** Returns a copy of the standard errors. */
    @Override
    public double[] error() {
        return error.clone();
    }

    /** Compares all components, arrays element by element. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SpectralDensity s && Arrays.equals(grid, s.grid)
                && Arrays.equals(density, s.density) && Arrays.equals(error, s.error)
                && Double.compare(sigma, s.sigma) == 0 && products == s.products;
    }

    /** Hashes all components, arrays element by element. */
    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(grid), Arrays.hashCode(density),
                Arrays.hashCode(error), sigma, products);
    }

    /** Lists the grid's range and size, sigma and the products. */
    @Override
    public String toString() {
        return "SpectralDensity[points=" + grid.length
                + (grid.length > 0 ? ", from=" + grid[0] + ", to=" + grid[grid.length - 1] : "")
                + ", sigma=" + sigma + ", products=" + products + "]";
    }
}
