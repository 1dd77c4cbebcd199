/**
 * JMH benchmarks of Occam's numerical kernels, each timing the same work as one of the baseline
 * scripts (numpy and PyTorch) so that the two can be run side by side on one machine: the SGD
 * training step of the 784-800-10 network, its full-batch gradient and Hessian-vector product,
 * and the exact Hessian spectrum. Data are the bundled MNIST digits or drawn from a seeded
 * {@link java.util.Random}; sizes are JMH parameters.
 *
 * <pre>{@code
 * mvn -B -DskipTests package
 * java -jar examples/benchmarks/target/benchmarks.jar                      # everything
 * java -jar examples/benchmarks/target/benchmarks.jar ExactSpectrum -p parameters=500
 * }</pre>
 */
package io.github.occam.benchmarks;
