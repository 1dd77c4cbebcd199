package io.github.occam.examples.logistic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDataTest {

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("data.csv"), content);
    }

    @Test
    void readsLabelsAndFeaturesAsGiven() throws IOException {
        BinaryLabelledSet data = CsvData.read(file("1,0.5,-2\n\n0, 3e2 ,\"4\"\r\n1.0,-0.0,7\n"));
        assertThat(data.labels()).containsExactly(1, 0, 1);
        assertThat(data.features()).isDeepEqualTo(new double[][] {{0.5, -2}, {300, 4}, {-0.0, 7}});
    }

    @Test
    void namesLineColumnAndValueOfANonNumber() throws IOException {
        Path path = file("1,0.5,2\n0,abc,4\n");
        assertThatThrownBy(() -> CsvData.read(path)).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("data.csv line 2").hasMessageContaining("column 2")
                .hasMessageContaining("'abc'")
                .satisfies(e -> assertThat(((CsvFormatException) e).line()).isEqualTo(2));
    }

    @Test
    void rejectsLabelsOtherThanZeroAndOne() throws IOException {
        Path path = file("1,0.5\n2,1.5\n");
        assertThatThrownBy(() -> CsvData.read(path)).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 2").hasMessageContaining("label must be 0 or 1")
                .hasMessageContaining("'2'");
        Path half = file("0.5,1.5\n");
        assertThatThrownBy(() -> CsvData.read(half)).hasMessageContaining("'0.5'");
    }

    @Test
    void rejectsRaggedRows() throws IOException {
        Path path = file("1,0.5,1\n0,1.5,2\n1,2.5\n");
        assertThatThrownBy(() -> CsvData.read(path)).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 3").hasMessageContaining("has 2 columns")
                .hasMessageContaining("first line had 3");
    }

    @Test
    void rejectsNanInfinityAndEmptyValues() throws IOException {
        Path nan = file("1,0.5\n0,NaN\n");
        assertThatThrownBy(() -> CsvData.read(nan)).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 2").hasMessageContaining("column 2")
                .hasMessageContaining("finite").hasMessageContaining("'NaN'");
        Path infinite = file("1,-Infinity\n");
        assertThatThrownBy(() -> CsvData.read(infinite)).hasMessageContaining("'-Infinity'");
        Path empty = file("1,,3\n");
        assertThatThrownBy(() -> CsvData.read(empty)).hasMessageContaining("column 2")
                .hasMessageContaining("'' is not a number");
    }

    @Test
    void rejectsFilesWithoutExamplesOrFeatures() throws IOException {
        Path empty = file("\n\n");
        assertThatThrownBy(() -> CsvData.read(empty)).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("no examples");
        Path labelsOnly = file("1\n0\n");
        assertThatThrownBy(() -> CsvData.read(labelsOnly)).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 1").hasMessageContaining("found 1 column");
    }

    @Test
    void rejectsMalformedCsv() throws IOException {
        Path path = file("1,\"0.5\n");
        assertThatThrownBy(() -> CsvData.read(path)).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 1");
    }

    @Test
    void missingFileIsAnIoError() {
        assertThatThrownBy(() -> CsvData.read(dir.resolve("absent.csv")))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("absent.csv");
    }
}
