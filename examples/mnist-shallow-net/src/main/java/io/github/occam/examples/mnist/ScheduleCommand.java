package io.github.occam.examples.mnist;

import io.github.occam.data.Dataset;
import io.github.occam.examples.support.AtomicFiles;
import io.github.occam.examples.support.ChartFiles;
import io.github.occam.examples.support.OutputFolders;
import io.github.occam.noise.SgdNoiseScale;
import io.github.occam.noise.SgdSchedule;
import io.github.occam.sgd.EpochMetrics;
import io.github.occam.sgd.SgdSettings;
import io.github.occam.sgd.ShallowNetTrainer;
import io.github.occam.sgd.TrainingListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.knowm.xchart.XYChart;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code schedule}: trains the same network with a learning-rate step decay and with the
 * batch-size increase of the same noise scale, once per seed, and writes every learning curve to
 * {@code schedule.csv}, the mean curves (error bars one standard deviation over seeds) to the
 * figures, and the final test accuracies with their spread. A seed draws the training subset
 * ({@link Digits#train(int, long)}), the initialization and the batch order, the same for both
 * schedules, so the two are compared seed by seed.
 *
 * <pre>{@code
 * java -jar mnist-shallow-net.jar schedule --epochs 30 --milestones 10,20 --factor 4 --seeds 1,2,3 --out results
 * }</pre>
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "Learning-rate step decay against the equivalent batch-size increase (same noise scale), "
                + "over several seeds: every learning curve in schedule.csv, the mean curves in schedule.png/svg.")
final class ScheduleCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    SharedOptions.TrainSize train;

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

    @Mixin
    SharedOptions.Hidden network;

    @Option(names = "--seeds", split = ",", defaultValue = "1,2,3", paramLabel = "SEED",
            description = "Seeds; each draws its training subset, initialization and batch order, the same for "
                    + "both schedules (default: ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(names = "--threads", description = "Runs in parallel (default: all cores).")
    Integer threads;

    @Mixin
    SharedOptions.Output output;

    @Mixin
    SharedOptions.Data data;

    /** One run: a schedule and a seed. */
    private record Run(String schedule, long seed) {
    }

    /** The library's names of the values this command's options give, to the options. */
    private static final Map<String, String> OPTIONS = Map.of("learningRate", "--learning-rate",
            "trainingSetSize", "--train-size", "train size N", "--train-size", "batchSize", "--batch-size",
            "momentum", "--momentum", "epochs", "--epochs", "milestones", "--milestones", "decayFactor", "--factor");

    @Override
    public Integer call() throws Exception {
        int trainSize = train.trainSize;
        Path out = output.out;
        Map<String, SgdSchedule> schedules = OptionNames.named(OPTIONS, () -> {
            SgdNoiseScale start = SgdNoiseScale.of(learningRate, trainSize, batchSize, momentum);
            Map<String, SgdSchedule> both = new LinkedHashMap<>();
            both.put("learning-rate decay", SgdSchedule.learningRateDecay(start, epochs, milestones, factor));
            both.put("batch-size increase", SgdSchedule.batchSizeIncrease(start, epochs, milestones, factor));
            return both;
        });
        List<Long> seedList = List.copyOf(new LinkedHashSet<>(seeds));
        int pool = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (pool < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + pool);
        }
        OutputFolders.check("--out", out);        // before the training, not after it
        Digits digits = Digits.load(data.directory());
        OptionNames.named(OPTIONS, () -> digits.checkTrainSize(trainSize)); // before anything runs
        int largestBatch = schedules.values().stream().flatMap(schedule -> schedule.phases().stream())
                .mapToInt(phase -> phase.settings().batchSize()).max().orElse(batchSize);
        int runs = schedules.size() * seedList.size();
        network.check(digits.pool().featureCount(), digits.pool().classCount(), largestBatch, Math.min(pool, runs));
        ExecutorService executor = Executors.newFixedThreadPool(Math.min(pool, runs));
        Map<Run, Future<List<EpochMetrics>>> curves = new LinkedHashMap<>();
        try {
            for (long seed : seedList) {
                Dataset trainSet = digits.train(trainSize, seed);
                for (Map.Entry<String, SgdSchedule> e : schedules.entrySet()) {
                    SgdSettings settings = settingsOf(e.getValue(), seed);
                    curves.put(new Run(e.getKey(), seed), executor.submit(() -> {
                        List<EpochMetrics> curve = new ArrayList<>();
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
                        ShallowNetTrainer.create().withHiddenUnits(network.hidden).withThreads(1)
                                .train(trainSet, digits.test(), settings, listener);
                        return List.copyOf(curve);
                    }));
                }
            }
            StringBuilder csv = new StringBuilder("schedule,seed,epoch,updates,learning_rate,batch_size,"
                    + "train_cross_entropy,test_accuracy,test_cross_entropy,seconds\n");
            Map<Run, List<EpochMetrics>> done = new LinkedHashMap<>();
            for (Map.Entry<Run, Future<List<EpochMetrics>>> e : curves.entrySet()) {
                List<EpochMetrics> curve = e.getValue().get();
                done.put(e.getKey(), curve);
                for (EpochMetrics m : curve) {
                    csv.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%s,%d,%s,%s,%s,%s%n", e.getKey().schedule(),
                            e.getKey().seed(), m.epoch(), m.updates(), m.learningRate(), m.batchSize(),
                            m.trainCrossEntropy(), m.testAccuracy(), m.testCrossEntropy(), m.seconds()));
                }
            }
            AtomicFiles.writeString(out.resolve("schedule.csv"), csv.toString());
            PrintWriter w = spec.commandLine().getOut();
            Map<String, double[][]> byEpoch = new LinkedHashMap<>();
            Map<String, double[][]> byUpdates = new LinkedHashMap<>();
            Map<String, double[]> finals = new LinkedHashMap<>();
            for (String name : schedules.keySet()) {
                List<List<EpochMetrics>> runsOf = new ArrayList<>();
                for (long seed : seedList) {
                    runsOf.add(done.get(new Run(name, seed)));
                }
                int length = runsOf.get(0).size();
                double[][] e = new double[3][length];
                double[][] u = new double[3][length];
                for (int i = 0; i < length; i++) {
                    double[] accuracy = new double[runsOf.size()];
                    for (int s = 0; s < accuracy.length; s++) {
                        accuracy[s] = 100 * runsOf.get(s).get(i).testAccuracy();
                    }
                    e[0][i] = runsOf.get(0).get(i).epoch();
                    u[0][i] = runsOf.get(0).get(i).updates();
                    e[1][i] = mean(accuracy);
                    u[1][i] = e[1][i];
                    e[2][i] = sd(accuracy);
                    u[2][i] = e[2][i];
                }
                byEpoch.put(name, e);
                byUpdates.put(name, u);
                double[] last = new double[runsOf.size()];
                for (int s = 0; s < last.length; s++) {
                    last[s] = 100 * runsOf.get(s).get(length - 1).testAccuracy();
                }
                finals.put(name, last);
                w.printf(Locale.ROOT, "%-20s final test accuracy %.2f%% +/- %.2f (sd over %d seeds: %s), %d updates%n",
                        name, mean(last), sd(last), last.length, format(last), runsOf.get(0).get(length - 1).updates());
            }
            List<double[]> both = new ArrayList<>(finals.values());
            double[] difference = new double[seedList.size()];
            for (int s = 0; s < difference.length; s++) {
                difference[s] = both.get(0)[s] - both.get(1)[s];
            }
            w.printf(Locale.ROOT, "decay minus increase, seed by seed: %s points; mean %.2f +/- %.2f (sd)%n",
                    format(difference), mean(difference), sd(difference));
            String title = String.format(Locale.ROOT, "N %d, m %s, start eps %s B %d, factor %s at %s, %d seeds",
                    trainSize, momentum, learningRate, batchSize, factor, Arrays.toString(milestones), seedList.size());
            XYChart vsEpoch = Charts.lines("Test accuracy against epoch (mean +/- sd over seeds)",
                    "epoch (" + title + ")", "test accuracy (%)", byEpoch);
            XYChart vsUpdates = Charts.lines("Test accuracy against updates (mean +/- sd over seeds)",
                    "parameter updates (" + title + ")", "test accuracy (%)", byUpdates);
            ChartFiles.save(out, "schedule-vs-epoch", vsEpoch);
            ChartFiles.save(out, "schedule-vs-updates", vsUpdates);
            ChartFiles.savePng(out.resolve("schedule.png"), List.of(vsEpoch, vsUpdates));
            w.printf(Locale.ROOT, "wrote %s, schedule.png, schedule-vs-epoch.{png,svg}, "
                    + "schedule-vs-updates.{png,svg}%n", out.resolve("schedule.csv"));
            w.flush();
        } finally {
            executor.shutdownNow();
        }
        return 0;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Sample standard deviation; 0 for one value. */
    private static double sd(double[] values) {
        if (values.length < 2) {
            return 0.0;
        }
        double m = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - m) * (v - m);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    private static String format(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", v));
        }
        return sb.toString();
    }

    /** The trainer's settings for {@code schedule}: its first phase, then one phase per change. */
    static SgdSettings settingsOf(SgdSchedule schedule, long seed) {
        return SgdSettings.defaults().withSeed(seed).withSchedule(schedule);
    }
}
