package io.github.occam.optim;

import io.github.occam.Cost;
import io.github.occam.SymmetricOperator;
import io.github.occam.internal.Checks;
import io.github.occam.optim.Minimum.Status;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Minimizer} of the factories: which method to run ({@link Kind}) and the
 * {@link Criterion}. Immutable.
 */
final class SearchMinimizer implements Minimizer {

    private static final Logger LOG = LoggerFactory.getLogger(Minimizer.class);

    /** Which method minimizes. */
    enum Kind { NEWTON, LBFGS, AUTOMATIC }

    private final Kind kind;
    private final Criterion criterion;

    private SearchMinimizer(Kind kind, Criterion criterion) {
        this.kind = kind;
        this.criterion = criterion;
    }

    /** Returns the minimizer of this kind with the default settings. */
    static Minimizer of(Kind kind) {
        return new SearchMinimizer(kind, new Criterion(DEFAULT_TOLERANCE,
                Double.POSITIVE_INFINITY, DEFAULT_MAX_ITERATIONS));
    }

    @Override
    public Minimum minimize(Cost cost, double[] start) {
        Checks.notNull("cost", cost);
        int p = cost.parameterCount();
        Checks.finiteVector("start", start, p);
        boolean useNewton = kind == Kind.NEWTON
                || (kind == Kind.AUTOMATIC && p <= AUTOMATIC_NEWTON_LIMIT);
        if (useNewton) {
            checkDenseFits(p);
        }
        Iterate x = Iterate.at(cost, start, "at the start point");
        Minimum minimum = useNewton ? NewtonMethod.run(cost, x, 0, true, criterion)
                : Lbfgs.run(cost, x, criterion);
        String name = useNewton ? "Newton" : "L-BFGS";
        if (!minimum.converged()) {
            LOG.warn("{} did not converge at lambda = {} ({}): {}", name, cost.lambda(),
                    minimum.status(), minimum);
        } else {
            LOG.debug("{} converged at lambda = {}: {}", name, cost.lambda(), minimum);
        }
        return minimum;
    }

    @Override
    public Minimum check(Cost cost, double[] w) {
        Checks.notNull("cost", cost);
        int p = cost.parameterCount();
        Checks.finiteVector("w", w, p);
        boolean dense = kind == Kind.NEWTON || p <= AUTOMATIC_NEWTON_LIMIT;
        if (dense) {
            checkDenseFits(p);
        }
        Iterate x = Iterate.at(cost, w, "at the given point");
        NewtonStep step = new NewtonStep(p, dense);
        step.factor(cost, x);
        SymmetricOperator atPoint = step.curvature();
        if (!step.positiveDefinite) {
            return NewtonMethod.result(x, 0, Double.NaN, Status.NOT_A_MINIMUM, atPoint);
        }
        double decrement = step.decrement;
        if (!criterion.decrementMet(step, x)) {
            return NewtonMethod.result(x, 0, decrement, Status.TOLERANCE_NOT_MET, atPoint);
        }
        if (dense) {
            // the change of the log-determinant, measured one Newton step ahead
            Iterate ahead = new Iterate(p);
            for (int j = 0; j < p; j++) {
                ahead.w[j] = x.w[j] + step.step[j];
            }
            ahead.evaluate(cost);
            if (!ahead.finite()) {
                return NewtonMethod.result(x, 0, decrement, Status.TOLERANCE_NOT_MET, atPoint);
            }
            double halfLogDet = step.halfLogDet;
            step.factor(cost, ahead);
            if (!step.positiveDefinite || !(Math.abs(step.halfLogDet - halfLogDet)
                    <= criterion.scale(x.cost))) {
                return NewtonMethod.result(x, 0, decrement, Status.TOLERANCE_NOT_MET, atPoint);
            }
        }
        return NewtonMethod.finish(cost, x, 0, decrement, atPoint, criterion);
    }

    /** Refuses a dense P x P Newton step that cannot fit in the JVM's memory. */
    static void checkDenseFits(int p) {
        Checks.fitsInMemory("Newton's method on the dense " + p + " x " + p + " Hessian",
                1.5 * p * (double) p);
    }

    @Override
    public Minimizer withTolerance(double tolerance) {
        Checks.positive("tolerance", tolerance);
        return new SearchMinimizer(kind, new Criterion(tolerance, criterion.gradientTolerance(),
                criterion.maxIterations()));
    }

    @Override
    public Minimizer withGradientTolerance(double tolerance) {
        Checks.positive("tolerance", tolerance);
        return new SearchMinimizer(kind, new Criterion(criterion.tolerance(), tolerance,
                criterion.maxIterations()));
    }

    @Override
    public Minimizer withMaxIterations(int iterations) {
        Checks.atLeast("iterations", iterations, 1);
        return new SearchMinimizer(kind, new Criterion(criterion.tolerance(),
                criterion.gradientTolerance(), iterations));
    }

    @Override
    public double tolerance() {
        return criterion.tolerance();
    }

    @Override
    public double gradientTolerance() {
        return criterion.gradientTolerance();
    }

    @Override
    public int maxIterations() {
        return criterion.maxIterations();
    }

    /** Returns the kind and the settings, for logs. */
    @Override
    public String toString() {
        return "Minimizer[" + kind.name().toLowerCase(Locale.ROOT)
                + ", tolerance=" + criterion.tolerance()
                + (criterion.gradientTolerance() < Double.POSITIVE_INFINITY
                        ? ", gradientTolerance=" + criterion.gradientTolerance() : "")
                + ", maxIterations=" + criterion.maxIterations() + "]";
    }
}
