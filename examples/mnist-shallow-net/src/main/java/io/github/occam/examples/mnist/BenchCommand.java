package io.github.occam.examples.mnist;

import io.github.occam.sgd.ThroughputBenchmark;
import java.io.PrintWriter;
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

    @Mixin
    SharedOptions.TrainSize train;

    @Mixin
    SharedOptions.Data data;

    @Override
    public Integer call() throws Exception {
        Digits digits = Digits.load(data.directory());
        ThroughputBenchmark.Result r = ThroughputBenchmark.measure(digits.train(train.trainSize), digits.test(),
                batch, epochs);
        PrintWriter w = spec.commandLine().getOut();
        w.println(r.toJson());
        w.flush();
        return 0;
    }
}
