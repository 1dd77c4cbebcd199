package io.github.occam;

import io.github.occam.internal.Checks;
import io.github.occam.internal.Vectors;

/**
 * The cost \(C(w) = H(w) + \lambda |w|^2 / 2\) of Smith &amp; Le (section 2): a model's summed
 * cross-entropy plus the Gaussian prior of precision \(\lambda\) on every parameter. Its minimum
 * \(w_0\) and its Hessian there, \(\nabla\nabla H(w_0) + \lambda I\), give the Laplace evidence.
 *
 * <p><b>The one door to a model.</b> Library code (the minimizer, the evidence, the spectra, SGD,
 * the noise measurement) reaches a user's {@link Model} through a cost only, so that every value
 * a model returns is checked in one place: the sizes once, when the cost is made (P &gt;= 1,
 * N &gt;= 1); the dimension of the curvature operators; the finiteness of what the checked calls
 * return; and an exception the model throws comes back wrapped, saying what was being computed
 * and where. Each message names the model's class and the bad value.
 *
 * <ul>
 *   <li>{@link #value(double[], double[])} returns C and its gradient as the model gives them,
 *       even when not finite: a line search treats such a point as too long a step.</li>
 *   <li>{@link #checkedValue(double[], double[], String)},
 *       {@link #crossEntropy(double[], String)} and {@link #nullLogLikelihood()} refuse a value
 *       that is not finite, naming it.</li>
 *   <li>{@link #hessianAt(double[])} and {@link #gaussNewtonAt(double[])} return operators whose
 *       dimension is checked when built and whose products and dense forms are checked when
 *       computed.</li>
 * </ul>
 *
 * <p>\(\lambda = 0\) is allowed: SGD without a prior and the gradient-noise measurement use it.
 * The evidence needs \(\lambda &gt; 0\) and says so. A cost is as thread-safe as its model (the
 * built-in models are immutable).
 *
 * <pre>{@code
 * Cost cost = Cost.of(model, 0.1);
 * double[] gradient = new double[cost.parameterCount()];
 * double c = cost.value(w, gradient);          // C(w), and dC/dw into gradient
 * double cb = cost.value(w, batch, gradient);  // H_B(w) + (|B|/N) lambda |w|^2 / 2
 * SymmetricOperator curvature = cost.hessianAt(w);   // Hessian of H at w, plus lambda I
 * SymmetricOperator ggn = cost.gaussNewtonAt(w);      // Gauss-Newton of H at w, plus lambda I
 * }</pre>
 *
 * @param model the model supplying H, its gradient and curvature; it must report at least one
 *     parameter and one example
 * @param lambda the prior precision (regularization coefficient), finite and &gt;= 0
 */
public record Cost(Model model, double lambda) {

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException if {@code model} is null or reports fewer than one
     *     parameter or example (naming its class and the count), or {@code lambda} is not finite
     *     and &gt;= 0
     */
    public Cost {
        Checks.notNull("model", model);
        Checks.nonNegative("lambda", lambda);
        int p = model.parameterCount();
        if (p < 1) {
            throw new IllegalArgumentException(
                    nameOf(model) + ".parameterCount() must be >= 1, got " + p);
        }
        int n = model.exampleCount();
        if (n < 1) {
            throw new IllegalArgumentException(
                    nameOf(model) + ".exampleCount() must be >= 1, got " + n);
        }
    }

    /**
     * Returns the cost of {@code model} with prior precision {@code lambda}.
     *
     * @param model the model
     * @param lambda the prior precision, finite and &gt;= 0
     * @return the cost
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public static Cost of(Model model, double lambda) {
        return new Cost(model, lambda);
    }

    /**
     * Returns this cost with another prior precision, the same model.
     *
     * @param lambda the prior precision, finite and &gt;= 0
     * @return the cost
     * @throws IllegalArgumentException if {@code lambda} is not finite and &gt;= 0
     */
    public Cost withLambda(double lambda) {
        return new Cost(model, lambda);
    }

    /** Returns P, the number of parameters of the model. */
    public int parameterCount() {
        return model.parameterCount();
    }

    /** Returns N, the number of training examples of the model. */
    public int exampleCount() {
        return model.exampleCount();
    }

    /**
     * Returns the model's class name as messages show it: the simple name, for an anonymous
     * class the simple name of the class it extends (its full name if it extends Object).
     */
    public String modelName() {
        return nameOf(model);
    }

