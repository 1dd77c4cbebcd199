package io.github.occam.optim;

import static io.github.occam.internal.Vectors.axpy;
import static io.github.occam.internal.Vectors.dot;

import io.github.occam.Cost;
import io.github.occam.optim.Minimum.Status;

/**
 * Limited-memory BFGS with the last {@value #MEMORY} pairs and a backtracking Armijo line search,
 * until its estimate of the Newton decrement, \(-\frac{1}{2} g^T d\) with d its direction, meets
 * the tolerance (or no step lowers the cost); then {@link NewtonMethod} finishes to the
 * criterion of {@link Minimizer}: on the dense Hessian for P &lt;=
 * {@value Minimizer#AUTOMATIC_NEWTON_LIMIT}, by conjugate gradients above.
 */
final class Lbfgs {

    private static final int MEMORY = 10;

    private Lbfgs() {
    }

    static Minimum run(Cost cost, Iterate x, Criterion criterion) {
        int p = x.w.length;
        Iterate trial = new Iterate(p);
        double[][] s = new double[MEMORY][p];
        double[][] y = new double[MEMORY][p];
        double[] rho = new double[MEMORY];
        double[] alpha = new double[MEMORY];
        double[] direction = new double[p];
        int stored = 0;
        int newest = -1;
        int iteration = 0;
        while (x.gradientNorm > 0.0) {
            // Two-loop recursion: direction = -H_k g.
            for (int j = 0; j < p; j++) {
                direction[j] = -x.gradient[j];
            }
            for (int k = 0; k < stored; k++) {
                int m = Math.floorMod(newest - k, MEMORY);
                alpha[m] = rho[m] * dot(s[m], direction);
                axpy(-alpha[m], y[m], direction);
            }
            double initialStep = 1.0;
            if (stored > 0) {
                double gamma = 1.0 / (rho[newest] * dot(y[newest], y[newest]));
                for (int j = 0; j < p; j++) {
                    direction[j] *= gamma;
                }
            } else {
                initialStep = Math.min(1.0, 1.0 / x.gradientNorm);
            }
            for (int k = stored - 1; k >= 0; k--) {
                int m = Math.floorMod(newest - k, MEMORY);
                double beta = rho[m] * dot(y[m], direction);
                axpy(alpha[m] - beta, s[m], direction);
            }
            double slope = dot(direction, x.gradient);
            if (stored > 0 && slope < 0.0 && -0.5 * slope <= criterion.scale(x.cost)
                    && x.gradientNorm <= criterion.gradientTolerance()) {
                break;
            }
            if (!(slope < 0.0)) {
                stored = 0;          // lost descent: restart from steepest descent
                for (int j = 0; j < p; j++) {
                    direction[j] = -x.gradient[j];
                }
                initialStep = Math.min(1.0, 1.0 / x.gradientNorm);
            }
            if (iteration >= criterion.maxIterations()) {
                return NewtonMethod.result(x, iteration, Double.NaN, Status.ITERATION_LIMIT,
                        cost.hessianAt(x.w));
            }
            iteration++;
            if (LineSearch.search(cost, x, direction, initialStep, trial) == 0.0) {
                break;
            }
            int next = (newest + 1) % MEMORY;
            double sy = 0.0;
            double yy = 0.0;
            for (int j = 0; j < p; j++) {
                s[next][j] = trial.w[j] - x.w[j];
                y[next][j] = trial.gradient[j] - x.gradient[j];
                sy += s[next][j] * y[next][j];
                yy += y[next][j] * y[next][j];
            }
            if (sy > Math.ulp(1.0) * yy && yy > 0.0) {     // keep only curvature pairs
                rho[next] = 1.0 / sy;
                newest = next;
                stored = Math.min(stored + 1, MEMORY);
            }
            x.swap(trial);
        }
        boolean dense = p <= Minimizer.AUTOMATIC_NEWTON_LIMIT;
        if (dense) {
            SearchMinimizer.checkDenseFits(p);
        }
        return NewtonMethod.run(cost, x, iteration, dense, criterion);
    }
}
