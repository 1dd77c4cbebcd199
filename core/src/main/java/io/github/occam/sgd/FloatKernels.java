package io.github.occam.sgd;

/**
 * The float32 inner loops of {@link FloatShallowNet}. Each sums in an order fixed by its
 * arguments' sizes alone, so its results do not depend on the thread that runs it; each is
 * written in the form HotSpot's C2 compiler turns into vector instructions (one index over the
 * hidden units, several independent sums).
 */
final class FloatKernels {

    private FloatKernels() {
    }

    /**
     * The logits of one example without the bias, {@code logits[o + c] = sum_u W2[c][u] a[u]},
     * from {@code w = W2} transposed ({@code w[u * n + c] = W2[c][u]}). Classes go four per pass, each with two partial sums (even and odd u),
     * and the remaining classes one per pass with four partial sums (u mod 4), so that eight
     * independent sums keep the floating-point units busy. The order is fixed by n and H alone.
     */
    static void outputLayer(float[] a, float[] w, int n, float[] logits, int o) {
        final int h = a.length;
        final int pairs = h - h % 2;
        int c = 0;
        for (; c + 4 <= n; c += 4) {
            float a0 = 0f;
            float a1 = 0f;
            float a2 = 0f;
            float a3 = 0f;
            float b0 = 0f;
            float b1 = 0f;
            float b2 = 0f;
            float b3 = 0f;
            for (int u = 0; u < pairs; u += 2) {
                final float x = a[u];
                final float y = a[u + 1];
                final int q = u * n + c;
                final int r = q + n;
                a0 += w[q] * x;
                a1 += w[q + 1] * x;
                a2 += w[q + 2] * x;
                a3 += w[q + 3] * x;
                b0 += w[r] * y;
                b1 += w[r + 1] * y;
                b2 += w[r + 2] * y;
                b3 += w[r + 3] * y;
            }
            if (pairs < h) {
                final float x = a[pairs];
                final int q = pairs * n + c;
                a0 += w[q] * x;
                a1 += w[q + 1] * x;
                a2 += w[q + 2] * x;
                a3 += w[q + 3] * x;
            }
            logits[o + c] = a0 + b0;
            logits[o + c + 1] = a1 + b1;
            logits[o + c + 2] = a2 + b2;
            logits[o + c + 3] = a3 + b3;
        }
        final int quads = h - h % 4;
        for (; c < n; c++) {
            float s0 = 0f;
            float s1 = 0f;
            float s2 = 0f;
            float s3 = 0f;
            for (int u = 0; u < quads; u += 4) {
                final int q = u * n + c;
                s0 += w[q] * a[u];
                s1 += w[q + n] * a[u + 1];
                s2 += w[q + 2 * n] * a[u + 2];
                s3 += w[q + 3 * n] * a[u + 3];
            }
            for (int u = quads; u < h; u++) {
                s0 += w[u * n + c] * a[u];
            }
            logits[o + c] = (s0 + s1) + (s2 + s3);
        }
    }

    /**
     * {@code y += sum_{p in [from, to)} coefficient[p] * rows[index[p]]}, the terms taken four
     * at a time, {@code y + ((t0 + t1) + (t2 + t3))}, then one at a time; four rows per pass
     * quarter the loads and stores of {@code y}.
     */
    static void addProducts(float[] y, float[][] rows, int[] index, float[] coefficient,
            int from, int to) {
        final int len = y.length;
        int p = from;
        for (; p + 4 <= to; p += 4) {
            final float x0 = coefficient[p];
            final float x1 = coefficient[p + 1];
            final float x2 = coefficient[p + 2];
            final float x3 = coefficient[p + 3];
            final float[] r0 = rows[index[p]];
            final float[] r1 = rows[index[p + 1]];
            final float[] r2 = rows[index[p + 2]];
            final float[] r3 = rows[index[p + 3]];
            for (int u = 0; u < len; u++) {
                y[u] += (x0 * r0[u] + x1 * r1[u]) + (x2 * r2[u] + x3 * r3[u]);
            }
        }
        for (; p < to; p++) {
            final float x = coefficient[p];
            final float[] r = rows[index[p]];
            for (int u = 0; u < len; u++) {
                y[u] += x * r[u];
            }
        }
    }
}
