/**
 * Minimization of the cost \(C(w) = H(w) + \lambda |w|^2 / 2\): safeguarded Newton and L-BFGS.
 *
 * <pre>{@code
 * Minimum minimum = Minimizer.automatic().minimize(model, lambda, new double[model.parameterCount()]);
 * }</pre>
 */
package io.github.occam.optim;
