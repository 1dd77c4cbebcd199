package io.github.occam.optim;

import static io.github.occam.internal.Vectors.dot;

import io.github.occam.Cost;

/**
 * The backtracking Armijo line search of the {@link Minimizer}, and the whole step taken where
 * the decrease is lost in the rounding of C.
 */
final class LineSearch {

    private static final double ARMIJO = 1e-4;
    private static final int MAX_HALVINGS = 60;

    private LineSearch() {
    }

    /**
     * Backtracking Armijo search along {@code d} from {@code x}, into {@code trial}. A step is
     * accepted when it meets the sufficient-decrease condition, or, once the decrease is lost in
     * the rounding of C, when C does not rise beyond rounding and the gradient norm falls. A trial
     * point where the cost or the gradient is not finite counts as too long a step.
     *
     * @return the accepted step length, or 0 if none was found
     */
    static double search(Cost cost, Iterate x, double[] d, double initialStep, Iterate trial) {
        double slope = dot(d, x.gradient);
        double roundingOfCost = roundingOf(x.cost);
        double step = initialStep;
        for (int halving = 0; halving <= MAX_HALVINGS; halving++) {
            for (int j = 0; j < d.length; j++) {
                trial.w[j] = x.w[j] + step * d[j];
            }
            trial.evaluate(cost);
            if (trial.finite()) {
                if (trial.cost <= x.cost + ARMIJO * step * slope) {
                    return step;
                }
                if (trial.cost <= x.cost + roundingOfCost
                        && trial.gradientNorm < x.gradientNorm) {
                    return step;
                }
            }
            step *= 0.5;
        }
        return 0.0;
    }

    /** Takes the step s whole unless the cost rises beyond rounding; false if it does. */
    static boolean takeWhole(Cost cost, Iterate x, double[] s, Iterate trial) {
        for (int j = 0; j < s.length; j++) {
            trial.w[j] = x.w[j] + s[j];
        }
        trial.evaluate(cost);
        return trial.finite() && trial.cost <= x.cost + roundingOf(x.cost);
    }

    /** The rounding of a cost: 16 ulps of 1 times |C|. */
    static double roundingOf(double cost) {
        return 16.0 * Math.ulp(1.0) * Math.abs(cost);
    }
}
