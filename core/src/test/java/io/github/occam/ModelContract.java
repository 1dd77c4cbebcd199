package io.github.occam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Model} must satisfy, run against each built-in model and against
 * models written as a user would: the batch cross-entropy adds up over batches, its gradient
 * agrees with central differences, and the curvature operator of {@link Model#hessianAt} agrees
 * with differences of the gradient, with its own dense form, and is symmetric and linear.
 *
 * <p>To check your own model, extend this class in your tests and supply the model and points:
 * <pre>{@code
 * class MyModelTest extends ModelContract {
 *     protected Model model() { return new MyModel(data); }
 *     protected double[] point(Random random) { return randomWeights(random); }
 * }
 * }</pre>
 */
public abstract class ModelContract {

    /** Returns the model under test (its data drawn from a fixed seed). */
    protected abstract Model model();

    /** Returns a random point at which the model is smooth enough for finite differences. */
    protected abstract double[] point(Random random);

    /** Returns the finite-difference step to use at {@code w}. */
    protected double differenceStep(double[] w) {
        return 1e-4;
    }

    /** Returns the relative agreement required between a derivative and its finite difference. */
    protected double differenceTolerance() {
        return 1e-6;
    }

    /**
     * Returns the relative agreement required between two exact forms of the same quantity (the
     * operator and its dense form; a sum over batches and over all examples).
     */
    protected double exactTolerance() {
        return 1e-10;
    }

    /**
     * Returns whether the curvature is exact (else a finite difference, checked more loosely): by
     * default, whether the model overrides {@link Model#hessianAt} (the default is the finite
     * difference of the gradient).
     */
    protected boolean exactCurvature() {
        Model model = model();
        return !(model.hessianAt(point(new Random(1))) instanceof FiniteDifferenceHessian);
    }

    @Test
    public void gradientMatchesCentralDifferences() {
        Model model = model();
        Random random = new Random(11);
        for (int trial = 0; trial < 3; trial++) {
            double[] w = point(random);
            double[] gradient = new double[model.parameterCount()];
            model.crossEntropy(w, gradient);
            assertClose("gradient", gradient, differenceGradient(model, w, null, differenceStep(w)),
                    differenceTolerance());
        }
    }

    @Test
    public void batchGradientMatchesCentralDifferences() {
        Model model = model();
        Random random = new Random(12);
        double[] w = point(random);
        Batch batch = randomBatch(random, model.exampleCount());
        double[] gradient = new double[model.parameterCount()];
        model.crossEntropy(w, batch, gradient);
        assertClose("batch gradient", gradient,
                differenceGradient(model, w, batch, differenceStep(w)), differenceTolerance());
    }

    @Test
    public void theFullBatchIsAllExamplesAndBatchesAddUp() {
        Model model = model();
        Random random = new Random(13);
        double[] w = point(random);
        int n = model.exampleCount();
        int p = model.parameterCount();
        double[] full = new double[p];
        double value = model.crossEntropy(w, full);
        double[] viaAll = new double[p];
        assertThat(model.crossEntropy(w, Batch.all(n), viaAll)).isEqualTo(value);
        assertThat(viaAll).containsExactly(full);

        int[] order = permutation(random, n);
        int cut = n / 3;
        double[] first = new double[p];
        double[] second = new double[p];
        double sum = model.crossEntropy(w, Batch.of(order, 0, cut), first)
                + model.crossEntropy(w, Batch.of(order, cut, n - cut), second);
        assertThat(sum).isCloseTo(value, within(exactTolerance() * Math.abs(value) + 1e-12));
        double[] added = new double[p];
        for (int j = 0; j < p; j++) {
            added[j] = first[j] + second[j];
        }
        assertClose("gradient over two batches", added, full, exactTolerance());
        assertThat(model.crossEntropy(w, Batch.of(), new double[p])).isZero();
    }

    @Test
    public void repeatedIndicesCountAsOftenAsTheyAppear() {
        Model model = model();
        double[] w = point(new Random(14));
        int last = model.exampleCount() - 1;
        double once = model.crossEntropy(w, Batch.of(last), null);
        assertThat(model.crossEntropy(w, Batch.of(last, last, last), null))
                .isCloseTo(3 * once, within(exactTolerance() * Math.abs(once) + 1e-15));
    }

    @Test
    public void curvatureMatchesDifferencesOfTheGradient() {
        Model model = model();
        Random random = new Random(15);
        double[] w = point(random);
        double[] v = gaussian(random, model.parameterCount());
        double[] result = new double[v.length];
        model.hessianAt(w).apply(v, result);
        double h = differenceStep(w) / Math.max(1.0, maxAbs(v));
        double[] plus = new double[v.length];
        double[] minus = new double[v.length];
        model.crossEntropy(axpy(h, v, w), plus);
        model.crossEntropy(axpy(-h, v, w), minus);
        double[] expected = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            expected[j] = (plus[j] - minus[j]) / (2 * h);
        }
        assertClose("Hv", result, expected, exactCurvature() ? differenceTolerance() : 1e-4);
    }

    @Test
    public void theOperatorMatchesItsDenseForm() {
        Model model = model();
        Random random = new Random(16);
        double[] w = point(random);
        SymmetricOperator hessian = model.hessianAt(w);
        assertThat(hessian.dimension()).isEqualTo(model.parameterCount());
        double[][] dense = hessian.toDense();
        for (int trial = 0; trial < 3; trial++) {
            double[] v = gaussian(random, model.parameterCount());
            double[] result = new double[v.length];
            hessian.apply(v, result);
            assertClose("Hv", result, multiply(dense, v),
                    exactCurvature() ? exactTolerance() : 1e-6);
        }
    }

    @Test
    public void theDenseFormIsSymmetric() {
        Model model = model();
        double[][] hessian = model.hessianAt(point(new Random(17))).toDense();
        for (int i = 0; i < hessian.length; i++) {
            assertThat(hessian[i]).hasSize(model.parameterCount());
            for (int j = 0; j < i; j++) {
                assertThat(hessian[i][j]).as("H[%d][%d]", i, j).isEqualTo(hessian[j][i]);
            }
        }
    }

    @Test
    public void theOperatorIsSymmetricAndLinear() {
        Model model = model();
        Random random = new Random(18);
        int p = model.parameterCount();
        double[] w = point(random);
        double[] u = gaussian(random, p);
        double[] v = gaussian(random, p);
        double[] hu = new double[p];
        double[] hv = new double[p];
        double[] hSum = new double[p];
        SymmetricOperator hessian = model.hessianAt(w);
        hessian.apply(u, hu);
        hessian.apply(v, hv);
        double uHv = dot(u, hv);
        double vHu = dot(v, hu);
        double tolerance = exactCurvature() ? exactTolerance() : 1e-6;
        assertThat(uHv).isCloseTo(vHu, within(tolerance * (Math.abs(uHv) + 1.0)));
        hessian.apply(axpy(-3.0, v, u), hSum);
        assertClose("H(u - 3v)", hSum, axpy(-3.0, hv, hu), tolerance);
    }

    @Test
    public void theOperatorKeepsItsPointAndArgumentsAreNotModified() {
        Model model = model();
        Random random = new Random(19);
        double[] w = point(random);
        double[] v = gaussian(random, w.length);
        double[] wCopy = w.clone();
        double[] vCopy = v.clone();
        SymmetricOperator hessian = model.hessianAt(w);
        double[] before = new double[w.length];
        hessian.apply(v, before);
        model.crossEntropy(w, new double[w.length]);
        assertThat(w).containsExactly(wCopy);
        assertThat(v).containsExactly(vCopy);
        Arrays.fill(w, 0.5);
        double[] after = new double[w.length];
        hessian.apply(v, after);
        assertThat(after).as("the operator must not see later changes of w").containsExactly(before);
    }

    /**
     * A model that says its cross-entropy is {@linkplain Model#convex() convex} (the minimizer
     * then skips its search for a saddle) must be: at three points of random segments H lies
     * below the chord, and the curvature is not negative along random directions.
     */
    @Test
    public void aModelThatSaysItIsConvexIsConvexAlongRandomSegments() {
        Model model = model();
        assumeTrue(model.convex(), "the model does not say it is convex");
        Random random = new Random(29);
        for (int trial = 0; trial < 10; trial++) {
            double[] a = point(random);
            double[] b = point(random);
            double ha = model.crossEntropy(a);
            double hb = model.crossEntropy(b);
            for (double t : new double[] {0.25, 0.5, 0.75}) {
                double[] between = new double[a.length];
                for (int j = 0; j < a.length; j++) {
                    between[j] = t * a[j] + (1 - t) * b[j];
                }
                double chord = t * ha + (1 - t) * hb;
                assertThat(model.crossEntropy(between)).as("H at t = %s of segment %d", t, trial)
                        .isLessThanOrEqualTo(chord + exactTolerance() * (1 + Math.abs(chord)));
            }
            double[] v = gaussian(random, a.length);
            double[] hv = new double[a.length];
            model.hessianAt(a).apply(v, hv);
            double scale = maxAbs(hv) * Math.sqrt(dot(v, v)) + 1e-8;
            assertThat(dot(v, hv)).as("curvature along a random direction, segment %d", trial)
                    .isGreaterThanOrEqualTo(-differenceTolerance() * scale);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static Batch randomBatch(Random random, int n) {
        int[] order = permutation(random, n);
        return Batch.of(order, 0, Math.max(1, n / 2));
    }

    private static int[] permutation(Random random, int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static double[] differenceGradient(Model model, double[] w, Batch batch, double h) {
        Batch examples = batch == null ? Batch.all(model.exampleCount()) : batch;
        double[] gradient = new double[w.length];
        double[] point = w.clone();
        for (int j = 0; j < w.length; j++) {
            point[j] = w[j] + h;
            double plus = model.crossEntropy(point, examples, null);
            point[j] = w[j] - h;
            double minus = model.crossEntropy(point, examples, null);
            point[j] = w[j];
            gradient[j] = (plus - minus) / (2 * h);
        }
        return gradient;
    }

    private static double[] gaussian(Random random, int n) {
        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
            v[j] = random.nextGaussian();
        }
        return v;
    }

    private static double[] axpy(double alpha, double[] v, double[] w) {
        double[] out = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            out[j] = w[j] + alpha * v[j];
        }
        return out;
    }

    private static double[] multiply(double[][] a, double[] v) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = dot(a[i], v);
        }
        return out;
    }

    private static double dot(double[] u, double[] v) {
        double sum = 0.0;
        for (int j = 0; j < u.length; j++) {
            sum += u[j] * v[j];
        }
        return sum;
    }

    private static double maxAbs(double[] v) {
        double max = 0.0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        return max;
    }

    /** Asserts max |actual - expected| &lt;= relative * (max |expected| + 1e-8). */
    private static void assertClose(String what, double[] actual, double[] expected,
            double relative) {
        assertThat(actual).as(what).hasSize(expected.length);
        double scale = maxAbs(expected) + 1e-8;
        for (int j = 0; j < expected.length; j++) {
            assertThat(actual[j]).as("%s[%d]", what, j)
                    .isCloseTo(expected[j], within(relative * scale));
        }
    }
}
