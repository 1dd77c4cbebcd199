package io.github.occam.examples.mnist;

import io.github.occam.examples.support.AtomicFiles;
import io.github.occam.examples.support.InputException;
import io.github.occam.examples.support.OutputFolders;
import io.github.occam.examples.support.OutputLock;
import io.github.occam.examples.support.ProgressOption;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sweep}: trains the runs of a preset's grids (or of the grid the options give), in
 * parallel and resumable, appending each to {@code runs.csv}, then writes the optimum, the
 * scaling slopes and the figures ({@link Report}).
 *
 * <p>Every option is checked, the data read and the memory of the networks estimated before
 * anything is written into {@code --out}: a rejected sweep leaves nothing behind. One sweep at a
 * time trains into a folder ({@link OutputLock}); a second one is refused.
 *
 * <pre>{@code
 * java -jar mnist-shallow-net.jar sweep --preset quick --out results
 * java -jar mnist-shallow-net.jar sweep --batch-sizes 16,32,64 --learning-rates 0.1 --seeds 1,2 --time 2000
 * }</pre>
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Train a grid of runs (in parallel, resumable), then write runs.csv, optimum.csv, "
                + "scaling.csv and the figures.")
public class SweepCommand implements Callable<Integer> {

    /**
     * Where the runs of a sweep execute: the local sweep's pool of threads, or a cluster. What a
     * run computes ({@link RunComputation}) and how its outputs reach the files
     * ({@link SweepRunner}) are the same for all.
     */
    public interface Execution extends AutoCloseable {

        /** Runs one run and returns its outcome; called from up to {@link #parallelism()} threads. */
        SweepRunner.RunExecutor executor();

        /** How many runs are under way at once. */
        int parallelism();

        /** Says where the runs go, for the sweep's first line ("2 in parallel"). */
        String description();

        @Override
        default void close() {
        }
    }

    /**
     * Returns where the runs execute: here, {@code threads} runs at a time (all cores when null).
     * A sweep on a cluster overrides it; called after every option and the data are checked,
     * before anything is written.
     *
     * @param computation what one run computes
     * @param threads     the {@code --threads} option, or null
     * @throws IOException (an {@code InputException}) if an option of the execution is bad
     */
    protected Execution execution(RunComputation computation, Integer threads) throws IOException {
        int pool = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        return new Execution() {
            @Override
            public SweepRunner.RunExecutor executor() {
                return computation::compute;
            }

            @Override
            public int parallelism() {
                return pool;
            }

            @Override
            public String description() {
                return pool + " in parallel";
            }
        };
    }

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

    @Option(names = "--seeds", split = ",", paramLabel = "SEED", description = "Seeds; each draws its own "
            + "training subset of N digits from the pool, its initialization and its batch order.")
    List<Long> seeds;

    @ArgGroup(exclusive = true)
    SharedOptions.RunBudget budget;

    @Mixin
    SharedOptions.Hidden network;

    @Option(names = "--lambda", defaultValue = "0", description = "L2 coefficient (default: ${DEFAULT-VALUE}).")
    double lambda;

    @Option(names = "--save-weights", paramLabel = "DIR", description = "Write each run's final network to "
            + "DIR as float64 .npy (the layout of spectrum --weights), named by its key.")
    Path saveWeights;

    @Option(names = "--evidence", description = "After each run, E/N of the final network with its error, its "
            + "depth and breadth, and the measured B_simple, into evidence.csv; a chart against B.")
    boolean evidence;

    /** The curvature of --evidence. */
    enum EvidenceCurvature { ggn, hessian }

    /** Where --evidence is taken. */
    enum EvidencePoint { minimum, end }

    @Option(names = "--evidence-curvature", defaultValue = "ggn", description = "ggn (exact through the dual "
            + "matrix where it fits in memory, SLQ above) or hessian (exact up to P = 3000, SLQ above) (default: "
            + "${DEFAULT-VALUE}).")
    EvidenceCurvature evidenceCurvature;

