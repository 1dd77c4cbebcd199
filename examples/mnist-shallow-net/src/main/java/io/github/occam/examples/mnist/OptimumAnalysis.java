package io.github.occam.examples.mnist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * From the runs of a sweep to the optimal batch size and its scaling rules.
 *
 * <p><b>Families.</b> Runs are grouped by their budget first ({@link SweepBudget}): one
 * {@code runs.csv} may hold several budgets, and only runs of one budget are compared. Within a
 * budget, the runs of one setting (&epsilon;, N, m) make one accuracy curve against B.
 *
 * <p><b>Diverged runs.</b> A run that diverged ({@link RunRecord#diverged()}) is left out of the
 * means, and a batch size at which any run diverged is not a candidate for the optimum: the
 * optimum is looked for among the batch sizes at which every run trained.
 *
 * <p><b>B<sub>opt</sub> of one setting</b>, two ways, both on the test accuracy averaged over
 * seeds at each candidate B:
 * <ul>
 *   <li><i>as the paper read it</i>: the best grid point, to within one grid step either side;</li>
 *   <li><i>by a fit</i>: the vertex of the parabola in log<sub>2</sub> B through the best grid
 *       point and its two neighbours among the candidates.</li>
 * </ul>
 * When the best candidate is the smallest or the largest one there is no interior optimum: both
 * estimates are that grid point, {@link Optimum#edge()} says which edge (the grid's, or the
 * smallest B that trained when smaller ones diverged) and no interval is given. Otherwise each
 * estimate has a 95% percentile bootstrap interval over seeds: the seeds are drawn with
 * replacement, jointly for all the settings of a budget (a seed draws the same training subset
 * and initialization in every setting, so the settings are not independent), the estimate is
 * repeated on each resample, and the 2.5% and 97.5% quantiles bound it.
 *
 * <p><b>Scaling.</b> Among the interior optima of one budget that differ only in &epsilon;
 * (respectively N, 1/(1-m)), the slope of ln B<sub>opt</sub> against ln &epsilon; (ln N,
 * ln 1/(1-m)) by least squares, for each estimate; the paper predicts 1 for each
 * (B<sub>opt</sub> &prop; &epsilon; N / (1 - m), section 4). Optima at an edge are left out of
 * the fit and listed. The interval comes from the same joint bootstrap replicates, refitted
 * replicate by replicate.
 *
 * <pre>{@code
 * OptimumAnalysis.Result result = OptimumAnalysis.analyze(runs, 1000, 7L);
 * for (OptimumAnalysis.Optimum o : result.optima()) {
 *     System.out.println(o.budget().describe() + " " + o.setting() + " B_opt = " + o.batchSize());
 * }
 * }</pre>
 */
public final class OptimumAnalysis {

    /** Number of bootstrap resamples used by the command line. */
    public static final int DEFAULT_RESAMPLES = 1000;

    /** The scaling variables, in the order of {@code scaling.csv}. */
    public static final List<String> VARIABLES = List.of("learning_rate", "train_size", "1/(1-momentum)");

    private OptimumAnalysis() {
    }

    /** Where an optimum sits on its grid. */
    /** A run is fitted when its training accuracy reaches this at the end of its budget. */
    public static final double FITTED_ACCURACY = 0.99;

    public enum Edge {
        /** An interior optimum: a better candidate neither side. */
        NONE("none"),
        /** The best candidate is the smallest B of the grid. */
        SMALLEST_B("smallest_b"),
        /** The best candidate is the largest B of the grid. */
        LARGEST_B("largest_b"),
        /**
         * The best candidate is the smallest (or largest) B at which every run trained: runs at
         * the next grid point diverged, so the optimum may be set by stability.
         */
        STABILITY("stability"),
        /**
         * The best candidate or a grid neighbour of it holds runs that did not fit the training
         * set ({@link #FITTED_ACCURACY}): the optimum is bound by the fitting edge, and no
         * parabola is drawn across it.
         */
        FITTING("fitting"),
        /** Every run of the setting diverged: no optimum. */
        NO_STABLE_RUN("no_stable_run");

        private final String label;

        Edge(String label) {
            this.label = label;
        }

        /** The value of the {@code edge} column of {@code optimum.csv}. */
        public String label() {
            return label;
        }
    }

    /**
     * The vertex of the accuracy curve of one setting.
     *
     * @param log2BatchSize log<sub>2</sub> B at the maximum
     * @param atEdge        whether the best grid point is the first or last of the grid
     */
    public record Peak(double log2BatchSize, boolean atEdge) {
    }

    /**
     * The runs of one setting at one batch size. Means are over the runs that did not diverge
     * (NaN when every run diverged).
     *
     * @param batchSize         B
     * @param runs              runs at this B (one per seed)
     * @param diverged          how many of them diverged
     * @param mean              mean test accuracy
     * @param sd                sample standard deviation of the test accuracy (0 for one run)
     * @param trainAccuracy     mean final training accuracy
     * @param trainCrossEntropy mean final training cross-entropy
     * @param testCrossEntropy  mean final test cross-entropy
     * @param divergedAccuracy  mean test accuracy of the runs that diverged (NaN when none did)
     */
    public record Point(int batchSize, int runs, int diverged, double mean, double sd, double trainAccuracy,
                        double trainCrossEntropy, double testCrossEntropy, double divergedAccuracy,
                        int fittedRuns) {

        /** Whether every run at this B trained and fitted the training set ({@link #FITTED_ACCURACY}). */
        public boolean fitted() {
            return stable() && fittedRuns == runs;
        }

        /** Whether every run at this B trained: a candidate for the optimum. */
        public boolean stable() {
            return diverged == 0 && runs > 0;
        }

        /** Runs that did not diverge. */
        public int seeds() {
            return runs - diverged;
        }
    }

    /**
     * B<sub>opt</sub> of one setting under one budget, both ways, with bootstrap intervals (NaN
     * at an edge: there is none).
     *
     * @param budget         the budget of the runs
     * @param setting        (&epsilon;, N, m)
     * @param seeds          seeds with at least one run
     * @param gridBatchSize  the best grid point (the paper's reading); NaN without a stable run
     * @param gridStepLow    the grid point one step below it (NaN at an edge)
     * @param gridStepHigh   the grid point one step above it (NaN at an edge)
     * @param gridLow        2.5% bootstrap quantile of the best grid point (NaN at an edge)
     * @param gridHigh       97.5% bootstrap quantile of the best grid point (NaN at an edge)
     * @param batchSize      B<sub>opt</sub> by the fit (the best grid point at an edge)
     * @param low            2.5% bootstrap quantile of the fit (NaN at an edge)
     * @param high           97.5% bootstrap quantile of the fit (NaN at an edge)
     * @param edge           where the optimum sits
     * @param edgeReplicates fraction of the bootstrap replicates whose best point is an edge
     * @param curve          every batch size of the setting, in increasing order
     * @param replicates     B<sub>opt</sub> by the fit of each bootstrap replicate
     * @param gridReplicates the best grid point of each bootstrap replicate
     */
    public record Optimum(SweepBudget budget, RunKey.Setting setting, int seeds, double gridBatchSize,
                          double gridStepLow, double gridStepHigh, double gridLow, double gridHigh,
                          double batchSize, double low, double high, Edge edge, double edgeReplicates,
                          List<Point> curve, List<Double> replicates, List<Double> gridReplicates) {

        /** Copies the lists. */
        public Optimum {
            curve = List.copyOf(curve);
            replicates = List.copyOf(replicates);
            gridReplicates = List.copyOf(gridReplicates);
        }

        /** Whether there is no interior optimum. */
        public boolean atEdge() {
            return edge != Edge.NONE;
        }

        /** The estimate {@code fit} ({@link #batchSize()}) or {@code grid} ({@link #gridBatchSize()}). */
        double estimate(String estimate) {
            return estimate.equals("fit") ? batchSize : gridBatchSize;
        }

        /** Replicate {@code r} of the estimate {@code fit} or {@code grid}. */
        double replicate(String estimate, int r) {
            return estimate.equals("fit") ? replicates.get(r) : gridReplicates.get(r);
        }

        /**
         * The temperature at the grid optimum, &tau;* = &epsilon; / (B (1 - m)); NaN without one. At
         * fixed N and T the test accuracy is a function of &tau; alone (the SDE's picture).
         */
        public double temperature() {
            return setting.learningRate() / (gridBatchSize * (1.0 - setting.momentum()));
        }

        /** The noise scale at the grid optimum, g* = &epsilon; (N / B - 1) / (1 - m); NaN without one. */
        public double noiseScale() {
            return setting.learningRate() * (setting.trainSize() / gridBatchSize - 1.0)
                    / (1.0 - setting.momentum());
        }

        /** The smallest B at which every run fitted the training set, NaN if none did. */
        public double smallestFittedBatchSize() {
            return curve.stream().filter(Point::fitted).mapToDouble(Point::batchSize).min().orElse(Double.NaN);
        }

        /**
         * The grid optimum by the second criterion, the lowest mean test cross-entropy among the
         * B at which every run trained; NaN if there is none.
         */
        public double crossEntropyBatchSize() {
            Point lowest = null;
            for (Point p : curve) {
                if (p.stable() && (lowest == null || p.testCrossEntropy() < lowest.testCrossEntropy())) {
                    lowest = p;
                }
            }
            return lowest == null ? Double.NaN : lowest.batchSize();
        }

        /** The curve point at the best grid B, or null without a stable run. */
        public Point best() {
            for (Point p : curve) {
                if (p.batchSize() == gridBatchSize) {
                    return p;
                }
            }
            return null;
        }
    }

    /**
     * The log-log slope of B<sub>opt</sub> against one variable, within one budget.
     *
     * @param budget    the budget of the family
     * @param variable  {@code learning_rate}, {@code train_size} or {@code 1/(1-momentum)}
     * @param estimate  {@code fit} (the vertex) or {@code grid} (the best grid point)
     * @param slope     least-squares slope of ln B<sub>opt</sub> against ln of the variable
     * @param intercept the fitted line's intercept (natural logarithms)
     * @param low       2.5% bootstrap quantile of the slope
     * @param high      97.5% bootstrap quantile of the slope
     * @param family    the interior optima the line was fitted to, in increasing order of the variable
     * @param excluded  optima of the family at an edge, left out of the fit
     */
    public record Scaling(SweepBudget budget, String variable, String estimate, double slope, double intercept,
                          double low, double high, List<Optimum> family, List<Optimum> excluded) {

        /** Copies the lists. */
        public Scaling {
            family = List.copyOf(family);
            excluded = List.copyOf(excluded);
        }

        /** The value of this scaling's variable in {@code setting}. */
        public double x(RunKey.Setting setting) {
            return variableOf(variable).applyAsDouble(setting);
        }
    }

    /**
     * Every optimum and every slope that the runs allow.
     *
     * @param optima  one per budget and setting, ordered by budget, then (&epsilon;, N, m)
     * @param scaling for each budget, one per variable that takes at least two values at interior
     *                optima with the others fixed, for each estimate
     */
    public record Result(List<Optimum> optima, List<Scaling> scaling) {

        /** Copies the lists. */
        public Result {
            optima = List.copyOf(optima);
            scaling = List.copyOf(scaling);
        }

        /** The budgets analysed, in order. */
        public List<SweepBudget> budgets() {
            return optima.stream().map(Optimum::budget).distinct().toList();
        }

        /** The result of one budget. */
        public Result of(SweepBudget budget) {
            return new Result(optima.stream().filter(o -> o.budget().equals(budget)).toList(),
                    scaling.stream().filter(s -> s.budget().equals(budget)).toList());
        }
    }

    /**
     * Analyses every budget of {@code runs}, each on its own.
     *
     * @param resamples bootstrap resamples, at least 10
     * @param seed      seed of the bootstrap
     * @throws IllegalArgumentException if there are no runs
     */
    public static Result analyze(List<RunRecord> runs, int resamples, long seed) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("runs must not be empty");
        }
        return analyze(runs, budgets(runs), resamples, seed);
    }

    /**
     * Analyses the runs made under {@code budget} (the others are ignored).
     *
     * @throws IllegalArgumentException if no run was made under it, or resamples &lt; 10
     */
    public static Result analyze(List<RunRecord> runs, SweepBudget budget, int resamples, long seed) {
        return analyze(runs, List.of(budget), resamples, seed);
    }

    private static Result analyze(List<RunRecord> runs, List<SweepBudget> budgets, int resamples, long seed) {
        if (resamples < 10) {
            throw new IllegalArgumentException("resamples must be >= 10, got " + resamples);
        }
        List<Optimum> optima = new ArrayList<>();
        List<Scaling> scaling = new ArrayList<>();
        for (SweepBudget budget : budgets) {
            List<Optimum> family = analyzeBudget(runs, budget, resamples, seed);
            optima.addAll(family);
            for (String estimate : List.of("fit", "grid")) {
                for (String variable : VARIABLES) {
                    Scaling s = scaling(budget, variable, estimate, family);
                    if (s != null) {
                        scaling.add(s);
                    }
                }
            }
        }
        return new Result(optima, scaling);
    }

    /**
     * The seed of a bootstrap stream, derived from values only: {@code seed} and the UTF-8 bytes
     * of {@code name} mixed by a fixed 64-bit hash (FNV-1a, then SplitMix64's finalizer). The
     * same inputs give the same stream in every JVM, whatever it did before (an identity hash,
     * such as an enum's, would not).
     */
    static long streamSeed(long seed, String name) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    /** A setting as text, for {@link #streamSeed}: {@code eps=0.1 N=1000 m=0.9}. */
    private static String settingTag(RunKey.Setting setting) {
        return "eps=" + setting.learningRate() + " N=" + setting.trainSize() + " m=" + setting.momentum();
    }

    /** The budgets of {@code runs}, in order of their first run. */
    public static List<SweepBudget> budgets(List<RunRecord> runs) {
        return runs.stream().map(r -> r.key().budget()).distinct().toList();
    }

    private static List<Optimum> analyzeBudget(List<RunRecord> runs, SweepBudget budget, int resamples, long seed) {
        Map<RunKey.Setting, List<RunRecord>> groups = new TreeMap<>(OptimumAnalysis::compareSettings);
        TreeSet<Long> allSeeds = new TreeSet<>();
        for (RunRecord run : runs) {
            if (run.key().budget().equals(budget)) {
                groups.computeIfAbsent(run.key().setting(), s -> new ArrayList<>()).add(run);
                allSeeds.add(run.key().seed());
            }
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("no run was made under the budget " + budget.describe());
        }
        long[] seeds = allSeeds.stream().mapToLong(Long::longValue).toArray();
        // the joint draws: draws[r] lists the seed indices of resample r, shared by every setting
        SplittableRandom random = new SplittableRandom(streamSeed(seed, budget.tag()));
        int[][] draws = new int[resamples][seeds.length];
        for (int[] draw : draws) {
            for (int s = 0; s < draw.length; s++) {
                draw[s] = random.nextInt(seeds.length);
            }
        }
        List<Optimum> optima = new ArrayList<>();
        for (Map.Entry<RunKey.Setting, List<RunRecord>> e : groups.entrySet()) {
            optima.add(optimum(budget, e.getKey(), e.getValue(), seeds, draws, random.split()));
        }
        return optima;
    }

    /**
     * B<sub>opt</sub> of one setting from its runs (all under {@code budget}), with its own
     * bootstrap draws.
     */
    public static Optimum optimum(SweepBudget budget, RunKey.Setting setting, List<RunRecord> runs, int resamples,
                                  long seed) {
        long[] seeds = runs.stream().mapToLong(r -> r.key().seed()).distinct().sorted().toArray();
        SplittableRandom random = new SplittableRandom(streamSeed(seed, settingTag(setting)));
        int[][] draws = new int[resamples][seeds.length];
        for (int[] draw : draws) {
            for (int s = 0; s < draw.length; s++) {
                draw[s] = random.nextInt(seeds.length);
            }
        }
        return optimum(budget, setting, runs, seeds, draws, random);
    }

    /**
     * @param seeds  the seeds the draws index
     * @param draws  the resamples of seed indices
     * @param random for a resample that draws none of this setting's seeds: it is drawn again
     *               from the setting's own seeds
     */
    private static Optimum optimum(SweepBudget budget, RunKey.Setting setting, List<RunRecord> runs, long[] seeds,
                                   int[][] draws, SplittableRandom random) {
        int[] batches = runs.stream().mapToInt(r -> r.key().batchSize()).distinct().sorted().toArray();
        // test accuracy [b][s] of the runs that did not diverge, NaN where none; repeated runs averaged
        double[][] accuracy = new double[batches.length][seeds.length];
        int[][] count = new int[batches.length][seeds.length];
        int[] runsAt = new int[batches.length];
        int[] divergedAt = new int[batches.length];
        double[][] sums = new double[batches.length][4];
        int[] fittedAt = new int[batches.length];
        boolean[] present = new boolean[seeds.length];
        for (RunRecord run : runs) {
            int b = Arrays.binarySearch(batches, run.key().batchSize());
            int s = Arrays.binarySearch(seeds, run.key().seed());
            present[s] = true;
            runsAt[b]++;
            if (run.diverged()) {
                divergedAt[b]++;
                sums[b][3] += run.testAccuracy();
                continue;
            }
            accuracy[b][s] += run.testAccuracy();
            count[b][s]++;
            fittedAt[b] += run.trainAccuracy() >= FITTED_ACCURACY ? 1 : 0;
            sums[b][0] += run.trainAccuracy();
            sums[b][1] += run.trainCrossEntropy();
            sums[b][2] += run.testCrossEntropy();
        }
        List<Point> curve = new ArrayList<>();
        for (int b = 0; b < batches.length; b++) {
            double sum = 0;
            int n = 0;
            for (int s = 0; s < seeds.length; s++) {
                accuracy[b][s] = count[b][s] == 0 ? Double.NaN : accuracy[b][s] / count[b][s];
                if (!Double.isNaN(accuracy[b][s])) {
                    sum += accuracy[b][s];
                    n++;
                }
            }
            double mean = n == 0 ? Double.NaN : sum / n;
            double squares = 0;
            for (int s = 0; s < seeds.length; s++) {
                if (!Double.isNaN(accuracy[b][s])) {
                    squares += (accuracy[b][s] - mean) * (accuracy[b][s] - mean);
                }
            }
            int kept = runsAt[b] - divergedAt[b];
            curve.add(new Point(batches[b], runsAt[b], divergedAt[b], mean, n > 1 ? Math.sqrt(squares / (n - 1)) : 0.0,
                    kept == 0 ? Double.NaN : sums[b][0] / kept, kept == 0 ? Double.NaN : sums[b][1] / kept,
                    kept == 0 ? Double.NaN : sums[b][2] / kept,
                    divergedAt[b] == 0 ? Double.NaN : sums[b][3] / divergedAt[b], fittedAt[b]));
        }
        // the candidates: batch sizes at which every run trained
        int[] candidates = new int[batches.length];
        int c = 0;
        for (int b = 0; b < batches.length; b++) {
            if (curve.get(b).stable()) {
                candidates[c++] = b;
            }
        }
        candidates = Arrays.copyOf(candidates, c);
        int seedCount = 0;
        for (boolean p : present) {
            seedCount += p ? 1 : 0;
        }
        if (candidates.length == 0) {
            return new Optimum(budget, setting, seedCount, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Edge.NO_STABLE_RUN, Double.NaN, curve, List.of(), List.of());
        }
        double[] log2 = new double[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            log2[i] = Math.log(batches[candidates[i]]) / Math.log(2.0);
        }
        int[] all = new int[seeds.length];
        for (int s = 0; s < all.length; s++) {
            all[s] = s;
        }
        Fit fit = fitOfSample(log2, accuracy, candidates, all);
        int best = candidates[fit.bestCandidate];
        double gridBest = batches[best];
        Edge edge = Edge.NONE;
        if (fit.peak.atEdge()) {
            boolean low = fit.bestCandidate == 0;
            int beyond = low ? best - 1 : best + 1;
            edge = beyond >= 0 && beyond < batches.length ? Edge.STABILITY : low ? Edge.SMALLEST_B : Edge.LARGEST_B;
        } else if (!curve.get(best).fitted() || !curve.get(candidates[fit.bestCandidate - 1]).fitted()
                || !curve.get(candidates[fit.bestCandidate + 1]).fitted()) {
            edge = Edge.FITTING;
        }
        List<Double> replicates = new ArrayList<>(draws.length);
        List<Double> gridReplicates = new ArrayList<>(draws.length);
        int edges = 0;
        int[] own = new int[seeds.length];
        for (int[] draw : draws) {
            int[] sample = draw;
            if (!drawsAny(draw, present)) {
                // this resample has none of the setting's seeds: draw its own
                int[] mine = new int[seedCount];
                int k = 0;
                for (int s = 0; s < seeds.length; s++) {
                    if (present[s]) {
                        own[k++] = s;
                    }
                }
                for (int i = 0; i < seedCount; i++) {
                    mine[i] = own[random.nextInt(seedCount)];
                }
                sample = mine;
            }
            Fit f = fitOfSample(log2, accuracy, candidates, sample);
            replicates.add(Math.pow(2.0, f.peak.log2BatchSize()));
            gridReplicates.add((double) batches[candidates[f.bestCandidate]]);
            edges += f.peak.atEdge() ? 1 : 0;
        }
        double edgeFraction = (double) edges / draws.length;
        if (edge != Edge.NONE) {
            return new Optimum(budget, setting, seedCount, gridBest, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    gridBest, Double.NaN, Double.NaN, edge, edgeFraction, curve, replicates, gridReplicates);
        }
        double[] fits = log2Sorted(replicates);
        double[] grids = log2Sorted(gridReplicates);
        return new Optimum(budget, setting, seedCount, gridBest, batches[candidates[fit.bestCandidate - 1]],
                batches[candidates[fit.bestCandidate + 1]], Math.pow(2.0, quantile(grids, 0.025)),
                Math.pow(2.0, quantile(grids, 0.975)), Math.pow(2.0, fit.peak.log2BatchSize()),
                Math.pow(2.0, quantile(fits, 0.025)), Math.pow(2.0, quantile(fits, 0.975)), Edge.NONE, edgeFraction,
                curve, replicates, gridReplicates);
    }

    private static boolean drawsAny(int[] draw, boolean[] present) {
        for (int s : draw) {
            if (present[s]) {
                return true;
            }
        }
        return false;
    }

    private static double[] log2Sorted(List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.log(values.get(i)) / Math.log(2.0);
        }
        Arrays.sort(out);
        return out;
    }

    /** The peak of one sample and the index (among the candidates) of its best point. */
    private record Fit(Peak peak, int bestCandidate) {
    }

    /**
     * The peak of the mean curve over the seed columns listed in {@code draw}, at the candidate
     * batch sizes; a candidate without a run in the draw is skipped.
     */
    private static Fit fitOfSample(double[] x, double[][] accuracy, int[] candidates, int[] draw) {
        double[] xs = new double[x.length];
        double[] ys = new double[x.length];
        int[] index = new int[x.length];
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            double sum = 0;
            int count = 0;
            for (int s : draw) {
                double a = accuracy[candidates[i]][s];
                if (!Double.isNaN(a)) {
                    sum += a;
                    count++;
                }
            }
            if (count > 0) {
                xs[n] = x[i];
                ys[n] = sum / count;
                index[n] = i;
                n++;
            }
        }
        Peak peak = peak(Arrays.copyOf(xs, n), Arrays.copyOf(ys, n));
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (ys[i] > ys[best]) {
                best = i;
            }
        }
        // an edge of the sample that is not an edge of the candidates is still an edge of this sample
        return new Fit(peak, index[best]);
    }

    /**
     * The maximum of a curve sampled at increasing {@code x}: the vertex of the parabola through
     * the best point and its two neighbours, or the best point itself (flagged) when it is the
     * first or the last.
     *
     * @throws IllegalArgumentException if the arrays are empty, differ in length, or x does not
     *                                  increase
     */
    public static Peak peak(double[] x, double[] y) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("x and y must be non-empty and of equal length, got "
                    + x.length + " and " + y.length);
        }
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (!(x[i] > x[i - 1])) {
                throw new IllegalArgumentException("x must increase, got x[" + (i - 1) + "] = " + x[i - 1]
                        + ", x[" + i + "] = " + x[i]);
            }
            if (y[i] > y[best]) {
                best = i;
            }
        }
        if (best == 0 || best == x.length - 1) {
            return new Peak(x[best], true);
        }
        double x0 = x[best - 1];
        double x1 = x[best];
        double x2 = x[best + 1];
        double d1 = (y[best] - y[best - 1]) / (x1 - x0);
        double d2 = (y[best + 1] - y[best]) / (x2 - x1);
        double curvature = (d2 - d1) / (x2 - x0);
        // y[best] > y[best-1] and y[best] >= y[best+1] make curvature < 0; the vertex lies in [x0, x2]
        double vertex = curvature < 0 ? 0.5 * (x0 + x1) - d1 / (2.0 * curvature) : x1;
        return new Peak(Math.max(x0, Math.min(x2, vertex)), false);
    }

    /** The p-quantile of sorted values, linear interpolation between order statistics. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * Least-squares slope and intercept of y against x.
     *
     * @return {slope, intercept}
     * @throws IllegalArgumentException if fewer than two distinct x
     */
    public static double[] fitLine(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        if (n < 2 || !(sxx > 0)) {
            throw new IllegalArgumentException("a line needs at least two distinct x, got " + Arrays.toString(x));
        }
        double slope = sxy / sxx;
        return new double[] {slope, my - slope * mx};
    }

    private static ToDoubleFunction<RunKey.Setting> variableOf(String variable) {
        return switch (variable) {
            case "learning_rate" -> RunKey.Setting::learningRate;
            case "train_size" -> s -> s.trainSize();
            case "1/(1-momentum)" -> RunKey.Setting::momentumFactor;
            default -> throw new IllegalArgumentException("unknown variable " + variable);
        };
    }

    /** The settings other than {@code variable}, which a family holds fixed. */
    private static List<Double> others(String variable, RunKey.Setting s) {
        return switch (variable) {
            case "learning_rate" -> List.of((double) s.trainSize(), s.momentum());
            case "train_size" -> List.of(s.learningRate(), s.momentum());
            default -> List.of(s.learningRate(), (double) s.trainSize());
        };
    }

    /**
     * The largest family of {@code optima} that varies {@code variable} alone (the other two
     * settings fixed), in increasing order of the variable; empty when none has two members.
     */
    public static List<Optimum> largestFamily(String variable, List<Optimum> optima) {
        ToDoubleFunction<RunKey.Setting> x = variableOf(variable);
        Map<List<Double>, List<Optimum>> families = new LinkedHashMap<>();
        for (Optimum o : optima) {
            families.computeIfAbsent(others(variable, o.setting()), k -> new ArrayList<>()).add(o);
        }
        List<Optimum> largest = List.of();
        for (List<Optimum> f : families.values()) {
            if (f.size() >= 2 && f.size() > largest.size()) {
                largest = f;
            }
        }
        List<Optimum> sorted = new ArrayList<>(largest);
        sorted.sort((a, b) -> Double.compare(x.applyAsDouble(a.setting()), x.applyAsDouble(b.setting())));
        return List.copyOf(sorted);
    }

    /**
     * The slope against {@code variable} of its {@link #largestFamily}, fitted to the interior
     * optima, or null when fewer than two are interior.
     */
    private static Scaling scaling(SweepBudget budget, String variable, String estimate, List<Optimum> optima) {
        ToDoubleFunction<RunKey.Setting> x = variableOf(variable);
        List<Optimum> all = largestFamily(variable, optima);
        // the grid estimate (the paper's) stands at the stability and fitting edges too; the
        // parabola only at an interior optimum
        java.util.function.Predicate<Optimum> usable = estimate.equals("grid")
                ? o -> o.edge() == Edge.NONE || o.edge() == Edge.STABILITY || o.edge() == Edge.FITTING
                : o -> !o.atEdge();
        List<Optimum> family = all.stream().filter(usable).toList();
        List<Optimum> excluded = all.stream().filter(usable.negate()).toList();
        if (family.size() < 2) {
            return null;
        }
        int n = family.size();
        double[] lx = new double[n];
        double[] ly = new double[n];
        for (int i = 0; i < n; i++) {
            lx[i] = Math.log(x.applyAsDouble(family.get(i).setting()));
            ly[i] = Math.log(family.get(i).estimate(estimate));
        }
        double[] line = fitLine(lx, ly);
        int resamples = family.get(0).replicates().size();
        double[] slopes = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < n; i++) {
                ly[i] = Math.log(family.get(i).replicate(estimate, r));
            }
            slopes[r] = fitLine(lx, ly)[0];
        }
        Arrays.sort(slopes);
        return new Scaling(budget, variable, estimate, line[0], line[1], quantile(slopes, 0.025),
                quantile(slopes, 0.975), family, excluded);
    }

    private static int compareSettings(RunKey.Setting a, RunKey.Setting b) {
        int c = Double.compare(a.learningRate(), b.learningRate());
        if (c == 0) {
            c = Integer.compare(a.trainSize(), b.trainSize());
        }
        return c != 0 ? c : Double.compare(a.momentum(), b.momentum());
    }
}
