package io.github.occam.sgd;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

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
            int worker = t + 1;
            Thread helper = new Thread(() -> helperLoop(worker), "occam-sgd-" + worker);
            helper.setDaemon(true);
            helpers[t] = helper;
            helper.start();
        }
    }

    int threads() {
        return helpers.length + 1;
    }

    /**
     * Runs {@code task.run(t, worker)} for t = 0 .. tasks - 1, in parallel where there are
     * helpers; {@code worker} in [0, threads) identifies the running thread, so that tasks can
     * use per-thread scratch buffers.
     */
    void run(int tasks, Task task) {
        if (helpers.length == 0 || tasks <= 1) {
            for (int t = 0; t < tasks; t++) {
                task.run(t, 0);
            }
            return;
        }
        Job job = new Job(task, tasks);
        current = job;
        for (Thread helper : helpers) {
            LockSupport.unpark(helper);
        }
        job.work(0);
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

    private void helperLoop(int worker) {
        Job seen = null;
        int spins = 0;
        while (!closed) {
            Job job = current;
            if (job != null && job != seen) {
                seen = job;
                job.work(worker);
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

    /** One unit of parallel work. */
    @FunctionalInterface
    interface Task {
        /** Runs task {@code t} on the thread numbered {@code worker}. */
        void run(int t, int worker);
    }

    private static final class Job {
        final Task task;
        final int tasks;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Job(Task task, int tasks) {
            this.task = task;
            this.tasks = tasks;
        }

        void work(int worker) {
            int t;
            while ((t = next.getAndIncrement()) < tasks) {
                try {
                    task.run(t, worker);
                } catch (Throwable e) {
                    failure = e;
                } finally {
                    done.incrementAndGet();
                }
            }
        }
    }
}
