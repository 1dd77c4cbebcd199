package io.github.occam.examples.logistic;

import io.github.occam.evidence.Evidence;
import io.github.occam.evidence.LambdaSearch;
import io.github.occam.examples.support.Memory;
import io.github.occam.examples.support.ProgressOption;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;

/**
 * A run on the user's own data, {@code --train-csv} with or without {@code --test-csv}: reads and
 * checks every file before anything is written, computes the {@link DataEvidence}, writes
 * {@code results.csv}, {@value DataTables#SEARCH}, the figures and, with {@code --predict-csv},
 * {@value DataTables#PREDICTIONS} into {@code --out}, and prints the lambda of maximum evidence
 * (with {@code --json}, as one JSON line and nothing else on standard output). Warnings (no
 * interior maximum, no convergence) go to standard error.
 *
 * <pre>{@code
 * java -jar logistic-regression.jar --train-csv train.csv --out results
 * }</pre>
 */
final class DataRun {

    /** Copies of the exact Hessian that one evaluation holds: the matrix, its decomposition. */
    private static final int HESSIAN_COPIES = 3;

    private final DataOptions data;
    private final double[] lambdas;
    private final boolean bias;
    private final Path out;
    private final ProgressOption progress;
    private final PrintWriter stdout;
    private final PrintWriter stderr;

