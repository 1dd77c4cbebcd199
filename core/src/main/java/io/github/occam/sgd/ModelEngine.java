package io.github.occam.sgd;

import io.github.occam.Batch;
import io.github.occam.Classifier;
import io.github.occam.Cost;
import io.github.occam.Model;
import io.github.occam.internal.Checks;

/**
 * The double-precision {@link SgdEngine} for any {@link Model} (see {@link SgdEngine#of(Model)}):
 * the batch cost and its gradient come from {@link Cost}, the update runs over three arrays of
 * length P allocated by {@link #initialize(double[], double)}.
 */
final class ModelEngine implements SgdEngine {

    private final Model model;
    private double[] w;
    private double[] v;
    private double[] gradient;
    private double lambda;
    /** The cost of the run, the model's only door. */
    private Cost cost;

    ModelEngine(Model model) {
        this.model = Checks.notNull("model", model);
    }

    @Override
    public int parameterCount() {
        return model.parameterCount();
    }

    @Override
    public int exampleCount() {
        return model.exampleCount();
    }

    @Override
    public void initialize(double[] start, double lambda) {
        Checks.finiteVector("start", start, model.parameterCount());
        Checks.nonNegative("lambda", lambda);
        this.w = start.clone();
        this.v = new double[w.length];
        this.gradient = new double[w.length];
        this.lambda = lambda;
        this.cost = Cost.of(model, lambda);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The returned cross-entropy is the batch cost less its prior share
     * \((|B|/N) \lambda |w|^2 / 2\), with \(|w|^2\) summed in the update loop.
     *
     * @throws IllegalArgumentException if the batch is outside {@code order}, {@code count < 1},
     *     an index is outside [0, N), or the learning rate or momentum is out of range
     */
    @Override
    public double step(int[] order, int from, int count, double learningRate, double momentum) {
        checkInitialized();
        Checks.atLeast("count", count, 1);
        Checks.positive("learningRate", learningRate);
        Checks.fraction("momentum", momentum);
        Batch batch = Batch.of(order, from, count);
        double value = cost.value(w, batch, gradient);
        double squared = 0.0;
        for (int k = 0; k < w.length; k++) {
            squared += w[k] * w[k];
            v[k] = momentum * v[k] + gradient[k] / count;
            w[k] -= learningRate * v[k];
        }
        return value - 0.5 * (lambda * count / model.exampleCount()) * squared;
    }

    @Override
    public Evaluation evaluate() {
        checkInitialized();
        double accuracy = model instanceof Classifier classifier ? classifier.accuracy(w)
                : Double.NaN;
        return new Evaluation(cost.withLambda(0.0).value(w) / model.exampleCount(), accuracy);
    }

    @Override
    public double[] parameters() {
        checkInitialized();
        return w.clone();
    }

    private void checkInitialized() {
        if (w == null) {
            throw new IllegalStateException("initialize must be called before step, evaluate"
                    + " or parameters");
        }
    }
}
