package io.github.occam.models;

import io.github.occam.Batch;
import io.github.occam.Classifier;
import io.github.occam.internal.Checks;
import io.github.occam.internal.Vectors;
import io.github.occam.linalg.GramMatrix;
import java.util.Arrays;

/**
 * What the built-in classifiers share: their training set, the counts P, N and n, accuracy from
 * predictions, and the argument checks that open every evaluation.
 */
abstract class LabelledModel implements Classifier {

    /** The training set. */
    final LabelledData data;
    /** n, the number of classes. */
    final int classes;
    /** P, the number of parameters. */
    final int p;

    LabelledModel(LabelledData data, int classes, int p) {
        this.data = data;
        this.classes = classes;
        this.p = p;
    }

    /** Returns P, the number of parameters. */
    @Override
    public final int parameterCount() {
        return p;
    }

    /** Returns N, the number of training examples. */
    @Override
    public final int exampleCount() {
        return data.size;
    }

    /** Returns n, the number of classes. */
    @Override
    public final int classCount() {
        return classes;
    }

    /** Returns d, the number of input features (without any bias). */
    public final int featureCount() {
        return data.featureCount;
    }

    /**
     * Returns the fraction of training examples with {@code predict(w)[i] == labels[i]}.
     *
     * <pre>{@code
     * double accuracy = model.accuracy(w);
     * }</pre>
     */
    @Override
    public final double accuracy(double[] w) {
        return data.accuracy(predict(w));
    }

    /** Checks the arguments of a cross-entropy evaluation and zeroes {@code gradient}. */
    final void startValue(double[] w, Batch batch, double[] gradient) {
        Checks.finiteVector("w", w, p);
        Checks.notNull("batch", batch).checkWithin(data.size);
        if (gradient != null) {
            Checks.length("gradient", gradient, p);
            Arrays.fill(gradient, 0.0);
        }
    }

    /** Checks the arguments of an operator product and zeroes {@code result}. */
    /**
     * Returns {@code value}, or refuses a cross-entropy or gradient that is NaN at a finite w:
     * only an overflow in the model's sums gives one (terms of about 1e308 of both signs), and
     * then no number is the answer. The refusal names the model and the size of w.
     *
     * @throws ArithmeticException if the value or a gradient component is NaN
     */
    final double checkedResult(double value, double[] w, double[] gradient) {
        return checkedResult(getClass().getSimpleName(), value, w, gradient);
    }

    /** {@link #checkedResult(double, double[], double[])} for the model named {@code name}. */
    static double checkedResult(String name, double value, double[] w, double[] gradient) {
        boolean bad = Double.isNaN(value);
        if (!bad && gradient != null) {
            for (double g : gradient) {
                if (Double.isNaN(g)) {
                    bad = true;
                    break;
                }
            }
        }
        if (bad) {
            throw new ArithmeticException(name + ".crossEntropy: the"
                    + " scores overflow the range of doubles at w of norm " + Vectors.norm(w)
                    + ", so the cross-entropy has no value there");
        }
        return value;
    }

    /**
     * Returns the Gram matrix of the inputs, \(x_i \cdot x_{i'}\) plus {@code constant} (1 for a
     * bias, whose input is 1), N x N.
     */
    final double[][] inputGram(double constant) {
        int n = data.size;
        int d = data.featureCount;
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = java.util.Arrays.copyOfRange(data.x, i * d, (i + 1) * d);
        }
        double[][] gram = GramMatrix.of(rows, Runtime.getRuntime().availableProcessors());
        for (double[] row : gram) {
            for (int j = 0; j < n; j++) {
                row[j] += constant;
            }
        }
        return gram;
    }

    /**
     * Returns factors of rank n - 1 of the softmax curvature \(\Lambda = \mathrm{diag}(p) - p p^T\)
     * of each row of {@code probabilities} (N x n), n x (n - 1), row-major. With \(s = \sqrt p\),
     * \(L = \mathrm{diag}(s) - p s^T\) has \(L L^T = \Lambda\) and \(L s = 0\); a Householder
     * reflection H with \(H s = -e_m\) (m the largest entry of s, \(v = s + e_m\)) turns L into
     * LH, whose column m is \(-L s = 0\), so the other n - 1 columns of LH factor \(\Lambda\):
     * \((LH)_{ka} = L_{ka} - L_{km} v_a / (1 + s_m)\). The dual matrix is then N (n - 1) on a
     * side, not N n, with the same determinant.
     */
    static double[][] softmaxFactors(double[][] probabilities) {
        double[][] factors = new double[probabilities.length][];
        for (int i = 0; i < probabilities.length; i++) {
            double[] pr = probabilities[i];
            int n = pr.length;
            double[] s = new double[n];
            int m = 0;
            for (int k = 0; k < n; k++) {
                s[k] = Math.sqrt(pr[k]);
                if (s[k] > s[m]) {
                    m = k;
                }
            }
            double[] l = new double[n * (n - 1)];
            for (int k = 0; k < n; k++) {
                double lkm = (k == m ? s[m] : 0.0) - pr[k] * s[m];
                int column = 0;
                for (int a = 0; a < n; a++) {
                    if (a == m) {
                        continue;
                    }
                    double lka = (k == a ? s[a] : 0.0) - pr[k] * s[a];
                    l[k * (n - 1) + column] = lka - lkm * s[a] / (1.0 + s[m]);
                    column++;
                }
            }
            factors[i] = l;
        }
        return factors;
    }

    /** Returns [i n + k][i' n + k'] = block[i][i'] where k = k', else 0: the gram times I_n. */
    static double[][] timesIdentity(double[][] block, int n) {
        int size = block.length;
        double[][] gram = new double[size * n][size * n];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                for (int k = 0; k < n; k++) {
                    gram[i * n + k][j * n + k] = block[i][j];
                }
            }
        }
        return gram;
    }

    final void startProduct(double[] v, double[] result) {
        Checks.finiteVector("v", v, p);
        Checks.length("result", result, p);
        Arrays.fill(result, 0.0);
    }
}
