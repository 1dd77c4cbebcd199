package io.github.occam.examples.logistic;

import io.github.occam.examples.support.AtomicFiles;
import io.github.occam.examples.support.OutputLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of one run in {@code --out}, replaced as a set. Under the folder's lock
 * ({@link OutputLock#await}: a run that finishes while another writes the folder waits its turn),
 * the temporary files a killed run left are deleted, the run's files are written with
 * {@code results.csv} last, and the optional files of an earlier run that this run does not write
 * ({@value DataTables#SEARCH}, {@value DataTables#PREDICTIONS}) are deleted before it. So the
 * folder never shows one run's results beside another's predictions, and a folder whose
 * {@code results.csv} is this run's holds only this run's files.
 */
final class OutputFolder {

    /** The results table. */
    static final String RESULTS = "results.csv";

    private static final List<String> OPTIONAL = List.of(DataTables.SEARCH, DataTables.PREDICTIONS);

    /** Writes a run's files other than the table and the figures, adding each to the list. */
    @FunctionalInterface
    interface Extras {
        void write(List<Path> written) throws IOException;
    }

    private OutputFolder() {
    }

    /**
     * Replaces the run files in {@code out} with {@code rows}' table and figures and the
     * {@code extras}.
     *
     * @return the files written, {@code results.csv} first
     */
    static List<Path> replace(Path out, List<ResultRow> rows, Extras extras) throws IOException {
        OutputLock lock = OutputLock.await(out);
        try {
            AtomicFiles.deleteLeftovers(out, names());
            List<Path> written = new ArrayList<>();
            extras.write(written);
            written.addAll(Figures.write(out, rows));
            for (String name : OPTIONAL) {
                if (!written.contains(out.resolve(name))) {
                    Files.deleteIfExists(out.resolve(name));
                }
            }
            Path results = out.resolve(RESULTS);
            ResultsCsv.write(results, rows);
            written.add(0, results);
            return written;
        } finally {
            lock.close();
        }
    }

    /** Every file a run may write. */
    private static List<String> names() {
        List<String> names = new ArrayList<>(List.of(RESULTS));
        names.addAll(OPTIONAL);
        for (String figure : List.of(Figures.FIGURE_1, Figures.FIGURE_2)) {
            names.add(figure + ".png");
            names.add(figure + ".svg");
        }
        return names;
    }
}
