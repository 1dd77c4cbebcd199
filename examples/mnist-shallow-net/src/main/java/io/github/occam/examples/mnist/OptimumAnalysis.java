package io.github.occam.examples.mnist;

import io.github.occam.sgd.SgdSettings.Budget;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * From the runs of a sweep to the optimal batch size and its scaling rules.
 *
 * <p><b>B<sub>opt</sub> of one setting (&epsilon;, N, m).</b> The test accuracy is averaged over
 * seeds at each batch size; a parabola in log<sub>2</sub> B through the best grid point and its
 * two neighbours gives the vertex, B<sub>opt</sub>. When the best point is the smallest or the
 * largest B of the grid, there is no interior optimum: B<sub>opt</sub> is that grid point and
 * {@link Optimum#atEdge()} says so (nothing is extrapolated). The interval is a percentile
 * bootstrap over seeds: seeds are drawn with replacement, the whole estimate is repeated on each
 * resample, and the 2.5% and 97.5% quantiles of the replicates bound B<sub>opt</sub>.
 *
 * <p><b>Scaling.</b> Among the settings that differ only in &epsilon; (respectively N, 1/(1-m)),
 * the slope of ln B<sub>opt</sub> against ln &epsilon; (ln N, ln 1/(1-m)) by least squares; the
 * paper predicts 1 for each (B<sub>opt</sub> &prop; &epsilon; N / (1 - m), section 4). Its
 * interval comes from the same bootstrap replicates, refitted replicate by replicate.
 *
 * <pre>{@code
 * OptimumAnalysis.Result result = OptimumAnalysis.analyze(runs, Budget.epochs(100), 1000, 7L);
 * for (OptimumAnalysis.Optimum o : result.optima()) {
 *     System.out.println(o.setting() + " B_opt = " + o.batchSize());
 * }
 * }</pre>
 */
public final class OptimumAnalysis {

    /** Number of bootstrap resamples used by the command line. */
    public static final int DEFAULT_RESAMPLES = 1000;

    private OptimumAnalysis() {
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
     * Mean and spread of test accuracy over seeds at one batch size.
     *
     * @param batchSize B
     * @param mean      mean test accuracy over seeds
     * @param sd        sample standard deviation over seeds (0 for one seed)
     * @param seeds     number of seeds
     */
    public record Point(int batchSize, double mean, double sd, int seeds) {
    }

    /**
     * B<sub>opt</sub> of one setting with its bootstrap interval.
     *
     * @param setting    (&epsilon;, N, m)
     * @param batchSize  B<sub>opt</sub> from the mean curve
     * @param low        2.5% bootstrap quantile
     * @param high       97.5% bootstrap quantile
     * @param atEdge     whether the best mean accuracy is at the smallest or largest B of the grid
     * @param curve      the mean test accuracy per batch size
     * @param replicates B<sub>opt</sub> of each bootstrap resample, in resample order
     */
    public record Optimum(RunKey.Setting setting, double batchSize, double low, double high, boolean atEdge,
                          List<Point> curve, List<Double> replicates) {

        /** Copies the lists. */
        public Optimum {
            curve = List.copyOf(curve);
            replicates = List.copyOf(replicates);
        }
    }

    /**
     * The log-log slope of B<sub>opt</sub> against one variable.
     *
     * @param variable  {@code learning_rate}, {@code train_size} or {@code 1/(1-momentum)}
     * @param slope     least-squares slope of ln B<sub>opt</sub> against ln of the variable
     * @param intercept the fitted line's intercept (natural logarithms)
     * @param low       2.5% bootstrap quantile of the slope
     * @param high      97.5% bootstrap quantile of the slope
     * @param family    the optima the line was fitted to, in increasing order of the variable
     */
    public record Scaling(String variable, double slope, double intercept, double low, double high,
                          List<Optimum> family) {

        /** Copies the list. */
        public Scaling {
            family = List.copyOf(family);
        }

        /** The value of this scaling's variable in {@code setting}. */
        public double x(RunKey.Setting setting) {
            return variableOf(variable).applyAsDouble(setting);
        }
    }

    /**
     * Every optimum and every slope that the runs allow.
     *
     * @param optima  one per setting, ordered by (&epsilon;, N, m)
     * @param scaling one per variable that takes at least two values with the others fixed
     */
    public record Result(List<Optimum> optima, List<Scaling> scaling) {

        /** Copies the lists. */
        public Result {
            optima = List.copyOf(optima);
            scaling = List.copyOf(scaling);
        }
    }

    /**
     * Analyses the runs made under {@code budget} (the others are ignored).
     *
     * @param resamples bootstrap resamples, at least 10
     * @param seed      seed of the bootstrap
     */
    public static Result analyze(List<RunRecord> runs, Budget budget, int resamples, long seed) {
        if (resamples < 10) {
            throw new IllegalArgumentException("resamples must be >= 10, got " + resamples);
        }
        Map<RunKey.Setting, List<RunRecord>> groups = new TreeMap<>(OptimumAnalysis::compareSettings);
        for (RunRecord run : runs) {
            if (run.ranFor(budget)) {
                groups.computeIfAbsent(run.key().setting(), s -> new ArrayList<>()).add(run);
            }
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("no run was made under the budget " + RunKey.describe(budget));
        }
        List<Optimum> optima = new ArrayList<>();
        for (Map.Entry<RunKey.Setting, List<RunRecord>> e : groups.entrySet()) {
            optima.add(optimum(e.getKey(), e.getValue(), resamples, seed));
        }
        List<Scaling> scaling = new ArrayList<>();
        for (String variable : List.of("learning_rate", "train_size", "1/(1-momentum)")) {
            Scaling s = scaling(variable, optima);
            if (s != null) {
                scaling.add(s);
            }
        }
        return new Result(optima, scaling);
    }

    /**
     * The budget shared by all runs: one number of epochs, else one number of updates.
     *
     * @throws IllegalArgumentException if there are no runs, or they mix budgets
     */
    public static Budget soleBudget(List<RunRecord> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("runs must not be empty");
        }
        TreeSet<Double> epochs = new TreeSet<>();
        TreeSet<Long> updates = new TreeSet<>();
        for (RunRecord run : runs) {
            epochs.add(run.epochs());
            updates.add(run.updates());
        }
        if (epochs.size() == 1 && epochs.first() >= 1 && epochs.first() == Math.rint(epochs.first())) {
            return Budget.epochs(epochs.first().intValue());
        }
        if (updates.size() == 1) {
            return Budget.updates(updates.first());
        }
        throw new IllegalArgumentException("the runs mix budgets (epochs " + epochs + ", updates " + updates
                + "); choose one with --epochs or --updates");
    }

    /** B<sub>opt</sub> of one setting from its runs (all with the same budget). */
    public static Optimum optimum(RunKey.Setting setting, List<RunRecord> runs, int resamples, long seed) {
        int[] batches = runs.stream().mapToInt(r -> r.key().batchSize()).distinct().sorted().toArray();
        long[] seeds = runs.stream().mapToLong(r -> r.key().seed()).distinct().sorted().toArray();
        // accuracy[b][s], NaN where the run is missing; repeated runs are averaged
        double[][] accuracy = new double[batches.length][seeds.length];
        int[][] count = new int[batches.length][seeds.length];
        for (RunRecord run : runs) {
            int b = Arrays.binarySearch(batches, run.key().batchSize());
            int s = Arrays.binarySearch(seeds, run.key().seed());
            accuracy[b][s] += run.testAccuracy();
            count[b][s]++;
        }
        for (int b = 0; b < batches.length; b++) {
            for (int s = 0; s < seeds.length; s++) {
                accuracy[b][s] = count[b][s] == 0 ? Double.NaN : accuracy[b][s] / count[b][s];
            }
        }
        double[] log2 = new double[batches.length];
        for (int b = 0; b < batches.length; b++) {
            log2[b] = Math.log(batches[b]) / Math.log(2.0);
        }
        int[] all = new int[seeds.length];
        for (int s = 0; s < all.length; s++) {
            all[s] = s;
        }
        Peak peak = peakOfSample(log2, accuracy, all);
        SplittableRandom random = new SplittableRandom(seed ^ (31L * setting.hashCode()));
        double[] replicates = new double[resamples];
        int[] draw = new int[seeds.length];
        for (int r = 0; r < resamples; r++) {
            for (int s = 0; s < draw.length; s++) {
                draw[s] = random.nextInt(seeds.length);
            }
            replicates[r] = peakOfSample(log2, accuracy, draw).log2BatchSize();
        }
        double[] sorted = replicates.clone();
        Arrays.sort(sorted);
        List<Point> curve = new ArrayList<>();
        for (int b = 0; b < batches.length; b++) {
            double sum = 0;
            int n = 0;
            for (int s = 0; s < seeds.length; s++) {
                if (!Double.isNaN(accuracy[b][s])) {
                    sum += accuracy[b][s];
                    n++;
                }
            }
            double mean = sum / n;
            double squares = 0;
            for (int s = 0; s < seeds.length; s++) {
                if (!Double.isNaN(accuracy[b][s])) {
                    squares += (accuracy[b][s] - mean) * (accuracy[b][s] - mean);
                }
            }
            double sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0.0;
            curve.add(new Point(batches[b], mean, sd, n));
        }
        List<Double> replicateBatchSizes = new ArrayList<>(resamples);
        for (double r : replicates) {
            replicateBatchSizes.add(Math.pow(2.0, r));
        }
        return new Optimum(setting, Math.pow(2.0, peak.log2BatchSize()),
                Math.pow(2.0, quantile(sorted, 0.025)), Math.pow(2.0, quantile(sorted, 0.975)),
                peak.atEdge(), curve, replicateBatchSizes);
    }

    /** The peak of the curve of the mean over the seed columns listed in {@code draw}. */
    private static Peak peakOfSample(double[] x, double[][] accuracy, int[] draw) {
        double[] xs = new double[x.length];
        double[] ys = new double[x.length];
        int n = 0;
        for (int b = 0; b < x.length; b++) {
            double sum = 0;
            int count = 0;
            for (int s : draw) {
                if (!Double.isNaN(accuracy[b][s])) {
                    sum += accuracy[b][s];
                    count++;
                }
            }
            if (count > 0) {
                xs[n] = x[b];
                ys[n] = sum / count;
                n++;
            }
        }
        return peak(Arrays.copyOf(xs, n), Arrays.copyOf(ys, n));
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

    /** The slope against {@code variable}, or null when no family of optima varies it alone. */
    private static Scaling scaling(String variable, List<Optimum> optima) {
        ToDoubleFunction<RunKey.Setting> x = variableOf(variable);
        // the others: the setting with this variable's value blanked out
        Map<List<Double>, List<Optimum>> families = new LinkedHashMap<>();
        for (Optimum o : optima) {
            RunKey.Setting s = o.setting();
            List<Double> others = switch (variable) {
                case "learning_rate" -> List.of((double) s.trainSize(), s.momentum());
                case "train_size" -> List.of(s.learningRate(), s.momentum());
                default -> List.of(s.learningRate(), (double) s.trainSize());
            };
            families.computeIfAbsent(others, k -> new ArrayList<>()).add(o);
        }
        List<Optimum> family = null;
        for (List<Optimum> f : families.values()) {
            if (f.size() >= 2 && (family == null || f.size() > family.size())) {
                family = f;
            }
        }
        if (family == null) {
            return null;
        }
        family = new ArrayList<>(family);
        family.sort((a, b) -> Double.compare(x.applyAsDouble(a.setting()), x.applyAsDouble(b.setting())));
        int n = family.size();
        double[] lx = new double[n];
        double[] ly = new double[n];
        for (int i = 0; i < n; i++) {
            lx[i] = Math.log(x.applyAsDouble(family.get(i).setting()));
            ly[i] = Math.log(family.get(i).batchSize());
        }
        double[] line = fitLine(lx, ly);
        int resamples = family.get(0).replicates().size();
        double[] slopes = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < n; i++) {
                ly[i] = Math.log(family.get(i).replicates().get(r));
            }
            slopes[r] = fitLine(lx, ly)[0];
        }
        Arrays.sort(slopes);
        return new Scaling(variable, line[0], line[1], quantile(slopes, 0.025), quantile(slopes, 0.975), family);
    }

    private static int compareSettings(RunKey.Setting a, RunKey.Setting b) {
        int c = Double.compare(a.learningRate(), b.learningRate());
        if (c == 0) {
            c = Integer.compare(a.trainSize(), b.trainSize());
        }
        return c != 0 ? c : Double.compare(a.momentum(), b.momentum());
    }

    /** The text of {@code optimum.csv}. */
    public static String optimumCsv(List<Optimum> optima) {
        StringBuilder sb = new StringBuilder("learning_rate,train_size,momentum,b_opt,b_opt_low,b_opt_high\n");
        for (Optimum o : optima) {
            RunKey.Setting s = o.setting();
            sb.append(s.learningRate()).append(',').append(s.trainSize()).append(',').append(s.momentum())
                    .append(',').append(fmt(o.batchSize())).append(',').append(fmt(o.low())).append(',')
                    .append(fmt(o.high())).append('\n');
        }
        return sb.toString();
    }

    /** The text of {@code scaling.csv}. */
    public static String scalingCsv(List<Scaling> scaling) {
        StringBuilder sb = new StringBuilder("variable,slope,slope_low,slope_high\n");
        for (Scaling s : scaling) {
            sb.append(s.variable()).append(',').append(fmt(s.slope())).append(',').append(fmt(s.low()))
                    .append(',').append(fmt(s.high())).append('\n');
        }
        return sb.toString();
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }
}