    /**
     * Returns \(C(w)\) and writes its gradient \(\nabla H(w) + \lambda w\) into {@code gradient},
     * as the model computes them: a value that is not finite is returned as it is (see
     * {@link #checkedValue} for the checked form). Where the model says, with an
     * {@link ArithmeticException}, that its cross-entropy is beyond the range of doubles, the
     * value is \(+\infty\) and the gradient is not defined: a line search takes such a point as
     * too long a step.
     *
     * @param w the parameters, length P (not modified)
     * @param gradient output of length P, or {@code null} when only the value is needed
     * @return \(C(w)\)
     * @throws IllegalArgumentException if an array has the wrong length, or wrapping an exception
     *     the model threw
     */
    public double value(double[] w, double[] gradient) {
        Checks.length("w", w, model.parameterCount());
        if (gradient != null) {
            Checks.length("gradient", gradient, model.parameterCount());
        }
        double h;
        try {
            h = model.crossEntropy(w, gradient);
        } catch (ArithmeticException e) {
            return Double.POSITIVE_INFINITY;      // beyond the range of doubles: see above
        } catch (RuntimeException e) {
            throw failed("crossEntropy", "at a point of norm " + Vectors.norm(w), e);
        }
        return h + prior(w, gradient, lambda);
    }

    /** Returns \(C(w)\), as {@link #value(double[], double[])}. */
    public double value(double[] w) {
        return value(w, null);
    }

    /**
     * Returns the cost of a batch, \(H_B(w) + (|B|/N) \lambda |w|^2 / 2\): the sum over the
     * batch of the per-example costs \(C_i = H_i + \lambda |w|^2 / (2N)\) of Smith &amp; Le
     * (eq. 3-5), whose batch mean SGD descends. Its gradient goes into {@code gradient}. On the
     * full batch it equals {@link #value(double[], double[])}. A value that is not finite is
     * returned as it is (SGD reports it as a diverged run).
     *
     * @param w the parameters, length P (not modified)
     * @param batch the examples, each index in [0, N)
     * @param gradient output of length P, or {@code null} when only the value is needed
     * @return the batch cost
     * @throws IllegalArgumentException on a bad argument, naming it and its value, or wrapping
     *     an exception the model threw
     */
    public double value(double[] w, Batch batch, double[] gradient) {
        Checks.length("w", w, model.parameterCount());
        Checks.notNull("batch", batch);
        if (gradient != null) {
            Checks.length("gradient", gradient, model.parameterCount());
        }
        double h;
        try {
            h = model.crossEntropy(w, batch, gradient);
        } catch (ArithmeticException e) {
            return Double.POSITIVE_INFINITY;      // beyond the range of doubles: a diverged step
        } catch (RuntimeException e) {
            throw failed("crossEntropy", "on a batch of " + batch.size() + " examples", e);
        }
        return h + prior(w, gradient, lambda * batch.size() / model.exampleCount());
    }

    /**
     * Adds {@code weight w} to the gradient and returns {@code weight |w|^2 / 2}; where |w|^2
     * alone overflows, as {@code (weight / 2) |w| |w|} with the norm taken without overflow.
     */
    private static double prior(double[] w, double[] gradient, double weight) {
        if (weight == 0.0) {
            return 0.0;                            // no prior: the gradient is the model's
        }
        double squared = 0.0;
        for (int j = 0; j < w.length; j++) {
            squared += w[j] * w[j];
            if (gradient != null) {
                gradient[j] += weight * w[j];
            }
        }
        if (squared == Double.POSITIVE_INFINITY) {
            double norm = Vectors.norm(w);
            return 0.5 * weight * norm * norm;
        }
        return 0.5 * weight * squared;
    }

    /**
     * Returns \(C(w)\) and writes its gradient into {@code gradient}, and checks both: the value,
     * every component of the gradient and the gradient's norm must be finite.
     *
     * @param w the point, length P, finite
     * @param gradient output of length P
     * @param where where the point is, for the message (such as "at the start point")
     * @return C(w)
     * @throws IllegalArgumentException naming the model, the bad value and, for a cost that is
     *     not finite, whether the cross-entropy or the prior term is to blame
     */
    public double checkedValue(double[] w, double[] gradient, String where) {
        double c = value(w, gradient);
        if (!Double.isFinite(c)) {
            crossEntropy(w, where);
            throw new IllegalArgumentException("the cost of " + modelName() + " " + where
                    + " is " + c + ": the prior term lambda |w|^2 / 2 overflows (lambda = "
                    + lambda + ", |w| = " + Vectors.norm(w) + ")");
        }
        for (int j = 0; j < gradient.length; j++) {
            if (!Double.isFinite(gradient[j])) {
                throw new IllegalArgumentException(modelName() + ".crossEntropy left gradient["
                        + j + "] = " + gradient[j] + " " + where);
            }
        }
        if (!Double.isFinite(Vectors.norm(gradient))) {
            throw new IllegalArgumentException("the gradient of the cost of " + modelName() + " "
                    + where + " is beyond the range of doubles (its norm overflows; largest "
                    + "component " + maxAbs(gradient) + "): rescale the features");
        }
        return c;
    }

