package io.github.occam.sgd;

import io.github.occam.Model;

/**
 * The arithmetic of SGD with momentum on one training set of N examples: the parameters w, the
 * velocity v and the update \(v \leftarrow m v + g,\ w \leftarrow w - \epsilon v\), with g the
 * batch mean of \(\partial C_i / \partial w\), \(C_i = H_i + \lambda |w|^2 / (2N)\) (Smith &amp;
 * Le, eq. 3-5). An engine knows nothing of epochs, batch sizes, schedules or budgets:
 * {@link SgdTrainer} drives it, so the batching is written once for every engine.
 *
 * <p>Call order (Tribuo's {@code StochasticGradientOptimiser} documents its own the same way):
 * <ol>
 *   <li>{@link #initialize(double[], double)} once per run: w = start, v = 0, and the prior
 *       precision \(\lambda\) of the cost; calling it again starts a new run;</li>
 *   <li>{@link #step(int[], int, int, double, double)} once per batch: one update on the
 *       examples {@code order[from .. from + count)}, returning their summed cross-entropy
 *       before the update;</li>
 *   <li>{@link #evaluate()} whenever the caller wants the training-set figures of the current
 *       parameters; it does not change them;</li>
 *   <li>{@link #parameters()} at the end (or at any point) for the current w.</li>
 * </ol>
 * {@code step}, {@code evaluate} and {@code parameters} throw {@link IllegalStateException}
 * before the first {@code initialize}. An engine holds the state of one run and is not
 * thread-safe: drive it from one thread at a time.
 *
 * <p>{@link #of(Model)} returns the double-precision engine for any {@link Model};
 * {@link ShallowNetTrainer} uses a float32 engine with its own kernels for the shallow network.
 *
 * <pre>{@code
 * SgdEngine engine = SgdEngine.of(model);
 * engine.initialize(new double[model.parameterCount()], 0.1);
 * int[] order = {3, 1, 4, 0, 2};
 * double h = engine.step(order, 0, 3, 0.05, 0.9);   // one update on examples 3, 1 and 4
 * double loss = engine.evaluate().meanCrossEntropy();
 * double[] w = engine.parameters();
 * }</pre>
 */
public interface SgdEngine {

    /**
     * Returns the double-precision engine for {@code model}: a step evaluates the batch cost
     * \(\sum_{i \in B} C_i\) with
     * {@link io.github.occam.Cost#value(double[], io.github.occam.Batch, double[]) Cost.value}
     * (the model's batch cross-entropy alone when \(\lambda = 0\)), divides its gradient by |B|
     * and updates w and v in place; nothing is
     * allocated per step beyond the {@link io.github.occam.Batch} of the step's indices (and
     * what the model's own evaluation allocates).
     *
     * <pre>{@code
     * SgdEngine engine = SgdEngine.of(LogisticRegression.of(features, labels, true));
     * }</pre>
     *
     * @param model the model to train
     * @return a new engine
     * @throws IllegalArgumentException if {@code model} is null
     */
    static SgdEngine of(Model model) {
        return new ModelEngine(model);
    }

    /** Returns P, the number of parameters. */
    int parameterCount();

    /** Returns N, the number of training examples. */
    int exampleCount();

    /**
     * Starts a run at {@code start} with zero velocity.
     *
     * @param start the initial parameters, length P, finite (copied)
     * @param lambda the prior precision \(\lambda\) of the cost, finite and &gt;= 0
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    void initialize(double[] start, double lambda);

    /**
     * Makes one update on the examples {@code order[from .. from + count)}:
     * \(v \leftarrow m v + g,\ w \leftarrow w - \epsilon v\), g the batch mean of
     * \(\partial C_i / \partial w\).
     *
     * @param order example indices, each in [0, N)
     * @param from the first position of the batch in {@code order}
     * @param count |B|, at least 1, with {@code from + count <= order.length}
     * @param learningRate \(\epsilon\), finite and &gt; 0
     * @param momentum m, in [0, 1)
     * @return the summed cross-entropy \(H_B(w)\) of the batch at the parameters before the
     *     update (without the prior)
     * @throws IllegalStateException before {@link #initialize(double[], double)}
     */
    double step(int[] order, int from, int count, double learningRate, double momentum);

    /**
     * Evaluates the current parameters on the training set.
     *
     * @return the mean cross-entropy H(w) / N and the accuracy (NaN where the model does not
     *     classify)
     * @throws IllegalStateException before {@link #initialize(double[], double)}
     */
    Evaluation evaluate();

    /**
     * Returns the current parameters as a new array of length P.
     *
     * @return w
     * @throws IllegalStateException before {@link #initialize(double[], double)}
     */
    double[] parameters();

    /**
     * The figures of a set of parameters on a data set.
     *
     * <pre>{@code
     * SgdEngine.Evaluation e = engine.evaluate();
     * System.out.printf("H/N %.4f, accuracy %.3f%n", e.meanCrossEntropy(), e.accuracy());
     * }</pre>
     *
     * @param meanCrossEntropy the cross-entropy summed over the examples, divided by their number
     * @param accuracy the fraction of examples classified correctly, or NaN for a model that does
     *     not classify (a regression)
     */
    record Evaluation(double meanCrossEntropy, double accuracy) {
    }
}
