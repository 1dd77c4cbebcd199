package io.github.occam.sgd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The float32 batch kernels against the double-precision reference network. */
class FloatShallowNetTest {

    private static final int D = 37;
    private static final int H = 45;
    private static final int N_CLASSES = 4;

    private final List<Workers> started = new ArrayList<>();

    @AfterEach
    void stopWorkers() {
        started.forEach(Workers::close);
    }

    private FloatShallowNet net(Dataset data, int capacity, int threads, long seed) {
        Workers workers = new Workers(threads);
        started.add(workers);
        FloatShallowNet net = new FloatShallowNet(data.featureCount(), H, data.classCount(),
                capacity, SparseRows.of(data).maxNonZero(capacity), workers);
        net.initialize(seed);
        return net;
    }

    private static int[] identity(int size) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Largest |a - b| relative to the largest |b|. */
    private static double relativeError(double[] a, double[] b) {
        double diff = 0;
        double scale = 0;
        for (int k = 0; k < a.length; k++) {
            diff = Math.max(diff, Math.abs(a[k] - b[k]));
            scale = Math.max(scale, Math.abs(b[k]));
        }
        return diff / scale;
    }

    @Test
    void referenceGradientMatchesFiniteDifferences() {
        Dataset data = ReferenceNet.blobs(9, 5, 3, 11);
        int hidden = 4;
        Random random = new Random(5);
        double[] w = new double[hidden * 5 + hidden + 3 * hidden + 3];
        for (int k = 0; k < w.length; k++) {
            w[k] = random.nextGaussian() * 0.7;
        }
        int[] batch = {0, 3, 4, 8};
        double lambda = 0.3;
        double[] g = ReferenceNet.meanGradient(w, data, hidden, batch, lambda, null);
        double step = 1e-6;
        for (int k = 0; k < w.length; k++) {
            double[] plus = w.clone();
            double[] minus = w.clone();
            plus[k] += step;
            minus[k] -= step;
            double fd = (meanCost(plus, data, hidden, batch, lambda)
                    - meanCost(minus, data, hidden, batch, lambda)) / (2 * step);
            assertThat(g[k]).as("component %d", k).isCloseTo(fd,
                    within(1e-6));
        }
    }

    private static double meanCost(double[] w, Dataset data, int hidden, int[] batch,
            double lambda) {
        double[] loss = new double[1];
        ReferenceNet.meanGradient(w, data, hidden, batch, 0, loss);
        double norm = 0;
        for (double v : w) {
            norm += v * v;
        }
        return loss[0] + lambda * norm / (2 * data.size());
    }

    @Test
    void firstStepVelocityIsTheBatchMeanGradient() {
        Dataset data = ReferenceNet.blobs(40, D, N_CLASSES, 1);
        FloatShallowNet net = net(data, 40, 1, 3);
        double[] w0 = net.parameters();
        int[] order = identity(40);
        double lambda = 2.0;
        // Batch of 21 examples starting at 7: more than one phase-1 chunk, a partial chunk.
        double loss = net.step(SparseRows.of(data), order, 7, 21, 0.05f, 0f,
                (float) (lambda / data.size()));
        int[] batch = new int[21];
        for (int i = 0; i < 21; i++) {
            batch[i] = 7 + i;
        }
        double[] meanLoss = new double[1];
        double[] expected = ReferenceNet.meanGradient(w0, data, H, batch, lambda, meanLoss);
        assertThat(relativeError(net.velocity(), expected)).isLessThan(1e-5);
        assertThat(loss / 21).isCloseTo(meanLoss[0],
                within(1e-5 * meanLoss[0]));
    }

    @Test
    void singleExampleStepMatchesReference() {
        Dataset data = ReferenceNet.blobs(10, D, N_CLASSES, 2);
        FloatShallowNet net = net(data, 10, 1, 4);
        double[] w0 = net.parameters();
        net.step(SparseRows.of(data), identity(10), 5, 1, 0.1f, 0f, 0f);
        double[] expected = ReferenceNet.meanGradient(w0, data, H, new int[] {5}, 0, null);
        assertThat(relativeError(net.velocity(), expected)).isLessThan(1e-5);
    }

