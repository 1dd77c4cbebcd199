package io.github.occam.examples.mnist;

import io.github.occam.data.Dataset;
import io.github.occam.sgd.SgdSettings;
import io.github.occam.sgd.ShallowNetTrainer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: the training throughput of the 784-800-10 network, one JSON line in the format
 * of {@code mlp_baseline.py}, so that it can be compared with numpy and PyTorch.
 *
 * <pre>{@code
 * java -jar mnist-shallow-net.jar bench --batch 128 --epochs 3
 * java -jar mnist-shallow-net.jar bench --batch 32 --epochs 20 --save-weights nets   # nets/bench-b32-n1000-epochs21.npy
 * }</pre>
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Training throughput of the 784-800-10 network (float32, eps 0.1, m 0.9, one untimed "
                + "warm-up epoch); prints one JSON line in the format of mlp_baseline.py.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--batch", required = true, description = "Batch size B.")
    int batch;

    @Option(names = "--epochs", defaultValue = "3", description = "Timed epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--save-weights", paramLabel = "DIR", description = "Write the final network to "
            + "DIR/bench-bB-nN-epochsE.npy (float64, the layout of spectrum --weights).")
    Path saveWeights;

    @Mixin
    SharedOptions.TrainSize train;

    @Mixin
    SharedOptions.Data data;

    /** The library's names of the values this command's options give, to the options. */
    private static final Map<String, String> OPTIONS = Map.of("train size N", "--train-size",
            "batchSize", "--batch", "epochs", "--epochs");

    @Override
    public Integer call() throws Exception {
        SavedWeights saved = saveWeights == null ? null : SavedWeights.in(saveWeights);
        Digits digits = Digits.load(data.directory());
        Dataset trainSet = OptionNames.named(OPTIONS, () -> digits.train(train.trainSize));
        String file = String.format(Locale.ROOT, "bench-b%d-n%d-epochs%d.npy", batch, trainSet.size(), epochs + 1);
        ThroughputBenchmark.Result r = OptionNames.named(OPTIONS, () -> ThroughputBenchmark.measure(
                ShallowNetTrainer.create(), trainSet, digits.test(), SgdSettings.defaults().withBatchSize(batch),
                epochs, trained -> {
                    if (saved != null) {
                        saved.save(file, trained.parameters());
                    }
                }));
        PrintWriter w = spec.commandLine().getOut();
        w.println(r.toJson());
        w.flush();
        return 0;
    }
}
