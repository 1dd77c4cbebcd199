package io.github.occam.examples.spark;

import io.github.occam.examples.support.CommandErrors;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * Command line of the cluster sweep: {@code sweep}, the batch-size (and evidence) study of the
 * MNIST shallow-network example, its runs as Apache Spark tasks, one task per run. The options,
 * presets and output files are those of {@code mnist-shallow-net.jar sweep}; {@code --master}
 * says where the runs go (default: the master {@code spark-submit} gives, else {@code local[*]},
 * this machine).
 *
 * <pre>{@code
 * java -jar spark-sweep.jar sweep --preset quick --out results                    # local[*]
 * java -jar spark-sweep.jar sweep --preset paper --master spark://host:7077 --out results
 * spark-submit --master yarn spark-sweep-cluster.jar sweep --preset paper --out hdfs-mounted/results
 * }</pre>
 */
@Command(name = "spark-sweep", mixinStandardHelpOptions = true, version = "spark-sweep 0.2.0",
        description = "The sweeps of the MNIST shallow-network example on Apache Spark, one task per run, "
                + "with the files of the local sweep.",
        subcommands = {SparkSweepCommand.class, CommandLine.HelpCommand.class})
public final class SparkSweep implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Runs the command line with its output and errors going to {@code out} and {@code err};
     * returns the exit status: 0 on success, 2 for bad input and 1 for a failure, each with one
     * line that names the option, file, value or run.
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = CommandErrors.install(new CommandLine(new SparkSweep())).setOut(out).setErr(err);
        return CommandErrors.execute(commandLine, args);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
