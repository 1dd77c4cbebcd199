package io.github.occam.examples.logistic;

import io.github.occam.examples.support.CommandErrors;
import io.github.occam.examples.support.InputException;
import io.github.occam.examples.support.Memory;
import io.github.occam.examples.support.OutputFolders;
import io.github.occam.examples.support.ProgressOption;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The command line of the logistic-regression experiment (Smith &amp; Le, Section 3, Figures 1
 * and 2): trains L2-regularized logistic regression on random and on informative labels over a
 * grid of lambda, writes {@code results.csv} and the two figures into {@code --out}, and prints
 * a summary. With {@code --train-csv} it computes the evidence of the user's own data instead
 * ({@link DataRun}, options in {@link DataOptions}).
 *
 * <pre>{@code
 * java -jar examples/logistic-regression/target/logistic-regression.jar --out results
 * java -jar logistic-regression.jar --train-csv train.csv
 * java -jar logistic-regression.jar --train-csv train.csv --test-csv test.csv --standardize --bias
 * }</pre>
 *
 * <p>Every option and input file is checked before anything is written. Exit codes
 * ({@link CommandErrors}): 0 success; 2 a bad option or data file, one line naming it; 1 a
 * failed computation, too little memory or an output error, one line too.
 */
@Command(name = "logistic-regression", mixinStandardHelpOptions = true,
        version = "Occam logistic-regression experiment 0.1.0",
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Reproduces Smith & Le, Figures 1 and 2: L2 logistic regression on random and "
                + "informative labels, its accuracy, cross-entropy and log evidence ratio E over a "
                + "grid of the regularization coefficient lambda.",
            "Writes results.csv, figure1-accuracy.{png,svg} and "
                + "figure2-cross-entropy-evidence.{png,svg} into --out and prints a summary.",
            "With --train-csv: the evidence of your own data, the lambda of maximum evidence "
                + "and its search (lambda-search.csv) besides."})
public final class LogisticRegressionExperiment implements Callable<Integer> {

    /** The labels to run on synthetic data. */
    enum LabelChoice { random, informative, both }

