package io.github.occam.examples.logistic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * The sweep's rows do not depend on the number of threads: the lambdas run in parallel, and so
 * do the blocks of the dense Hessian and the chunks of the eigenvalue reduction at this size
 * (P = 400, N = 60), each in a fixed order.
 */
class SweepTest {

    @Test
    void rowsAreTheSameOnOneTwoAndThreeThreads() throws Exception {
        SyntheticTasks tasks = SyntheticTasks.generate(400, 60, 50, 7L);
        List<Task> both = List.of(tasks.random(), tasks.informative());
        double[] lambdas = {0.1, 10.0};
        List<ResultRow> reference = null;
        for (int threads = 1; threads <= 3; threads++) {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                List<ResultRow> rows = pool.submit(() -> Sweep.run(both, lambdas, false,
                        new EvidenceEvaluator(), () -> { })).get();
                if (reference == null) {
                    reference = rows;
                }
                assertThat(rows).as("%d threads", threads).isEqualTo(reference);
            } finally {
                pool.shutdown();
            }
        }
        assertThat(reference).hasSize(4).allSatisfy(r -> assertThat(r.converged()).isTrue());
    }
}
