package io.github.occam.benchmarks;

import io.github.occam.Cost;
import io.github.occam.SymmetricOperator;
import io.github.occam.data.Dataset;
import io.github.occam.models.ShallowNetwork;
import io.github.occam.optim.Polish;
import io.github.occam.spectrum.DualGaussNewton;
import io.github.occam.spectrum.HessianSpectrum;
import io.github.occam.spectrum.StochasticLanczosQuadrature;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The three steps of the evidence at the minimum SGD found, for the 784-H-10 network on the first
 * N bundled digits with \(\lambda = 1\), at the seeded He initialization (the point
 * {@code ggn_dual_baseline.py --seed 1} uses):
 * <ul>
 *   <li>{@link #dualGaussNewtonEvidence()}: the exact Gauss-Newton sum through the dual matrix,
 *       against {@code ggn_dual_baseline.py --n N --hidden H --lam 1} (its {@code total_s});</li>
 *   <li>{@link #slqGaussNewtonProducts()}: SLQ on the Gauss-Newton products, 2 probes of 30 steps,
 *       no deflation (120 products: 60 of the extremal run, fully re-orthogonalized, and 60 of
 *       the probes, partially), to set against 120 times
 *       {@code ShallowNetCurvatureBenchmark.gaussNewtonVectorProduct};</li>
 *   <li>{@link #slqDeflatedGaussNewton()}: SLQ as {@code spectrum} runs it, the 20 largest
 *       eigenpairs deflated and 10 probes of 60 steps (741 products: 120 steps and 21 Ritz
 *       residuals of the deflation run, 600 of the probes);</li>
 *   <li>{@link #polish()}: 50 iterations of the polish (L-BFGS on the full-batch cost).</li>
 * </ul>
 *
 * <pre>{@code
 * java -jar examples/benchmarks/target/benchmarks.jar MinimumEvidence -p examples=1000
 * }</pre>
 */
public class MinimumEvidenceBenchmark extends BenchmarkDefaults {

    private static final long SEED = 1L;
    private static final double LAMBDA = 1.0;

    /** N, the training examples. */
    @Param({"1000"})
    public int examples;

    /** H, the hidden units. */
    @Param({"800"})
    public int hiddenUnits;

    private Cost cost;
    private double[] w;
    private SymmetricOperator gaussNewton;

    /** Builds the network, the point and its Gauss-Newton operator. */
    @Setup
    public void setUp() {
        Dataset digits = Digits.first(examples);
        ShallowNetwork net = ShallowNetwork.of(digits.featuresAsDouble(), digits.labels(), hiddenUnits, 10);
        cost = Cost.of(net, LAMBDA);
        w = ShallowNetwork.initialParameters(digits.featureCount(), hiddenUnits, 10, SEED);
        gaussNewton = cost.gaussNewtonAt(w);
    }

    /** The exact Gauss-Newton sum of log ratios through the dual matrix. */
    @Benchmark
    public HessianSpectrum dualGaussNewtonEvidence() {
        return DualGaussNewton.spectrum(cost, w);
    }

    /** SLQ on the Gauss-Newton operator: 2 probes of 30 steps, no deflation, 120 products. */
    @Benchmark
    public HessianSpectrum slqGaussNewtonProducts() {
        return StochasticLanczosQuadrature.withDefaults().withDeflation(0).withProbes(2).withSteps(30)
                .withSeed(SEED).compute(gaussNewton, LAMBDA);
    }

    /** SLQ on the Gauss-Newton operator: 20 deflated, 10 probes of 60 steps, 741 products. */
    @Benchmark
    public HessianSpectrum slqDeflatedGaussNewton() {
        return StochasticLanczosQuadrature.withDefaults().withProbes(10).withSteps(60)
                .withSeed(SEED).compute(gaussNewton, LAMBDA);
    }

    /** 50 iterations of the polish from the initialization. */
    @Benchmark
    public Polish.Result polish() {
        return Polish.defaults().withMaxIterations(50).polish(cost, w);
    }
}