    @Spec
    private CommandSpec spec;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42",
            description = "Seed of the synthetic inputs and random labels (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--lambdas", paramLabel = "LAMBDA", split = ",",
            description = "Regularization coefficients to evaluate, each > 0. Default: 21 values, "
                    + "4 per decade from 0.001 to 100.")
    private double[] lambdas;

    @Option(names = "--labels", paramLabel = "SET", defaultValue = "both",
            description = "Synthetic label sets: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private LabelChoice labels;

    @Option(names = "--bias", negatable = true, description = "Add an intercept: on by default for "
            + "your CSV data (--no-bias to leave it out), off for the paper's synthetic experiment (its "
            + "model has none, P = d).")
    private Boolean biasOption;

    /** Whether the models get an intercept: the option, else yes for CSV data, no for the paper's. */
    private boolean bias() {
        return biasOption != null ? biasOption : data.trainCsv != null;
    }

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results",
            description = "Output directory, created if missing (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Mixin
    private DataOptions data;

    @Option(names = "--dimension", paramLabel = "D", defaultValue = "200",
            description = "Synthetic input dimension (default: ${DEFAULT-VALUE}).")
    private int dimension;

    @Option(names = "--train-size", paramLabel = "N", defaultValue = "200",
            description = "Synthetic training examples (default: ${DEFAULT-VALUE}).")
    private int trainSize;

    @Option(names = "--test-size", paramLabel = "M", defaultValue = "10000",
            description = "Synthetic test examples (default: ${DEFAULT-VALUE}).")
    private int testSize;

    @Mixin
    private ProgressOption progress;

    private final Evaluator evaluator;

    /** Creates the command with the real evaluation ({@link EvidenceEvaluator}). */
    public LogisticRegressionExperiment() {
        this(new EvidenceEvaluator());
    }

    /** Creates the command with the given evaluation, for tests. */
    LogisticRegressionExperiment(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the options, see {@code --help}
     */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        CommandLine commandLine = commandLine(new LogisticRegressionExperiment());
        System.exit(CommandErrors.execute(commandLine, args));
    }

    /**
     * Returns the picocli command line for {@code command}, enum values case-insensitive, every
     * failure one line ({@link CommandErrors}).
     */
    static CommandLine commandLine(LogisticRegressionExperiment command) {
        return CommandErrors.install(new CommandLine(command)
                .setCaseInsensitiveEnumValuesAllowed(true));
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        double[] grid = checkedLambdas();
        checkOptions();
        if (data.trainCsv != null) {
            return new DataRun(data, grid, bias(), out, progress, stdout,
                    spec.commandLine().getErr()).run();
        }
        long start = System.nanoTime();
        List<Task> tasks = tasks();
        List<ResultRow> rows = sweep(tasks, grid);
        List<Path> files = OutputFolder.replace(out, rows, written -> { });
        Path table = files.get(0);
        List<Path> figures = files.subList(1, files.size());
        double seconds = (System.nanoTime() - start) * 1e-9;
        describe(stdout, tasks, grid, rows, table, figures, seconds);
        stdout.flush();
        return 0;
    }

    private double[] checkedLambdas() {
        if (lambdas == null) {
            return Sweep.defaultLambdas();
        }
        if (lambdas.length == 0) {
            throw new ParameterException(spec.commandLine(), "--lambdas needs at least one value");
        }
        double[] sorted = lambdas.clone();
        for (double lambda : sorted) {
            if (!(lambda > 0.0) || Double.isInfinite(lambda)) {
                throw new ParameterException(spec.commandLine(),
                        "--lambdas: every lambda must be finite and > 0, got " + lambda);
            }
        }
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw new ParameterException(spec.commandLine(),
                        "--lambdas: lambda " + sorted[i] + " is given twice");
            }
        }
        return sorted;
    }

    private void checkOptions() throws IOException {
        if (data.trainCsv != null) {
            for (String synthetic : List.of("--seed", "--labels", "--dimension", "--train-size",
                    "--test-size")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(synthetic)) {
                    throw new ParameterException(spec.commandLine(), synthetic + " applies to the "
                            + "synthetic data, not to --train-csv " + data.trainCsv);
                }
            }
            checkInput("--train-csv", data.trainCsv);
            checkInput("--test-csv", data.testCsv);
            checkInput("--predict-csv", data.predictCsv);
        } else {
            List<String> given = DataOptions.given(spec.commandLine().getParseResult());
            if (!given.isEmpty()) {
                throw new ParameterException(spec.commandLine(), given.get(0) + " applies to "
                        + "your own data, --train-csv FILE, not to the synthetic tasks");
            }
        }
        OutputFolders.check("--out", out);
        if (dimension < 1) {
            throw new ParameterException(spec.commandLine(), "--dimension must be >= 1, got "
                    + dimension);
        }
        if (trainSize < 2) {
            throw new ParameterException(spec.commandLine(), "--train-size must be >= 2, got "
                    + trainSize);
        }
        if (testSize < 1) {
            throw new ParameterException(spec.commandLine(), "--test-size must be >= 1, got "
                    + testSize);
        }
        if (data.trainCsv == null) {
            checkMemory();
        }
    }

    /** Refuses a path that is not a readable file, naming the option. */
    private static void checkInput(String option, Path file) throws InputException {
        if (file == null) {
            return;
        }
        if (!Files.exists(file)) {
            throw new InputException(option + " " + file + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new InputException(option + " " + file + " is a directory, not a CSV file");
        }
        if (!Files.isReadable(file)) {
            throw new InputException(option + " " + file + ": permission denied");
        }
    }

    /**
     * Refuses synthetic tasks that cannot fit in memory: the inputs (drawn, normalized and
     * copied into the models) and one exact Hessian per parallel evaluation.
     */
    private void checkMemory() {
        long p = dimension + (bias() ? 1L : 0L);
        long inputs = Memory.product((long) trainSize + testSize, dimension, Double.BYTES,
                CsvData.DATA_COPIES);
        long hessians = Memory.product(p, p, Double.BYTES, 3,
                Runtime.getRuntime().availableProcessors());
        Memory.require(String.format(Locale.ROOT, "--dimension %d with --train-size %d and "
                + "--test-size %d", dimension, trainSize, testSize), Memory.sum(inputs, hessians));
    }

    private List<Task> tasks() {
        SyntheticTasks synthetic = SyntheticTasks.generate(dimension, trainSize, testSize, seed);
        List<Task> tasks = new ArrayList<>();
        if (labels != LabelChoice.informative) {
            tasks.add(synthetic.random());
        }
        if (labels != LabelChoice.random) {
            tasks.add(synthetic.informative());
        }
        return tasks;
    }

    private List<ResultRow> sweep(List<Task> tasks, double[] grid) {
        Evaluator guarded = Guarded.evaluator(evaluator);
        try (ProgressBar bar = progress.open("lambda grid", (long) tasks.size() * grid.length)) {
            return Sweep.run(tasks, grid, bias(), guarded, bar == null ? () -> { } : bar::step);
        }
    }

    private void describe(PrintWriter stdout, List<Task> tasks, double[] grid,
            List<ResultRow> rows, Path table, List<Path> figures, double seconds) {
        Task first = tasks.get(0);
        stdout.printf(Locale.ROOT, "Logistic regression, d = %d, %d training and %d test examples,"
                + " %s, %d lambdas from %s to %s%n", first.train().dimension(),
                first.train().size(), first.test().size(), bias() ? "with bias" : "no bias",
                grid.length, Summary.lambda(grid[0]), Summary.lambda(grid[grid.length - 1]));
        stdout.println();
        for (Summary summary : Summary.of(rows)) {
            stdout.print(summary.format());
            stdout.println();
        }
        stdout.println("Wrote " + table);
        for (Path figure : figures) {
            stdout.println("Wrote " + figure);
        }
        stdout.printf(Locale.ROOT, "Done in %.1f s%n", seconds);
    }
}
