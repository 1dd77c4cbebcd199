package io.github.occam.models;

import io.github.occam.Batch;
import io.github.occam.Classifier;
import io.github.occam.internal.Checks;
import java.util.Arrays;

/**
 * What the built-in classifiers share: their training set, the counts P, N and n, accuracy from
 * predictions, and the argument checks that open every evaluation.
 */
abstract class LabelledModel implements Classifier {

    /** The training set. */
    final LabelledData data;
    /** n, the number of classes. */
    final int classes;
    /** P, the number of parameters. */
    final int p;

    LabelledModel(LabelledData data, int classes, int p) {
        this.data = data;
        this.classes = classes;
        this.p = p;
    }

    /** Returns P, the number of parameters. */
    @Override
    public final int parameterCount() {
        return p;
    }

    /** Returns N, the number of training examples. */
    @Override
    public final int exampleCount() {
        return data.size;
    }

    /** Returns n, the number of classes. */
    @Override
    public final int classCount() {
        return classes;
    }

    /** Returns d, the number of input features (without any bias). */
    public final int featureCount() {
        return data.featureCount;
    }

    /**
     * Returns the fraction of training examples with {@code predict(w)[i] == labels[i]}.
     *
     * <pre>{@code
     * double accuracy = model.accuracy(w);
     * }</pre>
     */
    @Override
    public final double accuracy(double[] w) {
        return data.accuracy(predict(w));
    }

    /** Checks the arguments of a cross-entropy evaluation and zeroes {@code gradient}. */
    final void startValue(double[] w, Batch batch, double[] gradient) {
        Checks.finiteVector("w", w, p);
        Checks.notNull("batch", batch).checkWithin(data.size);
        if (gradient != null) {
            Checks.length("gradient", gradient, p);
            Arrays.fill(gradient, 0.0);
        }
    }

    /** Checks the arguments of an operator product and zeroes {@code result}. */
    final void startProduct(double[] v, double[] result) {
        Checks.finiteVector("v", v, p);
        Checks.length("result", result, p);
        Arrays.fill(result, 0.0);
    }
}