    @Test
    void momentumStepsFollowTheHandWrittenUpdate() {
        Dataset data = ReferenceNet.blobs(30, D, N_CLASSES, 3);
        FloatShallowNet net = net(data, 30, 1, 5);
        SparseRows rows = SparseRows.of(data);
        int[] order = {4, 17, 2, 29, 11, 8, 23, 0, 14, 6, 19, 25};
        double eps = 0.2;
        double m = 0.9;
        double lambda = 1.5;
        double[] w = net.parameters();
        double[] v = new double[w.length];
        for (int s = 0; s < 3; s++) {
            int[] batch = java.util.Arrays.copyOfRange(order, 4 * s, 4 * s + 4);
            double[] g = ReferenceNet.meanGradient(w, data, H, batch, lambda, null);
            for (int k = 0; k < w.length; k++) {
                v[k] = m * v[k] + g[k];
                w[k] -= eps * v[k];
            }
            net.step(rows, order, 4 * s, 4, (float) eps, (float) m,
                    (float) (lambda / data.size()));
            assertThat(relativeError(net.velocity(), v)).as("velocity after step %d", s + 1)
                    .isLessThan(1e-4);
            assertThat(relativeError(net.parameters(), w)).as("parameters after step %d", s + 1)
                    .isLessThan(1e-5);
        }
    }

    @Test
    void stepsAreBitIdenticalForEveryThreadCount() {
        Dataset data = ReferenceNet.blobs(70, D, N_CLASSES, 4);
        SparseRows rows = SparseRows.of(data);
        int[] order = identity(70);
        double[] reference = null;
        assertThat(66).isGreaterThanOrEqualTo(FloatShallowNet.PARALLEL_FROM);
        for (int threads : new int[] {1, 2, 3}) {
            FloatShallowNet net = net(data, 70, threads, 6);
            for (int s = 0; s < 4; s++) {
                net.step(rows, order, s, 66, 0.1f, 0.9f, 0.01f);
                net.step(rows, order, s, 2, 0.1f, 0.9f, 0.01f);
            }
            double[] w = net.parameters();
            if (reference == null) {
                reference = w;
            } else {
                assertThat(w).as("%d threads", threads).containsExactly(reference);
            }
        }
    }

    @Test
    void deferredRowUpdatesAreBitIdenticalToImmediateOnes() {
        // Half the pixels are zero in half the examples: many rows skip many steps.
        Dataset data = ReferenceNet.blobs(60, D, N_CLASSES, 8);
        SparseRows rows = SparseRows.of(data);
        int[] order = identity(60);
        for (float decay : new float[] {0f, 0.02f}) {
            FloatShallowNet deferred = net(data, 60, 2, 9);
            FloatShallowNet immediate = net(data, 60, 2, 9);
            immediate.eager = true;
            for (FloatShallowNet net : List.of(deferred, immediate)) {
                for (int s = 0; s < 40; s++) {
                    net.step(rows, order, s, 1 + s % 3, 0.05f, 0.9f, decay);
                }
                net.step(rows, order, 0, 60, 0.02f, 0.8f, decay);
                net.step(rows, order, 7, 1, 0.02f, 0.8f, decay);
            }
            assertThat(deferred.velocity()).as("decay %s", decay)
                    .containsExactly(immediate.velocity());
            assertThat(deferred.parameters()).as("decay %s", decay)
                    .containsExactly(immediate.parameters());
        }
    }

    @Test
    void initializationIsShallowNetworksHeDrawRoundedToFloat() {
        Dataset data = ReferenceNet.blobs(5, D, N_CLASSES, 6);
        double[] expected = io.github.occam.models.ShallowNetwork.initialParameters(D, H,
                N_CLASSES, 17L);
        double[] w = net(data, 5, 1, 17L).parameters();
        for (int k = 0; k < w.length; k++) {
            assertThat(w[k]).as("parameter %d", k).isEqualTo((double) (float) expected[k]);
        }
    }

    @Test
    void evaluationMatchesReference() {
        Dataset data = ReferenceNet.blobs(53, D, N_CLASSES, 5);
        FloatShallowNet net = net(data, 20, 2, 7);
        double[] result = net.evaluate(SparseRows.of(data));
        double[] expected = ReferenceNet.evaluate(net.parameters(), data, H);
        assertThat(result[0] / data.size()).isEqualTo(expected[0]);
        assertThat(result[1] / data.size()).isCloseTo(expected[1],
                within(1e-5 * expected[1]));
    }
}
