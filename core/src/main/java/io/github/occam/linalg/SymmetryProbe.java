package io.github.occam.linalg;

import io.github.occam.SymmetricOperator;
import io.github.occam.internal.Vectors;
import java.util.SplittableRandom;

/**
 * A cheap check that an operator is symmetric, for the operators a user supplies: two products,
 * \(u^T (A v)\) against \(v^T (A u)\) for fixed random u and v. A symmetric operator gives the
 * same number up to rounding; a Hessian whose mixed derivatives were taken in the wrong order, or
 * a transposed block, differs at the size of the numbers. The tolerance, 1e-4 of
 * \(|A u| |v| + |A v| |u|\), passes rounding and the finite-difference Hessians of
 * {@code Model.hessianAt}'s default.
 */
final class SymmetryProbe {

    /** The relative difference above which an operator is refused. */
    static final double TOLERANCE = 1e-4;

    private SymmetryProbe() {
    }

    /**
     * Throws unless {@code a} passes the probe.
     *
     * @throws IllegalArgumentException naming both numbers when it does not
     */
    static void require(SymmetricOperator a) {
        int p = a.dimension();
        if (p < 2) {
            return;
        }
        SplittableRandom random = new SplittableRandom(0x5E_77E7_41CL);
        double[] u = new double[p];
        double[] v = new double[p];
        for (int j = 0; j < p; j++) {
            u[j] = random.nextDouble() - 0.5;
            v[j] = random.nextDouble() - 0.5;
        }
        double[] au = new double[p];
        double[] av = new double[p];
        a.apply(u, au);
        a.apply(v, av);
        double uav = Vectors.dot(u, av);
        double vau = Vectors.dot(v, au);
        double scale = Vectors.norm(au) * Vectors.norm(v) + Vectors.norm(av) * Vectors.norm(u);
        if (!(Math.abs(uav - vau) <= TOLERANCE * scale)) {
            if (!Double.isFinite(uav) || !Double.isFinite(vau)) {
                return;          // not finite: left to the checks of the products themselves
            }
            throw new IllegalArgumentException("the operator is not symmetric: u.(A v) = " + uav
                    + " but v.(A u) = " + vau + " for random u, v (relative difference "
                    + Math.abs(uav - vau) / scale + "); a Hessian must be symmetric: check the"
                    + " model's hessianAt (or gaussNewtonAt)");
        }
    }
}
