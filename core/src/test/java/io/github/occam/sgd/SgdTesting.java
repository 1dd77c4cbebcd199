package io.github.occam.sgd;

import io.github.occam.Batch;
import io.github.occam.Cost;
import io.github.occam.Model;
import io.github.occam.models.LogisticRegression;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The reference arithmetic of an SGD step, written from {@link Cost}, for the engine tests. */
final class SgdTesting {

    private SgdTesting() {
    }

    /**
     * A schedule for N examples at momentum m over {@code epochs} epochs, one phase per
     * {@code {startEpoch, eps, B}}, the first starting at epoch 0.
     */
    static io.github.occam.noise.SgdSchedule schedule(int n, double m, int epochs, double[]... phases) {
        java.util.List<io.github.occam.noise.SgdSchedule.Phase> list = new java.util.ArrayList<>();
        for (int k = 0; k < phases.length; k++) {
            int end = k + 1 < phases.length ? (int) phases[k + 1][0] : epochs;
            list.add(new io.github.occam.noise.SgdSchedule.Phase((int) phases[k][0], end,
                    io.github.occam.noise.SgdNoiseScale.of(phases[k][1], n, (int) phases[k][2], m)));
        }
        return new io.github.occam.noise.SgdSchedule(list);
    }

    /** Returns 0, 1, ..., size - 1. */
    static int[] identity(int size) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        return order;
    }

    /**
     * Returns the batch mean of dC_i/dw, C_i = H_i + lambda |w|^2 / (2N): the gradient of
     * {@link Cost#value(double[], Batch, double[])} divided by |B| (of H_B alone for lambda 0).
     */
    static double[] meanGradient(Model model, double lambda, double[] w, Batch batch) {
        double[] g = new double[w.length];
        if (lambda == 0.0) {
            model.crossEntropy(w, batch, g);
        } else {
            Cost.of(model, lambda).value(w, batch, g);
        }
        for (int k = 0; k < g.length; k++) {
            g[k] /= batch.size();
        }
        return g;
    }

    /**
     * Logistic regression with a bias on n examples of 3 standard normal features, labelled by
     * the sign of {@code x0 - x1 / 2} plus unit noise: P = 4, not separable.
     */
    static LogisticRegression logistic(int n, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[n][3];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = random.nextGaussian();
            }
            y[i] = x[i][0] - 0.5 * x[i][1] + random.nextGaussian() > 0 ? 1 : 0;
        }
        return LogisticRegression.of(x, y, true);
    }

    /** Largest |a - b| relative to the largest |b|. */
    static double relativeError(double[] a, double[] b) {
        double diff = 0;
        double scale = 0;
        for (int k = 0; k < a.length; k++) {
            diff = Math.max(diff, Math.abs(a[k] - b[k]));
            scale = Math.max(scale, Math.abs(b[k]));
        }
        return diff / scale;
    }

    /** Records every listener call as a string. */
    static final class Recorder implements TrainingListener {
        final List<String> calls = new ArrayList<>();
        final List<EpochMetrics> epochs = new ArrayList<>();
        final boolean test;

        Recorder(boolean test) {
            this.test = test;
        }

        @Override
        public boolean wantsTestMetrics() {
            calls.add("wants");
            return test;
        }

        @Override
        public void onUpdate(long updates) {
            calls.add("update " + updates);
        }

        @Override
        public void onEpoch(EpochMetrics metrics) {
            calls.add("epoch " + metrics.epoch());
            epochs.add(metrics);
        }
    }
}
