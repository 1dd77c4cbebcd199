package io.github.occam.benchmarks;

import io.github.occam.SymmetricOperator;
import io.github.occam.data.Dataset;
import io.github.occam.models.ShallowNetwork;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The full-batch gradient and the exact Hessian-vector product of the summed cross-entropy of the
 * 784-H-10 network ({@link ShallowNetwork}, double precision) on the first N bundled digits,
 * pixels in [0, 1]: the {@code gradient_s} and {@code hvp_s} of
 * {@code hvp_baseline.py --n N --hidden H}. The weights are
 * {@link ShallowNetwork#initialParameters} with a fixed seed; v is a seeded Gaussian vector.
 *
 * <p>{@link #hessianVectorProduct()} times {@link SymmetricOperator#apply} alone, the operator
 * built once in the set-up (its forward pass cached), as Lanczos uses it;
 * {@link #hessianAtAndProduct()} times {@code hessianAt(w)} and one product, the cost of a single
 * product at a new point, which is what the baseline's double backward does. The baseline's
 * prior term \(\lambda |w|^2 / 2\) is left out here; it adds O(P) work to each.
 */
public class ShallowNetCurvatureBenchmark extends BenchmarkDefaults {

    private static final long SEED = 1L;

    /** N, the training examples summed over. */
    @Param({"1000"})
    public int examples;

    /** H, the hidden units. */
    @Param({"800"})
    public int hiddenUnits;

    private ShallowNetwork net;
    private double[] w;
    private double[] v;
    private double[] gradient;
    private double[] product;
    private SymmetricOperator hessian;

    /** Builds the network, the point, the direction and the cached operator. */
    @Setup
    public void setUp() {
        Dataset digits = Digits.first(examples);
        net = ShallowNetwork.of(digits.featuresAsDouble(), digits.labels(), hiddenUnits, 10);
        w = ShallowNetwork.initialParameters(digits.featureCount(), hiddenUnits, 10, SEED);
        Random random = new Random(SEED + 1);
        v = new double[net.parameterCount()];
        for (int j = 0; j < v.length; j++) {
            v[j] = random.nextGaussian();
        }
        gradient = new double[net.parameterCount()];
        product = new double[net.parameterCount()];
        hessian = net.hessianAt(w);
    }

    /** One full-batch cross-entropy and its gradient. */
    @Benchmark
    public double gradient() {
        return net.crossEntropy(w, gradient);
    }

    /** One Hessian-vector product with the operator built in the set-up. */
    @Benchmark
    public double[] hessianVectorProduct() {
        hessian.apply(v, product);
        return product;
    }

    /** The operator at w (its forward pass) and one product. */
    @Benchmark
    public double[] hessianAtAndProduct() {
        net.hessianAt(w).apply(v, product);
        return product;
    }
}
