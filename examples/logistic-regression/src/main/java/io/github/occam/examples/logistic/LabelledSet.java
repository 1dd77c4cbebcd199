package io.github.occam.examples.logistic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A user's examples with their classes: example {@code i} is the row {@code features[i]} with
 * the class {@code labels[i]}, an index into {@code classes}, the names the labels had in the
 * file. Two classes make a logistic regression, more a softmax regression.
 *
 * <p>The classes of a training set are its distinct labels in a fixed order: integers first,
 * by value, then names, alphabetically, so that {@code 0/1} labels keep their meaning and
 * {@code no/yes} become 0 and 1. A test set takes the training set's classes.
 *
 * <pre>{@code
 * LabelledSet train = LabelledSet.of(CsvData.read(trainFile, CsvData.Layout.DEFAULT));
 * LabelledSet test = LabelledSet.of(CsvData.read(testFile, layout), train.classes());
 * int n = train.classCount();
 * }</pre>
 *
 * @param features one row of equal length per example, all values finite
 * @param labels one class index per example, in [0, classes.size())
 * @param classes the class names, at least two
 */
public record LabelledSet(double[][] features, int[] labels, List<String> classes) {

    /** Copies the class names. */
    public LabelledSet {
        classes = List.copyOf(classes);
    }

    /**
     * Returns the examples of {@code table} with the classes its labels name.
     *
     * @throws CsvFormatException if the labels name fewer than two classes
     */
    public static LabelledSet of(CsvData.Table table) throws CsvFormatException {
        Set<String> distinct = new LinkedHashSet<>(table.labels());
        List<String> classes = new ArrayList<>(distinct);
        classes.sort(CLASS_ORDER);
        if (classes.size() < 2) {
            throw new CsvFormatException(table.file(), 0, "every example has the label '"
                    + classes.get(0) + "'; the evidence compares the model with the null model "
                    + "and needs at least two classes");
        }
        return of(table, classes);
    }

    /**
     * Returns the examples of {@code table} with the given classes (a training set's).
     *
     * @throws CsvFormatException if a label is not one of {@code classes}, naming its line
     */
    public static LabelledSet of(CsvData.Table table, List<String> classes)
            throws CsvFormatException {
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            index.put(classes.get(c), c);
        }
        int[] labels = new int[table.size()];
        for (int i = 0; i < labels.length; i++) {
            Integer c = index.get(table.labels().get(i));
            if (c == null) {
                throw new CsvFormatException(table.file(), table.lines()[i], "label '"
                        + table.labels().get(i) + "' is not a class of the training set "
                        + describe(classes));
            }
            labels[i] = c;
        }
        return new LabelledSet(table.features(), labels, classes);
    }

    /** Returns the number of examples. */
    public int size() {
        return labels.length;
    }

    /** Returns the number of features per example. */
    public int dimension() {
        return features[0].length;
    }

    /** Returns n, the number of classes. */
    public int classCount() {
        return classes.size();
    }

    /** Returns a copy with the features replaced (scaled), the labels and classes shared. */
    public LabelledSet withFeatures(double[][] scaled) {
        return new LabelledSet(scaled, labels, classes);
    }

    /** Returns {@code (0, 1)} or {@code (a, b, c, ... 12 classes)} for messages. */
    static String describe(List<String> classes) {
        int shown = Math.min(classes.size(), 10);
        return "(" + String.join(", ", classes.subList(0, shown))
                + (classes.size() > shown ? ", ... " + classes.size() + " classes" : "") + ")";
    }

    /** Integers first, by value, then names in alphabetical order. */
    static final Comparator<String> CLASS_ORDER = (a, b) -> {
        Long x = integer(a);
        Long y = integer(b);
        if (x != null && y != null) {
            return Long.compare(x, y);
        }
        if (x != null || y != null) {
            return x != null ? -1 : 1;
        }
        return a.compareTo(b);
    };

    private static Long integer(String label) {
        try {
            return Long.parseLong(label);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
