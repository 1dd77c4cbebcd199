package io.github.occam.examples.logistic;

import io.github.occam.examples.support.ProgressBars;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The command line of the logistic-regression experiment (Smith &amp; Le, Section 3, Figures 1
 * and 2): trains L2-regularized logistic regression on random and on informative labels over a
 * grid of lambda, writes {@code results.csv} and the two figures into {@code --out}, and prints
 * a summary.
 *
 * <pre>{@code
 * java -jar examples/logistic-regression/target/logistic-regression.jar --out results
 * java -jar logistic-regression.jar --train-csv train.csv --test-csv test.csv --standardize --bias
 * }</pre>
 *
 * <p>Exit codes: 0 success, 1 unreadable or malformed data or an output error, 2 bad options.
 */
@Command(name = "logistic-regression", mixinStandardHelpOptions = true,
        version = "Occam logistic-regression experiment 0.1.0",
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Reproduces Smith & Le, Figures 1 and 2: L2 logistic regression on random and "
                + "informative labels, its accuracy, cross-entropy and log evidence ratio E over a "
                + "grid of the regularization coefficient lambda.",
            "Writes results.csv, figure1-accuracy.{png,svg} and "
                + "figure2-cross-entropy-evidence.{png,svg} into --out and prints a summary."})
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

    @Option(names = "--bias", description = "Add an intercept (the paper's model has none, P = d).")
    private boolean bias;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results",
            description = "Output directory, created if missing (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--train-csv", paramLabel = "FILE",
            description = "Your own training data instead of the synthetic tasks: CSV without "
                    + "header, first column the 0/1 label, then the features. Needs --test-csv.")
    private Path trainCsv;

    @Option(names = "--test-csv", paramLabel = "FILE",
            description = "Your own test data, same format and feature count as --train-csv.")
    private Path testCsv;

    @Option(names = "--standardize",
            description = "Scale --train-csv/--test-csv features to mean 0, variance 1 per column, "
                    + "with the training set's statistics (default: use them as given).")
    private boolean standardize;

    @Option(names = "--dimension", paramLabel = "D", defaultValue = "200",
            description = "Synthetic input dimension (default: ${DEFAULT-VALUE}).")
    private int dimension;

    @Option(names = "--train-size", paramLabel = "N", defaultValue = "200",
            description = "Synthetic training examples (default: ${DEFAULT-VALUE}).")
    private int trainSize;

    @Option(names = "--test-size", paramLabel = "M", defaultValue = "10000",
            description = "Synthetic test examples (default: ${DEFAULT-VALUE}).")
    private int testSize;

    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Show a progress bar on standard error (default: on).")
    private boolean progress;

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
        System.exit(commandLine(new LogisticRegressionExperiment()).execute(args));
    }

    /** Returns the picocli command line for {@code command}, enum values case-insensitive. */
    static CommandLine commandLine(LogisticRegressionExperiment command) {
        return new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        double[] grid = checkedLambdas();
        checkOptions();
        long start = System.nanoTime();
        try {
            List<Task> tasks = tasks();
            Files.createDirectories(out);
            List<ResultRow> rows = sweep(tasks, grid);
            Path table = out.resolve("results.csv");
            ResultsCsv.write(table, rows);
            List<Path> figures = Figures.write(out, rows);
            double seconds = (System.nanoTime() - start) * 1e-9;
            describe(stdout, tasks, grid, rows, table, figures, seconds);
            stdout.flush();
            return 0;
        } catch (IOException e) {
            stderr.println("error: " + e.getMessage());
            stderr.flush();
            return 1;
        }
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

    private void checkOptions() {
        if ((trainCsv == null) != (testCsv == null)) {
            throw new ParameterException(spec.commandLine(), "--train-csv and --test-csv go "
                    + "together, got only " + (trainCsv == null ? "--test-csv " + testCsv
                            : "--train-csv " + trainCsv));
        }
        if (trainCsv != null) {
            for (String synthetic : List.of("--seed", "--labels", "--dimension", "--train-size",
                    "--test-size")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(synthetic)) {
                    throw new ParameterException(spec.commandLine(), synthetic + " applies to the "
                            + "synthetic data, not to --train-csv " + trainCsv);
                }
            }
        }
        if (standardize && trainCsv == null) {
            throw new ParameterException(spec.commandLine(), "--standardize applies to "
                    + "--train-csv/--test-csv data; the synthetic inputs are already normalized");
        }
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
    }

    private List<Task> tasks() throws IOException {
        if (trainCsv != null) {
            BinaryLabelledSet train = CsvData.read(trainCsv);
            BinaryLabelledSet test = CsvData.read(testCsv);
            if (train.dimension() != test.dimension()) {
                throw new CsvFormatException(testCsv, 0, "has " + test.dimension()
                        + " features per example but " + trainCsv + " has " + train.dimension());
            }
            if (standardize) {
                Standardizer scaling = Standardizer.fit(train.features());
                train = scaling.apply(train);
                test = scaling.apply(test);
            }
            return List.of(new Task("csv", train, test));
        }
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
        if (!progress) {
            return Sweep.run(tasks, grid, bias, evaluator, () -> { });
        }
        try (ProgressBar bar = ProgressBars.ascii("lambda grid", (long) tasks.size() * grid.length,
                System.err)) {
            return Sweep.run(tasks, grid, bias, evaluator, bar::step);
        }
    }

    private void describe(PrintWriter stdout, List<Task> tasks, double[] grid,
            List<ResultRow> rows, Path table, List<Path> figures, double seconds) {
        Task first = tasks.get(0);
        stdout.printf(Locale.ROOT, "Logistic regression, d = %d, %d training and %d test examples,"
                + " %s, %d lambdas from %s to %s%n", first.train().dimension(),
                first.train().size(), first.test().size(), bias ? "with bias" : "no bias",
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
