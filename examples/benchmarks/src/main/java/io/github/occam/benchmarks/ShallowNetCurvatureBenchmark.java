package io.github.occam.benchmarks;

import io.github.occam.Cost;
import io.github.occam.SymmetricOperator;
import io.github.occam.data.Dataset;
import io.github.occam.models.ShallowNetwork;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The full-batch gradient, the exact Hessian-vector product and the generalized Gauss-Newton
 * product of the cost \(C(w) = H(w) + \lambda |w|^2 / 2\) of the 784-H-10 network
 * ({@link ShallowNetwork}, double precision), H the cross-entropy summed over the first N bundled
 * digits (pixels in [0, 1]) and \(\lambda = 0.01\): the {@code gradient_s} and {@code hvp_s} of
 * {@code hvp_baseline.py --n N --hidden H}, which computes the same cost. The weights are
 * {@link ShallowNetwork#initialParameters} with a fixed seed; v is a seeded Gaussian vector.
 *
 * <p>{@link #hessianVectorProduct()} and {@link #gaussNewtonVectorProduct()} time
 * {@link SymmetricOperator#apply} alone, the operator built once in the set-up (its forward pass
 * cached), as Lanczos uses it; {@link #hessianAtAndProduct()} times {@code hessianAt(w)} and one
 * product, the cost of a single product at a new point, which is what the baseline's double
 * backward does. {@code threads} is {@link ShallowNetwork#withThreads(int)}; the results are the
 * same for every value.
 *
 * <pre>{@code
 * java -jar examples/benchmarks/target/benchmarks.jar ShallowNetCurvature -p threads=2
 * }</pre>
 */
public class ShallowNetCurvatureBenchmark extends BenchmarkDefaults {

    private static final long SEED = 1L;
    private static final double LAMBDA = 0.01;

    /** N, the training examples summed over. */
    @Param({"1000"})
    public int examples;

    /** H, the hidden units. */
    @Param({"800"})
    public int hiddenUnits;

    /** The threads the network computes on. */
    @Param({"2", "1"})
    public int threads;

    private Cost cost;
    private double[] w;
    private double[] v;
    private double[] gradient;
    private double[] product;
    private SymmetricOperator hessian;
    private SymmetricOperator gaussNewton;

    /** Builds the network, the point, the direction and the cached operators. */
    @Setup
    public void setUp() {
        Dataset digits = Digits.first(examples);
        ShallowNetwork net = ShallowNetwork.of(digits.featuresAsDouble(), digits.labels(),
                hiddenUnits, 10).withThreads(threads);
        cost = Cost.of(net, LAMBDA);
        w = ShallowNetwork.initialParameters(digits.featureCount(), hiddenUnits, 10, SEED);
        Random random = new Random(SEED + 1);
        v = new double[net.parameterCount()];
        for (int j = 0; j < v.length; j++) {
            v[j] = random.nextGaussian();
        }
        gradient = new double[net.parameterCount()];
        product = new double[net.parameterCount()];
        hessian = cost.hessianAt(w);
        gaussNewton = cost.gaussNewtonAt(w);
    }

    /** One full-batch cost and its gradient. */
    @Benchmark
    public double gradient() {
        return cost.value(w, gradient);
    }

    /** One Hessian-vector product with the operator built in the set-up. */
    @Benchmark
    public double[] hessianVectorProduct() {
        hessian.apply(v, product);
        return product;
    }

    /** One Gauss-Newton-vector product with the operator built in the set-up. */
    @Benchmark
    public double[] gaussNewtonVectorProduct() {
        gaussNewton.apply(v, product);
        return product;
    }

    /** The operator at w (its forward pass) and one product. */
    @Benchmark
    public double[] hessianAtAndProduct() {
        cost.hessianAt(w).apply(v, product);
        return product;
    }
}
