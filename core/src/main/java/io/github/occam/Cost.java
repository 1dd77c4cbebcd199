package io.github.occam;

import io.github.occam.internal.Checks;

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
        Checks.notNull("model", model);
        Checks.positive("lambda", lambda);
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
        Checks.length("w", w, model.parameterCount());
        if (gradient != null) {
            Checks.length("gradient", gradient, model.parameterCount());
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
     * Writes the product of the Hessian of \(C\) at {@code w} with {@code v},
     * \(\nabla\nabla H(w)\, v + \lambda v\), into {@code result}.
     *
     * @param w the point, length P (not modified)
     * @param v the direction, length P (not modified)
     * @param result output, length P, overwritten
     */
    public void hessianVectorProduct(double[] w, double[] v, double[] result) {
        model.hessianVectorProduct(w, v, result);
        for (int j = 0; j < result.length; j++) {
            result[j] += lambda * v[j];
        }
    }

    /** Returns the dense Hessian of \(C\) at {@code w}, \(\nabla\nabla H(w) + \lambda I\). */
    public double[][] hessian(double[] w) {
        double[][] hessian = model.hessian(w);
        for (int i = 0; i < hessian.length; i++) {
            hessian[i][i] += lambda;
        }
        return hessian;
    }
}
