package io.github.occam.examples.mnist;

import io.github.occam.sgd.SgdSettings.Budget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code analyze}: recomputes the optimum, the scaling slopes and the figures from the
 * {@code runs.csv} of a directory, without training.
 *
 * <pre>{@code
 * java -jar mnist-shallow-net.jar analyze --out results --resamples 5000
 * }</pre>
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Recompute optimum.csv, scaling.csv and the figures from DIR/runs.csv.")
final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, description = "Directory holding runs.csv.")
    Path out;

    @ArgGroup(exclusive = true)
    SharedOptions.RunBudget budget;

    @Mixin
    SharedOptions.Resamples bootstrap;

    @Override
    public Integer call() throws Exception {
        List<RunRecord> runs = RunsCsv.readAndRepair(out.resolve("runs.csv"));
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs in " + out.resolve("runs.csv"));
        }
        Budget b = budget == null ? OptimumAnalysis.soleBudget(runs) : budget.budget();
        PrintWriter w = spec.commandLine().getOut();
        w.print(Report.write(out, runs, b, bootstrap.resamples));
        w.flush();
        return 0;
    }
}
