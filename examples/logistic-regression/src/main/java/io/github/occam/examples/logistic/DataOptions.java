package io.github.occam.examples.logistic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The options of a run on the user's own data (a picocli mixin of
 * {@link LogisticRegressionExperiment}): the files, how to read them, and {@code --json}.
 *
 * <pre>{@code
 * java -jar logistic-regression.jar --train-csv iris.csv --label-column species --json
 * }</pre>
 */
final class DataOptions {

    /** The options that only apply with {@code --train-csv}. */
    static final List<String> NEED_TRAIN_CSV = List.of("--test-csv", "--predict-csv", "--header",
            "--label-column", "--standardize", "--json");

    @Option(names = "--train-csv", paramLabel = "FILE",
            description = "Your own data instead of the synthetic tasks, all that is needed: a "
                    + "UTF-8 CSV file, one example per line, the label in the first column (or "
                    + "--label-column), numeric features in the others, a header row detected. "
                    + "Labels are classes, integers or names: two classes give logistic "
                    + "regression, more give softmax regression.")
    Path trainCsv;

    @Option(names = "--test-csv", paramLabel = "FILE",
            description = "Test data with the columns of --train-csv, measured at every lambda "
                    + "(optional: the evidence needs no test set).")
    Path testCsv;

    @Option(names = "--predict-csv", paramLabel = "FILE",
            description = "New inputs, the feature columns only: writes predictions.csv, the "
                    + "class and class probabilities that the model of maximum evidence gives "
                    + "each row.")
    Path predictCsv;

    @Option(names = "--header", negatable = true,
            description = "The first line of each CSV file is (--header) or is not "
                    + "(--no-header) a header row (default: a header if one of its feature "
                    + "columns is not a number).")
    Boolean header;

    @Option(names = "--label-column", paramLabel = "COLUMN",
            description = "The label's column in --train-csv and --test-csv: a number from 1, "
                    + "'last' or a name of the header row (default: 1).")
    String labelColumn;

    @Option(names = "--standardize",
            description = "Scale the features of the CSV files to mean 0, variance 1 per column, "
                    + "with the training set's statistics (default: use them as given).")
    boolean standardize;

    @Option(names = "--json",
            description = "Print the result as one JSON line on standard output, and nothing "
                    + "else there.")
    boolean json;

    /** Returns the options of {@link #NEED_TRAIN_CSV} that {@code parsed} holds. */
    static List<String> given(ParseResult parsed) {
        List<String> given = new ArrayList<>();
        for (String name : NEED_TRAIN_CSV) {
            if (parsed.hasMatchedOption(name)) {
                given.add(name);
            }
        }
        return given;
    }

    /** Returns the layout of the labelled files. */
    CsvData.Layout layout() {
        return new CsvData.Layout(header, labelColumn);
    }
}
