package io.github.occam.examples.mnist;

import io.github.occam.data.Dataset;
import io.github.occam.examples.support.AtomicFiles;
import io.github.occam.examples.support.ChartFiles;
import io.github.occam.noise.SgdNoiseScale;
import io.github.occam.noise.SgdSchedule;
import io.github.occam.sgd.EpochMetrics;
import io.github.occam.sgd.SgdSettings;
import io.github.occam.sgd.ShallowNetTrainer;
import io.github.occam.sgd.TrainingListener;
import io.github.occam.sgd.TrainingResult;
import java.io.PrintWriter;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code schedule}: trains the same network twice, once with a learning-rate step decay and once
 * with the batch-size increase of the same noise scale, and writes both learning curves to
 * {@code schedule.csv} and the figures.
 *
 * <pre>{@code
 * java -jar mnist-shallow-net.jar schedule --epochs 30 --milestones 10,20 --factor 4 --out results
 * }</pre>
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "Learning-rate step decay against the equivalent batch-size increase (same noise scale): "
                + "both learning curves in schedule.csv and schedule.png/svg.")
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

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    SharedOptions.Output output;

    @Mixin
    SharedOptions.Data data;

    @Override
    public Integer call() throws Exception {
        int trainSize = train.trainSize;
        Path out = output.out;
        SgdNoiseScale start = SgdNoiseScale.of(learningRate, trainSize, batchSize, momentum);
        Map<String, SgdSchedule> schedules = new LinkedHashMap<>();
        schedules.put("learning-rate decay", SgdSchedule.learningRateDecay(start, epochs, milestones, factor));
        schedules.put("batch-size increase", SgdSchedule.batchSizeIncrease(start, epochs, milestones, factor));
        Digits digits = Digits.load(data.directory());
        Dataset trainSet = digits.train(trainSize);
        int largestBatch = schedules.values().stream().flatMap(schedule -> schedule.phases().stream())
                .mapToInt(phase -> phase.settings().batchSize()).max().orElse(batchSize);
        network.check(trainSet.featureCount(), trainSet.classCount(), largestBatch, schedules.size());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Map<String, Future<List<EpochMetrics>>> curves = new LinkedHashMap<>();
        Map<String, Future<TrainingResult>> results = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, SgdSchedule> e : schedules.entrySet()) {
                SgdSettings settings = settingsOf(e.getValue(), network.hidden, seed);
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
                        ShallowNetTrainer.create().withThreads(1).train(trainSet, digits.test(), settings, listener));
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
