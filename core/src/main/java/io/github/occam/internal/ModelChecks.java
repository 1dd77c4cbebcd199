package io.github.occam.internal;

import io.github.occam.Cost;
import io.github.occam.Model;
import io.github.occam.SymmetricOperator;

/**
 * Checks of what a {@link Model} returns, at the library's entry points (the minimizer, the
 * Laplace evidence, the spectrum). A model is user code: a mistake in it (a negative size, a NaN,
 * a curvature operator of the wrong dimension) must surface as an
 * {@link IllegalArgumentException} that names the model's class and the bad value, not as an
 * exception of the JDK thrown deep inside the library, and never as a NaN passed on as a result.
 * Not part of the public API.
 *
 * <pre>{@code
 * int p = ModelChecks.sizes(model);                         // P >= 1, N >= 1
 * double c = ModelChecks.value(cost, w, gradient, "at the start point");
 * SymmetricOperator hessian = ModelChecks.costHessian(cost, w);
 * }</pre>
 */
public final class ModelChecks {

    private ModelChecks() {
    }

    /**
     * Returns the model's class name as a message shows it: the simple name, for an anonymous
     * class the simple name of the class it extends (its full name if it extends Object).
     */
    public static String name(Object model) {
        Class<?> type = model.getClass();
        if (type.isAnonymousClass()) {
            Class<?> parent = type.getSuperclass();
            return parent == null || parent == Object.class ? type.getName()
                    : parent.getSimpleName();
        }
        return type.getSimpleName();
    }

    /**
     * Checks that the model reports at least one parameter and one example.
     *
     * @param model the model, not null
     * @return P, its parameter count
     * @throws IllegalArgumentException naming the model and the count otherwise
     */
    public static int sizes(Model model) {
        Checks.notNull("model", model);
        int p = model.parameterCount();
        if (p < 1) {
            throw new IllegalArgumentException(
                    name(model) + ".parameterCount() must be >= 1, got " + p);
        }
        int n = model.exampleCount();
        if (n < 1) {
            throw new IllegalArgumentException(
                    name(model) + ".exampleCount() must be >= 1, got " + n);
        }
        return p;
    }

