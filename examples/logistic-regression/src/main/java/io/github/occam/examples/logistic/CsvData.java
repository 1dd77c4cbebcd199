package io.github.occam.examples.logistic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a user's data set: a CSV file without header, one example per line, the first column
 * the label (0 or 1), the remaining columns the features. Blank lines are skipped, values are
 * trimmed, and the values are used as given (see {@link Standardizer} for scaling).
 *
 * <p>Every line must have the same number of columns, at least two; every value must be a finite
 * number; a label must equal 0 or 1 ({@code 1.0} is accepted). Any violation raises a
 * {@link CsvFormatException} naming the line, the column and the value.
 *
 * <pre>{@code
 * BinaryLabelledSet train = CsvData.read(Path.of("train.csv"));
 * }</pre>
 */
public final class CsvData {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setTrim(true).get();

    private CsvData() {
    }

    /**
     * Reads {@code file}.
     *
     * @param file a UTF-8 text file in the format of the class comment
     * @return its examples
     * @throws CsvFormatException if the content breaks the format
     * @throws IOException if the file cannot be read
     */
    public static BinaryLabelledSet read(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int columns = -1;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            long line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                List<String> values = fields(file, line, text);
                if (columns < 0) {
                    if (values.size() < 2) {
                        throw new CsvFormatException(file, line, "needs a label and at least one"
                                + " feature, found " + values.size() + " column(s)");
                    }
                    columns = values.size();
                } else if (values.size() != columns) {
                    throw new CsvFormatException(file, line, "has " + values.size()
                            + " columns, the first line had " + columns);
                }
                double label = number(file, line, 1, values.get(0));
                if (label != 0.0 && label != 1.0) {
                    throw new CsvFormatException(file, line,
                            "column 1: label must be 0 or 1, got '" + values.get(0) + "'");
                }
                double[] row = new double[columns - 1];
                for (int j = 1; j < columns; j++) {
                    row[j - 1] = number(file, line, j + 1, values.get(j));
                }
                labels.add((int) label);
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            throw new CsvFormatException(file, 0, "holds no examples");
        }
        return new BinaryLabelledSet(rows.toArray(new double[0][]),
                labels.stream().mapToInt(Integer::intValue).toArray());
    }

    private static List<String> fields(Path file, long line, String text) throws CsvFormatException {
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new CsvFormatException(file, line, "is not a single CSV record");
            }
            return records.get(0).toList();
        } catch (IOException | RuntimeException e) {
            if (e instanceof CsvFormatException) {
                throw (CsvFormatException) e;
            }
            throw new CsvFormatException(file, line, "malformed CSV: " + e.getMessage());
        }
    }

    private static double number(Path file, long line, int column, String value)
            throws CsvFormatException {
        double x;
        try {
            x = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new CsvFormatException(file, line,
                    "column " + column + ": '" + value + "' is not a number");
        }
        if (!Double.isFinite(x)) {
            throw new CsvFormatException(file, line,
                    "column " + column + ": value must be finite, got '" + value + "'");
        }
        return x;
    }
}
