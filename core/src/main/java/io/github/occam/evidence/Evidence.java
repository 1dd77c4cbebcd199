package io.github.occam.evidence;

import io.github.occam.Cost;
import io.github.occam.Model;
import io.github.occam.internal.Checks;
import io.github.occam.optim.Minimum;
import io.github.occam.spectrum.HessianSpectrum;

/**
 * The Laplace evidence of a model at a prior precision \(\lambda\), and the log evidence ratio
 * against the null model (Smith &amp; Le, eq. 1 and 2). A value: it holds what was measured (the
 * cross-entropy, the norm of the point, the null model's log-likelihood, the Hessian spectrum and
 * how the point was reached), and derives each quantity of the paper in exactly one place:
 * <ul>
 *   <li>{@link #cost()}: \(C(w_0) = H(w_0) + \lambda |w_0|^2 / 2\) at the minimum \(w_0\);</li>
 *   <li>{@link #logOccamFactor()}: \(-\frac{1}{2} \sum_{\lambda_i \ge \lambda}
 *       \ln(\lambda_i / \lambda)\), \(\lambda_i\) the eigenvalues of the Hessian of C at
 *       \(w_0\);</li>
 *   <li>{@link #logEvidence()}: \(\ln P(y \mid x; M) \approx -C(w_0) + \text{log Occam
 *       factor}\) (eq. 1);</li>
 *   <li>{@link #logEvidenceRatio()}: \(E(w_0) = C(w_0) + \frac{1}{2} \sum \ln(\lambda_i /
 *       \lambda) - N \ln n\) (eq. 2), computed as {@code nullLogLikelihood - logEvidence} so that
 *       regression models supply their own null model. \(E &lt; 0\): trust the model's
 *       predictions; \(E &gt; 0\): the data prefer the null model.</li>
 * </ul>
 * {@link Laplace} computes it (minimize, then curvature, then assemble); {@link #of}, {@link #from}
 * and {@link #at} are its defaults in one call, and {@link LambdaSearch} scans \(\lambda\).
 *
 * <p>Under a strong prior the model tends to the null model: for a classifier with
 * \(H(0) = N \ln n\), \(w_0 \to 0\) and
 * \(E \approx (\mathrm{tr}\,\nabla\nabla H(0) - |\nabla H(0)|^2) / (2 \lambda)\), whose sign
 * there says little (for random labels it is the sign of a sum of random cross terms, so E can
 * be slightly negative, E/N of order -0.005 at \(\lambda = 1000\) in the paper's logistic
 * regression). Read E where it is well away from 0.
 *
 * <pre>{@code
 * Evidence evidence = Evidence.of(model, 0.1);          // minimize from w = 0, then evaluate
 * if (evidence.converged() && evidence.logEvidenceRatio() < 0) {
 *     // the data favour the model over the null model
 * }
 * LambdaSearch.Result best = LambdaSearch.defaults().maximize(model, 1e-3, 1e3);
 * }</pre>
 *
 * @param lambda the prior precision \(\lambda\)
 * @param crossEntropy the summed cross-entropy \(H(w)\) at the point
 * @param parameterNorm \(|w|\), the Euclidean norm of the point
 * @param nullLogLikelihood the log-likelihood of the null model, \(-N \ln n\) for a classifier
 * @param exampleCount N
 * @param spectrum the spectrum of the Hessian of C at the point
 * @param minimum the point and how it was reached (iterations, gradient norm, convergence); its
 *     curvature operator is dropped (the spectrum holds what was computed from it)
 */
