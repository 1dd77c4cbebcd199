/**
 * Minimization of the cost \(C(w) = H(w) + \lambda |w|^2 / 2\) over a {@link io.github.occam.Cost}:
 * safeguarded Newton and L-BFGS behind the {@link io.github.occam.optim.Minimizer} interface. The
 * {@link io.github.occam.optim.Minimum} carries the curvature of C at the point it returns.
 *
 * <pre>{@code
 * Cost cost = Cost.of(model, lambda);
 * Minimum minimum = Minimizer.automatic().minimize(cost, new double[cost.parameterCount()]);
 * }</pre>
 */
package io.github.occam.optim;
