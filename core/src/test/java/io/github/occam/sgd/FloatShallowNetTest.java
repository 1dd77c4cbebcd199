package io.github.occam.sgd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.Batch;
import io.github.occam.data.Dataset;
import io.github.occam.internal.SparseRows;
import io.github.occam.internal.Tasks;
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

    private final List<Tasks> started = new ArrayList<>();

    @AfterEach
    void stopWorkers() {
        started.forEach(Tasks::close);
    }

    /** An engine on {@code data}, not initialized, with batches of up to {@code capacity}. */
    private FloatShallowNet engine(Dataset data, int capacity, int threads) {
        Tasks workers = Tasks.team(threads);
        started.add(workers);
        return new FloatShallowNet(new ShallowNetShape(data.featureCount(), H, data.classCount()),
                SparseRows.of(data.features(), data.size(), data.featureCount()), data.labels(),
                capacity, capacity, workers);
    }

    /** An engine started at the shape's He draw for {@code seed}. */
    private FloatShallowNet net(Dataset data, int capacity, int threads, long seed,
            double lambda) {
        FloatShallowNet net = engine(data, capacity, threads);
        net.initialize(net.shape.initialParameters(seed), lambda);
        return net;
    }

    @Test
    void firstStepMatchesShallowNetworksLossAndGradient() {
        Dataset data = Blobs.of(40, D, N_CLASSES, 1);
        ShallowNetwork reference = Blobs.network(data, H);
        double lambda = 2.0;
        FloatShallowNet net = net(data, 40, 1, 3, lambda);
        double[] w0 = net.parameters();
        float eps = 0.05f;
        // Batch of 21 examples starting at 7: more than one phase-1 chunk, a partial chunk.
        int[] order = SgdTesting.identity(40);
        double loss = net.step(order, 7, 21, eps, 0.9);
        Batch batch = Batch.of(order, 7, 21);
        double crossEntropy = reference.crossEntropy(w0, batch, null);
        double[] g = SgdTesting.meanGradient(reference, lambda, w0, batch);
        assertThat(loss).isCloseTo(crossEntropy, within(1e-5 * crossEntropy));
        // From rest the velocity is g and the step is -eps g.
        assertThat(SgdTesting.relativeError(net.velocity(), g)).isLessThan(1e-5);
        double[] step = net.parameters();
        double[] expectedStep = new double[g.length];
        for (int k = 0; k < step.length; k++) {
            step[k] -= w0[k];
            expectedStep[k] = -eps * g[k];
        }
        assertThat(SgdTesting.relativeError(step, expectedStep)).isLessThan(1e-3);
    }

    @Test
    void singleExampleStepMatchesShallowNetwork() {
        Dataset data = Blobs.of(10, D, N_CLASSES, 2);
        FloatShallowNet net = net(data, 10, 1, 4, 0.0);
        double[] w0 = net.parameters();
        net.step(SgdTesting.identity(10), 5, 1, 0.1, 0.0);
        double[] expected = SgdTesting.meanGradient(Blobs.network(data, H), 0.0, w0,
                Batch.of(5));
        assertThat(SgdTesting.relativeError(net.velocity(), expected)).isLessThan(1e-5);
    }

    @Test
    void momentumStepsFollowTheUpdateOnShallowNetworksGradient() {
        Dataset data = Blobs.of(30, D, N_CLASSES, 3);
        ShallowNetwork reference = Blobs.network(data, H);
        double eps = 0.2;
        double m = 0.9;
        double lambda = 1.5;
        FloatShallowNet net = net(data, 30, 1, 5, lambda);
        int[] order = {4, 17, 2, 29, 11, 8, 23, 0, 14, 6, 19, 25};
        double[] w = net.parameters();
        double[] v = new double[w.length];
        for (int s = 0; s < 3; s++) {
            double[] g = SgdTesting.meanGradient(reference, lambda, w, Batch.of(order, 4 * s, 4));
            for (int k = 0; k < w.length; k++) {
                v[k] = m * v[k] + g[k];
                w[k] -= eps * v[k];
            }
            net.step(order, 4 * s, 4, eps, m);
            assertThat(SgdTesting.relativeError(net.velocity(), v))
                    .as("velocity after step %d", s + 1).isLessThan(1e-4);
            assertThat(SgdTesting.relativeError(net.parameters(), w))
                    .as("parameters after step %d", s + 1).isLessThan(1e-5);
        }
    }

    @Test
    void stepsAreBitIdenticalForEveryThreadCount() {
        Dataset data = Blobs.of(70, D, N_CLASSES, 4);
        int[] order = SgdTesting.identity(70);
        double[] reference = null;
        assertThat(66).isGreaterThanOrEqualTo(FloatShallowNet.PARALLEL_FROM);
        for (int threads : new int[] {1, 2, 3}) {
            FloatShallowNet net = net(data, 70, threads, 6, 0.7);
            for (int s = 0; s < 4; s++) {
                net.step(order, s, 66, 0.1, 0.9);
                net.step(order, s, 2, 0.1, 0.9);
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
        int[] order = SgdTesting.identity(60);
        for (double lambda : new double[] {0.0, 1.2}) {
            FloatShallowNet deferred = net(data, 60, 2, 9, lambda);
            FloatShallowNet immediate = net(data, 60, 2, 9, lambda);
            immediate.eager = true;
            for (FloatShallowNet net : List.of(deferred, immediate)) {
                for (int s = 0; s < 40; s++) {
                    net.step(order, s, 1 + s % 3, 0.05, 0.9);
                }
                net.step(order, 0, 60, 0.02, 0.8);
                net.step(order, 7, 1, 0.02, 0.8);
            }
            assertThat(deferred.velocity()).as("lambda %s", lambda)
                    .containsExactly(immediate.velocity());
            assertThat(deferred.parameters()).as("lambda %s", lambda)
                    .containsExactly(immediate.parameters());
        }
    }

    @Test
    void initializeRoundsTheStartToFloatInTheShapesLayout() {
        Dataset data = Blobs.of(5, D, N_CLASSES, 6);
        FloatShallowNet net = engine(data, 5, 1);
        double[] start = new ShallowNetShape(D, H, N_CLASSES).initialParameters(17L);
        start[net.shape.b1Offset() + 2] = 0.25;
        start[net.shape.b2Offset() + 1] = -1.0 / 3;
        net.initialize(start, 0.0);
        double[] w = net.parameters();
        for (int k = 0; k < w.length; k++) {
            assertThat(w[k]).as("parameter %d", k).isEqualTo((double) (float) start[k]);
        }
        assertThat(net.velocity()).containsOnly(0.0);
    }

    @Test
    void initializeAgainStartsAFreshRun() {
        Dataset data = Blobs.of(30, D, N_CLASSES, 10);
        int[] order = SgdTesting.identity(30);
        FloatShallowNet reused = net(data, 30, 1, 11, 0.5);
        for (int s = 0; s < 5; s++) {
            reused.step(order, s, 1 + s % 2, 0.3, 0.9);  // leaves deferred rows and velocity
        }
        reused.initialize(reused.shape.initialParameters(12), 0.5);
        FloatShallowNet fresh = net(data, 30, 1, 12, 0.5);
        for (FloatShallowNet net : List.of(reused, fresh)) {
            net.step(order, 3, 4, 0.1, 0.9);
            net.step(order, 9, 2, 0.1, 0.9);
        }
        assertThat(reused.parameters()).containsExactly(fresh.parameters());
        assertThat(reused.velocity()).containsExactly(fresh.velocity());
    }

    @Test
    void evaluationMatchesShallowNetwork() {
        Dataset data = Blobs.of(53, D, N_CLASSES, 5);
        FloatShallowNet net = net(data, 20, 2, 7, 0.0);
        SgdEngine.Evaluation result = net.evaluate();
        double[] w = net.parameters();
        ShallowNetwork reference = Blobs.network(data, H);
        assertThat(result.accuracy()).isEqualTo(reference.accuracy(w));
        double crossEntropy = reference.crossEntropy(w) / data.size();
        assertThat(result.meanCrossEntropy()).isCloseTo(crossEntropy, within(1e-5 * crossEntropy));
        assertThat(net.exampleCount()).isEqualTo(53);
        assertThat(net.parameterCount()).isEqualTo(reference.parameterCount());
    }

    @Test
    void refusesToWorkBeforeInitializeAndChecksTheStart() {
        Dataset data = Blobs.of(5, D, N_CLASSES, 6);
        FloatShallowNet net = engine(data, 5, 1);
        assertThatThrownBy(() -> net.step(SgdTesting.identity(5), 0, 2, 0.1, 0.0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("initialize");
        assertThatThrownBy(net::evaluate).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(net::parameters).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> net.initialize(new double[3], 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start")
                .hasMessageContaining("3");
        assertThatThrownBy(() -> net.initialize(new double[net.parameterCount()], -1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lambda")
                .hasMessageContaining("-1.0");
    }
}
