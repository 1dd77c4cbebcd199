package io.github.occam.examples.spark;

import io.github.occam.examples.mnist.RunComputation;
import io.github.occam.examples.mnist.RunKey;
import io.github.occam.examples.mnist.RunOutcome;
import io.github.occam.examples.mnist.SweepCommand;
import io.github.occam.examples.mnist.SweepRunner;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;

/**
 * Who runs the runs on a cluster: each run is one Spark job of one task, submitted from one of
 * the sweep's driver threads, so that its outcome comes back to the driver as soon as it is done
 * and the driver writes it ({@code SweepRunner}), atomically and keyed, as the local sweep does.
 * A task that fails is retried by Spark ({@code spark.task.maxFailures}); only the outcome of the
 * attempt that succeeds reaches the files, so no row is written twice. A run whose every attempt
 * fails ends the sweep with one line naming the run and the cause.
 */
final class SparkExecution implements SweepCommand.Execution {

    private final JavaSparkContext context;
    private final RunComputation computation;
    private final int parallelism;

    private SparkExecution(JavaSparkContext context, RunComputation computation, int parallelism) {
        this.context = context;
        this.computation = computation;
        this.parallelism = parallelism;
    }

    /**
     * Starts a Spark context on {@code master} (null: spark-submit's, else {@code local[*]}), its
     * log going to {@code log} (null: spark-sweep.log in the temporary directory; "-": standard
     * error).
     */
    static SparkExecution start(String master, String log, RunComputation computation, Integer threads) {
        SparkLogs.send(log);
        SparkConf conf = new SparkConf().setAppName("occam spark-sweep");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        // the sweep's own progress line is the one on the terminal
        conf.set("spark.ui.showConsoleProgress", "false");
        if (!conf.contains("spark.ui.enabled")) {
            conf.set("spark.ui.enabled", "false");
        }
        String jar = ownJar();
        if (jar != null && !conf.contains("spark.jars") && !conf.get("spark.master").startsWith("local")) {
            conf.setJars(new String[] {jar});      // the executors of a cluster load the runs' code from it
        }
        JavaSparkContext context = new JavaSparkContext(conf);
        int parallelism = threads != null ? threads : Math.max(1, context.defaultParallelism());
        return new SparkExecution(context, computation, parallelism);
    }

    @Override
    public SweepRunner.RunExecutor executor() {
        RunTask task = new RunTask(computation);
        return key -> {
            context.setJobDescription("run " + key);
            try {
                List<RunOutcome> outcome = context.parallelize(List.of(key), 1).map(task).collect();
                return outcome.get(0);
            } catch (Exception e) {     // a SparkException, which Scala throws undeclared
                throw new IllegalStateException(RunTask.reason(e), e);
            }
        };
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "on Spark %s, %d runs at a time", context.master(), parallelism);
    }

    @Override
    public void close() {
        context.stop();
    }

    /** The jar this class was loaded from, or null when it was not loaded from a jar. */
    private static String ownJar() {
        try {
            Path path = Path.of(SparkExecution.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            File file = path.toFile();
            return file.isFile() && file.getName().endsWith(".jar") ? file.getAbsolutePath() : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** One run as a Spark task: the computation travels with it. */
    static final class RunTask implements Function<RunKey, RunOutcome> {
        private static final long serialVersionUID = 1L;
        private static final String MARK = "RunFailure: ";

        private final RunComputation computation;

        RunTask(RunComputation computation) {
            this.computation = computation;
        }

        @Override
        public RunOutcome call(RunKey key) {
            try {
                return computation.compute(key);
            } catch (RuntimeException | OutOfMemoryError e) {
                // one line that survives the trip to the driver inside Spark's own message
                String message = e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getClass().getSimpleName() + ": " + e.getMessage().replace('\n', ' ');
                throw new RunFailure(message);
            }
        }

        /** The task's own line out of a failed job's message, else the message's first line. */
        static String reason(Throwable e) {
            String text = String.valueOf(e.getMessage());
            int at = text.indexOf(MARK);
            String line = at >= 0 ? text.substring(at + MARK.length()) : text;
            int end = line.indexOf('\n');
            return (end >= 0 ? line.substring(0, end) : line).strip();
        }
    }

    /** A run's failure inside a task, in one line. */
    static final class RunFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RunFailure(String message) {
            super(message);
        }
    }
}
