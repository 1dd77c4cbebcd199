package io.github.occam.examples.mnist;

import io.github.occam.examples.support.AtomicFiles;
import io.github.occam.examples.support.ChartFiles;
import io.github.occam.noise.SgdNoiseScale;
import io.github.occam.noise.SgdSchedule;
import io.github.occam.data.Dataset;
import io.github.occam.sgd.EpochMetrics;
import io.github.occam.sgd.SgdSettings;
import io.github.occam.sgd.SgdSettings.Budget;
import io.github.occam.sgd.ShallowNetTrainer;
import io.github.occam.sgd.ThroughputBenchmark;
import io.github.occam.sgd.TrainingListener;
import io.github.occam.sgd.TrainingResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.knowm.xchart.XYChart;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Command line of the shallow-network experiment: {@code sweep} (the batch-size study),
 * {@code analyze} (recompute the optimum, the slopes and the figures from a {@code runs.csv}),
 * {@code schedule} (learning-rate decay against the equivalent batch-size increase) and
 * {@code bench} (training throughput, one JSON line).
 *
 * <pre>{@code
 * java -jar mnist-shallow-net.jar sweep --preset quick --out results
 * java -jar mnist-shallow-net.jar sweep --batch-sizes 16,32,64 --learning-rates 0.1 --seeds 1,2 --epochs 20
 * java -jar mnist-shallow-net.jar analyze --out results
 * java -jar mnist-shallow-net.jar bench --batch 128 --epochs 3
 * }</pre>
 */
