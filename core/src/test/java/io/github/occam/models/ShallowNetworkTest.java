package io.github.occam.models;

import io.github.occam.Batch;
import io.github.occam.Classifier;
import io.github.occam.SymmetricOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ShallowNetworkTest {

    /** Smallest |pre-activation| accepted at a test point, so finite differences cross no kink. */
    private static final double MARGIN = 5e-3;

    /** A network on Gaussian data and the points to test it at. */
    abstract static class NetworkContract extends ClassifierContract {
        final int n;
        final int d;
        final int hidden;
        final int classes;
        final double[][] x;
        final int[] y;

        NetworkContract(int n, int d, int hidden, int classes, long seed, double zeroFraction) {
            this.n = n;
            this.d = d;
            this.hidden = hidden;
            this.classes = classes;
            Random random = new Random(seed);
            this.x = ModelTesting.sparsify(random, ModelTesting.gaussianMatrix(random, n, d, 1.0),
                    zeroFraction);
            this.y = ModelTesting.randomLabels(random, n, classes);
        }

        @Override
        protected Classifier model() {
            return ShallowNetwork.of(x, y, hidden, classes);
        }

        @Override
        double[][] rows() {
            return x;
        }

        @Override
        int[] labels() {
            return y.clone();
        }

        /** Draws Gaussian parameters (biases included) until no pre-activation is near 0. */
        @Override
        protected double[] point(Random random) {
            int p = hidden * d + hidden + classes * hidden + classes;
            while (true) {
                double[] w = ModelTesting.gaussianVector(random, p, 0.6);
                if (smallestPreActivation(w, x, hidden) > MARGIN) {
                    return w;
                }
            }
        }

        /**
         * A step small enough that no pre-activation changes sign: moving a W1 entry by h moves
         * a_k by at most h |x|_max, and the Hessian-vector check moves along v / max|v|, which
         * moves a_k by at most h (d |x|_max + 1).
         */
        @Override
        protected double differenceStep(double[] w) {
            double largest = 0.0;
            for (double[] row : x) {
                largest = Math.max(largest, ModelTesting.maxAbs(row));
            }
            return Math.min(1e-4, smallestPreActivation(w, x, hidden) / (2.0 * (d * largest + 1.0)));
        }
    }

    @Nested
    class ThreeBlocksOfExamples extends NetworkContract {
        ThreeBlocksOfExamples() {
            super(70, 4, 5, 3, 31, 0.0);
        }
    }

    /** Mostly zero inputs (as pixels are), which the model stores and multiplies sparse. */
    @Nested
    class SparseInputs extends NetworkContract {
        SparseInputs() {
            super(40, 6, 4, 3, 36, 0.7);
        }
    }

    @Nested
    class OneHiddenUnitTwoClasses extends NetworkContract {
        OneHiddenUnitTwoClasses() {
            super(7, 1, 1, 2, 32, 0.0);
        }
    }

    /**
     * More examples than one pass holds (256), so that the gradient and the products add up
     * over passes, and enough for the phases to be spread over threads.
     */
    @Nested
    class ManyPassesOfExamples extends NetworkContract {
        ManyPassesOfExamples() {
            super(600, 3, 3, 3, 37, 0.4);
        }
    }

    /** A network over several passes and several tasks of hidden units, and a point on it. */
    private static final class Wide {
        final double[][] x;
        final int[] y;
        final ShallowNetwork net;
        final double[] w;
        final double[] v;

        Wide() {
            Random random = new Random(38);
            x = ModelTesting.sparsify(random, ModelTesting.gaussianMatrix(random, 700, 20, 1.0),
                    0.6);
            y = ModelTesting.randomLabels(random, 700, 4);
            net = ShallowNetwork.of(x, y, 70, 4);
            w = ModelTesting.gaussianVector(random, net.parameterCount(), 0.3);
            v = ModelTesting.gaussianVector(random, net.parameterCount(), 1.0);
        }
    }

    @Test
    void countsThePreActivationsAtAKink() {
        Random random = new Random(12);
        int n = 30;
        int d = 6;
        int hidden = 5;
        double[][] x = ModelTesting.gaussianMatrix(random, n, d, 1.0);
        ShallowNetwork net = ShallowNetwork.of(x, ModelTesting.randomLabels(random, n, 3), hidden, 3);
        double[] w = new double[net.parameterCount()];
        for (int j = 0; j < w.length; j++) {
            w[j] = random.nextGaussian();
        }
        assertThat(net.kinksAt(w)).as("a generic point").isZero();
        // unit 2's bias cancels its input sum for example 7: zero up to the rounding of the sum
        int b1 = hidden * d;
        double sum = 0.0;
        for (int m = 0; m < d; m++) {
            sum += w[2 * d + m] * x[7][m];
        }
        w[b1 + 2] = -sum;
        assertThat(net.kinksAt(w)).isEqualTo(1);
        w[b1 + 2] = -sum * (1 + 1e-9);
        assertThat(net.kinksAt(w)).as("a relative 1e-9 away is no kink").isZero();
        assertThat(net.kinksAt(new double[net.parameterCount()])).as("w = 0: every unit at 0")
                .isEqualTo((long) n * hidden);
        assertThatThrownBy(() -> net.kinksAt(new double[3])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resultsAreBitIdenticalForEveryThreadCount() {
        Wide wide = new Wide();
        int p = wide.net.parameterCount();
        double[] gradient1 = new double[p];
        double value1 = wide.net.withThreads(1).crossEntropy(wide.w, gradient1);
        double[] hv1 = new double[p];
        wide.net.withThreads(1).hessianAt(wide.w).apply(wide.v, hv1);
        double[] gv1 = new double[p];
        wide.net.withThreads(1).gaussNewtonAt(wide.w).apply(wide.v, gv1);
        Batch some = Batch.of(new int[] {5, 3, 699, 5, 42, 17, 8, 100, 2, 9, 11, 12, 13, 14, 15,
                16, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36});
        double[] batchGradient1 = new double[p];
        double batchValue1 = wide.net.withThreads(1).crossEntropy(wide.w, some, batchGradient1);
        for (int threads : new int[] {2, 3, 8}) {
            ShallowNetwork net = wide.net.withThreads(threads);
            assertThat(net.threads()).isEqualTo(threads);
            double[] gradient = new double[p];
            assertThat(net.crossEntropy(wide.w, gradient)).isEqualTo(value1);
            assertThat(gradient).as("gradient, %d threads", threads).containsExactly(gradient1);
            double[] hv = new double[p];
            net.hessianAt(wide.w).apply(wide.v, hv);
            assertThat(hv).as("Hv, %d threads", threads).containsExactly(hv1);
            double[] gv = new double[p];
            net.gaussNewtonAt(wide.w).apply(wide.v, gv);
            assertThat(gv).as("Gv, %d threads", threads).containsExactly(gv1);
            double[] batchGradient = new double[p];
            assertThat(net.crossEntropy(wide.w, some, batchGradient)).isEqualTo(batchValue1);
            assertThat(batchGradient).containsExactly(batchGradient1);
            assertThat(net.predict(wide.w)).containsExactly(wide.net.withThreads(1).predict(wide.w));
        }
    }

    @Test
    void repeatedEvaluationsAndProductsGiveTheSameNumbers() {
        // the scratch space is reused between evaluations and products; nothing may leak
        Wide wide = new Wide();
        int p = wide.net.parameterCount();
        double[] first = new double[p];
        double value = wide.net.crossEntropy(wide.w, first);
        wide.net.crossEntropy(wide.v, new double[p]);
        wide.net.crossEntropy(wide.w, Batch.of(1, 2, 3), new double[p]);
        double[] again = new double[p];
        assertThat(wide.net.crossEntropy(wide.w, again)).isEqualTo(value);
        assertThat(again).containsExactly(first);
        SymmetricOperator hessian = wide.net.hessianAt(wide.w);
        double[] hv = new double[p];
        hessian.apply(wide.v, hv);
        hessian.apply(wide.w, new double[p]);
        double[] hvAgain = new double[p];
        hessian.apply(wide.v, hvAgain);
        assertThat(hvAgain).containsExactly(hv);
    }

    @Test
    void gradientEqualsAPlainLoopOverTheExamples() {
        Wide wide = new Wide();
        double[] gradient = new double[wide.net.parameterCount()];
        double value = wide.net.crossEntropy(wide.w, gradient);
        double[] expected = new double[gradient.length];
        double expectedValue = plainCrossEntropy(wide.x, wide.y, 70, 4, wide.w, expected);
        assertThat(value).isCloseTo(expectedValue, within(1e-12 * expectedValue));
        ModelTesting.assertClose("gradient", gradient, expected, 1e-12);
    }

    /**
     * The cross-entropy and its gradient by a plain loop over the examples and the documented
     * layout, one example at a time, every input visited.
     */
    static double plainCrossEntropy(double[][] x, int[] y, int hidden, int classes, double[] w,
            double[] gradient) {
        int d = x[0].length;
        int b1 = hidden * d;
        int w2 = b1 + hidden;
        int b2 = w2 + classes * hidden;
        double value = 0.0;
        for (int i = 0; i < x.length; i++) {
            double[] h = new double[hidden];
            for (int k = 0; k < hidden; k++) {
                double a = w[b1 + k];
                for (int j = 0; j < d; j++) {
                    a += w[k * d + j] * x[i][j];
                }
                h[k] = Math.max(a, 0.0);
            }
            double[] s = new double[classes];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                s[c] = w[b2 + c];
                for (int k = 0; k < hidden; k++) {
                    s[c] += w[w2 + c * hidden + k] * h[k];
                }
                max = Math.max(max, s[c]);
            }
            double sum = 0.0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(s[c] - max);
            }
            value += max + Math.log(sum) - s[y[i]];
            for (int c = 0; c < classes; c++) {
                double delta = Math.exp(s[c] - max) / sum - (c == y[i] ? 1.0 : 0.0);
                gradient[b2 + c] += delta;
                for (int k = 0; k < hidden; k++) {
                    gradient[w2 + c * hidden + k] += delta * h[k];
                    if (h[k] > 0.0) {
                        double g = delta * w[w2 + c * hidden + k];
                        gradient[b1 + k] += g;
                        for (int j = 0; j < d; j++) {
                            gradient[k * d + j] += g * x[i][j];
                        }
                    }
                }
            }
        }
        return value;
    }

    @Test
    void helperThreadsAreDaemonsOfTheSharedPool() {
        Wide wide = new Wide();
        wide.net.withThreads(2).crossEntropy(wide.w, new double[wide.net.parameterCount()]);
        List<Thread> helpers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("occam-tasks-")).toList();
        assertThat(helpers).isNotEmpty().allMatch(Thread::isDaemon);
    }

    @Test
    void withThreadsRejectsFewerThanOne() {
        ShallowNetwork net = ShallowNetwork.of(new double[][] {{1.0}, {2.0}}, new int[] {0, 1}, 2,
                2);
        assertThatThrownBy(() -> net.withThreads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be >= 1, got 0");
        assertThat(net.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    /** Returns min over examples and hidden units of |(W1 x + b1)_k|, from the documented layout. */
    static double smallestPreActivation(double[] w, double[][] x, int hidden) {
        int d = x[0].length;
        double smallest = Double.POSITIVE_INFINITY;
        for (double[] row : x) {
            for (int k = 0; k < hidden; k++) {
                double a = w[hidden * d + k];
                for (int j = 0; j < d; j++) {
                    a += w[k * d + j] * row[j];
                }
                smallest = Math.min(smallest, Math.abs(a));
            }
        }
        return smallest;
    }

    @Test
    void withEveryUnitActiveItIsSoftmaxRegressionOnW2W1() {
        // positive inputs and large positive b1 keep every ReLU in its linear part, so the
        // scores are (W2 W1) x + (W2 b1 + b2): a softmax regression with those weights
        int n = 50;
        int d = 3;
        int hidden = 4;
        int classes = 3;
        Random random = new Random(33);
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = random.nextDouble();
            }
        }
        int[] y = ModelTesting.randomLabels(random, n, classes);
        double[] w = ModelTesting.gaussianVector(random, hidden * d + hidden + classes * hidden + classes, 0.5);
        int b1 = hidden * d;
        int w2 = b1 + hidden;
        int b2 = w2 + classes * hidden;
        for (int k = 0; k < hidden; k++) {
            w[b1 + k] = 5.0 + k;
        }
        double[] linear = new double[classes * (d + 1)];
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < hidden; k++) {
                    linear[c * (d + 1) + j] += w[w2 + c * hidden + k] * w[k * d + j];
                }
            }
            linear[c * (d + 1) + d] = w[b2 + c];
            for (int k = 0; k < hidden; k++) {
                linear[c * (d + 1) + d] += w[w2 + c * hidden + k] * w[b1 + k];
            }
        }
        ShallowNetwork net = ShallowNetwork.of(x, y, hidden, classes);
        SoftmaxRegression softmax = SoftmaxRegression.of(x, y, classes, true);
        double[] netGradient = new double[net.parameterCount()];
        double[] softmaxGradient = new double[softmax.parameterCount()];
        double h = net.crossEntropy(w, netGradient);
        assertThat(h).isCloseTo(softmax.crossEntropy(linear, softmaxGradient), within(1e-12 * h));
        for (int c = 0; c < classes; c++) {
            // dH/db2_c is dH/d(bias of class c) of the equivalent softmax regression
            assertThat(netGradient[b2 + c])
                    .isCloseTo(softmaxGradient[c * (d + 1) + d], within(1e-12));
        }
        assertThat(net.predict(w)).containsExactly(softmax.predict(linear));
    }

    @Test
    void predictsByHandOnATinyNetwork() {
        // d = 1, H = 2, n = 2: W1 = (1, -1), b1 = 0, W2 = I, b2 = (0, 0.5)
        ShallowNetwork net = ShallowNetwork.of(
                new double[][] {{2.0}, {-3.0}, {0.25}, {0.0}}, new int[] {0, 1, 1, 1}, 2, 2);
        double[] w = {1.0, -1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.5};
        // h = (2, 0), (0, 3), (0.25, 0), (0, 0); s = h + b2 = (2, .5), (0, 3.5), (.25, .5), (0, .5)
        assertThat(net.predict(w)).containsExactly(0, 1, 1, 1);
        assertThat(net.accuracy(w)).isEqualTo(1.0);
        double expected = Math.log1p(Math.exp(-1.5)) + Math.log1p(Math.exp(-3.5))
                + Math.log1p(Math.exp(-0.25)) + Math.log1p(Math.exp(-0.5));
        assertThat(net.crossEntropy(w)).isCloseTo(expected, within(1e-14));
        assertThat(net.parameterCount()).isEqualTo(10);
        assertThat(net.featureCount()).isEqualTo(1);
        assertThat(net.hiddenUnits()).isEqualTo(2);
        assertThat(net.classCount()).isEqualTo(2);
        assertThat(net.exampleCount()).isEqualTo(4);
    }

    @Test
    void hessianHasTheSecondOrderTermSoItIsIndefiniteUnlikeGaussNewton() {
        // the Gauss-Newton matrix J' diag(...) J is positive semi-definite; the exact Hessian
        // of a ReLU network at a random point is not, through the W1-W2 second-order term
        NetworkContract setting = new ThreeBlocksOfExamples();
        ShallowNetwork net = (ShallowNetwork) setting.model();
        double[] w = setting.point(new Random(34));
        double[] eigenvalues = new org.apache.commons.math3.linear.EigenDecomposition(
                new org.apache.commons.math3.linear.Array2DRowRealMatrix(net.hessianAt(w).toDense()))
                .getRealEigenvalues();
        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0.0;
        for (double lambda : eigenvalues) {
            smallest = Math.min(smallest, lambda);
            largest = Math.max(largest, lambda);
        }
        assertThat(smallest).isLessThan(-1e-3 * largest);
        // and along a direction that moves W2 only, H v still matches differences of the gradient
        Random random = new Random(35);
        double[] v = new double[net.parameterCount()];
        int w2 = 4 * 5 + 5;
        for (int q = w2; q < w2 + 3 * 5; q++) {
            v[q] = random.nextGaussian();
        }
        double[] hv = new double[v.length];
        net.hessianAt(w).apply(v, hv);
        double h = setting.differenceStep(w) / ModelTesting.maxAbs(v);
        ModelTesting.assertClose("Hv", hv, ModelTesting.differenceHessianVector(net, w, v, h), 1e-6);
    }

    @Test
    void initialParametersAreHeNormalWithZeroBiasesAndDeterministic() {
        int d = 50;
        int hidden = 100;
        int classes = 10;
        double[] w = ShallowNetwork.initialParameters(d, hidden, classes, 7L);
        assertThat(w).hasSize(hidden * d + hidden + classes * hidden + classes);
        assertThat(w).containsExactly(ShallowNetwork.initialParameters(d, hidden, classes, 7L));
        assertThat(w).isNotEqualTo(ShallowNetwork.initialParameters(d, hidden, classes, 8L));
        int b1 = hidden * d;
        int w2 = b1 + hidden;
        int b2 = w2 + classes * hidden;
        assertThat(meanSquare(w, 0, b1)).isCloseTo(2.0 / d, within(0.1 * 2.0 / d));
        assertThat(meanSquare(w, w2, b2)).isCloseTo(2.0 / hidden, within(0.2 * 2.0 / hidden));
        assertThat(meanSquare(w, b1, w2)).isZero();
        assertThat(meanSquare(w, b2, w.length)).isZero();
        Random reference = new Random(7L);
        assertThat(w[0]).isEqualTo(Math.sqrt(2.0 / d) * reference.nextGaussian());
    }

    private static double meanSquare(double[] w, int from, int to) {
        double sum = 0.0;
        for (int q = from; q < to; q++) {
            sum += w[q] * w[q];
        }
        return sum / (to - from);
    }

    @Test
    void copiesItsInputs() {
        double[][] x = {{1.0, 2.0}, {3.0, -1.0}, {0.5, 0.5}};
        int[] y = {0, 1, 2};
        ShallowNetwork net = ShallowNetwork.of(x, y, 3, 3);
        double[] w = ShallowNetwork.initialParameters(2, 3, 3, 1L);
        double before = net.crossEntropy(w);
        x[0][0] = -7.0;
        y[2] = 0;
        assertThat(net.crossEntropy(w)).isEqualTo(before);
    }

    @Test
    void rejectsBadArgumentsNamingTheValue() {
        double[][] x = {{1.0, 2.0}, {3.0, 4.0}};
        int[] y = {0, 1};
        assertThatThrownBy(() -> ShallowNetwork.of(x, y, 0, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("hiddenUnits must be >= 1, got 0");
        assertThatThrownBy(() -> ShallowNetwork.of(x, y, -3, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("hiddenUnits must be >= 1, got -3");
        assertThatThrownBy(() -> ShallowNetwork.of(x, y, 3, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("classCount must be >= 2, got 1");
        assertThatThrownBy(() -> ShallowNetwork.of(x, new int[] {0, 5}, 3, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("labels[1] must be in [0, 3], got 5");
        assertThatThrownBy(() -> ShallowNetwork.of(new double[][] {{1.0, 2.0}, {Double.NaN, 4.0}}, y, 3, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("features[1][0] must be finite, got NaN");
        assertThatThrownBy(() -> ShallowNetwork.of(x, null, 3, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("labels must not be null");
        assertThatThrownBy(() -> ShallowNetwork.of(new double[][] {{1.0}}, new int[] {0}, 1 << 20, 1 << 12))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parameters");
        assertThatThrownBy(() -> ShallowNetwork.initialParameters(0, 3, 2, 1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("featureCount must be >= 1, got 0");
        assertThatThrownBy(() -> ShallowNetwork.initialParameters(2, 0, 2, 1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("hiddenUnits must be >= 1, got 0");
        assertThatThrownBy(() -> ShallowNetwork.initialParameters(2, 3, 1, 1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("classCount must be >= 2, got 1");
    }
}
