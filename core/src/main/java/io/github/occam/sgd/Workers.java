package io.github.occam.sgd;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A small fork-join helper: runs tasks 0..k-1 of a job on the calling thread and on
 * {@code threads - 1} daemon helpers, and returns when all are done. Which thread runs which task
 * is not fixed, so callers must make every task's arithmetic independent of the others; then the
 * results do not depend on the thread count.
 */
final class Workers implements AutoCloseable {

    private static final int SPINS = 20_000;

    private final Thread[] helpers;
    private volatile Job current;
    private volatile boolean closed;

    Workers(int threads) {
        helpers = new Thread[threads - 1];
        for (int t = 0; t < helpers.length; t++) {
            Thread helper = new Thread(this::helperLoop, "occam-sgd-" + (t + 1));
            helper.setDaemon(true);
            helpers[t] = helper;
            helper.start();
        }
    }

    int threads() {
        return helpers.length + 1;
    }

    /** Runs {@code task.accept(0 .. tasks - 1)}, in parallel where there are helpers. */
    void run(int tasks, IntConsumer task) {
        if (helpers.length == 0 || tasks <= 1) {
            for (int t = 0; t < tasks; t++) {
                task.accept(t);
            }
            return;
        }
        Job job = new Job(task, tasks);
        current = job;
        for (Thread helper : helpers) {
            LockSupport.unpark(helper);
        }
        job.work();
        int spins = 0;
        while (job.done.get() < tasks) {
            if (++spins < SPINS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        Throwable failure = job.failure;
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    private void helperLoop() {
        Job seen = null;
        int spins = 0;
        while (!closed) {
            Job job = current;
            if (job != null && job != seen) {
                seen = job;
                job.work();
                spins = 0;
            } else if (++spins < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, 1_000_000L);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread helper : helpers) {
            LockSupport.unpark(helper);
        }
    }

    private static final class Job {
        final IntConsumer task;
        final int tasks;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Job(IntConsumer task, int tasks) {
            this.task = task;
            this.tasks = tasks;
        }

        void work() {
            int t;
            while ((t = next.getAndIncrement()) < tasks) {
                try {
                    task.accept(t);
                } catch (Throwable e) {
                    failure = e;
                } finally {
                    done.incrementAndGet();
                }
            }
        }
    }
}
