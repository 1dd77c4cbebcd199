/**
 * The shallow-network experiment of Smith &amp; Le (2018), section 4: a 784-H-10 ReLU network
 * trained on MNIST by SGD with momentum, the optimal batch size B<sub>opt</sub> at fixed learning
 * rate, training-set size and momentum, and its three scaling rules
 * B<sub>opt</sub> &prop; &epsilon;, &prop; N, &prop; 1/(1-m).
 *
 * <p>{@link io.github.occam.examples.mnist.MnistShallowNet} is the command line, one class per
 * command ({@code SweepCommand}, {@code AnalyzeCommand}, {@code ScheduleCommand},
 * {@code BenchCommand}) and the options they share in {@code SharedOptions}. A sweep expands
 * a {@link io.github.occam.examples.mnist.SweepGrid} into runs, executes them in parallel with
 * {@link io.github.occam.examples.mnist.SweepRunner}, appends each finished run to
 * {@code runs.csv} ({@link io.github.occam.examples.mnist.RunsCsv}), and
 * {@link io.github.occam.examples.mnist.OptimumAnalysis} turns the runs into B<sub>opt</sub> with
 * bootstrap intervals and the log-log scaling slopes.
 *
 * <pre>{@code
 * java -jar mnist-shallow-net.jar sweep --preset quick --out results
 * java -jar mnist-shallow-net.jar analyze --out results
 * }</pre>
 */
package io.github.occam.examples.mnist;
