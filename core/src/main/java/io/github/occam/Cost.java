package io.github.occam;

/**
 * The cost \(C(w) = H(w) + \lambda |w|^2 / 2\) of Smith &amp; Le (section 2): a model's summed
 * cross-entropy plus the Gaussian prior of precision \(\lambda\) on every parameter. Its minimum
 * \(w_0\) and its Hessian there, \(\nabla\nabla H(w_0) + \lambda I\), give the Laplace evidence.
 *
 * <p>A cost is as thread-safe as its model (the built-in models are immutable).
 *
 * <pre>{@code
 * Cost cost = Cost.of(model, 0.1);
 * double[] gradient = new double[model.parameterCount()];
 * double c = cost.value(w, gradient);          // C(w), and dC/dw into gradient
 * double cb = cost.value(w, batch, gradient);  // H_B(w) + (|B|/N) lambda |w|^2 / 2
 * SymmetricOperator curvature = cost.hessianAt(w);   // Hessian of H at w, plus lambda I
 * SymmetricOperator ggn = cost.gaussNewtonAt(w);      // Gauss-Newton of H at w, plus lambda I
 * }</pre>
 *
 * @param model the model supplying H, its gradient and curvature
 * @param lambda the prior precision (regularization coefficient), finite and &gt; 0
 */
public record Cost(Model model, double lambda) {

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException if {@code model} is null or {@code lambda} is not finite
     *     and &gt; 0
     */
    public Cost {
        Arguments.notNull("model", model);
        Arguments.positive("lambda", lambda);
    }

    /**
     * Returns the cost of {@code model} with prior precision {@code lambda}.
     *
     * @param model the model
     * @param lambda the prior precision, finite and &gt; 0
     * @return the cost
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public static Cost of(Model model, double lambda) {
        return new Cost(model, lambda);
    }

    /** Returns P, the number of parameters of the model. */
    public int parameterCount() {
        return model.parameterCount();
    }

    /**
     * Returns \(C(w)\) and writes its gradient \(\nabla H(w) + \lambda w\) into {@code gradient}.
     *
     * @param w the parameters, length P (not modified)
     * @param gradient output of length P, or {@code null} when only the value is needed
     * @return \(C(w)\)
     */
    public double value(double[] w, double[] gradient) {
        Arguments.length("w", w, model.parameterCount());
        if (gradient != null) {
            Arguments.length("gradient", gradient, model.parameterCount());
        }
        double h = model.crossEntropy(w, gradient);
        double squared = 0.0;
        for (int j = 0; j < w.length; j++) {
            squared += w[j] * w[j];
            if (gradient != null) {
                gradient[j] += lambda * w[j];
            }
        }
        return h + 0.5 * lambda * squared;
    }

    /** Returns \(C(w)\). */
    public double value(double[] w) {
        return value(w, null);
    }

    /**
     * Returns the cost of a batch, \(H_B(w) + (|B|/N) \lambda |w|^2 / 2\): the sum over the
     * batch of the per-example costs \(C_i = H_i + \lambda |w|^2 / (2N)\) of Smith &amp; Le
     * (eq. 3-5), whose batch mean SGD descends. Its gradient goes into {@code gradient}. On the
     * full batch it equals {@link #value(double[], double[])}.
     *
     * @param w the parameters, length P (not modified)
     * @param batch the examples, each index in [0, N)
     * @param gradient output of length P, or {@code null} when only the value is needed
     * @return the batch cost
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public double value(double[] w, Batch batch, double[] gradient) {
        Arguments.length("w", w, model.parameterCount());
        Arguments.notNull("batch", batch);
        if (gradient != null) {
            Arguments.length("gradient", gradient, model.parameterCount());
        }
        double h = model.crossEntropy(w, batch, gradient);
        double weight = lambda * batch.size() / model.exampleCount();
        double squared = 0.0;
        for (int j = 0; j < w.length; j++) {
            squared += w[j] * w[j];
            if (gradient != null) {
                gradient[j] += weight * w[j];
            }
        }
        return h + 0.5 * weight * squared;
    }

    /**
     * Returns the Hessian of \(C\) at {@code w} as an operator,
     * \(\nabla\nabla H(w) + \lambda I\): the model's {@link Model#hessianAt(double[])} shifted
     * by the prior.
     *
     * @param w the point, length P, finite
     * @return the curvature of the cost
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public SymmetricOperator hessianAt(double[] w) {
        return model.hessianAt(w).plusIdentity(lambda);
    }

    /**
     * Returns the generalized Gauss-Newton curvature of \(C\) at {@code w} as an operator,
     * \(G(w) + \lambda I\): the model's {@link GaussNewton#gaussNewtonAt(double[])} shifted by
     * the prior, positive definite. It equals {@link #hessianAt(double[])} for logistic and
     * softmax regression; for a network it leaves out the curvature of the scores, so that the
     * evidence can be computed under both curvatures and compared.
     *
     * <pre>{@code
     * SymmetricOperator ggn = Cost.of(net, 0.01).gaussNewtonAt(w);
     * }</pre>
     *
     * @param w the point, length P, finite
     * @return the Gauss-Newton curvature of the cost
     * @throws UnsupportedOperationException if the model does not implement {@link GaussNewton}
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    public SymmetricOperator gaussNewtonAt(double[] w) {
        if (!(model instanceof GaussNewton gaussNewton)) {
            throw new UnsupportedOperationException("gaussNewtonAt needs a model that implements"
                    + " GaussNewton, got " + model.getClass().getName());
        }
        return gaussNewton.gaussNewtonAt(w).plusIdentity(lambda);
    }
}
