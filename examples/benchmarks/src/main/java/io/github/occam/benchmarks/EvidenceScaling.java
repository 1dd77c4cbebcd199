package io.github.occam.benchmarks;

import io.github.occam.evidence.Laplace;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Times the evidence of a dense logistic regression at several sizes, for the plot of time
 * against P and N in {@code docs/performance.md}: {@link Laplace#evidenceAt} on a
 * {@link LogisticProblem} of P parameters and N examples at lambda = 1 (the dense Hessian in
 * O(N P<sup>2</sup>), its eigenvalues in O(P<sup>3</sup>)), as {@link ExactSpectrumBenchmark}'s
 * {@code evidenceAt} does at N = P. For each size it calls it until a second has passed and at
 * least twice (the JIT's warm-up), then times {@code --repeats} calls and prints their median as
 * one CSV line {@code engine,parameters,examples,seconds}.
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
                    medianSeconds(problem, repeats));
        }
    }

    private static double medianSeconds(LogisticProblem problem, int repeats) {
        long start = System.nanoTime();
        for (int calls = 0; calls < 2 || System.nanoTime() - start < WARM_UP_NANOS; calls++) {
            evidence(problem);
        }
        double[] seconds = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t = System.nanoTime();
            evidence(problem);
            seconds[r] = (System.nanoTime() - t) * 1e-9;
        }
        Arrays.sort(seconds);
        return repeats % 2 == 1 ? seconds[repeats / 2]
                : 0.5 * (seconds[repeats / 2 - 1] + seconds[repeats / 2]);
    }

    private static double evidence(LogisticProblem problem) {
        return Laplace.defaults().evidenceAt(problem.model(), problem.point(), LAMBDA)
                .logEvidenceRatio();
    }
}