    /**
     * Returns the summed cross-entropy \(H(w)\), checked finite.
     *
     * @param w the point, length P
     * @param where where the point is, for the message (such as "at the minimum")
     * @return H(w)
     * @throws IllegalArgumentException naming the model and the value if it is not finite
     */
    public double crossEntropy(double[] w, String where) {
        Checks.length("w", w, model.parameterCount());
        double h;
        try {
            h = model.crossEntropy(w, null);
        } catch (RuntimeException e) {
            throw failed("crossEntropy", where, e);
        }
        if (!Double.isFinite(h)) {
            throw new IllegalArgumentException(modelName() + ".crossEntropy returned " + h + " "
                    + where);
        }
        return h;
    }

    /**
     * Returns the model's null log-likelihood ({@link Model#nullLogLikelihood()}), checked
     * finite.
     *
     * @return the null log-likelihood
     * @throws IllegalArgumentException naming the model and the value if it is not finite
     */
    public double nullLogLikelihood() {
        double value;
        try {
            value = model.nullLogLikelihood();
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failed("nullLogLikelihood", "", e);
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(
                    modelName() + ".nullLogLikelihood() must be finite, got " + value);
        }
        return value;
    }

    /**
     * Returns the Hessian of \(C\) at {@code w} as an operator,
     * \(\nabla\nabla H(w) + \lambda I\): the model's {@link Model#hessianAt(double[])} shifted
     * by the prior. The model's operator is checked for its dimension here; its products and
     * dense form are checked (finite, of the right size) when computed.
     *
     * @param w the point, length P, finite
     * @return the curvature of the cost
     * @throws IllegalArgumentException on a bad argument, naming it and its value, or naming the
     *     model if it returns null or an operator of the wrong dimension
     */
    public SymmetricOperator hessianAt(double[] w) {
        return curvature("hessianAt", model::hessianAt, w);
    }

    /**
     * Returns the generalized Gauss-Newton curvature of \(C\) at {@code w} as an operator,
     * \(G(w) + \lambda I\): the model's {@link GaussNewton#gaussNewtonAt(double[])} shifted by
     * the prior, positive semi-definite (definite for \(\lambda &gt; 0\)). It equals
     * {@link #hessianAt(double[])} for logistic and softmax regression; for a network it leaves
     * out the curvature of the scores, so that the evidence can be computed under both
     * curvatures and compared. Checked as {@link #hessianAt}.
     *
     * <pre>{@code
     * SymmetricOperator ggn = Cost.of(net, 0.01).gaussNewtonAt(w);
     * }</pre>
     *
     * @param w the point, length P, finite
     * @return the Gauss-Newton curvature of the cost
     * @throws IllegalArgumentException if the model does not implement {@link GaussNewton}, or
     *     on a bad argument, naming it and its value
     */
    public SymmetricOperator gaussNewtonAt(double[] w) {
        if (!(model instanceof GaussNewton gaussNewton)) {
            throw new IllegalArgumentException(modelName() + " has no Gauss-Newton curvature: it"
                    + " does not implement GaussNewton");
        }
        return curvature("gaussNewtonAt", gaussNewton::gaussNewtonAt, w);
    }

    /** Returns whether the model says its cross-entropy is convex ({@link Model#convex()}). */
    public boolean convex() {
        return model.convex();
    }

    /** Builds the model's curvature at w, checks it and adds the prior. */
    private SymmetricOperator curvature(String method,
            java.util.function.Function<double[], SymmetricOperator> build, double[] w) {
        Checks.finiteVector("w", w, model.parameterCount());
        SymmetricOperator curvature;
        try {
            curvature = build.apply(w);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failed(method, "", e);
        }
        if (curvature == null) {
            throw new IllegalArgumentException(modelName() + "." + method + " returned null");
        }
        int p = model.parameterCount();
        if (curvature.dimension() != p) {
            throw new IllegalArgumentException(modelName() + "." + method + " returned an "
                    + "operator of dimension " + curvature.dimension() + ", expected P = " + p);
        }
        SymmetricOperator operator = new CheckedOperator(curvature, modelName() + "." + method
                + "(w)");
        return lambda == 0.0 ? operator : operator.plusIdentity(lambda);
    }

    private IllegalArgumentException failed(String method, String where, RuntimeException e) {
        if (e instanceof IllegalArgumentException && e.getMessage() != null
                && e.getMessage().startsWith(modelName())) {
            return (IllegalArgumentException) e;       // already names the model
        }
        return new IllegalArgumentException(modelName() + "." + method + " threw " + e
                + (where.isEmpty() ? "" : " " + where), e);
    }

    private static String nameOf(Object model) {
        Class<?> type = model.getClass();
        if (type.isAnonymousClass()) {
            Class<?> parent = type.getSuperclass();
            return parent == null || parent == Object.class ? type.getName()
                    : parent.getSimpleName();
        }
        return type.getSimpleName();
    }

    private static double maxAbs(double[] v) {
        double max = 0.0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }
}