    /**
     * Returns the model's null log-likelihood, checked finite.
     *
     * @param model the model
     * @return {@code model.nullLogLikelihood()}
     * @throws IllegalArgumentException naming the model and the value if it is not finite
     */
    public static double nullLogLikelihood(Model model) {
        double value = model.nullLogLikelihood();
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(
                    name(model) + ".nullLogLikelihood() must be finite, got " + value);
        }
        return value;
    }

    /**
     * Returns the cross-entropy H(w), checked finite.
     *
     * @param model the model
     * @param w the point, length P, finite
     * @param where where the point is, for the message (such as "at the minimum")
     * @return H(w)
     * @throws IllegalArgumentException naming the model and the value if it is not finite
     */
    public static double crossEntropy(Model model, double[] w, String where) {
        double h = model.crossEntropy(w);
        if (!Double.isFinite(h)) {
            throw new IllegalArgumentException(
                    name(model) + ".crossEntropy returned " + h + " " + where);
        }
        return h;
    }

    /**
     * Returns the cost C(w) and writes its gradient into {@code gradient}, and checks both: the
     * value, every component of the gradient and the gradient's norm must be finite.
     *
     * @param cost the cost
     * @param w the point, length P, finite
     * @param gradient output of length P
     * @param where where the point is, for the message (such as "at the start point")
     * @return C(w)
     * @throws IllegalArgumentException naming the model, the bad value and, for a cost that is
     *     not finite, whether the cross-entropy or the prior term is to blame
     */
    public static double value(Cost cost, double[] w, double[] gradient, String where) {
        double c = cost.value(w, gradient);
        Model model = cost.model();
        if (!Double.isFinite(c)) {
            double h = model.crossEntropy(w);
            if (!Double.isFinite(h)) {
                throw new IllegalArgumentException(
                        name(model) + ".crossEntropy returned " + h + " " + where);
            }
            throw new IllegalArgumentException("the cost of " + name(model) + " " + where
                    + " is " + c + ": the prior term lambda |w|^2 / 2 overflows (lambda = "
                    + cost.lambda() + ", |w| = " + Vectors.norm(w) + ")");
        }
        for (int j = 0; j < gradient.length; j++) {
            if (!Double.isFinite(gradient[j])) {
                throw new IllegalArgumentException(name(model) + ".crossEntropy left gradient["
                        + j + "] = " + gradient[j] + " " + where);
            }
        }
        if (!Double.isFinite(Vectors.norm(gradient))) {
            throw new IllegalArgumentException("the gradient of the cost of " + name(model) + " "
                    + where + " is beyond the range of doubles (its norm overflows; largest "
                    + "component " + maxAbs(gradient) + "): rescale the features");
        }
        return c;
    }

    /**
     * Returns the operator of the Hessian of the cost at {@code w}, the model's
     * {@link Model#hessianAt(double[])} plus \(\lambda I\) (what {@link Cost#hessianAt} returns),
     * after checking that the model returned an operator of dimension P; the operator checks its
     * dense form (P x P, finite) and every product (finite) and names the model when they fail.
     *
     * @param cost the cost
     * @param w the point, length P, finite
     * @return the checked operator of the Hessian of C
     * @throws IllegalArgumentException naming the model if it returns null or an operator of the
     *     wrong dimension
     */
    public static SymmetricOperator costHessian(Cost cost, double[] w) {
        Model model = cost.model();
        SymmetricOperator curvature = model.hessianAt(w);
        if (curvature == null) {
            throw new IllegalArgumentException(name(model) + ".hessianAt returned null");
        }
        int p = model.parameterCount();
        if (curvature.dimension() != p) {
            throw new IllegalArgumentException(name(model) + ".hessianAt returned an operator "
                    + "of dimension " + curvature.dimension() + ", expected P = " + p);
        }
        return new Checked(curvature, name(model) + ".hessianAt(w)").plusIdentity(cost.lambda());
    }

    /**
     * Checks a dense symmetric matrix given for an operator of dimension {@code p}: p rows of
     * length p, finite entries (the lower triangle, which the eigen-solver reads).
     *
     * @param owner what returned the matrix, for the message
     * @param dense the matrix
     * @param p the expected dimension
     * @return {@code dense}
     * @throws IllegalArgumentException naming the owner and the bad size or entry
     */
    public static double[][] dense(String owner, double[][] dense, int p) {
        if (dense == null) {
            throw new IllegalArgumentException(owner + ".toDense() returned null");
        }
        if (dense.length != p) {
            throw new IllegalArgumentException(owner + ".toDense() returned " + dense.length
                    + " rows, expected " + p);
        }
        for (int i = 0; i < p; i++) {
            double[] row = dense[i];
            if (row == null || row.length != p) {
                throw new IllegalArgumentException(owner + ".toDense() returned row " + i
                        + " of length " + (row == null ? "null" : row.length)
                        + ", expected " + p);
            }
            for (int j = 0; j <= i; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException(owner + ".toDense() has entry [" + i
                            + "][" + j + "] = " + row[j]);
                }
            }
        }
        return dense;
    }

    private static double maxAbs(double[] v) {
        double max = 0.0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }

    /** A model's curvature operator whose results are checked, naming the model. */
    private static final class Checked implements SymmetricOperator {
        private final SymmetricOperator base;
        private final String owner;

        Checked(SymmetricOperator base, String owner) {
            this.base = base;
            this.owner = owner;
        }

        @Override
        public int dimension() {
            return base.dimension();
        }

        @Override
        public void apply(double[] v, double[] out) {
            base.apply(v, out);
            for (int j = 0; j < out.length; j++) {
                if (!Double.isFinite(out[j])) {
                    throw new IllegalArgumentException(owner + ".apply returned " + out[j]
                            + " at index " + j + " for a finite vector of norm " + Vectors.norm(v)
                            + ": the curvature is not finite, or beyond the range of doubles");
                }
            }
        }

        @Override
        public double[][] toDense() {
            return dense(owner, base.toDense(), base.dimension());
        }
    }
}