    DataRun(DataOptions data, double[] lambdas, boolean bias, Path out, ProgressOption progress,
            PrintWriter stdout, PrintWriter stderr) {
        this.data = data;
        this.lambdas = lambdas;
        this.bias = bias;
        this.out = out;
        this.progress = progress;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Runs; see the class comment. Returns the exit code, 0. */
    int run() throws IOException {
        long start = System.nanoTime();
        CsvData.Table trainTable = CsvData.read(data.trainCsv, data.layout());
        LabelledSet train = LabelledSet.of(trainTable);
        checkMemory(train);
        LabelledSet test = null;
        if (data.testCsv != null) {
            CsvData.Table table = CsvData.inOrderOf(CsvData.read(data.testCsv, data.layout()), trainTable);
            checkDimension(table, train, "");
            test = LabelledSet.of(table, train.classes());
        }
        CsvData.Table inputs = null;
        double[][] newRows = null;
        if (data.predictCsv != null) {
            inputs = CsvData.inOrderOf(CsvData.readInputs(data.predictCsv, data.header), trainTable);
            checkDimension(inputs, train, inputs.dimension() == train.dimension() + 1
                    ? " (give the feature columns only, without the label)" : "");
            newRows = inputs.features();
        }
        if (data.standardize) {
            Standardizer scaling = Standardizer.fit(train.features());
            train = train.withFeatures(scaling.apply(train.features()));
            test = test == null ? null : test.withFeatures(scaling.apply(test.features()));
            newRows = newRows == null ? null : scaling.apply(newRows);
        }
        DataEvidence result;
        try (ProgressBar bar = progress.open("lambda grid", lambdas.length)) {
            result = DataEvidence.compute(train, test, bias, lambdas,
                    bar == null ? DataEvidence.Progress.NONE : new BarProgress(bar));
            if (bar != null) {
                bar.maxHint(bar.getCurrent());        // complete, whatever the search took
            }
        }
        final LabelledSet trained = train;
        final CsvData.Table newInputs = inputs;
        final double[][] newFeatures = newRows;
        List<Path> written = OutputFolder.replace(out, result.rows(), files -> {
            if (result.search() != null) {
                Path search = out.resolve(DataTables.SEARCH);
                DataTables.writeSearch(search, result.search(), trained.size());
                files.add(search);
            }
            if (newInputs != null) {
                Path predictions = out.resolve(DataTables.PREDICTIONS);
                DataTables.writePredictions(predictions, newInputs, newFeatures, result.fitted(),
                        trained.classes());
                files.add(predictions);
            }
        });
        warn(result);
        if (data.json) {
            stdout.println(json(trainTable, train, test, result));
        } else {
            describe(trainTable, train, test, result, written, (System.nanoTime() - start) * 1e-9);
        }
        stdout.flush();
        return 0;
    }

    /** Refuses a model whose exact Hessian cannot fit in memory, naming its size. */
    private void checkMemory(LabelledSet train) {
        long p = DataEvidence.parameterCount(train.classCount(), train.dimension(), bias);
        Memory.require(String.format(Locale.ROOT, "--train-csv %s (%d classes of %d features: "
                + "the exact Hessian of P = %d parameters)", data.trainCsv, train.classCount(),
                train.dimension(), p), Memory.product(p, p, Double.BYTES, HESSIAN_COPIES));
    }

    private void checkDimension(CsvData.Table table, LabelledSet train, String hint)
            throws CsvFormatException {
        if (table.dimension() != train.dimension()) {
            throw new CsvFormatException(table.file(), 0, "has " + table.dimension()
                    + " features per example but " + data.trainCsv + " has " + train.dimension()
                    + hint);
        }
    }

    private void warn(DataEvidence result) {
        if (result.search() != null && !result.search().interior()) {
            stderr.printf(Locale.ROOT, "warning: the evidence is largest at an end of the range "
                    + "searched, lambda = %s; the maximum may lie beyond it: widen --lambdas%n",
                    Summary.lambda(result.best().lambda()));
        }
        if (!result.best().converged()) {
            stderr.printf(Locale.ROOT, "warning: the minimizer did not converge at lambda = %s; "
                    + "the evidence there is not reliable%n", Summary.lambda(result.best().lambda()));
        }
        stderr.flush();
    }

    private void describe(CsvData.Table table, LabelledSet train, LabelledSet test,
            DataEvidence result, List<Path> written, double seconds) {
        ResultRow best = result.best();
        Evidence evidence = result.evidence();
        stdout.printf(Locale.ROOT, "%s: %d examples of %d features, %s %d classes %s, %s%n",
                data.trainCsv, train.size(), train.dimension(), table.header().isEmpty()
                        ? "no header row," : "a header row,", train.classCount(),
                LabelledSet.describe(train.classes()), table.header().isEmpty()
                        ? "labels in column " + table.labelColumn()
                        : "labels in column '" + labelName(table) + "'");
        if (test != null) {
            stdout.printf(Locale.ROOT, "%s: %d test examples%n", data.testCsv, test.size());
        }
        stdout.printf(Locale.ROOT, "%s, P = %d parameters, %s%s%n", result.model(),
                result.parameterCount(), bias ? "with bias" : "no bias",
                data.standardize ? ", features standardized" : "");
        stdout.println();
        LambdaSearch.Result search = result.search();
        if (search != null) {
            stdout.printf(Locale.ROOT, "The evidence is largest at lambda = %s (searched %s to %s, "
                    + "%d evaluations%s)%n", Summary.lambda(best.lambda()),
                    Summary.lambda(lambdas[0]), Summary.lambda(lambdas[lambdas.length - 1]),
                    search.evaluations(), search.interior() ? "" : "; at the end of the range");
        } else {
            stdout.printf(Locale.ROOT, "At lambda = %s%n", Summary.lambda(best.lambda()));
        }
        stdout.printf(Locale.ROOT, "  log evidence ln P(y | x)  %.4f%n", evidence.logEvidence());
        stdout.printf(Locale.ROOT, "  log evidence ratio E      %+.4f (E/N = %+.4f): %s%n",
                best.logEvidenceRatio(), best.logEvidenceRatioPerExample(),
                best.logEvidenceRatio() < 0.0 ? "E < 0, the data prefer the model to the null"
                        + " model" : "E >= 0, the data prefer the null model (every class equally"
                        + " likely)");
        stdout.printf(Locale.ROOT, "  train accuracy %.4f, cross-entropy %.4f per example%n",
                best.trainAccuracy(), best.trainCrossEntropy());
        if (test != null) {
            stdout.printf(Locale.ROOT, "  test accuracy  %.4f, cross-entropy %.4f per example%n",
                    best.testAccuracy(), best.testCrossEntropy());
        }
        stdout.println();
        for (Summary summary : Summary.of(result.rows())) {
            stdout.print(summary.format());
            stdout.println();
        }
        for (Path file : written) {
            stdout.println("Wrote " + file);
        }
        stdout.printf(Locale.ROOT, "Done in %.1f s%n", seconds);
    }

    private String json(CsvData.Table table, LabelledSet train, LabelledSet test,
            DataEvidence result) {
        ResultRow best = result.best();
        LambdaSearch.Result search = result.search();
        return new JsonLine()
                .put("train_csv", data.trainCsv.toString())
                .put("test_csv", data.testCsv == null ? null : data.testCsv.toString())
                .put("examples", train.size())
                .put("features", train.dimension())
                .put("label", labelName(table))
                .put("classes", train.classes())
                .put("model", result.model())
                .put("bias", bias)
                .put("parameters", result.parameterCount())
                .put("lambda", best.lambda())
                .put("log_evidence", result.evidence().logEvidence())
                .put("log_evidence_ratio", best.logEvidenceRatio())
                .put("log_evidence_ratio_per_example", best.logEvidenceRatioPerExample())
                .put("log_occam_factor", best.logOccamFactor())
                .put("converged", best.converged())
                .put("interior", search == null || search.interior())
                .put("evaluations", search == null ? 1 : search.evaluations())
                .put("lambda_low", lambdas[0])
                .put("lambda_high", lambdas[lambdas.length - 1])
                .put("train_accuracy", best.trainAccuracy())
                .put("train_cross_entropy", best.trainCrossEntropy())
                .put("test_examples", test == null ? 0 : test.size())
                .put("test_accuracy", best.testAccuracy())
                .put("test_cross_entropy", best.testCrossEntropy())
                .put("out", out.toString())
                .toString();
    }

    private static String labelName(CsvData.Table table) {
        return table.header().isEmpty() ? "column " + table.labelColumn()
                : table.header().get(table.labelColumn() - 1);
    }

    /**
     * The grid on a bar of known length, then the search counted one evaluation at a time on a
     * bar of unknown length, renamed.
     */
    private static final class BarProgress implements DataEvidence.Progress {
        private final ProgressBar bar;
        private boolean searching;

        BarProgress(ProgressBar bar) {
            this.bar = bar;
        }

        @Override
        public void gridPoint() {
            bar.step();
        }

        @Override
        public void searchEvaluation() {
            if (!searching) {
                searching = true;
                bar.setExtraMessage("searching lambda");
                bar.maxHint(-1);
            }
            bar.step();
        }
    }
}
