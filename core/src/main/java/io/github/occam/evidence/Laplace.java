package io.github.occam.evidence;

import io.github.occam.Cost;
import io.github.occam.SymmetricOperator;
import io.github.occam.internal.Checks;
import io.github.occam.optim.Minimizer;
import io.github.occam.optim.Minimum;
import io.github.occam.spectrum.DualGaussNewton;
import io.github.occam.spectrum.HessianSpectrum;
import io.github.occam.spectrum.SpectrumMethod;

/**
 * The Laplace approximation to the evidence, as one flow: minimize the cost
 * \(C(w) = H(w) + \lambda |w|^2 / 2\) (a {@link Minimizer}), take the curvature of C at the point
 * (a {@link SpectrumMethod} on {@link Cost#hessianAt(double[])}), and assemble the
 * {@link Evidence}. Immutable; may be shared between threads as far as its model is.
 *
 * <pre>{@code
 * Laplace laplace = Laplace.of(Minimizer.lbfgs().withTolerance(1e-12),
 *         SpectrumMethod.exact());
 * Cost cost = Cost.of(model, 0.1);
 * Evidence atMinimum = laplace.evidenceFrom(cost, start);
 * Evidence atEndOfSgd = laplace.evidenceAt(cost, trainedWeights);      // checked by the minimizer
 * Evidence asGiven = laplace.evidenceOf(cost, Minimum.unchecked(cost, trainedWeights));
 * }</pre>
 */
public final class Laplace {

    private static final Laplace DEFAULTS = new Laplace(Minimizer.automatic(),
            SpectrumMethod.exact());

    private final Minimizer minimizer;
    private final SpectrumMethod method;
    private final boolean gaussNewton;
    /** Whether the Gauss-Newton sum is taken exactly through the dual matrix. */
    private final boolean dual;

    private Laplace(Minimizer minimizer, SpectrumMethod method) {
        this(minimizer, method, false, false);
    }

    private Laplace(Minimizer minimizer, SpectrumMethod method, boolean gaussNewton,
            boolean dual) {
        this.minimizer = minimizer;
        this.method = method;
        this.gaussNewton = gaussNewton;
        this.dual = dual;
    }

    /**
     * Returns the flow with {@link Minimizer#automatic()} and {@link SpectrumMethod#exact()}.
     *
     * @return the default flow
     */
    public static Laplace defaults() {
        return DEFAULTS;
    }

    /**
     * Returns the flow with the given minimizer and spectrum method.
     *
     * @param minimizer how to find the minimum (its tolerance also decides, for
     *     {@link #evidenceAt}, whether a given point counts as converged)
     * @param method how to compute the spectrum of the Hessian of C
     * @return the flow
     * @throws IllegalArgumentException if an argument is null
     */
    public static Laplace of(Minimizer minimizer, SpectrumMethod method) {
        return new Laplace(Checks.notNull("minimizer", minimizer),
                Checks.notNull("method", method));
    }

    /** Returns the minimizer. */
    public Minimizer minimizer() {
        return minimizer;
    }

    /** Returns the spectrum method. */
    public SpectrumMethod method() {
        return method;
    }

    /**
     * Returns this flow with the curvature of the Occam factor taken as the generalized
     * Gauss-Newton matrix of the cost, \(G(w) + \lambda I\) ({@link Cost#gaussNewtonAt}), instead
     * of its Hessian. G is positive semi-definite, so no eigenvalue falls below \(\lambda\); it
     * equals the Hessian for logistic and softmax regression, and leaves out the second-order
     * terms of a network's Hessian. The minimization is unchanged.
     *
     * <pre>{@code
     * Evidence underGgn = Laplace.defaults().withGaussNewton().evidenceAt(Cost.of(net, 0.01), w);
     * }</pre>
     *
     * @return the flow under the Gauss-Newton curvature; its evaluations need a model that
     *     implements {@link io.github.occam.GaussNewton}
     */
    public Laplace withGaussNewton() {
        return new Laplace(minimizer, method, true, false);
    }

    /**
     * Returns this flow with the Gauss-Newton curvature, its log-determinant computed exactly
     * through the N n x N n dual matrix ({@link io.github.occam.spectrum.DualGaussNewton}) instead
     * of by the spectrum method: no probes, no error bar, whatever P is. The model must
     * implement {@link io.github.occam.OutputJacobians} (the built-in classifiers do).
     *
     * <pre>{@code
     * Evidence exactGgn = Laplace.defaults().withDualGaussNewton().evidenceOf(cost,
     *         Minimum.unchecked(cost, w));
     * }</pre>
     *
     * @return the flow under the Gauss-Newton curvature by the dual matrix
     */
    public Laplace withDualGaussNewton() {
        return new Laplace(minimizer, method, true, true);
    }

    /** Returns whether the Occam factor uses the Gauss-Newton curvature instead of the Hessian. */
    public boolean gaussNewton() {
        return gaussNewton;
    }

    /**
     * Minimizes the cost from \(w = 0\) and evaluates the evidence at the minimum. For a
     * network, w = 0 is a saddle point of the cost (every hidden unit off): the minimizer then
     * reports {@link Minimum.Status#NOT_A_MINIMUM} when its probes find a lower cost next to it;
     * start elsewhere with {@link #evidenceFrom}.
     *
     * @param cost the cost, its \(\lambda\) &gt; 0
     * @return the evidence; check {@link Evidence#converged()}
     * @throws IllegalArgumentException on a bad argument, naming it and its value, and on the
     *     model's mistakes and out-of-range problems listed at {@link #evidenceFrom}
     */
    public Evidence evidence(Cost cost) {
        Checks.notNull("cost", cost);
        return evidenceFrom(cost, new double[cost.parameterCount()]);
    }

