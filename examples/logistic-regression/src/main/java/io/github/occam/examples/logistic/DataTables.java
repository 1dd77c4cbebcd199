package io.github.occam.examples.logistic;

import io.github.occam.evidence.LambdaSearch;
import io.github.occam.examples.support.AtomicFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The tables of a run on the user's data besides {@code results.csv}, each written atomically:
 * <ul>
 *   <li>{@value #SEARCH}: every evaluation of the search for the lambda of maximum evidence,
 *       by increasing lambda, columns {@link #SEARCH_HEADER};</li>
 *   <li>{@value #PREDICTIONS}: the class the model of maximum evidence predicts for each row of
 *       {@code --predict-csv}, with the probability of every class: {@code line} (of the input
 *       file), {@code predicted}, then {@code p_<class>} per class.</li>
 * </ul>
 *
 * <pre>{@code
 * DataTables.writeSearch(out.resolve(DataTables.SEARCH), result.search(), train.size());
 * }</pre>
 */
final class DataTables {

    /** The file of the search. */
    static final String SEARCH = "lambda-search.csv";
    /** The file of the predictions. */
    static final String PREDICTIONS = "predictions.csv";
    /** The columns of {@value #SEARCH}. */
    static final List<String> SEARCH_HEADER = List.of("lambda", "log_evidence",
            "log_evidence_ratio", "log_evidence_ratio_per_example", "converged");

    private DataTables() {
    }

    /** Writes the table of {@code search} for a training set of {@code examples}. */
    static void writeSearch(Path file, LambdaSearch.Result search, int examples)
            throws IOException {
        write(file, SEARCH_HEADER, printer -> {
            for (LambdaSearch.Point point : search.table()) {
                printer.printRecord(point.lambda(), point.logEvidence(), point.logEvidenceRatio(),
                        point.logEvidenceRatio() / examples, point.converged());
            }
        });
    }

    /** Writes the predictions of {@code fitted} for {@code inputs}, with class names. */
    static void writePredictions(Path file, CsvData.Table inputs, double[][] rows,
            Predictor fitted, List<String> classes) throws IOException {
        List<String> header = new ArrayList<>(List.of("line", "predicted"));
        for (String name : classes) {
            header.add("p_" + name);
        }
        int[] predicted = fitted.predict(rows);
        double[][] probabilities = fitted.probabilities(rows);
        write(file, header, printer -> {
            for (int i = 0; i < predicted.length; i++) {
                List<Object> record = new ArrayList<>();
                record.add(inputs.lines()[i]);
                record.add(classes.get(predicted[i]));
                for (double p : probabilities[i]) {
                    record.add(p);
                }
                printer.printRecord(record);
            }
        });
    }

    /** Prints the records of a table. */
    @FunctionalInterface
    private interface Records {
        void printTo(CSVPrinter printer) throws IOException;
    }

    private static void write(Path file, List<String> header, Records records)
            throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(new String[0]))
                .setRecordSeparator('\n').get();
        AtomicFiles.write(file, out -> {
            try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    CSVPrinter printer = new CSVPrinter(writer, format)) {
                records.printTo(printer);
            }
        });
    }
}
