package io.github.occam.models;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the tasks 0 .. k-1 of one parallel phase of {@link ShallowNetwork}'s kernels on the
 * calling thread and on up to {@code threads - 1} helpers, and returns when every task is done.
 *
 * <p>Which thread runs which task is not fixed: a task is claimed from a shared counter by
 * whichever thread is free. Callers therefore give each task its own outputs and a fixed order
 * of operations, so that the results do not depend on the number of threads.
 *
 * <p>The helpers come from one pool shared by every network: daemon threads named
 * {@code occam-network-<n>}, created when a phase first needs them and ended after 60 s without
 * work ({@link Executors#newCachedThreadPool}). Nothing has to be shut down, and no thread keeps
 * the JVM alive. A phase never waits for a helper to start: the calling thread claims the tasks
 * a busy or late helper has not, so a phase finishes even if no helper runs at all.
 */
final class Phases {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private static final ExecutorService HELPERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "occam-network-" + NAMES.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private Phases() {
    }

    /** One task of a phase. */
    @FunctionalInterface
    interface Task {
        /** Runs task {@code t}. */
        void run(int t);
    }

    /**
     * Runs {@code task.run(t)} for every t in [0, tasks), on at most {@code threads} threads, the
     * calling thread among them; rethrows the first exception a task threw.
     */
    static void run(int threads, int tasks, Task task) {
        int helpers = Math.min(threads, tasks) - 1;
        if (helpers <= 0) {
            for (int t = 0; t < tasks; t++) {
                task.run(t);
            }
            return;
        }
        Job job = new Job(task, tasks, Thread.currentThread());
        for (int k = 0; k < helpers; k++) {
            HELPERS.execute(job::work);
        }
        job.work();
        while (job.remaining.get() > 0) {
            LockSupport.park(job);
        }
        Throwable failure = job.failure;
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    /** The shared state of one phase: the next task to claim and the count still running. */
    private static final class Job {
        final Task task;
        final int tasks;
        final Thread caller;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger remaining;
        volatile Throwable failure;

        Job(Task task, int tasks, Thread caller) {
            this.task = task;
            this.tasks = tasks;
            this.caller = caller;
            this.remaining = new AtomicInteger(tasks);
        }

        void work() {
            int t;
            while ((t = next.getAndIncrement()) < tasks) {
                try {
                    task.run(t);
                } catch (Throwable e) {
                    if (failure == null) {
                        failure = e;
                    }
                } finally {
                    if (remaining.decrementAndGet() == 0) {
                        LockSupport.unpark(caller);
                    }
                }
            }
        }
    }
}
