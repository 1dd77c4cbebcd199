package io.github.occam.examples.logistic;

import io.github.occam.examples.support.InputException;
import java.nio.file.Path;

/**
 * A data file that cannot be read as the experiment's CSV format. The message names the file,
 * the line (1-based), the column (1-based) where known, and the bad value; the command line
 * prints it as one line and exits with code 2.
 *
 * <pre>{@code
 * try {
 *     CsvData.read(path, CsvData.Layout.DEFAULT);
 * } catch (CsvFormatException e) {
 *     System.err.println(e.getMessage());   // "train.csv line 3, column 5: 'abc' is not a number"
 * }
 * }</pre>
 */
public class CsvFormatException extends InputException {

    private static final long serialVersionUID = 1L;

    /** The file that failed to parse. */
    private final transient Path file;
    /** The 1-based line, or 0 where the problem is the file as a whole. */
    private final long line;

    /**
     * Creates the exception.
     *
     * @param file the file
     * @param line the 1-based line, or 0 for the whole file
     * @param problem what is wrong, naming the column and the value
     */
    public CsvFormatException(Path file, long line, String problem) {
        super(file + (line > 0 ? " line " + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** Returns the file that failed to parse. */
    public Path file() {
        return file;
    }

    /** Returns the 1-based line of the problem, or 0 where it concerns the file as a whole. */
    public long line() {
        return line;
    }
}
