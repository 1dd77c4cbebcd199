package io.github.occam.evidence;

import io.github.occam.Cost;
import io.github.occam.GaussNewton;
import io.github.occam.Model;
import io.github.occam.SymmetricOperator;
import io.github.occam.internal.Checks;
import io.github.occam.internal.DenseHessianScope;
import io.github.occam.internal.ModelChecks;
import io.github.occam.optim.Minimizer;
import io.github.occam.optim.Minimum;
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
 * Evidence atMinimum = laplace.evidenceFrom(model, 0.1, start);
 * Evidence atEndOfSgd = laplace.evidenceAt(model, trainedWeights, 0.1);
 * }</pre>
 */
public final class Laplace {

    private static final Laplace DEFAULTS = new Laplace(Minimizer.automatic(),
            SpectrumMethod.exact());

    private final Minimizer minimizer;
    private final SpectrumMethod method;
    private final boolean gaussNewton;

    private Laplace(Minimizer minimizer, SpectrumMethod method) {
        this(minimizer, method, false);
    }

    private Laplace(Minimizer minimizer, SpectrumMethod method, boolean gaussNewton) {
        this.minimizer = minimizer;
        this.method = method;
        this.gaussNewton = gaussNewton;
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
     * Evidence underGgn = Laplace.defaults().withGaussNewton().evidenceAt(net, w, 0.01);
     * }</pre>
     *
     * @return the flow under the Gauss-Newton curvature; its evaluations need a model that
     *     implements {@link io.github.occam.GaussNewton}
     */
    public Laplace withGaussNewton() {
        return new Laplace(minimizer, method, true);
    }

    /** Returns whether the Occam factor uses the Gauss-Newton curvature instead of the Hessian. */
    public boolean gaussNewton() {
        return gaussNewton;
    }

    /**
     * Minimizes the cost from \(w = 0\) and evaluates the evidence at the minimum. For a
     * network, w = 0 is a saddle point of the cost (every hidden unit off): the minimizer then
     * reports {@link io.github.occam.optim.Minimum.Status#NOT_A_MINIMUM} when its probes find a
     * lower cost next to it; start elsewhere with {@link #evidenceFrom}.
     *
     * @param model the model
     * @param lambda the prior precision, finite and &gt; 0
     * @return the evidence; check {@link Evidence#converged()}
     * @throws IllegalArgumentException on a bad argument, naming it and its value, and on the
     *     model's mistakes and out-of-range problems listed at {@link #evidenceFrom}
     */
    public Evidence evidence(Model model, double lambda) {
        int p = ModelChecks.sizes(model);
        return evidenceFrom(model, lambda, new double[p]);
    }

    /**
     * Minimizes the cost from {@code start} and evaluates the evidence at the minimum. A ReLU
     * network's cost has kinks, where the minimizer may stall: {@link Evidence#converged()} then
     * says false, and {@link Evidence#diagnosis()} why.
     *
     * @param model the model
     * @param lambda the prior precision, finite and &gt; 0
     * @param start the starting point, length P, finite (not modified)
     * @return the evidence; check {@link Evidence#converged()}
     * @throws IllegalArgumentException on a bad argument, naming it and its value; if the model
     *     reports fewer than 1 parameter or example, returns a cost, gradient, curvature or null
     *     log-likelihood that is not finite, or a curvature operator of the wrong dimension
     *     (the message names the model's class and the value); if {@code lambda} is so large
     *     that the Hessian of C, \(\lambda I\) plus the model's curvature, is beyond the range
     *     of doubles; or if the spectrum method or the minimizer needs more memory than the JVM
     *     may use
     */
    public Evidence evidenceFrom(Model model, double lambda, double[] start) {
        checkProblem(model, lambda);
        method.requireFits(model.parameterCount());
        try (DenseHessianScope scope = DenseHessianScope.open()) {
            Minimum minimum = minimizer.minimize(model, lambda, start);
            return assemble(model, lambda, minimum, scope);
        }
    }

