package io.github.occam.examples.logistic;

import io.github.occam.examples.support.AtomicFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the results table, {@code results.csv}, one {@link ResultRow} per line under the header
 * {@link #HEADER}. Numbers are written with {@link Double#toString(double)}, which reads back to
 * the same double; a value that was not measured (NaN: the test columns of a run without a test
 * set) is left empty. {@code converged} is {@code true} or {@code false}: whether the minimizer
 * reached its tolerance at that lambda.
 *
 * <p>The file is written to a temporary file in the same directory and then moved over the
 * target in one atomic step, so a reader never sees half a table.
 *
 * <pre>{@code
 * ResultsCsv.write(outDir.resolve("results.csv"), rows);
 * }</pre>
 */
public final class ResultsCsv {

    /** The columns, in order. */
    public static final List<String> HEADER = List.of("labels", "lambda", "train_accuracy",
            "test_accuracy", "train_cross_entropy", "test_cross_entropy", "cost",
            "log_occam_factor", "log_evidence_ratio", "log_evidence_ratio_per_example",
            "excluded_eigenvalues", "converged");

    private ResultsCsv() {
    }

    /**
     * Writes {@code rows} to {@code file}, replacing it atomically.
     *
     * @param file the target; its directory must exist
     * @param rows the rows, in the order to write
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, List<ResultRow> rows) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader(HEADER.toArray(new String[0]))
                .setRecordSeparator('\n')
                .get();
        AtomicFiles.write(file, out -> {
            try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    CSVPrinter printer = new CSVPrinter(writer, format)) {
                for (ResultRow r : rows) {
                    printer.printRecord(r.labels(), r.lambda(), r.trainAccuracy(),
                            measured(r.testAccuracy()), r.trainCrossEntropy(),
                            measured(r.testCrossEntropy()), r.cost(), r.logOccamFactor(),
                            r.logEvidenceRatio(), r.logEvidenceRatioPerExample(),
                            r.excludedEigenvalues(), r.converged());
                }
            }
        });
    }

    /** The value, or an empty field for a value not measured (NaN). */
    private static Object measured(double value) {
        return Double.isNaN(value) ? "" : value;
    }
}
