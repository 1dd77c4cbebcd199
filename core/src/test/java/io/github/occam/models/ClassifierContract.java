package io.github.occam.models;

import io.github.occam.Classifier;
import io.github.occam.ModelContract;

import static io.github.occam.models.ModelTesting.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The checks every built-in {@link Classifier} must pass beyond the {@link ModelContract}: the
 * null-model identity at w = 0, accuracy from predictions, and argument checks naming the bad
 * argument. Implementations supply a seeded model and the points to test at.
 */
abstract class ClassifierContract extends ModelContract {

    /** Relative agreement required between an exact derivative and its finite difference. */
    static final double DIFFERENCE_TOLERANCE = 1e-6;
    /** Relative agreement required between two exact forms of the same quantity. */
    static final double EXACT_TOLERANCE = 1e-10;

    /** Returns the model under test (its data drawn from a fixed seed). */
    @Override
    protected abstract Classifier model();

    /** Returns the labels the model was built with. */
    abstract int[] labels();

    /** Returns the feature rows the model was built with. */
    abstract double[][] rows();

    @Test
    void onNewRowsItIsTheSameModelAsOnThoseExamplesOfItsOwn() {
        Classifier model = model();
        double[][] x = rows();
        int[] y = labels();
        int[] picked = {3, 0, x.length - 1, 1};
        double[][] subset = new double[picked.length][];
        int[] subsetLabels = new int[picked.length];
        for (int k = 0; k < picked.length; k++) {
            subset[k] = x[picked[k]];
            subsetLabels[k] = y[picked[k]];
        }
        Classifier other = model.on(subset, subsetLabels);
        assertThat(other.parameterCount()).isEqualTo(model.parameterCount());
        assertThat(other.exampleCount()).isEqualTo(picked.length);
        double[] w = point(new Random(31));
        double batch = model.crossEntropy(w, io.github.occam.Batch.of(picked), null);
        assertThat(other.crossEntropy(w)).isCloseTo(batch, within(EXACT_TOLERANCE * Math.abs(batch)));
        int[] all = model.predict(w);
        int[] mine = model.predict(w, subset);
        for (int k = 0; k < picked.length; k++) {
            assertThat(mine[k]).isEqualTo(all[picked[k]]);
        }
        assertThatThrownBy(() -> model.on(new double[][] {new double[x[0].length + 1]}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Override
    protected double differenceTolerance() {
        return DIFFERENCE_TOLERANCE;
    }

    @Override
    protected double exactTolerance() {
        return EXACT_TOLERANCE;
    }

    @Test
    void valueDoesNotDependOnWhetherTheGradientIsWanted() {
        Classifier model = model();
        double[] w = point(new Random(12));
        double withGradient = model.crossEntropy(w, new double[model.parameterCount()]);
        assertThat(model.crossEntropy(w)).isEqualTo(withGradient);
        assertThat(withGradient).isPositive();
    }

    @Test
    void atZeroEveryClassIsEquallyLikelySoHEqualsTheNullModel() {
        Classifier model = model();
        double[] zero = new double[model.parameterCount()];
        double expected = model.exampleCount() * Math.log(model.classCount());
        assertThat(model.nullLogLikelihood()).isCloseTo(-expected, within(1e-12 * expected));
        assertThat(model.crossEntropy(zero)).isCloseTo(expected, within(1e-12 * expected));
        assertThat(model.crossEntropy(zero, new double[zero.length]))
                .isCloseTo(-model.nullLogLikelihood(), within(1e-12 * expected));
    }

    @Test
    void accuracyIsTheFractionOfPredictionsEqualToTheLabels() {
        Classifier model = model();
        double[] w = point(new Random(18));
        int[] predicted = model.predict(w);
        int[] labels = labels();
        assertThat(predicted).hasSize(model.exampleCount());
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            assertThat(predicted[i]).isBetween(0, model.classCount() - 1);
            correct += predicted[i] == labels[i] ? 1 : 0;
        }
        assertThat(model.accuracy(w)).isEqualTo((double) correct / labels.length);
    }

    @Test
    void argumentsAreNotModified() {
        Classifier model = model();
        Random random = new Random(19);
        double[] w = point(random);
        double[] v = ModelTesting.gaussianVector(random, w.length, 1.0);
        double[] wCopy = w.clone();
        double[] vCopy = v.clone();
        model.crossEntropy(w, new double[w.length]);
        model.hessianAt(w).apply(v, new double[w.length]);
        model.hessianAt(w).toDense();
        model.predict(w);
        assertThat(w).containsExactly(wCopy);
        assertThat(v).containsExactly(vCopy);
    }

    @Test
    void rejectsPointsAndBuffersOfTheWrongLengthNamingTheArgument() {
        Classifier model = model();
        int p = model.parameterCount();
        double[] ok = new double[p];
        double[] shortArray = new double[p - 1];
        String expected = "has length " + (p - 1) + ", expected " + p;
        assertThatThrownBy(() -> model.crossEntropy(shortArray))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("w " + expected);
        assertThatThrownBy(() -> model.crossEntropy(ok, shortArray))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("gradient " + expected);
        assertThatThrownBy(() -> model.hessianAt(ok).apply(shortArray, ok.clone()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("v " + expected);
        assertThatThrownBy(() -> model.hessianAt(ok).apply(ok.clone(), shortArray))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("result " + expected);
        assertThatThrownBy(() -> model.hessianAt(ok).apply(ok.clone(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("result");
        assertThatThrownBy(() -> model.hessianAt(shortArray).toDense())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("w " + expected);
        assertThatThrownBy(() -> model.predict(shortArray))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("w " + expected);
        assertThatThrownBy(() -> model.accuracy(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("w");
    }

    @Test
    void rejectsNonFinitePointsNamingTheIndex() {
        Classifier model = model();
        double[] w = new double[model.parameterCount()];
        w[1] = Double.NaN;
        assertThatThrownBy(() -> model.crossEntropy(w))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("w[1] must be finite, got NaN");
        double[] v = new double[w.length];
        v[0] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> model.hessianAt(new double[w.length]).apply(v, new double[w.length]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("v[0]");
    }
}
