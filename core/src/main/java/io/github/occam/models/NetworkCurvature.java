package io.github.occam.models;

import static io.github.occam.models.ShallowNetwork.EXAMPLES_PER_TASK;
import static io.github.occam.models.ShallowNetwork.INPUTS_PER_TASK;
import static io.github.occam.models.ShallowNetwork.UNITS_PER_TASK;

import io.github.occam.Batch;
import io.github.occam.SymmetricOperator;
import io.github.occam.internal.Tasks;
import java.util.Arrays;

/**
 * The curvature operator of {@link ShallowNetwork} ({@link ShallowNetwork#hessianAt},
 * {@link ShallowNetwork#gaussNewtonAt}): the Hessian (exact) or the generalized Gauss-Newton
 * matrix of H at a point, the forward pass of all N examples cached, and every buffer of a
 * product allocated once. The network's sizes are copied in; its kernels are called through it.
 */
final class NetworkCurvature implements SymmetricOperator {
    private final ShallowNetwork net;
    private final LabelledData data;
    private final SparseInputs inputs;
    private final int d;
    private final int hidden;
    private final int classes;
    private final int p;
    private final int pass;
    private final int inputTasks;
    private final int unitTasks;
    private final int b1Offset;
    private final int w2Offset;
    private final int b2Offset;

    private final boolean exact;
    private final Batch all;
    private final double[][] w2;
    /** Hidden activations of every example. */
    private final double[][] hAll;
    /** Probabilities of every example, N x n. */
    private final double[] prob;
    /** \(\delta = p - e_y\) of every example, N x n. */
    private final double[] delta;
    private final boolean[] used;
    private final SparseInputs.Columns[] columnsOfPass;

    private final double[][] v1t;
    private final double[][] out1t;
    private final double[][] v2;
    private final double[][] out2;
    private final double[] outB1;
    private final double[][] rh;
    private final double[][] rg;
    private final double[][] hView;
    private final double[] rDelta;
    private final double[] passDelta;
    private final double[][] rDeltaT;
    private final double[][] deltaT;
    private final double[] ones;
    private final int[] rows;
    private final int[] classOf;

    /** The product in progress. */
    private double[] v;
    private double[] result;
    private int first;
    private int count;
    private SparseInputs.Columns columns;

    private final Tasks.Task gatherTask;
    private final Tasks.Task exampleTask;
    private final Tasks.Task parameterTask;
    private final Tasks.Task scatterTask;

    NetworkCurvature(ShallowNetwork net, double[] w, boolean exact) {
        this.net = net;
        this.data = net.data;
        this.inputs = net.inputs;
        this.d = net.d;
        this.hidden = net.hidden;
        this.classes = net.classes;
        this.p = net.p;
        this.pass = net.pass;
        this.inputTasks = net.inputTasks;
        this.unitTasks = net.unitTasks;
        this.b1Offset = net.b1Offset;
        this.w2Offset = net.w2Offset;
        this.b2Offset = net.b2Offset;
        this.exact = exact;
        this.all = Batch.all(data.size);
        this.w2 = new double[classes][hidden];
        this.hAll = new double[data.size][hidden];
        this.prob = new double[data.size * classes];
        this.delta = new double[data.size * classes];
        this.used = new boolean[d];
        this.v1t = new double[d][hidden];
        this.out1t = new double[d][hidden];
        this.v2 = new double[classes][hidden];
        this.out2 = new double[classes][hidden];
        this.outB1 = new double[hidden];
        this.rh = new double[pass][hidden];
        this.rg = new double[pass][hidden];
        this.hView = new double[pass][];
        this.rDelta = new double[pass * classes];
        this.passDelta = new double[pass * classes];
        this.rDeltaT = new double[classes][pass];
        this.deltaT = new double[classes][pass];
        this.ones = new double[pass];
        this.rows = ShallowNetwork.identity(pass);
        this.classOf = net.classIndex(pass * classes);
        this.gatherTask = (t, worker) -> gather(t);
        this.exampleTask = (t, worker) -> examples(t);
        this.parameterTask = (t, worker) -> parameters(t);
        this.scatterTask = (t, worker) -> scatter(t);
        Arrays.fill(ones, 1.0);
        net.copyW2(w, w2);
        inputs.markUsed(all, used);
        int passes = (data.size + pass - 1) / pass;
        columnsOfPass = new SparseInputs.Columns[passes];
        for (int q = 0; q < passes; q++) {
            int start = q * pass;
            int size = Math.min(pass, data.size - start);
            columnsOfPass[q] = new SparseInputs.Columns(d,
                    inputs.nonZeros(all, start, start + size));
            inputs.columns(all, start, size, columnsOfPass[q]);
        }
        forwardAll(w);
    }

    /** Runs the forward pass of every example at w, keeping h, p and delta. */
    private void forwardAll(double[] w) {
        double[][] w1t = v1t;
        double[] b1 = Arrays.copyOfRange(w, b1Offset, b1Offset + hidden);
        double[] b2 = Arrays.copyOfRange(w, b2Offset, b2Offset + classes);
        Tasks.run(net.threadsFor(data.size), inputTasks, (t, worker) ->
                NetworkKernels.gatherColumns(w, d, used, t * INPUTS_PER_TASK,
                        Math.min(d, (t + 1) * INPUTS_PER_TASK), w1t, null));
        Tasks.run(net.threadsFor(data.size),
                (data.size + EXAMPLES_PER_TASK - 1) / EXAMPLES_PER_TASK, (t, worker) -> {
                    int i1 = Math.min(data.size, (t + 1) * EXAMPLES_PER_TASK);
                    for (int i = t * EXAMPLES_PER_TASK; i < i1; i++) {
                        int o = i * classes;
                        net.forwardExample(w1t, b1, w2, b2, i, hAll[i], prob, o);
                        LabelledData.softmaxInPlace(prob, o, classes, 0);
                        System.arraycopy(prob, o, delta, o, classes);
                        delta[o + data.y[i]] -= 1.0;
                    }
                });
    }

