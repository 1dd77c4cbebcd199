package io.github.occam.examples.logistic;

import io.github.occam.examples.support.Memory;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a user's data set: a UTF-8 CSV file, one example per line, one column the label and the
 * others the features, or (for inputs to predict) features only. Blank lines are skipped, values
 * are trimmed, a byte-order mark is ignored, and the values are used as given (see
 * {@link Standardizer} for scaling).
 *
 * <ul>
 *   <li><b>Header.</b> The first line is a header row if {@link Layout#header()} says so, or,
 *       where it says nothing, if one of its feature columns holds a word, not a number.</li>
 *   <li><b>Label.</b> The first column unless {@link Layout#labelColumn()} names another: a
 *       1-based number, {@code last}, or a header name. A label is a class: an integer
 *       ({@code 1.0} is read as {@code 1}) or any other text ({@code yes}, {@code setosa}); a
 *       number that is not an integer is refused, as a continuous target is not a class.</li>
 *   <li><b>Features.</b> Finite numbers; every line has as many columns as the first.</li>
 *   <li><b>Names.</b> The names of a header row are distinct; a test or prediction file with a
 *       header row is matched to the training file's features by name
 *       ({@link #inOrderOf}).</li>
 * </ul>
 * Any violation raises a {@link CsvFormatException} naming the file, the line, the column and
 * the value; bytes that are not UTF-8 are named by line and byte. A file larger than the memory
 * of this virtual machine can hold once read is refused after its first line.
 *
 * <pre>{@code
 * CsvData.Table train = CsvData.read(Path.of("train.csv"), CsvData.Layout.DEFAULT);
 * LabelledSet data = LabelledSet.of(train);   // classes from the labels
 * }</pre>
 */
public final class CsvData {

    /**
     * The largest magnitude of a feature, 1e100: squares and sums of squares of such values
     * stay finite in double precision, where the curvature of the model needs them. Scale larger
     * data first.
     */
    public static final double LARGEST_FEATURE = 1e100;

    /** Copies of the data a run holds: the rows read, the standardized copy and the model's. */
    static final int DATA_COPIES = 3;

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setTrim(true).get();

    /**
     * Where the header and the label are.
     *
     * @param header true if the first line is a header row, false if it is data, null to detect
     * @param labelColumn the label's column: a 1-based number, {@code last} or a header name;
     *     null for the first column
     */
    public record Layout(Boolean header, String labelColumn) {

        /** Header detected, label in the first column. */
        public static final Layout DEFAULT = new Layout(null, null);
    }

    /**
     * What a file holds, as read.
     *
     * @param file the file
     * @param header the header row's names, empty without a header
     * @param labelColumn the 1-based column of the label, 0 for a file without labels
     * @param labels one label per example, canonical ({@code 1.0} becomes {@code 1}); empty for a
     *     file without labels
     * @param features one row of equal length per example
     * @param lines the 1-based line of each example in the file
     */
    public record Table(Path file, List<String> header, int labelColumn, List<String> labels,
            double[][] features, long[] lines) {

        /** Returns the number of examples. */
        public int size() {
            return features.length;
        }

        /** Returns the number of features per example. */
        public int dimension() {
            return features[0].length;
        }
    }

    private CsvData() {
    }

    /**
     * Reads a labelled file.
     *
     * @param file a UTF-8 text file in the format of the class comment
     * @param layout where the header and the label are
     * @return its examples
     * @throws CsvFormatException if the content breaks the format
     * @throws IOException if the file cannot be read
     */
    public static Table read(Path file, Layout layout) throws IOException {
        return new Reader(file, layout, true).read();
    }

    /**
     * Reads a file of inputs without labels (every column a feature), as given to predict.
     *
     * @param file a UTF-8 text file, header row detected or declared
     * @param header true if the first line is a header row, false if not, null to detect
     * @return its examples, with no labels
     * @throws CsvFormatException if the content breaks the format
     * @throws IOException if the file cannot be read
     */
    public static Table readInputs(Path file, Boolean header) throws IOException {
        return new Reader(file, new Layout(header, null), false).read();
    }

    /**
     * {@code table}'s features in the order of {@code reference}'s, matched by name when both
     * files have a header row, so that a test or prediction file may order its columns its own
     * way; without two headers, or with the same names in the same order, {@code table} itself.
     *
     * @throws CsvFormatException if a feature of {@code reference} is not a column of
     *     {@code table}'s header, or {@code table} has a feature {@code reference} does not
     */
    public static Table inOrderOf(Table table, Table reference) throws CsvFormatException {
        List<String> wanted = featureNames(reference);
        List<String> given = featureNames(table);
        if (wanted.isEmpty() || given.isEmpty() || wanted.equals(given)) {
            return table;
        }
        int[] from = new int[wanted.size()];
        for (int i = 0; i < from.length; i++) {
            from[i] = given.indexOf(wanted.get(i));
            if (from[i] < 0) {
                throw new CsvFormatException(table.file(), 1, "has no column '" + wanted.get(i)
                        + "', a feature of " + reference.file() + " (header " + wanted + ")");
            }
        }
        String label = reference.labelColumn() > 0 ? reference.header().get(reference.labelColumn() - 1) : null;
        for (String name : given) {
            if (name.equals(label)) {
                throw new CsvFormatException(table.file(), 1, "column '" + name + "' is the label of "
                        + reference.file() + "; give the feature columns only, without the label");
            }
            if (!wanted.contains(name)) {
                throw new CsvFormatException(table.file(), 1, "column '" + name + "' is not a feature of "
                        + reference.file() + " (header " + wanted + ")");
            }
        }
        double[][] features = new double[table.size()][];
        for (int r = 0; r < features.length; r++) {
            double[] row = table.features()[r];
            features[r] = new double[from.length];
            for (int i = 0; i < from.length; i++) {
                features[r][i] = row[from[i]];
            }
        }
        return new Table(table.file(), table.header(), table.labelColumn(), table.labels(), features,
                table.lines());
    }

    /** The header's names of the feature columns, in order; empty without a header row. */
    private static List<String> featureNames(Table table) {
        List<String> names = new ArrayList<>(table.header());
        if (table.labelColumn() > 0 && !names.isEmpty()) {
            names.remove(table.labelColumn() - 1);
        }
        return names;
    }

    /** One pass over a file. */
    private static final class Reader {
        private final Path file;
        private final Layout layout;
        private final boolean labelled;
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final List<double[]> rows = new ArrayList<>();
        private final List<String> labels = new ArrayList<>();
        private final List<Long> lineNumbers = new ArrayList<>();
        private List<String> header = List.of();
        private int columns = -1;
        private int labelColumn = -1;

        Reader(Path file, Layout layout, boolean labelled) {
            this.file = file;
            this.layout = layout;
            this.labelled = labelled;
        }

        Table read() throws IOException {
            if (Files.isDirectory(file)) {
                throw new CsvFormatException(file, 0, "is a directory, not a CSV file");
            }
            long size = Files.size(file);
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                long line = 0;
                boolean more = true;
                while (more) {
                    bytes.reset();
                    int b;
                    while ((b = in.read()) != -1 && b != '\n') {
                        bytes.write(b);
                    }
                    more = b != -1;
                    if (!more && bytes.size() == 0) {
                        break;
                    }
                    line++;
                    String text = decode(bytes.toByteArray(), line);
                    if (line == 1 && text.startsWith("\uFEFF")) {
                        text = text.substring(1);
                    }
                    if (text.isBlank()) {
                        continue;
                    }
                    accept(fields(text, line), line, size, bytes.size() + 1);
                }
            }
            if (rows.isEmpty()) {
                throw new CsvFormatException(file, 0, "holds no examples"
                        + (header.isEmpty() ? "" : " (only the header row)"));
            }
            long[] lines = lineNumbers.stream().mapToLong(Long::longValue).toArray();
            return new Table(file, header, labelColumn + 1, Collections.unmodifiableList(labels),
                    rows.toArray(new double[0][]), lines);
        }

        /** Decodes one line as UTF-8, naming the line and the byte where it is not. */
        private String decode(byte[] line, long number) throws CsvFormatException {
            int length = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1
                    : line.length;
            ByteBuffer in = ByteBuffer.wrap(line, 0, length);
            CharBuffer out = CharBuffer.allocate(length);
            utf8.reset();
            CoderResult result = utf8.decode(in, out, true);
            if (result.isError()) {
                throw new CsvFormatException(file, number, String.format(Locale.ROOT,
                        "not valid UTF-8 (byte 0x%02x at byte %d of the line); save the file as "
                                + "UTF-8", line[in.position()] & 0xff, in.position() + 1));
            }
            utf8.flush(out);
            return out.flip().toString();
        }

        private void accept(List<String> values, long line, long fileSize, long lineBytes)
                throws CsvFormatException {
            if (columns < 0) {
                columns = values.size();
                if (labelled && columns < 2) {
                    throw new CsvFormatException(file, line, "needs a label and at least one"
                            + " feature, found " + columns + " column(s)");
                }
                boolean isHeader = layout.header() != null ? layout.header()
                        : looksLikeHeader(values);
                if (isHeader) {
                    header = List.copyOf(values);
                    checkDistinct(line);
                }
                labelColumn = labelled ? labelColumn(line) : -1;
                if (isHeader) {
                    return;
                }
            } else if (values.size() != columns) {
                throw new CsvFormatException(file, line, "has " + values.size()
                        + " columns, the first line had " + columns);
            }
            if (rows.isEmpty()) {
                checkMemory(fileSize, lineBytes);
            }
            double[] row = new double[labelled ? columns - 1 : columns];
            int k = 0;
            for (int j = 0; j < columns; j++) {
                if (j == labelColumn) {
                    labels.add(label(line, j + 1, values.get(j)));
                } else {
                    row[k++] = feature(line, j + 1, values.get(j));
                }
            }
            rows.add(row);
            lineNumbers.add(line);
        }

        /** Refuses a header row that gives two columns one name: a name must say which column. */
        private void checkDistinct(long line) throws CsvFormatException {
            Map<String, Integer> first = new HashMap<>();
            for (int j = 0; j < header.size(); j++) {
                String name = header.get(j);
                Integer earlier = name.isEmpty() ? null : first.putIfAbsent(name, j);
                if (earlier != null) {
                    throw new CsvFormatException(file, line, "the header row names columns " + (earlier + 1)
                            + " and " + (j + 1) + " '" + name + "'; give every column its own name");
                }
            }
        }

        /** A first line is a header if one of its feature columns holds a word, not a number. */
        private boolean looksLikeHeader(List<String> values) {
            int label = labelled ? guessLabelColumn(values) : -1;
            for (int j = 0; j < values.size(); j++) {
                if (j != label && !values.get(j).isEmpty() && !isNumber(values.get(j))) {
                    return true;
                }
            }
            return false;
        }

        /** The label column as far as it can be told before the header is known. */
        private int guessLabelColumn(List<String> values) {
            String spec = layout.labelColumn();
            if (spec == null) {
                return 0;
            }
            if (spec.equalsIgnoreCase("last")) {
                return values.size() - 1;
            }
            try {
                return Integer.parseInt(spec.strip()) - 1;
            } catch (NumberFormatException e) {
                return values.indexOf(spec.strip()); // a name: the header names it, or no column
            }
        }

        private int labelColumn(long line) throws CsvFormatException {
            String spec = layout.labelColumn();
            if (spec == null) {
                return 0;
            }
            String name = spec.strip();
            if (name.equalsIgnoreCase("last")) {
                return columns - 1;
            }
            int number;
            try {
                number = Integer.parseInt(name);
            } catch (NumberFormatException e) {
                int index = header.indexOf(name);
                if (index < 0) {
                    throw new CsvFormatException(file, line, header.isEmpty()
                            ? "--label-column " + name + " names a column, but the file has no "
                                    + "header row (give --header if line " + line + " is one)"
                            : "--label-column " + name + " is not a column of the header row "
                                    + header);
                }
                return index;
            }
            if (number < 1 || number > columns) {
                throw new CsvFormatException(file, line, "--label-column " + number
                        + " is outside the " + columns + " columns of the file");
            }
            return number - 1;
        }

        /** Refuses, after the first example, a file whose rows cannot fit in memory. */
        private void checkMemory(long fileSize, long lineBytes) {
            long rowsEstimate = Math.max(1, fileSize / Math.max(1, lineBytes));
            long bytes = Memory.product(rowsEstimate, Memory.sum(Memory.product(columns,
                    Double.BYTES), 48), DATA_COPIES);
            Memory.require(String.format(Locale.ROOT, "%s (about %d rows of %d columns, judged "
                    + "from its size of %s)", file, rowsEstimate, columns,
                    Memory.format(fileSize)), bytes);
        }

        private List<String> fields(String text, long line) throws CsvFormatException {
            try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
                List<CSVRecord> records = parser.getRecords();
                if (records.size() != 1) {
                    throw new CsvFormatException(file, line, text.indexOf('\r') >= 0
                            ? "its lines end with a lone CR (carriage return), which is not read as a line"
                                    + " end; save the file with LF or CRLF line ends"
                            : "is not a single CSV record");
                }
                return records.get(0).toList();
            } catch (IOException | RuntimeException e) {
                if (e instanceof CsvFormatException) {
                    throw (CsvFormatException) e;
                }
                long quotes = text.chars().filter(c -> c == '"').count();
                throw new CsvFormatException(file, line, quotes % 2 == 1
                        ? "a quoted field is not closed on this line: one example per line is read,"
                                + " quoted fields that span lines (and lines ended by a lone CR) are not"
                                + " supported"
                        : "malformed CSV: " + e.getMessage());
            }
        }

        private String label(long line, int column, String value) throws CsvFormatException {
            if (value.isEmpty()) {
                throw new CsvFormatException(file, line, "column " + column + ": the label is "
                        + "empty");
            }
            if (!isNumber(value)) {
                return value;
            }
            double x = Double.parseDouble(value);
            if (!Double.isFinite(x) || x != Math.rint(x) || Math.abs(x) > 1e15) {
                throw new CsvFormatException(file, line, "column " + column + ": label '" + value
                        + "' is a number but not an integer; a label is a class, an integer or a "
                        + "name (is column " + column + " the label?)");
            }
            return Long.toString((long) x);
        }

        private double feature(long line, int column, String value) throws CsvFormatException {
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
            if (Math.abs(x) > LARGEST_FEATURE) {
                throw new CsvFormatException(file, line, "column " + column + ": '" + value
                        + "' is larger in magnitude than 1e100, too large for the curvature in "
                        + "double precision; scale the feature first");
            }
            return x;
        }
    }

    private static boolean isNumber(String value) {
        try {
            Double.parseDouble(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
