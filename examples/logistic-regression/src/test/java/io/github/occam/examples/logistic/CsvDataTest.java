package io.github.occam.examples.logistic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.occam.examples.support.InputException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDataTest {

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("data.csv"), content);
    }

    private static CsvData.Table read(Path path) throws IOException {
        return CsvData.read(path, CsvData.Layout.DEFAULT);
    }

    @Test
    void readsLabelsAndFeaturesAsGiven() throws IOException {
        CsvData.Table table = read(file("1,0.5,-2\n\n0, 3e2 ,\"4\"\r\n1.0,-0.0,7\n"));
        assertThat(table.labels()).containsExactly("1", "0", "1");
        assertThat(table.features()).isDeepEqualTo(new double[][] {{0.5, -2}, {300, 4}, {-0.0, 7}});
        assertThat(table.lines()).containsExactly(1, 3, 4);
        assertThat(table.header()).isEmpty();
        assertThat(table.labelColumn()).isEqualTo(1);
    }

    @Test
    void namesLineColumnAndValueOfANonNumber() throws IOException {
        Path path = file("1,0.5,2\n0,abc,4\n");
        assertThatThrownBy(() -> read(path)).isInstanceOf(CsvFormatException.class)
                .isInstanceOf(InputException.class)
                .hasMessageContaining("data.csv line 2").hasMessageContaining("column 2")
                .hasMessageContaining("'abc'")
                .satisfies(e -> assertThat(((CsvFormatException) e).line()).isEqualTo(2));
    }

    @Test
    void aHeaderRowIsDetectedWhenAFeatureColumnIsNotANumber() throws IOException {
        CsvData.Table table = read(file("species,length,width\nsetosa,1.4,0.2\nvirginica,5.1,1.8\n"));
        assertThat(table.header()).containsExactly("species", "length", "width");
        assertThat(table.labels()).containsExactly("setosa", "virginica");
        assertThat(table.lines()).containsExactly(2, 3);
        // a first line of numbers is data, unless --header says otherwise
        CsvData.Table numeric = CsvData.read(file("label,1,2\n0,0.5,1\n"), new CsvData.Layout(true, null));
        assertThat(numeric.header()).containsExactly("label", "1", "2");
        assertThat(numeric.size()).isEqualTo(1);
    }

    @Test
    void noHeaderMakesAWordInTheFirstLineAnError() throws IOException {
        Path path = file("y,x\n1,0.5\n");
        assertThatThrownBy(() -> CsvData.read(path, new CsvData.Layout(false, null)))
                .hasMessageContaining("line 1").hasMessageContaining("'x' is not a number");
    }

    @Test
    void theLabelColumnIsANumberLastOrAHeaderName() throws IOException {
        Path path = file("a,b,class\n0.5,1,yes\n1.5,2,no\n");
        CsvData.Table byName = CsvData.read(path, new CsvData.Layout(null, "class"));
        CsvData.Table last = CsvData.read(path, new CsvData.Layout(null, "last"));
        CsvData.Table third = CsvData.read(path, new CsvData.Layout(null, "3"));
        for (CsvData.Table table : List.of(byName, last, third)) {
            assertThat(table.labels()).containsExactly("yes", "no");
            assertThat(table.features()).isDeepEqualTo(new double[][] {{0.5, 1}, {1.5, 2}});
            assertThat(table.labelColumn()).isEqualTo(3);
        }
        assertThatThrownBy(() -> CsvData.read(path, new CsvData.Layout(null, "kind")))
                .hasMessageContaining("--label-column kind is not a column of the header row");
        assertThatThrownBy(() -> CsvData.read(path, new CsvData.Layout(null, "4")))
                .hasMessageContaining("--label-column 4 is outside the 3 columns");
        Path headless = file("0.5,1,0\n");
        assertThatThrownBy(() -> CsvData.read(headless, new CsvData.Layout(null, "class")))
                .hasMessageContaining("the file has no header row");
    }

    @Test
    void labelsAreIntegersOrNamesNotFractions() throws IOException {
        assertThat(read(file("2,0.5\n-7,1.5\n1e1,1\n")).labels()).containsExactly("2", "-7", "10");
        Path half = file("1,0.5\n0.5,1.5\n");
        assertThatThrownBy(() -> read(half)).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 2").hasMessageContaining("label '0.5' is a number but "
                        + "not an integer");
        Path empty = file("1,0.5\n,1.5\n");
        assertThatThrownBy(() -> read(empty)).hasMessageContaining("line 2")
                .hasMessageContaining("the label is empty");
    }

    @Test
    void bytesThatAreNotUtf8AreNamedByLineAndByte() throws IOException {
        Path path = dir.resolve("latin1.csv");
        Files.write(path, new byte[] {'1', ',', '2', '\n', '0', ',', 'c', 'a', 'f', (byte) 0xe9, '\n'});
        assertThatThrownBy(() -> read(path)).isInstanceOf(CsvFormatException.class)
                .hasMessage(path + " line 2: not valid UTF-8 (byte 0xe9 at byte 6 of the line); "
                        + "save the file as UTF-8");
    }

    @Test
    void aByteOrderMarkIsIgnored() throws IOException {
        CsvData.Table table = read(file("\uFEFFy,x\n1,2\n0,3\n"));
        assertThat(table.header()).containsExactly("y", "x");
    }

    @Test
    void aDirectoryIsNamedAsSuch() {
        assertThatThrownBy(() -> read(dir)).isInstanceOf(CsvFormatException.class)
                .hasMessage(dir + ": is a directory, not a CSV file");
    }

    @Test
    void rejectsRaggedRows() throws IOException {
        Path path = file("1,0.5,1\n0,1.5,2\n1,2.5\n");
        assertThatThrownBy(() -> read(path)).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 3").hasMessageContaining("has 2 columns")
                .hasMessageContaining("first line had 3");
    }

    @Test
    void rejectsNanInfinityEmptyAndHugeValues() throws IOException {
        Path nan = file("1,0.5\n0,NaN\n");
        assertThatThrownBy(() -> read(nan)).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 2").hasMessageContaining("column 2")
                .hasMessageContaining("finite").hasMessageContaining("'NaN'");
        Path infinite = file("1,-Infinity\n");
        assertThatThrownBy(() -> read(infinite)).hasMessageContaining("'-Infinity'");
        Path empty = file("1,,3\n");
        assertThatThrownBy(() -> read(empty)).hasMessageContaining("column 2")
                .hasMessageContaining("'' is not a number");
        Path huge = file("1,1e300\n0,1\n");
        assertThatThrownBy(() -> read(huge)).hasMessageContaining("line 1: column 2")
                .hasMessageContaining("'1e300' is larger in magnitude than 1e100");
    }

    @Test
    void rejectsFilesWithoutExamplesOrFeatures() throws IOException {
        Path empty = file("\n\n");
        assertThatThrownBy(() -> read(empty)).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("no examples");
        Path headerOnly = file("y,x\n");
        assertThatThrownBy(() -> read(headerOnly)).hasMessageContaining("no examples (only the header row)");
        Path labelsOnly = file("1\n0\n");
        assertThatThrownBy(() -> read(labelsOnly)).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 1").hasMessageContaining("found 1 column");
    }

    @Test
    void rejectsMalformedCsv() throws IOException {
        Path path = file("1,\"0.5\n");
        assertThatThrownBy(() -> read(path)).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 1");
    }

    @Test
    void aFileTooLargeForMemoryIsRefusedAfterItsFirstLineNamingItsSize() throws IOException {
        Path path = file("y,a,b\n1,0.5,2\n");
        try (RandomAccessFile sparse = new RandomAccessFile(path.toFile(), "rw")) {
            sparse.setLength(1L << 40); // 1 TiB of zeros after the first lines, not stored on disk
        } catch (IOException e) {
            Assumptions.abort("no sparse file of 1 TiB here: " + e.getMessage());
        }
        assertThatThrownBy(() -> read(path)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(path + " (about ").hasMessageContaining("rows of 3 columns, judged from "
                        + "its size of 1.00 TiB) needs about ").hasMessageContaining("of memory, more than the");
    }

    @Test
    void missingFileIsAnIoError() {
        assertThatThrownBy(() -> read(dir.resolve("absent.csv")))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("absent.csv");
    }

    @Test
    void aHeaderThatNamesTwoColumnsAlikeIsRefused() throws IOException {
        Path path = file("x,x,label\n1,2,0\n2,3,1\n");
        assertThatThrownBy(() -> CsvData.read(path, new CsvData.Layout(null, "x")))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageEndingWith("line 1: the header row names columns 1 and 2 'x'; give every column its own name");
    }

    @Test
    void aTestOrPredictionFileIsMatchedToTheTrainingFeaturesByName() throws IOException {
        CsvData.Layout byName = new CsvData.Layout(null, "label");
        CsvData.Table train = CsvData.read(Files.writeString(dir.resolve("train.csv"),
                "x1,x2,label,x3\n1,2,0,3\n4,5,1,6\n"), byName);
        CsvData.Table test = CsvData.inOrderOf(CsvData.read(Files.writeString(dir.resolve("test.csv"),
                "label,x3,x2,x1\n1,30,20,10\n"), byName), train);
        assertThat(test.features()).isDeepEqualTo(new double[][] {{10, 20, 30}});
        assertThat(test.labels()).containsExactly("1");
        CsvData.Table inputs = CsvData.inOrderOf(CsvData.readInputs(Files.writeString(dir.resolve("new.csv"),
                "x3,x1,x2\n7,8,9\n"), null), train);
        assertThat(inputs.features()).isDeepEqualTo(new double[][] {{8, 9, 7}});
        // no header on one side: by position, as before
        CsvData.Table plain = CsvData.readInputs(Files.writeString(dir.resolve("plain.csv"), "7,8,9\n"), null);
        assertThat(CsvData.inOrderOf(plain, train)).isSameAs(plain);

        Path other = Files.writeString(dir.resolve("other.csv"), "x1,x2,x4\n1,2,3\n");
        assertThatThrownBy(() -> CsvData.inOrderOf(CsvData.readInputs(other, null), train))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("other.csv line 1: has no column 'x3', a feature of ");
        Path labelled = Files.writeString(dir.resolve("labelled.csv"), "x1,x2,x3,label\n1,2,3,0\n");
        assertThatThrownBy(() -> CsvData.inOrderOf(CsvData.readInputs(labelled, null), train))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("column 'label' is the label of ")
                .hasMessageEndingWith("give the feature columns only, without the label");
    }

    @Test
    void linesEndedByALoneCarriageReturnAreNamedAsSuch() throws IOException {
        Path path = file("a,b,label\r1,2,0\r2,3,1\r");
        assertThatThrownBy(() -> read(path)).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("data.csv line 1: its lines end with a lone CR")
                .hasMessageEndingWith("save the file with LF or CRLF line ends");
    }

    @Test
    void inputsToPredictAreFeaturesOnly() throws IOException {
        CsvData.Table inputs = CsvData.readInputs(file("a,b\n1,2\n3,4\n"), null);
        assertThat(inputs.labels()).isEmpty();
        assertThat(inputs.labelColumn()).isZero();
        assertThat(inputs.features()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
    }

    @Test
    void classesAreIntegersByValueThenNamesAndATestSetTakesTheTrainingClasses() throws IOException {
        LabelledSet train = LabelledSet.of(read(file("10,1\n2,2\nb,3\na,4\n2,5\n")));
        assertThat(train.classes()).containsExactly("2", "10", "a", "b");
        assertThat(train.labels()).containsExactly(1, 0, 3, 2, 0);
        Path test = Files.writeString(dir.resolve("test.csv"), "a,1\nc,2\n");
        assertThatThrownBy(() -> LabelledSet.of(read(test), train.classes()))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage(test + " line 2: label 'c' is not a class of the training set (2, 10, a, b)");
        Path single = file("yes,1\nyes,2\n");
        assertThatThrownBy(() -> LabelledSet.of(read(single)))
                .hasMessageContaining("every example has the label 'yes'")
                .hasMessageContaining("at least two classes");
    }
}
