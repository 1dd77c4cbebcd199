package io.github.occam.optim;

import static io.github.occam.internal.Vectors.dot;

import io.github.occam.Cost;
import io.github.occam.SymmetricOperator;
import io.github.occam.internal.Checks;
import java.util.Random;

/**
 * Looks for a lower cost next to a point that passed the convergence test, as a saddle at a
 * kink of the cost would have: at w = 0 of a ReLU network every hidden unit sits at its kink,
 * no gradient reaches the weights, and the Hessian (taken with the derivative 0 of the ReLU at
 * 0) shows only \(\lambda\), yet a step that turns some units on and aligns the output weights
 * with the residuals lowers the cost at second order.
 *
 * <p>Each of {@value #PROBES} seeded probes takes a random displacement r that the quadratic
 * model of C at the point prices at {@value #PROBE_RISE} nats (\(\frac{1}{2} r^T A r\)), then up
 * to {@value #PROBE_STEPS} steepest-descent steps from w + r, each priced the same way or cut to
 * the minimum of the quadratic model along it, while the cost falls; it compares the cost at
 * w - r, w + r and after each step with C(w). At a minimum none is lower by more than twice the
 * tolerance (plus rounding); a convex cost never is. Cost: per probe, at most 21 Hessian-vector
 * products, 21 gradients and 22 values of C.
 */
final class SaddleProbe {

    /** Probes for a lower cost next to a converged point. */
    private static final int PROBES = 3;
    /** What the quadratic model of C charges for a probe's displacement, in nats. */
    private static final double PROBE_RISE = 0.01;
    /** Steepest-descent steps of a probe. */
    private static final int PROBE_STEPS = 20;
    private static final long PROBE_SEED = 20180101L;

    private SaddleProbe() {
    }

    /**
     * Whether a lower cost lies next to x.
     *
     * @param cost the cost
     * @param x the point, with its cost and gradient
     * @param hessian the Hessian of C at x
     * @param tolerance the minimizer's relative tolerance
     */
    static boolean lowerCostNearby(Cost cost, Iterate x, SymmetricOperator hessian,
            double tolerance) {
        int p = x.w.length;
        double margin = (2.0 * tolerance + 1000.0 * Math.ulp(1.0)) * (1.0 + Math.abs(x.cost));
        Random random = new Random(PROBE_SEED);
        double[] r = new double[p];
        double[] d = new double[p];
        double[] product = new double[p];
        Iterate probe = new Iterate(p);
        for (int k = 0; k < PROBES; k++) {
            for (int j = 0; j < p; j++) {
                r[j] = random.nextGaussian();
            }
            if (!priceAt(hessian, r, product, false)) {
                return true;
            }
            for (int sign = -1; sign <= 1; sign += 2) {
                for (int j = 0; j < p; j++) {
                    probe.w[j] = x.w[j] + sign * r[j];
                }
                probe.evaluate(cost);
                if (probe.finite() && probe.cost < x.cost - margin) {
                    return true;
                }
            }
            // probe.w is w + r: descend from there, each step priced like r
            double previous = probe.cost;
            for (int step = 0; step < PROBE_STEPS && probe.finite(); step++) {
                for (int j = 0; j < p; j++) {
                    d[j] = -probe.gradient[j];
                }
                if (Checks.norm(d) == 0.0) {
                    break;
                }
                if (!priceAt(hessian, d, product, true)) {
                    return true;
                }
                for (int j = 0; j < p; j++) {
                    probe.w[j] += d[j];
                }
                probe.evaluate(cost);
                if (probe.finite() && probe.cost < x.cost - margin) {
                    return true;
                }
                if (!(probe.cost < previous)) {
                    break;
                }
                previous = probe.cost;
            }
        }
        return false;
    }

    /**
     * Scales v so that \(\frac{1}{2} v^T A v\) = {@value #PROBE_RISE}, or, for a descent step
     * along v = -g, to the minimum of the quadratic model along v if that is shorter (the Cauchy
     * step); false if the curvature along v is not positive (then the point is not a minimum).
     */
    private static boolean priceAt(SymmetricOperator hessian, double[] v, double[] product,
            boolean descent) {
        double norm = Checks.norm(v);
        if (!(norm > 0.0 && norm < Double.POSITIVE_INFINITY)) {
            return true;       // nothing to price; the caller's next value check decides
        }
        for (int j = 0; j < v.length; j++) {
            v[j] /= norm;      // a unit vector, so that the product cannot overflow
        }
        hessian.apply(v, product);
        double curvature = dot(v, product);
        if (!(curvature > 0.0)) {
            return false;
        }
        double factor = Math.sqrt(2.0 * PROBE_RISE / curvature);
        if (descent) {
            factor = Math.min(factor, norm / curvature);    // the Cauchy step along -g
        }
        for (int j = 0; j < v.length; j++) {
            v[j] *= factor;
        }
        return true;
    }
}