    /**
     * Minimizes the cost from {@code start} and evaluates the evidence at the minimum, with the
     * curvature the minimizer returns in its {@link Minimum} (the dense Hessian Newton's method
     * factored there is decomposed, not formed again). A ReLU network's cost has kinks, where the
     * minimizer may stall: {@link Evidence#converged()} then says false, and
     * {@link Evidence#diagnosis()} why.
     *
     * @param cost the cost, its \(\lambda\) &gt; 0
     * @param start the starting point, length P, finite (not modified)
     * @return the evidence; check {@link Evidence#converged()}
     * @throws IllegalArgumentException on a bad argument, naming it and its value; if the model
     *     returns a cost, gradient, curvature or null log-likelihood that is not finite, or a
     *     curvature operator of the wrong dimension (the message names the model's class and
     *     the value); if {@code lambda} is so large that the Hessian of C, \(\lambda I\) plus
     *     the model's curvature, is beyond the range of doubles; or if the spectrum method or the
     *     minimizer needs more memory than the JVM may use
     */
    public Evidence evidenceFrom(Cost cost, double[] start) {
        checkProblem(cost);
        return assemble(cost, minimizer.minimize(cost, start));
    }

    /**
     * Evaluates the evidence at a given point {@code w} (for example at the end of SGD), without
     * minimizing, and checks with the minimizer whether the point is a minimum to its tolerance
     * ({@link Minimizer#check}): {@link Evidence#converged()} says so. Away from a minimum the
     * eigenvalues below \(\lambda\) are left out, as in Smith &amp; Le.
     *
     * @param cost the cost, its \(\lambda\) &gt; 0
     * @param w the point, length P, finite (copied)
     * @return the evidence at {@code w}
     * @throws IllegalArgumentException as {@link #evidenceFrom}
     */
    public Evidence evidenceAt(Cost cost, double[] w) {
        checkProblem(cost);
        Checks.finiteVector("w", w, cost.parameterCount());
        return assemble(cost, minimizer.check(cost, w));
    }

    /**
     * Evaluates the evidence at a point whose status is already decided: the result of a
     * minimizer, or a point taken as it is with {@link Minimum#unchecked} (no verdict on
     * whether it is a minimum, and none of the minimizer's work: for a point of a large network
     * where the check would cost as much as the spectrum). The evidence's
     * {@link Evidence#diagnosis()} then says that the point was not checked. The minimum's
     * curvature operator, when it has one, is used for the Hessian; it must be that of
     * {@code cost} at the point.
     *
     * <pre>{@code
     * Cost cost = Cost.of(net, 1.0);
     * Evidence atEnd = Laplace.of(Minimizer.automatic(), SpectrumMethod.automatic())
     *         .evidenceOf(cost, Minimum.unchecked(cost, sgdEndPoint));
     * }</pre>
     *
     * @param cost the cost, its \(\lambda\) &gt; 0
     * @param point the point, from this cost
     * @return the evidence at the point
     * @throws IllegalArgumentException as {@link #evidenceFrom}, or if the point is not of
     *     dimension P
     */
    public Evidence evidenceOf(Cost cost, Minimum point) {
        checkProblem(cost);
        Checks.notNull("point", point);
        Checks.length("point.parameters()", point.parameters(), cost.parameterCount());
        return assemble(cost, point);
    }

    /**
     * Checks that the cost has \(\lambda &gt; 0\) (the prior's normalization needs it), that
     * \(\lambda\) leaves the Hessian of C within range, and that the method can handle P.
     */
    void checkProblem(Cost cost) {
        Checks.notNull("cost", cost);
        int p = cost.parameterCount();
        double lambda = Checks.positive("lambda", cost.lambda());
        if (!(lambda * p < Double.MAX_VALUE)) {
            throw new IllegalArgumentException("lambda = " + lambda + " is out of range for P = "
                    + p + " parameters: the Hessian of the cost, lambda I plus the curvature of "
                    + "H, has a trace of at least P lambda, beyond the range of doubles");
        }
        if (!dual) {
            method.requireFits(p);
        }
    }

    /**
     * Takes the curvature at the minimum's point and assembles the evidence: the Hessian the
     * minimum carries (for the exact spectrum, the dense matrix the minimizer factored there),
     * or, under Gauss-Newton or where the minimum carries none, the cost's curvature built
     * at the point.
     */
    private Evidence assemble(Cost cost, Minimum minimum) {
        double[] w = minimum.parameters();
        double crossEntropy = cost.crossEntropy(w, "at the minimum");
        HessianSpectrum spectrum;
        if (dual) {
            spectrum = DualGaussNewton.spectrum(cost, w);
        } else {
            SymmetricOperator curvature = gaussNewton ? cost.gaussNewtonAt(w)
                    : minimum.curvature() != null ? minimum.curvature() : cost.hessianAt(w);
            spectrum = method.compute(curvature, cost.lambda());
        }
        if (spectrum == null || spectrum.dimension() != w.length) {
            throw new IllegalArgumentException("the spectrum method " + method + " returned "
                    + (spectrum == null ? "null" : "a spectrum of dimension "
                            + spectrum.dimension()) + " for P = " + w.length);
        }
        return new Evidence(cost.lambda(), crossEntropy, Checks.norm(w),
                cost.nullLogLikelihood(), cost.exampleCount(), spectrum,
                minimum.withoutCurvature());
    }

    /** Names the minimizer. */
    @Override
    public String toString() {
        return "Laplace[minimizer=" + minimizer + ", method=" + method
                + (dual ? ", curvature=Gauss-Newton by the dual matrix"
                        : gaussNewton ? ", curvature=Gauss-Newton" : "") + "]";
    }
}