@Command(name = "mnist-shallow-net", mixinStandardHelpOptions = true, version = "mnist-shallow-net 0.1.0",
        description = "The optimal SGD batch size of a 784-H-10 network on MNIST (Smith & Le 2018).",
        subcommands = {MnistShallowNet.Sweep.class, MnistShallowNet.Analyze.class, MnistShallowNet.Schedule.class,
                MnistShallowNet.Bench.class, CommandLine.HelpCommand.class})
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
     * returns the exit status: 0 on success, 2 for bad input (the message names the bad value).
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new MnistShallowNet())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    // bad values and unreadable files are the user's to fix: the message, not a stack trace
                    commandLine.getErr().println("error: " + e.getMessage());
                    commandLine.getErr().flush();
                    return e instanceof IllegalArgumentException || e instanceof IOException ? 2 : 1;
                })
                .execute(args);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** The budget options shared by {@code sweep} and {@code analyze}. */
    static final class BudgetOptions {
        @Option(names = "--epochs", description = "Budget of every run in epochs.")
        Integer epochs;

        @Option(names = "--updates", description = "Budget of every run in parameter updates.")
        Long updates;

        Budget budget() {
            return epochs != null ? Budget.epochs(epochs) : Budget.updates(updates);
        }
    }

    @Command(name = "sweep", mixinStandardHelpOptions = true,
            description = "Train a grid of runs (in parallel, resumable), then write runs.csv, optimum.csv, "
                    + "scaling.csv and the figures.")
    static final class Sweep implements Callable<Integer> {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--preset", defaultValue = "quick", description = "quick or paper (default: ${DEFAULT-VALUE}); "
                + "the options below replace the preset's values in each of its grids.")
        String preset;

        @Option(names = "--batch-sizes", split = ",", paramLabel = "B", description = "Batch sizes.")
        List<Integer> batchSizes;

        @Option(names = "--learning-rates", split = ",", paramLabel = "EPS", description = "Learning rates.")
        List<Double> learningRates;

        @Option(names = "--train-sizes", split = ",", paramLabel = "N", description = "Training-set sizes.")
        List<Integer> trainSizes;

        @Option(names = "--momenta", split = ",", paramLabel = "M", description = "Momentum coefficients in [0, 1).")
        List<Double> momenta;

        @Option(names = "--seeds", split = ",", paramLabel = "SEED", description = "Seeds.")
        List<Long> seeds;

        @ArgGroup(exclusive = true)
        BudgetOptions budget;

        @Option(names = "--hidden", defaultValue = "800", description = "Hidden units H (default: ${DEFAULT-VALUE}).")
        int hidden;

        @Option(names = "--lambda", defaultValue = "0", description = "L2 coefficient (default: ${DEFAULT-VALUE}).")
        double lambda;

        @Option(names = "--threads", description = "Runs in parallel (default: all cores).")
        Integer threads;

        @Option(names = "--out", defaultValue = "results", description = "Output directory (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--resamples", defaultValue = "1000", description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
        int resamples;

        @Option(names = "--no-progress", description = "No progress bar.")
        boolean noProgress;

        @CommandLine.Mixin
        DataMixin data;

        @Override
        public Integer call() throws Exception {
            List<SweepGrid> grids = new ArrayList<>();
            for (SweepGrid g : Presets.grids(preset)) {
                grids.add(SweepGrid.of(or(batchSizes, g.batchSizes()), or(learningRates, g.learningRates()),
                        or(trainSizes, g.trainSizes()), or(momenta, g.momenta()), or(seeds, g.seeds()),
                        budget == null ? g.budget() : budget.budget()));
            }
            List<RunKey> plan = SweepGrid.runs(grids);
            int pool = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            Digits digits = Digits.load(data.directory());
            for (RunKey key : plan) {
                digits.train(key.trainSize()); // every N must fit the data before anything runs
            }
            checkSameSettings(this.out, String.format(Locale.ROOT, "hidden=%d lambda=%s data=%s", hidden, lambda,
                    data.dir == null ? "bundled" : data.dir.toAbsolutePath().normalize()));
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%d runs (preset %s, H = %d, lambda = %s) on %s, %d in parallel, into %s%n",
                    plan.size(), preset, hidden, lambda, digits.description(), pool, out(this.out));
            out.flush();
            SweepRunner.Summary summary = SweepRunner.run(plan, this.out.resolve("runs.csv"), pool,
                    new TrainerRuns(digits, hidden, lambda), noProgress ? null : System.err);
            out.printf(Locale.ROOT, "%d runs done now, %d found in runs.csv, %.1f s%n", summary.ran(),
                    summary.skipped(), summary.seconds());
            Budget b = grids.get(0).budget();
            // every run of the directory under this budget, also those of earlier sweeps with other grids
            out.print(Report.write(this.out, RunsCsv.readAndRepair(this.out.resolve("runs.csv")), b, resamples));
            out.flush();
            return 0;
        }
    }

    /**
     * The key of a run in {@code runs.csv} holds B, eps, N, m, seed and budget, not H, lambda or
     * the data: a directory's first sweep records them in {@code sweep-settings.txt} and a later
     * sweep into the same directory must use the same ones, or its runs would be mixed with others.
     */
    static void checkSameSettings(Path dir, String settings) throws IOException {
        Path file = dir.resolve("sweep-settings.txt");
        if (Files.exists(file)) {
            String recorded = Files.readString(file).strip();
            if (!recorded.equals(settings)) {
                throw new IllegalArgumentException("--out " + dir + " holds runs made with " + recorded
                        + ", but this sweep has " + settings + "; choose another --out");
            }
        } else {
            AtomicFiles.writeString(file, settings + "\n");
        }
    }

    /** The {@code --data} and {@code --download} options as a mixin. */
    static final class DataMixin {
        @Option(names = "--data", paramLabel = "DIR", description = "Directory with the standard MNIST file names "
                + "(train-images-idx3-ubyte[.gz], ...; also Fashion-MNIST) instead of the bundled 10,000 digits.")
        Path dir;

        @Option(names = "--download", paramLabel = "CACHE", arity = "0..1", fallbackValue = "",
                description = "Download the official MNIST files (60,000 + 10,000 digits) into CACHE "
                        + "(default: ~/.cache/occam/mnist), verify their SHA-256, and use them.")
        String download;

        /** The directory to read, downloading into it first if asked; null for the bundled digits. */
        Path directory() throws java.io.IOException {
            if (download == null) {
                return dir;
            }
            if (dir != null) {
                throw new IllegalArgumentException("--data " + dir + " and --download " + download
                        + " exclude each other; choose one");
            }
            Path cache = download.isEmpty()
                    ? Path.of(System.getProperty("user.home"), ".cache", "occam", "mnist")
                    : Path.of(download);
            dir = io.github.occam.data.MnistDownload.into(cache).fetch();
            download = null;
            return dir;
        }
    }

    @Command(name = "analyze", mixinStandardHelpOptions = true,
            description = "Recompute optimum.csv, scaling.csv and the figures from DIR/runs.csv.")
    static final class Analyze implements Callable<Integer> {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--out", required = true, description = "Directory holding runs.csv.")
        Path out;

        @ArgGroup(exclusive = true)
        BudgetOptions budget;

        @Option(names = "--resamples", defaultValue = "1000", description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
        int resamples;

        @Override
        public Integer call() throws Exception {
            List<RunRecord> runs = RunsCsv.readAndRepair(out.resolve("runs.csv"));
            if (runs.isEmpty()) {
                throw new IllegalArgumentException("no runs in " + out.resolve("runs.csv"));
            }
            Budget b = budget == null ? OptimumAnalysis.soleBudget(runs) : budget.budget();
            PrintWriter w = spec.commandLine().getOut();
            w.print(Report.write(out, runs, b, resamples));
            w.flush();
            return 0;
        }
    }

    @Command(name = "schedule", mixinStandardHelpOptions = true,
            description = "Learning-rate step decay against the equivalent batch-size increase (same noise scale): "
                    + "both learning curves in schedule.csv and schedule.png/svg.")
    static final class Schedule implements Callable<Integer> {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--train-size", defaultValue = "1000", description = "N (default: ${DEFAULT-VALUE}).")
        int trainSize;

        @Option(names = "--batch-size", defaultValue = "16", description = "Starting B (default: ${DEFAULT-VALUE}).")
        int batchSize;

        @Option(names = "--learning-rate", defaultValue = "0.1", description = "Starting eps (default: ${DEFAULT-VALUE}).")
        double learningRate;

        @Option(names = "--momentum", defaultValue = "0.9", description = "m (default: ${DEFAULT-VALUE}).")
        double momentum;

        @Option(names = "--epochs", defaultValue = "30", description = "Epochs (default: ${DEFAULT-VALUE}).")
        int epochs;

        @Option(names = "--milestones", split = ",", defaultValue = "10,20",
                description = "Epochs where eps is divided (or B multiplied) by the factor (default: ${DEFAULT-VALUE}).")
        int[] milestones;

        @Option(names = "--factor", defaultValue = "4", description = "Decay factor (default: ${DEFAULT-VALUE}).")
        double factor;

        @Option(names = "--hidden", defaultValue = "800", description = "Hidden units H (default: ${DEFAULT-VALUE}).")
        int hidden;

        @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", defaultValue = "results", description = "Output directory (default: ${DEFAULT-VALUE}).")
        Path out;

        @CommandLine.Mixin
        DataMixin data;

        @Override
        public Integer call() throws Exception {
            SgdNoiseScale start = SgdNoiseScale.of(learningRate, trainSize, batchSize, momentum);
            Map<String, SgdSchedule> schedules = new LinkedHashMap<>();
            schedules.put("learning-rate decay", SgdSchedule.learningRateDecay(start, epochs, milestones, factor));
            schedules.put("batch-size increase", SgdSchedule.batchSizeIncrease(start, epochs, milestones, factor));
            Digits digits = Digits.load(data.directory());
            Dataset train = digits.train(trainSize);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Map<String, Future<List<EpochMetrics>>> curves = new LinkedHashMap<>();
            Map<String, Future<TrainingResult>> results = new LinkedHashMap<>();
            try {
                for (Map.Entry<String, SgdSchedule> e : schedules.entrySet()) {
                    SgdSettings settings = settingsOf(e.getValue(), hidden, seed);
                    List<EpochMetrics> curve = Collections.synchronizedList(new ArrayList<>());
                    TrainingListener listener = new TrainingListener() {
                        @Override
                        public boolean wantsTestMetrics() {
                            return true;
                        }

                        @Override
                        public void onEpoch(EpochMetrics metrics) {
                            curve.add(metrics);
                        }
                    };
                    Future<TrainingResult> result = pool.submit(() ->
                            ShallowNetTrainer.create().withThreads(1).train(train, digits.test(), settings, listener));
                    results.put(e.getKey(), result);
                    curves.put(e.getKey(), pool.submit(() -> {
                        result.get();
                        return List.copyOf(curve);
                    }));
                }
                StringBuilder csv = new StringBuilder("schedule,epoch,updates,learning_rate,batch_size,"
                        + "train_cross_entropy,test_accuracy,test_cross_entropy,seconds\n");
                Map<String, double[][]> byEpoch = new LinkedHashMap<>();
                Map<String, double[][]> byUpdates = new LinkedHashMap<>();
                PrintWriter w = spec.commandLine().getOut();
                for (String name : schedules.keySet()) {
                    List<EpochMetrics> curve = curves.get(name).get();
                    TrainingResult r = results.get(name).get();
                    double[][] e = new double[2][curve.size()];
                    double[][] u = new double[2][curve.size()];
                    for (int i = 0; i < curve.size(); i++) {
                        EpochMetrics m = curve.get(i);
                        csv.append(String.format(Locale.ROOT, "%s,%d,%d,%s,%d,%s,%s,%s,%s%n", name, m.epoch(),
                                m.updates(), m.learningRate(), m.batchSize(), m.trainCrossEntropy(),
                                m.testAccuracy(), m.testCrossEntropy(), m.seconds()));
                        e[0][i] = m.epoch();
                        u[0][i] = m.updates();
                        e[1][i] = 100 * m.testAccuracy();
                        u[1][i] = 100 * m.testAccuracy();
                    }
                    byEpoch.put(name, e);
                    byUpdates.put(name, u);
                    w.printf(Locale.ROOT, "%-20s final test accuracy %.2f%%, %d updates, %.1f s%n", name,
                            100 * r.testAccuracy(), r.updates(), r.seconds());
                }
                AtomicFiles.writeString(out.resolve("schedule.csv"), csv.toString());
                String title = String.format(Locale.ROOT, "N %d, m %s, start eps %s B %d, factor %s at %s",
                        trainSize, momentum, learningRate, batchSize, factor, Arrays.toString(milestones));
                XYChart vsEpoch = Charts.lines("Test accuracy against epoch", "epoch (" + title + ")",
                        "test accuracy (%)", byEpoch);
                XYChart vsUpdates = Charts.lines("Test accuracy against updates", "parameter updates (" + title + ")",
                        "test accuracy (%)", byUpdates);
                ChartFiles.save(out, "schedule-vs-epoch", vsEpoch);
                ChartFiles.save(out, "schedule-vs-updates", vsUpdates);
                ChartFiles.savePng(out.resolve("schedule.png"), List.of(vsEpoch, vsUpdates));
                w.printf(Locale.ROOT, "wrote %s, schedule.png, schedule-vs-epoch.{png,svg}, schedule-vs-updates.{png,svg}%n",
                        out.resolve("schedule.csv"));
                w.flush();
            } finally {
                pool.shutdownNow();
            }
            return 0;
        }

        /** The trainer's settings for {@code schedule}: its first phase, then one phase per change. */
        static SgdSettings settingsOf(SgdSchedule schedule, int hidden, long seed) {
            return SgdSettings.defaults().withHiddenUnits(hidden).withSeed(seed).withSchedule(schedule);
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Training throughput of the 784-800-10 network (float32, eps 0.1, m 0.9, one untimed "
                    + "warm-up epoch); prints one JSON line in the format of mlp_baseline.py.")
    static final class Bench implements Callable<Integer> {

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--batch", required = true, description = "Batch size B.")
        int batch;

        @Option(names = "--epochs", defaultValue = "3", description = "Timed epochs (default: ${DEFAULT-VALUE}).")
        int epochs;

        @Option(names = "--train-size", defaultValue = "1000", description = "N (default: ${DEFAULT-VALUE}).")
        int trainSize;

        @CommandLine.Mixin
        DataMixin data;

        @Override
        public Integer call() throws Exception {
            Digits digits = Digits.load(data.directory());
            ThroughputBenchmark.Result r = ThroughputBenchmark.measure(digits.train(trainSize), digits.test(), batch,
                    epochs);
            PrintWriter w = spec.commandLine().getOut();
            w.println(r.toJson());
            w.flush();
            return 0;
        }
    }

    private static <T> List<T> or(List<T> given, List<T> preset) {
        return given == null || given.isEmpty() ? preset : given;
    }

    private static String out(Path dir) {
        return dir.toAbsolutePath().normalize().toString();
    }
}
