package io.github.occam.evidence;

import io.github.occam.spectrum.HessianSpectrum;
import io.github.occam.Cost;
import io.github.occam.Model;

import io.github.occam.internal.Checks;
import io.github.occam.optim.Minimizer;
import io.github.occam.optim.Minimum;
import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * The Laplace evidence of a model at a prior precision \(\lambda\), and the log evidence ratio
 * against the null model (Smith &amp; Le, eq. 1 and 2):
 * <ul>
 *   <li>cost \(C(w_0) = H(w_0) + \lambda |w_0|^2 / 2\) at the minimum \(w_0\);</li>
 *   <li>log Occam factor \(-\frac{1}{2} \sum_{\lambda_i \ge \lambda} \ln(\lambda_i / \lambda)\),
 *       \(\lambda_i\) the eigenvalues of the Hessian of C at \(w_0\);</li>
 *   <li>log evidence \(\ln P(y \mid x; M) \approx -C(w_0) + \text{log Occam factor}\) (eq. 1);</li>
 *   <li>log evidence ratio in favour of the null model,
 *       \(E(w_0) = C(w_0) + \frac{1}{2} \sum \ln(\lambda_i / \lambda) - N \ln n\) (eq. 2), computed
 *       as {@code model.nullLogLikelihood() - logEvidence} so that regression models supply
 *       their own null model. \(E &lt; 0\): trust the model's predictions; \(E &gt; 0\): the data
 *       prefer the null model.</li>
 * </ul>
 *
 * <p>Under a strong prior the model tends to the null model: for a classifier with
 * \(H(0) = N \ln n\), \(w_0 \to 0\) and
 * \(E \approx (\mathrm{tr}\,\nabla\nabla H(0) - |\nabla H(0)|^2) / (2 \lambda)\), whose sign
 * there says little (for random labels it is the sign of a sum of random cross terms, so E can
 * be slightly negative, E/N of order -0.005 at \(\lambda = 1000\) in the paper's logistic
 * regression). Read E where it is well away from 0.
 *
 * <p>Instances are immutable and may be shared between threads. The record holds the point
 * {@code w} as an array, copied on the way in and on every call of {@link #parameters()};
 * {@link #equals(Object)} and {@link #hashCode()} compare it element by element and
 * {@link #toString()} shows only its length.
 *
 * <pre>{@code
 * Evidence evidence = Evidence.of(model, 0.1);          // minimize from w = 0, then evaluate
 * if (evidence.converged() && evidence.logEvidenceRatio() < 0) {
 *     // the data favour the model over the null model
 * }
 * Evidence.Maximum best = Evidence.maximize(model, 1e-3, 1e3);
 * double lambda = best.lambda();
 * }</pre>
 *
 * @param lambda the prior precision \(\lambda\)
 * @param cost \(C(w)\)
 * @param crossEntropy the summed cross-entropy \(H(w)\)
 * @param logOccamFactor \(-\frac{1}{2} \sum_{\lambda_i \ge \lambda} \ln(\lambda_i / \lambda)\)
 * @param logEvidence {@code -cost + logOccamFactor}, the Laplace estimate of
 *     \(\ln P(y \mid x; M)\)
 * @param logEvidenceRatio \(E = \) {@code nullLogLikelihood - logEvidence}, the log evidence ratio
 *     in favour of the null model
 * @param logEvidenceRatioPerExample \(E / N\)
 * @param excludedEigenvalues how many eigenvalues were below \(\lambda\) and left out of the sum
 * @param parameterCount P
 * @param exampleCount N
 * @param classCount n (0 for a regression model)
 * @param gradientNorm \(|\nabla C(w)|\)
 * @param converged whether \(w\) met the minimizer's gradient tolerance (for
 *     {@link #at(Model, double[], double)}: {@link Minimizer#DEFAULT_GRADIENT_TOLERANCE})
 * @param logOccamFactorError the error estimate of {@code logOccamFactor} (0 for the exact
 *     spectrum)
 * @param parameters the point \(w\), normally \(w_0\) (copied)
 */
public record Evidence(double lambda, double cost, double crossEntropy, double logOccamFactor,
        double logEvidence, double logEvidenceRatio, double logEvidenceRatioPerExample,
        int excludedEigenvalues, int parameterCount, int exampleCount, int classCount,
        double gradientNorm, boolean converged, double logOccamFactorError, double[] parameters) {

    /**
     * Copies {@code parameters}.
     *
     * @throws IllegalArgumentException if {@code parameters} is null
     */
    public Evidence {
        parameters = Checks.notNull("parameters", parameters).clone();
    }

    /**
     * Minimizes the cost from \(w = 0\) with {@link Minimizer#automatic()} and evaluates the
     * evidence at the minimum with the exact Hessian spectrum. For a network, where \(w = 0\) is
     * a saddle of the cost, start elsewhere with {@link #from(Model, double, double[])}.
     *
     * @param model the model
     * @param lambda the prior precision, finite and &gt; 0
     * @return the evidence; check {@link #converged()}
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public static Evidence of(Model model, double lambda) {
        return of(model, lambda, Minimizer.automatic(), HessianSpectrum.Method.exact());
    }

    /**
     * Minimizes the cost from \(w = 0\) with {@code minimizer} and evaluates the evidence at the
     * minimum with the spectrum from {@code method}.
     *
     * @param model the model
     * @param lambda the prior precision, finite and &gt; 0
     * @param minimizer the minimizer
     * @param method how to compute the Hessian spectrum
     * @return the evidence; check {@link #converged()}
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public static Evidence of(Model model, double lambda, Minimizer minimizer,
            HessianSpectrum.Method method) {
        Checks.notNull("model", model);
        return from(model, lambda, new double[model.parameterCount()], minimizer, method);
    }

    /**
     * Evaluates the evidence at a given point {@code w} (for example the end of SGD training)
     * with the exact Hessian spectrum. Away from a minimum the eigenvalues below \(\lambda\) are
     * left out, as in Smith &amp; Le, and {@link #converged()} tells whether
     * \(|\nabla C(w)| \le\) {@link Minimizer#DEFAULT_GRADIENT_TOLERANCE}.
     *
     * @param model the model
     * @param w the point, length P, finite (copied)
     * @param lambda the prior precision, finite and &gt; 0
     * @return the evidence at {@code w}
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public static Evidence at(Model model, double[] w, double lambda) {
        return at(model, w, lambda, HessianSpectrum.Method.exact());
    }

    /**
     * Evaluates the evidence at a given point {@code w} with the spectrum from {@code method}.
     *
     * @param model the model
     * @param w the point, length P, finite (copied)
     * @param lambda the prior precision, finite and &gt; 0
     * @param method how to compute the Hessian spectrum
     * @return the evidence at {@code w}
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public static Evidence at(Model model, double[] w, double lambda,
            HessianSpectrum.Method method) {
        checkArguments(model, "lambda", lambda, method);
        Checks.finiteVector("w", w, model.parameterCount());
        double[] gradient = new double[w.length];
        Cost.of(model, lambda).value(w, gradient);
        double gradientNorm = Checks.norm(gradient);
        return evaluate(model, w, lambda, method, gradientNorm,
                gradientNorm <= Minimizer.DEFAULT_GRADIENT_TOLERANCE);
    }

    /**
     * Minimizes the cost from {@code start} with {@link Minimizer#automatic()} and evaluates the
     * evidence at the minimum with the exact Hessian spectrum.
     *
     * <p>Use it for models whose cost has a stationary point at \(w = 0\) that is not the
     * minimum you want, such as {@link io.github.occam.models.ShallowNetwork}: at \(w = 0\) no
     * gradient reaches its weights, so {@link #of(Model, double)} would stop at a biases-only
     * network. A ReLU network's cost has kinks, where the gradient norm need not fall below the
     * minimizer's tolerance: {@link #converged()} then says false, with the gradient norm reached.
     *
     * <pre>{@code
     * ShallowNetwork net = ShallowNetwork.of(features, labels, 16, 10);
     * double[] start = ShallowNetwork.initialParameters(net.featureCount(), 16, 10, 42L);
     * Evidence evidence = Evidence.from(net, 1.0, start);
     * }</pre>
     *
     * @param model the model
     * @param lambda the prior precision, finite and &gt; 0
     * @param start the starting point, length P, finite (not modified)
     * @return the evidence; check {@link #converged()}
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public static Evidence from(Model model, double lambda, double[] start) {
        return from(model, lambda, start, Minimizer.automatic(), HessianSpectrum.Method.exact());
    }

    /**
     * Minimizes the cost from {@code start} with {@code minimizer} and evaluates the evidence at
     * the minimum with the spectrum from {@code method}.
     *
     * @param model the model
     * @param lambda the prior precision, finite and &gt; 0
     * @param start the starting point, length P, finite (not modified)
     * @param minimizer the minimizer
     * @param method how to compute the Hessian spectrum
     * @return the evidence; check {@link #converged()}
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public static Evidence from(Model model, double lambda, double[] start, Minimizer minimizer,
            HessianSpectrum.Method method) {
        checkArguments(model, "lambda", lambda, method);
        Checks.notNull("minimizer", minimizer);
        Minimum minimum = minimizer.minimize(model, lambda, start);
        return evaluate(model, minimum.parameters(), lambda, method, minimum.gradientNorm(),
                minimum.converged());
    }

    private static Evidence evaluate(Model model, double[] w, double lambda,
            HessianSpectrum.Method method, double gradientNorm, boolean converged) {
        double crossEntropy = model.crossEntropy(w);
        double norm = Checks.norm(w);
        double cost = crossEntropy + 0.5 * lambda * norm * norm;
        HessianSpectrum spectrum = method.compute(model, w, lambda);
        double logOccamFactor = -0.5 * spectrum.sumLogRatio();
        double logEvidence = -cost + logOccamFactor;
        double ratio = model.nullLogLikelihood() - logEvidence;
        int n = model.exampleCount();
        return new Evidence(lambda, cost, crossEntropy, logOccamFactor, logEvidence, ratio,
                ratio / n, spectrum.excludedCount(), model.parameterCount(), n,
                model.classCount(), gradientNorm, converged, 0.5 * spectrum.sumLogRatioError(),
                w);
    }

    private static void checkArguments(Model model, String lambdaName, double lambda,
            HessianSpectrum.Method method) {
        Checks.notNull("model", model);
        Checks.positive(lambdaName, lambda);
        Checks.notNull("method", method);
    }

    /**
     * Chooses \(\lambda\) in {@code [lambdaLow, lambdaHigh]} by maximizing the log evidence,
     * with {@link Minimizer#automatic()} and the exact spectrum. See
     * {@link #maximize(Model, double, double, Minimizer, HessianSpectrum.Method)}.
     *
     * @param model the model
     * @param lambdaLow the lower end, finite and &gt; 0
     * @param lambdaHigh the upper end, finite and &gt; {@code lambdaLow}
     * @return the best \(\lambda\) found and its evidence
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public static Maximum maximize(Model model, double lambdaLow, double lambdaHigh) {
        return maximize(model, lambdaLow, lambdaHigh, Minimizer.automatic(),
                HessianSpectrum.Method.exact());
    }

    /**
     * Chooses \(\lambda\) in {@code [lambdaLow, lambdaHigh]} by maximizing the log evidence
     * {@link #logEvidence()} over \(\ln \lambda\) (the type-II maximum likelihood of MacKay's
     * evidence framework). A log grid of about four points per decade (at least five) locates the
     * best grid point; Brent's method then refines \(\ln \lambda\) between its neighbours to
     * about 1e-6, a relative precision of about 1e-6 in \(\lambda\). (Finer is wasted work: the
     * log evidence is flat at its maximum, and the minimizer's gradient tolerance already moves it
     * by about 1e-7 for the logistic model of Smith &amp; Le.) Each minimization starts from the
     * previous minimum; on that model (P = N = 200, lambda in [0.01, 1000]) the search takes
     * about 35 evaluations and half a second. If the best grid point is an end of the range, that
     * end is returned with {@link Maximum#interior()} false: widen the range.
     *
     * @param model the model
     * @param lambdaLow the lower end, finite and &gt; 0
     * @param lambdaHigh the upper end, finite and &gt; {@code lambdaLow}
     * @param minimizer the minimizer for each \(\lambda\)
     * @param method how to compute the Hessian spectrum
     * @return the best \(\lambda\) found and its evidence; check
     *     {@code evidence().converged()}, as for {@link #of(Model, double)}
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public static Maximum maximize(Model model, double lambdaLow, double lambdaHigh,
            Minimizer minimizer, HessianSpectrum.Method method) {
        checkArguments(model, "lambdaLow", lambdaLow, method);
        Checks.positive("lambdaHigh", lambdaHigh);
        if (!(lambdaHigh > lambdaLow)) {
            throw new IllegalArgumentException("lambdaHigh must be > lambdaLow = " + lambdaLow
                    + ", got " + lambdaHigh);
        }
        Checks.notNull("minimizer", minimizer);
        Search search = new Search(model, minimizer, method);
        double low = Math.log(lambdaLow);
        double high = Math.log(lambdaHigh);
        int points = Math.max(5, (int) Math.ceil(4.0 * (high - low) / Math.log(10.0)) + 1);
        double[] grid = new double[points];
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < points; k++) {
            grid[k] = k == points - 1 ? high : low + (high - low) * k / (points - 1);
            double value = search.value(grid[k]);
            if (value > bestValue) {
                bestValue = value;
                best = k;
            }
        }
        if (best == 0 || best == points - 1) {
            return new Maximum(search.best.lambda(), search.best, search.evaluations, false);
        }
        BrentOptimizer brent = new BrentOptimizer(1e-8, 1e-6);
        brent.optimize(new MaxEval(200), new UnivariateObjectiveFunction(search::value),
                GoalType.MAXIMIZE, new SearchInterval(grid[best - 1], grid[best + 1], grid[best]));
        return new Maximum(search.best.lambda(), search.best, search.evaluations, true);
    }

    /** The evaluations of a search over ln lambda, warm-started, remembering the best. */
    private static final class Search {
        final Model model;
        final Minimizer minimizer;
        final HessianSpectrum.Method method;
        double[] start;
        Evidence best;
        int evaluations;

        Search(Model model, Minimizer minimizer, HessianSpectrum.Method method) {
            this.model = model;
            this.minimizer = minimizer;
            this.method = method;
            this.start = new double[model.parameterCount()];
        }

        double value(double logLambda) {
            Evidence evidence = from(model, Math.exp(logLambda), start, minimizer, method);
            evaluations++;
            if (Double.isFinite(evidence.cost())) {
                start = evidence.parameters;
            }
            if (best == null || evidence.logEvidence() > best.logEvidence()) {
                best = evidence;
            }
            return evidence.logEvidence();
        }
    }

    /**
     * The result of {@link Evidence#maximize}: the \(\lambda\) of largest evidence found and its
     * evidence.
     *
     * <pre>{@code
     * Evidence.Maximum best = Evidence.maximize(model, 1e-4, 1e4);
     * if (!best.interior()) {
     *     // the maximum lies at an end of the range: widen it
     * }
     * }</pre>
     *
     * @param lambda the best \(\lambda\) found
     * @param evidence its evidence
     * @param evaluations how many evidence evaluations (minimizations) the search took
     * @param interior false if the best grid point was an end of the range, where the maximum
     *     may lie outside it
     */
    public record Maximum(double lambda, Evidence evidence, int evaluations, boolean interior) {
    }

    /** Returns a copy of \(w\), normally the minimum \(w_0\). */
    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    /** Compares all components, the parameters element by element. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Evidence e
                && Double.compare(lambda, e.lambda) == 0
                && Double.compare(cost, e.cost) == 0
                && Double.compare(crossEntropy, e.crossEntropy) == 0
                && Double.compare(logOccamFactor, e.logOccamFactor) == 0
                && Double.compare(logEvidence, e.logEvidence) == 0
                && Double.compare(logEvidenceRatio, e.logEvidenceRatio) == 0
                && Double.compare(logEvidenceRatioPerExample, e.logEvidenceRatioPerExample) == 0
                && excludedEigenvalues == e.excludedEigenvalues
                && parameterCount == e.parameterCount
                && exampleCount == e.exampleCount
                && classCount == e.classCount
                && Double.compare(gradientNorm, e.gradientNorm) == 0
                && converged == e.converged
                && Double.compare(logOccamFactorError, e.logOccamFactorError) == 0
                && Arrays.equals(parameters, e.parameters);
    }

    /** Hashes all components, the parameters element by element. */
    @Override
    public int hashCode() {
        return 31 * Objects.hash(lambda, cost, crossEntropy, logOccamFactor, logEvidence,
                logEvidenceRatio, logEvidenceRatioPerExample, excludedEigenvalues, parameterCount,
                exampleCount, classCount, gradientNorm, converged, logOccamFactorError)
                + Arrays.hashCode(parameters);
    }

    /** Lists the components; the parameters appear as their count only. */
    @Override
    public String toString() {
        return "Evidence[lambda=" + lambda + ", cost=" + cost + ", crossEntropy=" + crossEntropy
                + ", logOccamFactor=" + logOccamFactor + ", logEvidence=" + logEvidence
                + ", logEvidenceRatio=" + logEvidenceRatio
                + ", logEvidenceRatioPerExample=" + logEvidenceRatioPerExample
                + ", excludedEigenvalues=" + excludedEigenvalues
                + ", parameterCount=" + parameterCount + ", exampleCount=" + exampleCount
                + ", classCount=" + classCount + ", gradientNorm=" + gradientNorm
                + ", converged=" + converged + ", logOccamFactorError=" + logOccamFactorError
                + ", parameters=<" + parameters.length + " values>]";
    }
}
