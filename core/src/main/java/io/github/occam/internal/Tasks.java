package io.github.occam.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The one fork-join helper of the library: runs tasks 0 .. k-1 on the calling thread and on up to
 * {@code threads - 1} daemon helpers and returns when every task is done, rethrowing the first
 * failure. Which thread runs which task is not fixed (a task is claimed from a shared counter), so
 * a caller makes each task's arithmetic depend on its index only and writes its result to a slot
 * of its own; sums over tasks are then added in task order. That fixed task ownership is what
 * makes the results the same at any thread count. Not part of the public API.
 *
 * <p>Two ways to run:
 * <ul>
 *   <li>{@link #run(int, int, Task)}, a one-shot phase on helpers borrowed from a shared cached
 *       pool (the curvature kernels of a model, called from any thread);</li>
 *   <li>a {@code Tasks} team ({@link #team(int)}) with its own helpers, which spin between jobs
 *       for the short phases of an SGD step; one thread drives it, and it is closed after use.</li>
 * </ul>
 *
 * <pre>{@code
 * double[] partial = new double[tasks];
 * Tasks.run(threads, tasks, (t, worker) -> partial[t] = sumOfChunk(t));
 * double total = 0;
 * for (double p : partial) {
 *     total += p;             // in task order
 * }
 * }</pre>
 */
public final class Tasks implements AutoCloseable {

    /** One task of a job. */
    @FunctionalInterface
    public interface Task {
        /**
         * Runs task {@code t}.
         *
         * @param t the task's index, in [0, tasks)
         * @param worker the running thread's slot in [0, threads), for per-thread scratch space;
         *     never part of a result
         */
        void run(int t, int worker);
    }

    private static final int SPINS = 20_000;
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final ExecutorService SHARED = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "occam-tasks-" + NAMES.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private final Thread[] helpers;
    private volatile Job current;
    private volatile boolean closed;

    private Tasks(int threads) {
        helpers = new Thread[threads - 1];
        for (int t = 0; t < helpers.length; t++) {
            int worker = t + 1;
            Thread helper = new Thread(() -> helperLoop(worker), "occam-team-" + worker);
            helper.setDaemon(true);
            helpers[t] = helper;
            helper.start();
        }
    }

    /**
     * Starts a team of {@code threads} threads (the caller and {@code threads - 1} helpers).
     *
     * @param threads at least 1
     * @return the team; close it after use
     */
    public static Tasks team(int threads) {
        return new Tasks(Checks.atLeast("threads", threads, 1));
    }

    /** Returns the team's thread count, the caller included. */
    public int threads() {
        return helpers.length + 1;
    }

    /**
     * Runs tasks 0 .. tasks - 1 on the calling thread and on up to {@code threads - 1} helpers of
     * the shared pool; {@code worker} is 0 for the caller and 1 .. helpers for the others.
     *
     * @param threads the most threads to use, the caller included
     * @param tasks the number of tasks
     * @param task the task
     */
    public static void run(int threads, int tasks, Task task) {
        int helpers = Math.min(threads, tasks) - 1;
        if (helpers <= 0) {
            for (int t = 0; t < tasks; t++) {
                task.run(t, 0);
            }
            return;
        }
        Job job = new Job(task, tasks, Thread.currentThread());
        for (int k = 0; k < helpers; k++) {
            int worker = k + 1;
            SHARED.execute(() -> job.work(worker));
        }
        job.work(0);
        while (job.done.get() < tasks) {
            LockSupport.park(job);
        }
        job.rethrow();
    }

    /**
     * Runs tasks 0 .. tasks - 1 on this team, the calling thread included.
     *
     * @param tasks the number of tasks
     * @param task the task
     */
    public void run(int tasks, Task task) {
        if (helpers.length == 0 || tasks <= 1) {
            for (int t = 0; t < tasks; t++) {
                task.run(t, 0);
            }
            return;
        }
        Job job = new Job(task, tasks, null);
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
        job.rethrow();
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

    /** Stops the team's helpers. */
    @Override
    public void close() {
        closed = true;
        for (Thread helper : helpers) {
            LockSupport.unpark(helper);
        }
    }

    /** The tasks of one run, claimed from a counter, and the first failure. */
    private static final class Job {
        final Task task;
        final int tasks;
        /** The thread to wake when the last task is done, or null for a spinning caller. */
        final Thread caller;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Job(Task task, int tasks, Thread caller) {
            this.task = task;
            this.tasks = tasks;
            this.caller = caller;
        }

        void work(int worker) {
            int t;
            while ((t = next.getAndIncrement()) < tasks) {
                try {
                    task.run(t, worker);
                } catch (Throwable e) {
                    if (failure == null) {
                        failure = e;
                    }
                } finally {
                    if (done.incrementAndGet() == tasks && caller != null) {
                        LockSupport.unpark(caller);
                    }
                }
            }
        }

        void rethrow() {
            Throwable f = failure;
            if (f instanceof RuntimeException e) {
                throw e;
            }
            if (f instanceof Error e) {
                throw e;
            }
        }
    }
}
