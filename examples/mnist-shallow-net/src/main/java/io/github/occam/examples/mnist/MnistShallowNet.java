package io.github.occam.examples.mnist;

import io.github.occam.examples.support.CommandErrors;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * Command line of the shallow-network experiment: {@code sweep} (the batch-size study,
 * {@code SweepCommand}), {@code analyze} (recompute the optimum, the slopes and the figures from a
 * {@code runs.csv}, {@code AnalyzeCommand}), {@code schedule} (learning-rate decay against the
 * equivalent batch-size increase, {@code ScheduleCommand}), {@code bench} (training throughput,
 * one JSON line, {@code BenchCommand}) and {@code spectrum} (the curvature and evidence of a network at
 * a point, one JSON line, {@code SpectrumCommand}). The options that several commands take are in
 * {@code SharedOptions}.
 *
 * <pre>{@code
 * java -jar mnist-shallow-net.jar sweep --preset quick --out results
 * java -jar mnist-shallow-net.jar sweep --batch-sizes 16,32,64 --learning-rates 0.1 --seeds 1,2 --epochs 20
 * java -jar mnist-shallow-net.jar analyze --in results
 * java -jar mnist-shallow-net.jar bench --batch 128 --epochs 3
 * }</pre>
 */
@Command(name = "mnist-shallow-net", mixinStandardHelpOptions = true, version = "mnist-shallow-net 0.1.0",
        description = "The optimal SGD batch size of a 784-H-10 network on MNIST (Smith & Le 2018).",
        subcommands = {SweepCommand.class, AnalyzeCommand.class, ScheduleCommand.class, BenchCommand.class,
                SpectrumCommand.class, CommandLine.HelpCommand.class})
public final class MnistShallowNet implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status (0 on success). */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /**
     * Runs the command line with its output and errors going to {@code out} and {@code err};
     * returns the exit status ({@link CommandErrors}): 0 on success, 2 for bad input and 1 for a
     * failure, each with one line that names the option, file or value.
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = CommandErrors.install(new CommandLine(new MnistShallowNet()))
                .setOut(out)
                .setErr(err);
        return CommandErrors.execute(commandLine, args);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
