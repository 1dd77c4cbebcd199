package io.github.occam.optim;

import static io.github.occam.internal.Vectors.dot;

import io.github.occam.Cost;
import io.github.occam.optim.Minimum.Status;

/**
 * Limited-memory BFGS with the last {@value LbfgsMemory#MEMORY} pairs and a backtracking Armijo line search,
 * until its estimate of the Newton decrement, \(-\frac{1}{2} g^T d\) with d its direction, meets
 * the tolerance (or no step lowers the cost); then {@link NewtonMethod} finishes to the
 * criterion of {@link Minimizer}: on the dense Hessian for P &lt;=
 * {@value Minimizer#AUTOMATIC_NEWTON_LIMIT}, by conjugate gradients above.
 */
final class Lbfgs {

    private Lbfgs() {
    }

    static Minimum run(Cost cost, Iterate x, Criterion criterion) {
        int p = x.w.length;
        Iterate trial = new Iterate(p);
        LbfgsMemory memory = new LbfgsMemory(p);
        double[] direction = new double[p];
        int iteration = 0;
        while (x.gradientNorm > 0.0) {
            double initialStep = memory.direction(x.gradient, x.gradientNorm, direction);
            double slope = dot(direction, x.gradient);
            if (!memory.isEmpty() && slope < 0.0 && -0.5 * slope <= criterion.scale(x.cost)
                    && x.gradientNorm <= criterion.gradientTolerance()) {
                break;
            }
            if (!(slope < 0.0)) {
                memory.clear();          // lost descent: restart from steepest descent
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
            memory.update(x, trial);
            x.swap(trial);
        }
        boolean dense = p <= Minimizer.AUTOMATIC_NEWTON_LIMIT;
        if (dense) {
            SearchMinimizer.checkDenseFits(p);
        }
        return NewtonMethod.run(cost, x, iteration, dense, criterion);
    }
}