public record Evidence(double lambda, double crossEntropy, double parameterNorm,
        double nullLogLikelihood, int exampleCount, HessianSpectrum spectrum, Minimum minimum) {

    /**
     * Checks the components: an evidence is never made of numbers that are not finite.
     *
     * @throws IllegalArgumentException if {@code lambda} is not finite and &gt; 0,
     *     {@code crossEntropy} or {@code nullLogLikelihood} is not finite, {@code parameterNorm}
     *     is not finite and &gt;= 0, {@code exampleCount} is below 1, the spectrum or the
     *     minimum is null, or the cost or the log evidence ratio they give is not finite
     */
    public Evidence {
        Checks.positive("lambda", lambda);
        Checks.finite("crossEntropy", crossEntropy);
        Checks.nonNegative("parameterNorm", parameterNorm);
        Checks.finite("nullLogLikelihood", nullLogLikelihood);
        Checks.atLeast("exampleCount", exampleCount, 1);
        Checks.notNull("spectrum", spectrum);
        minimum = Checks.notNull("minimum", minimum).withoutCurvature();
        double cost = crossEntropy + 0.5 * lambda * parameterNorm * parameterNorm;
        if (!Double.isFinite(cost)) {
            throw new IllegalArgumentException("the cost H + lambda |w|^2 / 2 = " + crossEntropy
                    + " + " + lambda + " * " + parameterNorm + "^2 / 2 is not finite");
        }
        double ratio = nullLogLikelihood + cost + 0.5 * spectrum.sumLogRatio().value();
        if (!Double.isFinite(ratio)) {
            throw new IllegalArgumentException("the log evidence ratio is not finite: cost "
                    + cost + ", sum of log ratios " + spectrum.sumLogRatio().value()
                    + ", null log-likelihood " + nullLogLikelihood);
        }
    }

    /**
     * Minimizes the cost from \(w = 0\) with {@link io.github.occam.optim.Minimizer#automatic()}
     * and evaluates the evidence at the minimum with the exact Hessian spectrum:
     * {@link Laplace#defaults()}. For a network, where \(w = 0\) is a saddle of the cost, start
     * elsewhere with {@link #from(Model, double, double[])}: from w = 0 the result says
     * {@link io.github.occam.optim.Minimum.Status#NOT_A_MINIMUM} when the minimizer's probes
     * find the lower cost next to the saddle (they look in a few directions, so do not count on
     * them).
     *
     * @param model the model
     * @param lambda the prior precision, finite and &gt; 0
     * @return the evidence; check {@link #converged()}
     * @throws IllegalArgumentException on a bad argument, naming it and its value, on a
     *     mistake of the model (a size below 1, a value that is not finite, a curvature operator
     *     of the wrong dimension; the message names the model's class) and on a problem beyond
     *     the range of doubles or the memory of the JVM ({@link Laplace#evidenceFrom})
     */
    public static Evidence of(Model model, double lambda) {
        return Laplace.defaults().evidence(costOf(model, lambda));
    }

    /**
     * Minimizes the cost from {@code start} and evaluates the evidence at the minimum, with
     * {@link Laplace#defaults()}. Use it for models whose cost has a stationary point at
     * \(w = 0\) that is not the minimum you want, such as
     * {@link io.github.occam.models.ShallowNetwork}.
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
        return Laplace.defaults().evidenceFrom(costOf(model, lambda), start);
    }

    /**
     * Evaluates the evidence at a given point {@code w} (for example the end of SGD training)
     * with the exact Hessian spectrum, without minimizing: {@link Laplace#defaults()}. Away
     * from a minimum the eigenvalues below \(\lambda\) are left out, as in Smith &amp; Le.
     *
     * @param model the model
     * @param w the point, length P, finite (copied)
     * @param lambda the prior precision, finite and &gt; 0
     * @return the evidence at {@code w}
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public static Evidence at(Model model, double[] w, double lambda) {
        return Laplace.defaults().evidenceAt(costOf(model, lambda), w);
    }

    /** The cost of the conveniences: the evidence needs lambda > 0, and says so first. */
    private static Cost costOf(Model model, double lambda) {
        Checks.positive("lambda", lambda);
        return Cost.of(model, lambda);
    }

    /** Returns \(C(w) = H(w) + \lambda |w|^2 / 2\) (Smith &amp; Le, section 2). */
    public double cost() {
        return crossEntropy + 0.5 * lambda * parameterNorm * parameterNorm;
    }

    /**
     * Returns the log Occam factor \(-\frac{1}{2} \sum_{\lambda_i \ge \lambda}
     * \ln(\lambda_i / \lambda)\) (eq. 1).
     */
    public double logOccamFactor() {
        return -0.5 * spectrum.sumLogRatio().value();
    }

    /** Returns the standard error of {@link #logOccamFactor()} (0 for the exact spectrum). */
    public double logOccamFactorError() {
        return 0.5 * spectrum.sumLogRatio().error();
    }

    /** Returns {@code -cost() + logOccamFactor()}, the Laplace estimate of \(\ln P(y \mid x; M)\). */
    public double logEvidence() {
        return -cost() + logOccamFactor();
    }

    /**
     * Returns \(E = \) {@code nullLogLikelihood - logEvidence()}, the log evidence ratio in
     * favour of the null model (eq. 2).
     */
    public double logEvidenceRatio() {
        return nullLogLikelihood - logEvidence();
    }

    /**
     * Returns the standard error of {@link #logEvidenceRatio()}: that of the log Occam factor,
     * the only estimated term.
     */
    public double logEvidenceRatioError() {
        return logOccamFactorError();
    }

    /** Returns \(E / N\). */
    public double logEvidenceRatioPerExample() {
        return logEvidenceRatio() / exampleCount;
    }

    /**
     * Returns how many eigenvalues were below \(\lambda\) and left out of the sum (the nearest
     * integer to the estimate for a matrix-free spectrum; see
     * {@code spectrum().excludedCount()} for its error).
     */
    public int excludedEigenvalues() {
        return (int) Math.round(spectrum.excludedCount().value());
    }

    /** Returns P. */
    public int parameterCount() {
        return spectrum.dimension();
    }

    /** Returns \(|\nabla C(w)|\) at the point. */
    public double gradientNorm() {
        return minimum.gradientNorm();
    }

    /**
     * Returns whether the numbers can be trusted: the point is a minimum to the minimizer's
     * relative tolerance (for {@link #at}: checked at the given point), so that a tighter
     * tolerance would move E by about the tolerance times {@code 1 + |C|} at most (see
     * {@link io.github.occam.optim.Minimizer}), and the spectrum method met its own accuracy
     * criterion (for the exact spectrum: the eigenvalues near \(\lambda\) are resolved by the
     * decomposition, see {@link io.github.occam.spectrum.SpectrumMethod#exact()}).
     * {@link #diagnosis()} says why not.
     */
    public boolean converged() {
        return minimum.converged() && spectrum.converged();
    }

    /**
     * Returns, in one line, why the evidence is not to be trusted, or {@code "converged"}: the
     * minimizer's {@link Minimum#status()} explained, or the spectrum's failure.
     *
     * <pre>{@code
     * if (!evidence.converged()) {
     *     System.err.println("lambda = " + evidence.lambda() + ": " + evidence.diagnosis());
     * }
     * }</pre>
     *
     * @return the diagnosis
     */
    public String diagnosis() {
        String point = switch (minimum.status()) {
            case CONVERGED -> null;
            case NOT_CHECKED -> "the point was taken as given, not checked to be a minimum";
            case TOLERANCE_NOT_MET -> "the point is not a minimum to the minimizer's tolerance"
                    + " (Newton decrement " + minimum.decrement() + ", gradient norm "
                    + minimum.gradientNorm() + ")";
            case ITERATION_LIMIT -> "the minimizer stopped at its iteration limit ("
                    + minimum.iterations() + " iterations) before its tolerance was met";
            case STALLED -> "the minimizer stalled: no step lowered the cost before its "
                    + "tolerance was met (a tolerance below rounding for this problem, or a "
                    + "cost that is not smooth there)";
            case NOT_A_MINIMUM -> "the point is not a minimum: " + (spectrum.minEigenvalue() <= 0.0
                    ? "the Hessian of the cost has the eigenvalue " + spectrum.minEigenvalue()
                            + " there (a saddle point)"
                    : "a lower cost lies right next to it (a saddle at a kink of the cost, such"
                            + " as w = 0 of a ReLU network)") + "; start the minimizer elsewhere";
        };
        String curvature = spectrum.converged() ? null
                : "the spectrum did not meet its accuracy criterion (for the exact spectrum: "
                        + "eigenvalues near lambda = " + lambda + " are lost in the rounding of "
                        + "the largest, " + spectrum.maxEigenvalue() + ")";
        if (point == null && curvature == null) {
            return "converged";
        }
        return point == null ? curvature : curvature == null ? point : point + "; " + curvature;
    }

    /** Returns a copy of the point \(w\), normally the minimum \(w_0\). */
    public double[] parameters() {
        return minimum.parameters();
    }
}