    @Override
    public int dimension() {
        return p;
    }

    @Override
    public void apply(double[] v, double[] result) {
        net.startProduct(v, result);
        this.v = v;
        this.result = result;
        try {
            net.copyW2(v, v2);
            for (double[] row : out2) {
                Arrays.fill(row, 0.0);
            }
            Arrays.fill(outB1, 0.0);
            Tasks.run(net.threadsFor(data.size), inputTasks, gatherTask);
            for (int q = 0; q < columnsOfPass.length; q++) {
                first = q * pass;
                count = Math.min(pass, data.size - first);
                columns = columnsOfPass[q];
                System.arraycopy(hAll, first, hView, 0, count);
                int narrow = net.threadsFor(count);
                Tasks.run(narrow, (count + EXAMPLES_PER_TASK - 1) / EXAMPLES_PER_TASK,
                        exampleTask);
                for (int r = 0; r < count; r++) {
                    for (int c = 0; c < classes; c++) {
                        result[b2Offset + c] += rDelta[r * classes + c];
                    }
                }
                Tasks.run(narrow, inputTasks + unitTasks, parameterTask);
            }
            Tasks.run(net.threadsFor(data.size), inputTasks, scatterTask);
            for (int c = 0; c < classes; c++) {
                System.arraycopy(out2[c], 0, result, w2Offset + c * hidden, hidden);
            }
            System.arraycopy(outB1, 0, result, b1Offset, hidden);
        } finally {
            this.v = null;
            this.result = null;
            Arrays.fill(hView, null);
        }
    }

    /** Transposes the first-layer block of v for the inputs of task t; zeroes their output. */
    private void gather(int t) {
        NetworkKernels.gatherColumns(v, d, used, t * INPUTS_PER_TASK,
                Math.min(d, (t + 1) * INPUTS_PER_TASK), v1t, out1t);
    }

    /** Writes the first-layer block of the product for the inputs of task t. */
    private void scatter(int t) {
        NetworkKernels.scatterColumns(out1t, used, t * INPUTS_PER_TASK,
                Math.min(d, (t + 1) * INPUTS_PER_TASK), d, result);
    }

    /**
     * The R-forward pass of task t's examples: \(\mathcal{R}h\), \(\mathcal{R}s\),
     * \(\mathcal{R}\delta\) and \(\mathcal{R}g\).
     */
    private void examples(int t) {
        int r1 = Math.min(count, (t + 1) * EXAMPLES_PER_TASK);
        for (int r = t * EXAMPLES_PER_TASK; r < r1; r++) {
            int i = first + r;
            double[] h = hAll[i];
            double[] ra = rh[r];
            System.arraycopy(v, b1Offset, ra, 0, hidden);
            NetworkKernels.addRows(ra, v1t, inputs.column, inputs.value, inputs.start[i],
                    inputs.start[i + 1], 0, hidden);
            NetworkKernels.maskInactive(h, ra);
            int o = r * classes;
            int go = i * classes;
            System.arraycopy(v, b2Offset, rDelta, o, classes);
            NetworkKernels.addDots(w2, ra, rDelta, o);
            NetworkKernels.addDots(v2, h, rDelta, o);
            double mean = 0.0;
            for (int c = 0; c < classes; c++) {
                mean += prob[go + c] * rDelta[o + c];
            }
            for (int c = 0; c < classes; c++) {
                double value = prob[go + c] * (rDelta[o + c] - mean);
                rDelta[o + c] = value;
                rDeltaT[c][r] = value;
                passDelta[o + c] = delta[go + c];
                deltaT[c][r] = delta[go + c];
            }
            double[] g = rg[r];
            Arrays.fill(g, 0.0);
            NetworkKernels.addRows(g, w2, classOf, rDelta, o, o + classes, 0, hidden);
            if (exact) {
                NetworkKernels.addRows(g, v2, classOf, passDelta, o, o + classes, 0,
                        hidden);
            }
            NetworkKernels.maskInactive(h, g);
        }
    }

    /**
     * Task t of the parameter phase: the first-layer block of the product for 16 inputs, or
     * its W2 and b1 blocks for 64 hidden units, summed over the pass's examples.
     */
    private void parameters(int t) {
        if (t < inputTasks) {
            net.addInputRows(t, columns, rg, out1t);
            return;
        }
        int lo = (t - inputTasks) * UNITS_PER_TASK;
        int hi = Math.min(hidden, lo + UNITS_PER_TASK);
        for (int c = 0; c < classes; c++) {
            NetworkKernels.addRows(out2[c], hView, rows, rDeltaT[c], 0, count, lo, hi);
            if (exact) {
                NetworkKernels.addRows(out2[c], rh, rows, deltaT[c], 0, count, lo, hi);
            }
        }
        NetworkKernels.addRows(outB1, rg, rows, ones, 0, count, lo, hi);
    }
}
