package io.github.occam.models;

import io.github.occam.internal.Tasks;
import io.github.occam.linalg.GramMatrix;

/**
 * The score Jacobians of {@link ShallowNetwork} in closed form ({@code DESIGN}, section 2c): the
 * Gram matrix \(J J^T\), the softmax curvature factors and the dual Gauss-Newton matrix
 * \(L^T (J J^T) L\), from one dense forward pass of every example. The network checks the point;
 * this class computes.
 */
final class NetworkJacobians {

    private NetworkJacobians() {
    }

    /** \(J J^T\), N n x N n: see {@link ShallowNetwork#scoreGram}. */
    static double[][] scoreGram(ShallowNetwork net, double[] w) {
        int size = net.data.size;
        int hidden = net.hidden;
        int classes = net.classes;
        Forward forward = new Forward(net, w, false);
        double[][] inputs = net.inputGram(1.0);
        double[][] gram = new double[size * classes][size * classes];
        double[][][] masked = new double[classes][size][hidden];
        for (int k = 0; k < classes; k++) {
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < hidden; j++) {
                    masked[k][i][j] = forward.on[i][j] ? w[net.w2Offset + k * hidden + j] : 0.0;
                }
            }
        }
        double[][] hh = hiddenGram(net, forward.h);
        for (int i = 0; i < size; i++) {
            for (int i2 = 0; i2 <= i; i2++) {
                for (int k = 0; k < classes; k++) {
                    for (int k2 = 0; k2 < classes; k2++) {
                        double s = 0.0;
                        double[] a = masked[k][i];
                        double[] b = masked[k2][i2];
                        for (int j = 0; j < hidden; j++) {
                            s += a[j] * b[j];
                        }
                        double value = inputs[i][i2] * s + (k == k2 ? hh[i][i2] : 0.0);
                        gram[i * classes + k][i2 * classes + k2] = value;
                        gram[i2 * classes + k2][i * classes + k] = value;
                    }
                }
            }
        }
        return gram;
    }

    /**
     * \(M = L^T (J J^T) L\), block (i, i') \((x_i \cdot x_{i'} + 1) B_i B_{i'}^T + (h_i \cdot
     * h_{i'} + 1) L_i^T L_{i'}\) with \(B_i = L_i^T W_2 \mathrm{diag}(D_i)\): see
     * {@link ShallowNetwork#dualMatrix}.
     */
    static double[][] dualMatrix(ShallowNetwork net, double[] w) {
        int size = net.data.size;
        int hidden = net.hidden;
        int classes = net.classes;
        int rank = classes - 1;
        Forward forward = new Forward(net, w, true);
        double[][] factors = LabelledModel.softmaxFactors(forward.probabilities);
        double[][] stacked = new double[size * rank][hidden];
        Tasks.run(net.threads, size, (i, worker) -> {
            double[] l = factors[i];
            boolean[] on = forward.on[i];
            for (int a = 0; a < rank; a++) {
                double[] row = stacked[i * rank + a];
                for (int k = 0; k < classes; k++) {
                    double coefficient = l[k * rank + a];
                    int offset = net.w2Offset + k * hidden;
                    for (int j = 0; j < hidden; j++) {
                        row[j] += coefficient * w[offset + j];
                    }
                }
                for (int j = 0; j < hidden; j++) {
                    if (!on[j]) {
                        row[j] = 0.0;
                    }
                }
            }
        });
        double[][] inputs = net.inputGram(1.0);
        double[][] hh = hiddenGram(net, forward.h);
        double[][] m = GramMatrix.of(stacked, net.threads);
        int rows = size * rank;
        Tasks.run(net.threads, rows, (r, worker) -> {
            int i = r / rank;
            int a = r % rank;
            double[] l = factors[i];
            double[] row = m[r];
            for (int c = 0; c <= r; c++) {
                int i2 = c / rank;
                int b = c % rank;
                double[] l2 = factors[i2];
                double ll = 0.0;
                for (int k = 0; k < classes; k++) {
                    ll += l[k * rank + a] * l2[k * rank + b];
                }
                row[c] = inputs[i][i2] * row[c] + hh[i][i2] * ll;
            }
        });
        GramMatrix.mirrorLower(m);
        return m;
    }

    /** Factors of rank n - 1 of \(\mathrm{diag}(p_i) - p_i p_i^T\) for each example. */
    static double[][] curvatureFactors(ShallowNetwork net, double[] w) {
        return LabelledModel.softmaxFactors(new Forward(net, w, true).probabilities);
    }

    /**
     * How many pre-activations \(a_{ij}\) lie within rounding of 0: \(|a_{ij}| \le 2 (d + 1)
     * u (|b_j| + \sum_m |W_{jm} x_{im}|)\), u the unit roundoff, the bound on the rounding error of
     * their sum.
     */
    static long kinks(ShallowNetwork net, double[] w) {
        int size = net.data.size;
        int d = net.d;
        int hidden = net.hidden;
        double[] x = net.data.x;
        double u = Math.ulp(1.0) / 2;
        long[] counts = new long[size];
        Tasks.run(net.threads, size, (i, worker) -> {
            long count = 0;
            for (int j = 0; j < hidden; j++) {
                double a = w[net.b1Offset + j];
                double scale = Math.abs(a);
                for (int m = 0; m < d; m++) {
                    double term = w[j * d + m] * x[i * d + m];
                    a += term;
                    scale += Math.abs(term);
                }
                if (Math.abs(a) <= 2.0 * (d + 1) * u * scale) {
                    count++;
                }
            }
            counts[i] = count;
        });
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }

    /** \(h_i \cdot h_{i'} + 1\), N x N. */
    private static double[][] hiddenGram(ShallowNetwork net, double[][] h) {
        double[][] gram = GramMatrix.of(h, net.threads);
        for (double[] row : gram) {
            for (int j = 0; j < row.length; j++) {
                row[j] += 1.0;
            }
        }
        return gram;
    }

    /**
     * The forward pass of every example over the dense inputs: hidden activations, ReLU pattern
     * and (if asked) class probabilities. The first layer adds the non-zero inputs' columns of
     * \(W_1\) (held transposed) in ascending order, one task per example.
     */
    private static final class Forward {
        final double[][] h;
        final boolean[][] on;
        final double[][] probabilities;

        Forward(ShallowNetwork net, double[] w, boolean withProbabilities) {
            int size = net.data.size;
            int d = net.d;
            int hidden = net.hidden;
            int classes = net.classes;
            double[] x = net.data.x;
            double[][] w1t = new double[d][hidden];
            for (int j = 0; j < hidden; j++) {
                for (int m = 0; m < d; m++) {
                    w1t[m][j] = w[j * d + m];
                }
            }
            h = new double[size][hidden];
            on = new boolean[size][hidden];
            probabilities = withProbabilities ? new double[size][classes] : null;
            Tasks.run(net.threads, size, (i, worker) -> {
                double[] a = h[i];
                System.arraycopy(w, net.b1Offset, a, 0, hidden);
                for (int m = 0; m < d; m++) {
                    double xm = x[i * d + m];
                    if (xm != 0.0) {
                        double[] column = w1t[m];
                        for (int j = 0; j < hidden; j++) {
                            a[j] += xm * column[j];
                        }
                    }
                }
                for (int j = 0; j < hidden; j++) {
                    on[i][j] = a[j] > 0.0;
                    a[j] = Math.max(a[j], 0.0);
                }
                if (withProbabilities) {
                    double[] s = probabilities[i];
                    for (int k = 0; k < classes; k++) {
                        double z = w[net.b2Offset + k];
                        int offset = net.w2Offset + k * hidden;
                        for (int j = 0; j < hidden; j++) {
                            z += w[offset + j] * a[j];
                        }
                        s[k] = z;
                    }
                    LabelledData.softmaxInPlace(s, 0, classes, 0);
                }
            });
        }
    }
}