    @Option(names = "--evidence-point", defaultValue = "minimum", description = "minimum (the end point polished "
            + "to the nearest minimum of C first) or end (the end point as it is) (default: ${DEFAULT-VALUE}).")
    EvidencePoint evidencePoint;

    @Option(names = "--evidence-lambda", description = "The lambda of --evidence (default: --lambda if > 0, "
            + "else 0.01).")
    Double evidenceLambda;

    @Option(names = "--threads", description = "Runs in parallel (default: all cores).")
    Integer threads;

    @Mixin
    SharedOptions.Output output;

    @Mixin
    SharedOptions.Resamples bootstrap;

    @Mixin
    ProgressOption progress;

    @Mixin
    SharedOptions.Data data;

    /** The names in the messages of the grid's checks, to the options that give the values. */
    private static final Map<String, String> GRID_OPTIONS = Map.of("preset", "--preset",
            "batch sizes", "--batch-sizes", "learning rates", "--learning-rates", "learningRate", "--learning-rates",
            "train sizes", "--train-sizes", "momenta", "--momenta", "momentum", "--momenta", "seeds", "--seeds");

    @Override
    public Integer call() throws Exception {
        Path dir = output.out;
        int hidden = network.hidden;
        List<SweepGrid> grids = OptionNames.named(GRID_OPTIONS, () -> {
            List<SweepGrid> given = new ArrayList<>();
            for (SweepGrid g : Presets.grids(preset)) {
                given.add(SweepGrid.of(or(batchSizes, g.batchSizes()), or(learningRates, g.learningRates()),
                        or(trainSizes, g.trainSizes()), or(momenta, g.momenta()), or(seeds, g.seeds()),
                        budget == null ? g.budget() : budget.budget()));
            }
            return given;
        });
        List<RunKey> plan = SweepGrid.runs(grids);
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        int pool = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (!(lambda >= 0.0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("--lambda must be finite and >= 0, got " + lambda);
        }
        int resamples = bootstrap.checked();
        OutputFolders.check("--out", dir);
        checkNotLegacy(dir.resolve("runs.csv"));
        Digits digits = Digits.load(data.directory());
        // every N must fit the data before anything runs
        Map<String, String> sizeOption = Map.of("train size N",
                trainSizes != null ? "--train-sizes" : "--preset " + preset + ": train size N");
        plan.stream().mapToInt(RunKey::trainSize).distinct()
                .forEach(n -> OptionNames.named(sizeOption, () -> digits.checkTrainSize(n)));
        network.check(digits.pool().featureCount(), digits.pool().classCount(),
                plan.stream().mapToInt(RunKey::batchSize).max().orElse(1), Math.min(pool, plan.size()));
        double stated = evidenceLambda != null ? evidenceLambda : lambda > 0 ? lambda : 0.01;
        if (!(stated > 0.0) || Double.isInfinite(stated)) {
            throw new IllegalArgumentException("--evidence-lambda must be finite and > 0, got " + stated);
        }
        if (evidence) {
            RunEvidence.checkHeader(dir.resolve("evidence.csv"));     // before anything is written
        }
        RunComputation computation = RunComputation.of(digits, data.dir, hidden, lambda);
        if (evidence) {
            computation = computation.withEvidence(new RunEvidence.Settings(stated,
                    evidenceCurvature == EvidenceCurvature.ggn, evidencePoint == EvidencePoint.minimum));
        }
        if (saveWeights != null) {
            computation = computation.withWeights();
        }
        SavedWeights saved = saveWeights == null ? null : SavedWeights.in(saveWeights);
        Path evidenceCsv = evidence ? dir.resolve("evidence.csv") : null;
        SweepRunner.Extras extras = outcome -> {
            // before the run's record: a run in runs.csv has its other outputs
            if (evidenceCsv != null && outcome.evidenceLine() != null) {
                RunEvidence.append(evidenceCsv, outcome.evidenceLine());
            }
            if (saved != null && outcome.weights() != null) {
                saved.save(SavedWeights.name(outcome.record().key()), outcome.weights());
            }
        };
        String settings = String.format(Locale.ROOT, "hidden=%d lambda=%s data=%s %s", hidden, lambda,
                data.dir == null ? "bundled" : data.dir.toAbsolutePath().normalize(), TRAIN_SETS);
        checkSameSettings(dir, settings, false);
        // where the runs go is settled before anything is written: a cluster that cannot be
        // reached leaves the folder as it was
        try (Execution execution = execution(computation, threads)) {
            OutputLock lock = OutputLock.acquire(dir, "sweep");
            try {
                checkSameSettings(dir, settings, true);
                PrintWriter out = spec.commandLine().getOut();
                out.printf(Locale.ROOT, "%d runs (preset %s, H = %d, lambda = %s) on %s, %s, into %s%n",
                        plan.size(), preset, hidden, lambda, digits.description(), execution.description(),
                        dir.toAbsolutePath().normalize());
                out.flush();
                if (evidence) {
                    // evidence lines of runs that a kill kept out of runs.csv are dropped: made again
                    RunEvidence.repair(evidenceCsv, RunsCsv.readAndRepair(dir.resolve("runs.csv")));
                }
                SweepRunner.Summary summary = SweepRunner.run(plan, dir.resolve("runs.csv"),
                        execution.parallelism(), execution.executor(), extras,
                        progress.enabled() ? System.err : null);
                // the same files whatever order the runs finished in, here or on a cluster
                RunsCsv.sortByKey(dir.resolve("runs.csv"));
                if (evidence) {
                    RunsCsv.sortByKey(evidenceCsv);
                }
                out.printf(Locale.ROOT, "%d runs done now, %d found in runs.csv, %.1f s%n", summary.ran(),
                        summary.skipped(), summary.seconds());
                // every run of the directory, also those of earlier sweeps with other grids and budgets,
                // each budget analysed on its own
                out.print(Report.write(dir, RunsCsv.readAndRepair(dir.resolve("runs.csv")), null, resamples));
                if (evidence) {
                    out.print(EvidenceAnalysis.write(dir));
                }
                out.flush();
            } finally {
                lock.close();
            }
        }
        return 0;
    }

    /**
     * How the training sets are drawn, recorded with the other settings: a folder of an earlier
     * version, whose runs trained on the first N digits, does not take runs of this one.
     */
    static final String TRAIN_SETS = "train=subset-per-seed";

    /**
     * A {@code runs.csv} of an earlier version (without the budget, time and diverged columns)
     * is refused before anything is written: its runs trained on the first N digits.
     */
    private static void checkNotLegacy(Path runsCsv) throws IOException {
        if (Files.isRegularFile(runsCsv) && Files.size(runsCsv) > 0) {
            String first;
            try (var lines = Files.lines(runsCsv)) {
                first = lines.findFirst().orElse("").strip();
            }
            if (first.equals(RunsCsv.LEGACY_HEADER)) {
                throw new InputException("--out " + runsCsv.getParent() + " holds a runs.csv of an earlier version "
                        + "(no budget, time or diverged column; its runs trained on the first N digits): a sweep "
                        + "cannot add runs to it, choose another --out (analyze still reads it)");
            }
        }
    }

    /**
     * The key of a run in {@code runs.csv} holds B, eps, N, m, seed and budget, not H, lambda,
     * the data or how the training sets are drawn: a directory's first sweep records them in
     * {@code sweep-settings.txt} and a later sweep into the same directory must use the same ones,
     * or its runs would be mixed with others.
     *
     * @param record whether to write the settings where none are recorded (under the folder's
     *               lock, after every other check); false only reads
     */
    static void checkSameSettings(Path dir, String settings, boolean record) throws IOException {
        Path file = dir.resolve("sweep-settings.txt");
        if (Files.exists(file)) {
            String recorded = Files.readString(file).strip();
            if (!recorded.equals(settings)) {
                throw new IllegalArgumentException("--out " + dir + " holds runs made with " + recorded
                        + ", but this sweep has " + settings + "; choose another --out");
            }
        } else if (record) {
            AtomicFiles.writeString(file, settings + "\n");
        }
    }

    private static <T> List<T> or(List<T> given, List<T> preset) {
        return given == null || given.isEmpty() ? preset : given;
    }
}
