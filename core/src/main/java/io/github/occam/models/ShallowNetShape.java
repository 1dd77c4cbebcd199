package io.github.occam.models;

import io.github.occam.internal.Checks;
import java.util.Random;

/**
 * The shape of a shallow network d-H-n and the one definition of its parameter layout and
 * initialization, shared by {@link ShallowNetwork} (double precision, for the evidence) and the
 * float32 SGD engine of {@code io.github.occam.sgd}, so that parameters pass between the two
 * unchanged.
 *
 * <p>The parameters are laid out {@code [W1 (H x d, row-major), b1 (H), W2 (n x H, row-major),
 * b2 (n)]}: P = H d + H + n H + n, \((W_1)_{kj}\) is {@code w[w1Index(k, j)] = w[k d + j]},
 * \((b_1)_k\) is {@code w[b1Offset() + k]}, \((W_2)_{ck}\) is
 * {@code w[w2Index(c, k)] = w[w2Offset() + c H + k]} and \((b_2)_c\) is
 * {@code w[b2Offset() + c]}.
 *
 * <pre>{@code
 * ShallowNetShape shape = new ShallowNetShape(784, 800, 10);
 * double[] w = shape.initialParameters(42L);        // He-normal, zero biases
 * double w2 = w[shape.w2Index(3, 17)];              // (W2)[3][17]
 * }</pre>
 *
 * @param featureCount d, the number of inputs, at least 1
 * @param hiddenUnits H, the number of hidden units, at least 1
 * @param classCount n, the number of classes, at least 2
 */
public record ShallowNetShape(int featureCount, int hiddenUnits, int classCount) {

    /**
     * Checks the sizes.
     *
     * @throws IllegalArgumentException if a size is out of range or P does not fit in an array,
     *     naming the bad value
     */
    public ShallowNetShape {
        Checks.atLeast("featureCount", featureCount, 1);
        Checks.atLeast("hiddenUnits", hiddenUnits, 1);
        Checks.atLeast("classCount", classCount, 2);
        LabelledData.parameterCount((long) hiddenUnits * featureCount + hiddenUnits
                + (long) classCount * hiddenUnits + classCount);
    }

    /** Returns P = H d + H + n H + n, the number of parameters. */
    public int parameterCount() {
        return b2Offset() + classCount;
    }

    /** Returns the index of \((b_1)_0\), H d. */
    public int b1Offset() {
        return hiddenUnits * featureCount;
    }

    /** Returns the index of \((W_2)_{00}\), H d + H. */
    public int w2Offset() {
        return b1Offset() + hiddenUnits;
    }

    /** Returns the index of \((b_2)_0\), H d + H + n H. */
    public int b2Offset() {
        return w2Offset() + classCount * hiddenUnits;
    }

    /**
     * Returns the index of \((W_1)_{kj}\), the weight from input j to hidden unit k:
     * {@code k d + j}.
     *
     * @param unit k, in [0, H) (not checked)
     * @param feature j, in [0, d) (not checked)
     * @return the index in the parameter vector
     */
    public int w1Index(int unit, int feature) {
        return unit * featureCount + feature;
    }

    /**
     * Returns the index of \((W_2)_{ck}\), the weight from hidden unit k to class c:
     * {@code H d + H + c H + k}.
     *
     * @param c the class, in [0, n) (not checked)
     * @param unit k, in [0, H) (not checked)
     * @return the index in the parameter vector
     */
    public int w2Index(int c, int unit) {
        return w2Offset() + c * hiddenUnits + unit;
    }

    /**
     * Returns He-initialized parameters: every entry of \(W_1\) drawn from \(N(0, 2/d)\), every
     * entry of \(W_2\) from \(N(0, 2/H)\), in layout order ({@code W1} row by row, then
     * {@code W2} row by row) as
     * {@code sqrt(2 / fanIn) * new java.util.Random(seed).nextGaussian()}, and zero biases. The same seed gives the same numbers on every platform.
     *
     * <pre>{@code
     * double[] w = new ShallowNetShape(784, 800, 10).initialParameters(42L);
     * }</pre>
     *
     * @param seed seed of the generator
     * @return a new array of length P
     */
    public double[] initialParameters(long seed) {
        double[] w = new double[parameterCount()];
        Random random = new Random(seed);
        double scale1 = Math.sqrt(2.0 / featureCount);
        for (int j = 0; j < b1Offset(); j++) {
            w[j] = scale1 * random.nextGaussian();
        }
        double scale2 = Math.sqrt(2.0 / hiddenUnits);
        for (int j = w2Offset(); j < b2Offset(); j++) {
            w[j] = scale2 * random.nextGaussian();
        }
        return w;
    }
}
