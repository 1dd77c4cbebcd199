package io.github.occam.evidence;

import io.github.occam.Cost;
import io.github.occam.Model;
import io.github.occam.internal.Checks;
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
 * Laplace laplace = Laplace.of(Minimizer.lbfgs().withGradientTolerance(1e-8),
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

    private Laplace(Minimizer minimizer, SpectrumMethod method) {
        this.minimizer = minimizer;
        this.method = method;
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
     * @param minimizer how to find the minimum (its gradient tolerance also decides, for
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
     * Minimizes the cost from \(w = 0\) and evaluates the evidence at the minimum.
     *
     * @param model the model
     * @param lambda the prior precision, finite and &gt; 0
     * @return the evidence; check {@link Evidence#converged()}
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public Evidence evidence(Model model, double lambda) {
        Checks.notNull("model", model);
        return evidenceFrom(model, lambda, new double[model.parameterCount()]);
    }

    /**
     * Minimizes the cost from {@code start} and evaluates the evidence at the minimum. A ReLU
     * network's cost has kinks, where the gradient norm need not fall below the minimizer's
     * tolerance: {@link Evidence#converged()} then says false, with the gradient norm reached.
     *
     * @param model the model
     * @param lambda the prior precision, finite and &gt; 0
     * @param start the starting point, length P, finite (not modified)
     * @return the evidence; check {@link Evidence#converged()}
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public Evidence evidenceFrom(Model model, double lambda, double[] start) {
        Checks.notNull("model", model);
        Checks.positive("lambda", lambda);
        Minimum minimum = minimizer.minimize(model, lambda, start);
        return assemble(model, lambda, minimum);
    }

    /**
     * Evaluates the evidence at a given point {@code w}, without minimizing (for example at the
     * end of SGD). Away from a minimum the eigenvalues below \(\lambda\) are left out, as in
     * Smith &amp; Le, and {@link Evidence#converged()} tells whether
     * \(|\nabla C(w)|\) is within the minimizer's gradient tolerance.
     *
     * @param model the model
     * @param w the point, length P, finite (copied)
     * @param lambda the prior precision, finite and &gt; 0
     * @return the evidence at {@code w}
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public Evidence evidenceAt(Model model, double[] w, double lambda) {
        Checks.notNull("model", model);
        Checks.positive("lambda", lambda);
        Checks.finiteVector("w", w, model.parameterCount());
        double[] gradient = new double[w.length];
        double cost = Cost.of(model, lambda).value(w, gradient);
        double gradientNorm = Checks.norm(gradient);
        return assemble(model, lambda, new Minimum(w, cost, gradientNorm, 0,
                gradientNorm <= minimizer.gradientTolerance()));
    }

    /** Takes the curvature at the minimum's point and assembles the evidence. */
    private Evidence assemble(Model model, double lambda, Minimum minimum) {
        double[] w = minimum.parameters();
        double crossEntropy = model.crossEntropy(w);
        HessianSpectrum spectrum = method.compute(Cost.of(model, lambda).hessianAt(w), lambda);
        return new Evidence(lambda, crossEntropy, Checks.norm(w), model.nullLogLikelihood(),
                model.exampleCount(), spectrum, minimum);
    }

    /** Names the minimizer. */
    @Override
    public String toString() {
        return "Laplace[minimizer=" + minimizer + ", method=" + method + "]";
    }
}
