package io.github.occam.sgd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.Batch;
import io.github.occam.Cost;
import io.github.occam.data.Dataset;
import io.github.occam.models.ShallowNetShape;
import io.github.occam.models.ShallowNetwork;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The float32 batch kernels against {@link ShallowNetwork} on the same batches. */
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
        FloatShallowNet net = new FloatShallowNet(new ShallowNetShape(data.featureCount(), H,
                data.classCount()), capacity, SparseRows.of(data).maxNonZero(capacity), workers);
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

    /** The batch of positions [from, from + count) of the identity order. */
    private static Batch range(int from, int count) {
        return Batch.of(identity(from + count), from, count);
    }

    /**
     * The batch mean of dC_i/dw by {@link ShallowNetwork} and {@link Cost}, C_i = H_i + lambda
     * |w|^2 / (2N); the cross-entropy H_B goes into {@code crossEntropy[0]} when non-null.
     */
    private static double[] meanGradient(ShallowNetwork net, double lambda, double[] w,
            Batch batch, double[] crossEntropy) {
        double[] g = new double[w.length];
        double h = lambda == 0 ? net.crossEntropy(w, batch, g)
                : Cost.of(net, lambda).value(w, batch, g);
        for (int k = 0; k < g.length; k++) {
            g[k] /= batch.size();
        }
        if (crossEntropy != null) {
            crossEntropy[0] = net.crossEntropy(w, batch, null);
        }
        return g;
    }

    @Test
    void firstStepMatchesShallowNetworksLossAndGradient() {
        Dataset data = Blobs.of(40, D, N_CLASSES, 1);
        ShallowNetwork reference = Blobs.network(data, H);
        FloatShallowNet net = net(data, 40, 1, 3);
        double[] w0 = net.parameters();
        double lambda = 2.0;
        float eps = 0.05f;
        // Batch of 21 examples starting at 7: more than one phase-1 chunk, a partial chunk.
        double loss = net.step(SparseRows.of(data), identity(40), 7, 21, eps, 0.9f,
                (float) (lambda / data.size()));
        double[] crossEntropy = new double[1];
        double[] g = meanGradient(reference, lambda, w0, range(7, 21), crossEntropy);
        assertThat(loss).isCloseTo(crossEntropy[0], within(1e-5 * crossEntropy[0]));
        // From rest the velocity is g and the step is -eps g.
        assertThat(relativeError(net.velocity(), g)).isLessThan(1e-5);
        double[] step = net.parameters();
        double[] expectedStep = new double[g.length];
        for (int k = 0; k < step.length; k++) {
            step[k] -= w0[k];
            expectedStep[k] = -eps * g[k];
        }
        assertThat(relativeError(step, expectedStep)).isLessThan(1e-3);
    }

    @Test
    void singleExampleStepMatchesShallowNetwork() {
        Dataset data = Blobs.of(10, D, N_CLASSES, 2);
        FloatShallowNet net = net(data, 10, 1, 4);
        double[] w0 = net.parameters();
        net.step(SparseRows.of(data), identity(10), 5, 1, 0.1f, 0f, 0f);
        double[] expected = meanGradient(Blobs.network(data, H), 0, w0, Batch.of(5), null);
        assertThat(relativeError(net.velocity(), expected)).isLessThan(1e-5);
    }

    @Test
    void momentumStepsFollowTheUpdateOnShallowNetworksGradient() {
        Dataset data = Blobs.of(30, D, N_CLASSES, 3);
        ShallowNetwork reference = Blobs.network(data, H);
        FloatShallowNet net = net(data, 30, 1, 5);
        SparseRows rows = SparseRows.of(data);
        int[] order = {4, 17, 2, 29, 11, 8, 23, 0, 14, 6, 19, 25};
        double eps = 0.2;
        double m = 0.9;
        double lambda = 1.5;
        double[] w = net.parameters();
        double[] v = new double[w.length];
        for (int s = 0; s < 3; s++) {
            double[] g = meanGradient(reference, lambda, w, Batch.of(order, 4 * s, 4), null);
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
        Dataset data = Blobs.of(70, D, N_CLASSES, 4);
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
        Dataset data = Blobs.of(60, D, N_CLASSES, 8);
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
    void initializationIsTheShapesHeDrawRoundedToFloat() {
        Dataset data = Blobs.of(5, D, N_CLASSES, 6);
        double[] expected = new ShallowNetShape(D, H, N_CLASSES).initialParameters(17L);
        double[] w = net(data, 5, 1, 17L).parameters();
        for (int k = 0; k < w.length; k++) {
            assertThat(w[k]).as("parameter %d", k).isEqualTo((double) (float) expected[k]);
        }
    }

    @Test
    void parametersRoundTripThroughTheShapesLayout() {
        Dataset data = Blobs.of(5, D, N_CLASSES, 7);
        FloatShallowNet net = net(data, 5, 1, 1L);
        double[] w = new double[net.shape.parameterCount()];
        for (int k = 0; k < w.length; k++) {
            w[k] = (float) (k * 0.001);
        }
        net.setParameters(w);
        assertThat(net.parameters()).containsExactly(w);
    }

    @Test
    void evaluationMatchesShallowNetwork() {
        Dataset data = Blobs.of(53, D, N_CLASSES, 5);
        FloatShallowNet net = net(data, 20, 2, 7);
        double[] result = net.evaluate(SparseRows.of(data));
        double[] w = net.parameters();
        ShallowNetwork reference = Blobs.network(data, H);
        assertThat(result[0] / data.size()).isEqualTo(reference.accuracy(w));
        double crossEntropy = reference.crossEntropy(w);
        assertThat(result[1]).isCloseTo(crossEntropy, within(1e-5 * crossEntropy));
    }
}