    /**
     * Evaluates the evidence at a given point {@code w}, without minimizing (for example at the
     * end of SGD). Away from a minimum the eigenvalues below \(\lambda\) are left out, as in
     * Smith &amp; Le, and {@link Evidence#converged()} tells whether {@code w} is a minimum to
     * the minimizer's tolerance ({@link Minimizer#check}).
     *
     * @param model the model
     * @param w the point, length P, finite (copied)
     * @param lambda the prior precision, finite and &gt; 0
     * @return the evidence at {@code w}
     * @throws IllegalArgumentException as {@link #evidenceFrom}
     */
    public Evidence evidenceAt(Model model, double[] w, double lambda) {
        checkProblem(model, lambda);
        method.requireFits(model.parameterCount());
        Checks.finiteVector("w", w, model.parameterCount());
        try (DenseHessianScope scope = DenseHessianScope.open()) {
            return assemble(model, lambda, minimizer.check(model, lambda, w), scope);
        }
    }

    /** Checks the model's sizes and that lambda leaves the Hessian of C within range. */
    static void checkProblem(Model model, double lambda) {
        int p = ModelChecks.sizes(model);
        Checks.positive("lambda", lambda);
        if (!(lambda * p < Double.MAX_VALUE)) {
            throw new IllegalArgumentException("lambda = " + lambda + " is out of range for P = "
                    + p + " parameters: the Hessian of the cost, lambda I plus the curvature of "
                    + "H, has a trace of at least P lambda, beyond the range of doubles");
        }
    }

    /**
     * Takes the curvature at the minimum's point and assembles the evidence. For the exact
     * spectrum of the Hessian, the dense Hessian of C that the minimizer factored at that very
     * point, if the scope kept it, is decomposed instead of being formed again (the same matrix,
     * from the same code).
     */
    private Evidence assemble(Model model, double lambda, Minimum minimum,
            DenseHessianScope scope) {
        double[] w = minimum.parameters();
        double crossEntropy = ModelChecks.crossEntropy(model, w, "at the minimum");
        Cost cost = Cost.of(model, lambda);
        if (gaussNewton && !(model instanceof GaussNewton)) {
            throw new IllegalArgumentException(ModelChecks.name(model) + " has no Gauss-Newton"
                    + " curvature: it does not implement GaussNewton");
        }
        SymmetricOperator curvature = gaussNewton ? cost.gaussNewtonAt(w)
                : ModelChecks.costHessian(cost, w);
        double[][] factored = gaussNewton || method != SpectrumMethod.exact() ? null
                : scope.take(model, lambda, w);
        HessianSpectrum spectrum = method.compute(factored == null ? curvature
                : new FormedOnce(curvature, factored), lambda);
        if (spectrum == null || spectrum.dimension() != w.length) {
            throw new IllegalArgumentException("the spectrum method " + method + " returned "
                    + (spectrum == null ? "null" : "a spectrum of dimension "
                            + spectrum.dimension()) + " for P = " + w.length);
        }
        return new Evidence(lambda, crossEntropy, Checks.norm(w),
                ModelChecks.nullLogLikelihood(model), model.exampleCount(), spectrum, minimum);
    }

    /** An operator whose dense form was already computed, by the minimizer at the same point. */
    private static final class FormedOnce implements SymmetricOperator {
        private final SymmetricOperator operator;
        private double[][] dense;

        FormedOnce(SymmetricOperator operator, double[][] dense) {
            this.operator = operator;
            this.dense = dense;
        }

        @Override
        public int dimension() {
            return operator.dimension();
        }

        @Override
        public void apply(double[] v, double[] out) {
            operator.apply(v, out);
        }

        /** Returns the kept matrix the first time, a newly formed one after that. */
        @Override
        public double[][] toDense() {
            double[][] kept = dense;
            dense = null;
            return kept != null ? kept : operator.toDense();
        }
    }

    /** Names the minimizer. */
    @Override
    public String toString() {
        return "Laplace[minimizer=" + minimizer + ", method=" + method
                + (gaussNewton ? ", curvature=Gauss-Newton" : "") + "]";
    }
}
