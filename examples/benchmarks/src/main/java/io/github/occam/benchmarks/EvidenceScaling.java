package io.github.occam.benchmarks;

import io.github.occam.Cost;
import io.github.occam.evidence.Laplace;
import io.github.occam.spectrum.HessianSpectrum;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * Times the evidence of a dense logistic regression at several sizes, for the plot of time
 * against P and N in {@code docs/performance.md}, on a {@link LogisticProblem} of P parameters
 * and N examples at lambda = 1, two ways: {@code occam}, the work of the numpy snippet (the cost
 * and its gradient, the dense Hessian in O(N P<sup>2</sup>), its eigenvalues in
 * O(P<sup>3</sup>));
 * and {@code occam-evidenceAt}, {@link Laplace#evidenceAt}, which also checks whether the point is
 * a minimum (one more dense Hessian and a Cholesky factorization), as
 * {@link ExactSpectrumBenchmark}'s {@code evidenceAt} does at N = P. For each size and way it
 * calls the computation until a second has passed and at least twice (the JIT's warm-up), then
 * times {@code --repeats} calls and prints their median as one CSV line
 * {@code engine,parameters,examples,seconds}.
 *
 * <pre>{@code
 * java -cp examples/benchmarks/target/benchmarks.jar io.github.occam.benchmarks.EvidenceScaling \
 *     --repeats 5 500x500 2000x2000 500x4000
 * }</pre>
 */
public final class EvidenceScaling {

    private static final long SEED = 42L;
    private static final double LAMBDA = 1.0;
    private static final long WARM_UP_NANOS = 1_000_000_000L;

    private EvidenceScaling() {
    }

    /**
     * Times every size given as {@code PxN}.
     *
     * @param args {@code [--repeats R] PxN...}, R at least 1 (default 5)
     */
    public static void main(String[] args) {
        int repeats = 5;
        int first = 0;
        if (args.length >= 2 && args[0].equals("--repeats")) {
            repeats = Integer.parseInt(args[1]);
            first = 2;
        }
        if (repeats < 1 || first == args.length) {
            throw new IllegalArgumentException(
                    "usage: EvidenceScaling [--repeats R] PxN..., R >= 1, got "
                            + Arrays.toString(args));
        }
        for (int k = first; k < args.length; k++) {
            String[] size = args[k].split("x");
            if (size.length != 2) {
                throw new IllegalArgumentException("a size is PxN, got " + args[k]);
            }
            int parameters = Integer.parseInt(size[0]);
            int examples = Integer.parseInt(size[1]);
            LogisticProblem problem = LogisticProblem.draw(new Random(SEED), parameters,
                    examples);
            System.out.printf(Locale.ROOT, "occam,%d,%d,%.6f%n", parameters, examples,
                    medianSeconds(() -> sameWorkAsNumpy(problem), repeats));
            System.out.printf(Locale.ROOT, "occam-evidenceAt,%d,%d,%.6f%n", parameters, examples,
                    medianSeconds(() -> evidenceAt(problem), repeats));
        }
    }

    private static double medianSeconds(DoubleSupplier evidence, int repeats) {
        long start = System.nanoTime();
        for (int calls = 0; calls < 2 || System.nanoTime() - start < WARM_UP_NANOS; calls++) {
            evidence.getAsDouble();
        }
        double[] seconds = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t = System.nanoTime();
            evidence.getAsDouble();
            seconds[r] = (System.nanoTime() - t) * 1e-9;
        }
        Arrays.sort(seconds);
        return repeats % 2 == 1 ? seconds[repeats / 2]
                : 0.5 * (seconds[repeats / 2 - 1] + seconds[repeats / 2]);
    }

    /**
     * E from the lines of the numpy snippet: the cost and its gradient, the dense Hessian of C and
     * its eigenvalues ({@link HessianSpectrum#exact}), E = C + sum ln(lambda_i / lambda) / 2 -
     * N ln 2.
     */
    private static double sameWorkAsNumpy(LogisticProblem problem) {
        double[] w = problem.point();
        double cost = Cost.of(problem.model(), LAMBDA).value(w, new double[w.length]);
        HessianSpectrum spectrum = HessianSpectrum.exact(problem.model(), w, LAMBDA);
        return cost + 0.5 * spectrum.sumLogRatio().value()
                - problem.model().exampleCount() * Math.log(2.0);
    }

    /**
     * E by {@link Laplace#evidenceAt}, which also checks whether w is a minimum (one more dense
     * Hessian and its Cholesky factorization).
     */
    private static double evidenceAt(LogisticProblem problem) {
        return Laplace.defaults().evidenceAt(Cost.of(problem.model(), LAMBDA), problem.point())
                .logEvidenceRatio();
    }
}
