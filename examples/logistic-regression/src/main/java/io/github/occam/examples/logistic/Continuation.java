package io.github.occam.examples.logistic;

/**
 * Starting points for minimizations along a grid of lambda: the first from w = 0, the second
 * from the minimum before it, each later one extrapolated linearly in ln lambda from the last two
 * minima, {@code w1 + t (w1 - w0)} with {@code t = ln(lambda / lambda1) / ln(lambda1 / lambda0)}.
 * The minimum moves smoothly with ln lambda, so the extrapolated start is off by the square of
 * the grid step where the last minimum is off by the step: at the paper's size three Newton
 * iterations per lambda instead of four to five from the last minimum, ten to eleven from
 * w = 0. A minimum that is not {@linkplain #record recorded as converged} starts over from
 * w = 0. The minimizer's convergence criterion, not the start, decides the result: it agrees
 * with a minimization from w = 0 to within the criterion (about 1e-11 relative in E).
 *
 * <pre>{@code
 * Continuation path = new Continuation(model.parameterCount());
 * for (double lambda : lambdasFromLargest) {
 *     Evidence e = Evidence.from(model, lambda, path.start(lambda));
 *     path.record(lambda, e.parameters(), e.converged());
 * }
 * }</pre>
 */
final class Continuation {

    private final int p;
    private double lambda0 = Double.NaN;
    private double[] w0;
    private double lambda1 = Double.NaN;
    private double[] w1;

    /** A path for P parameters, starting from w = 0. */
    Continuation(int p) {
        this.p = p;
    }

    /** Returns the starting point for a minimization at {@code lambda} (a new array). */
    double[] start(double lambda) {
        if (w1 == null) {
            return new double[p];
        }
        double[] start = w1.clone();
        if (w0 != null) {
            double t = Math.log(lambda / lambda1) / Math.log(lambda1 / lambda0);
            if (Double.isFinite(t)) {
                for (int j = 0; j < p; j++) {
                    start[j] += t * (w1[j] - w0[j]);
                }
            }
        }
        return start;
    }

    /** Records the minimum at {@code lambda}; one that did not converge resets the path. */
    void record(double lambda, double[] w, boolean converged) {
        if (!converged) {
            w0 = null;
            w1 = null;
            return;
        }
        lambda0 = lambda1;
        w0 = w1;
        lambda1 = lambda;
        w1 = w.clone();
    }
}
