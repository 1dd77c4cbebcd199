package io.github.occam.examples.mnist;

import io.github.occam.examples.support.InputException;
import io.github.occam.examples.support.OutputFolders;
import java.io.PrintWriter;
import java.nio.file.Files;
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
 * {@code analyze}: recomputes the optimum, the scaling slopes and the figures from a sweep's
 * {@code runs.csv}, without training. It reads {@code --in} (a sweep's folder or its
 * {@code runs.csv}) without changing it, so it may run while the sweep goes on, and writes into
 * {@code --out}, by default the folder it read. The older spelling, {@code --out} alone, reads
 * and writes that folder. Every budget of the file is analysed on its own, unless
 * {@code --time}, {@code --epochs} or {@code --updates} picks one. A {@code runs.csv} of an
 * earlier version (without the budget, time and diverged columns) is read too.
 *
 * <pre>{@code
 * java -jar mnist-shallow-net.jar analyze --in results --resamples 5000
 * java -jar mnist-shallow-net.jar analyze --in results/runs.csv --out elsewhere
 * }</pre>
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Recompute optimum.csv, scaling.csv and the figures from the runs.csv of a sweep.")
final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--in", paramLabel = "DIR|FILE",
            description = "The sweep to analyze: its --out folder, or its runs.csv.")
    Path in;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where the results go, created if missing (default: the folder of --in; "
                    + "alone, --out is also the folder read).")
    Path out;

    @ArgGroup(exclusive = true)
    SharedOptions.RunBudget budget;

    @Mixin
    SharedOptions.Resamples bootstrap;

    @Override
    public Integer call() throws Exception {
        if (in == null && out == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "analyze needs --in DIR, the folder (or the runs.csv) of a sweep");
        }
        int resamples = bootstrap.checked();
        Path source = in == null ? out : in;
        Path runsCsv = Files.isDirectory(source) ? source.resolve("runs.csv") : source;
        if (!Files.exists(runsCsv)) {
            throw new InputException((in == null ? "--out " : "--in ") + source + ": no runs.csv"
                    + (Files.isDirectory(source) ? " in this folder" : " there") + "; run a sweep into it first");
        }
        PrintWriter err = spec.commandLine().getErr();
        List<RunRecord> runs = RunsCsv.read(runsCsv, note -> err.println("note: " + note));
        err.flush();
        if (runs.isEmpty()) {
            throw new InputException("no runs in " + runsCsv);
        }
        Path target = out != null ? out : runsCsv.toAbsolutePath().getParent();
        OutputFolders.check("--out", target);
        SweepBudget only = budget == null ? null : budget.budget();
        PrintWriter w = spec.commandLine().getOut();
        w.print(Report.write(target, runs, only, resamples));
        if (Files.isDirectory(source) && Files.exists(source.resolve("evidence.csv"))) {
            Files.createDirectories(target);
            Files.copy(source.resolve("evidence.csv"), target.resolve("evidence.csv"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            w.print(EvidenceAnalysis.write(target));
        }
        w.flush();
        return 0;
    }
}
