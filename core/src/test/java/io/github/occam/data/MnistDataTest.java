package io.github.occam.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistDataTest {

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
    }

    @Test
    void loadsTheStandardNamesRawOrGzip(@TempDir Path dir) throws IOException {
        write(dir.resolve("train-images-idx3-ubyte.gz"), IdxBytes.gzip(IdxBytes.images(12, 3, 2)));
        write(dir.resolve("train-labels-idx1-ubyte"), IdxBytes.labels(12));
        write(dir.resolve("t10k-images-idx3-ubyte"), IdxBytes.images(4, 3, 2));
        write(dir.resolve("t10k-labels-idx1-ubyte.gz"), IdxBytes.gzip(IdxBytes.labels(4)));

        MnistData data = MnistData.load(dir);
        Dataset train = data.train();
        assertThat(train.size()).isEqualTo(12);
        assertThat(train.featureCount()).isEqualTo(6);
        assertThat(train.classCount()).isEqualTo(10);
        for (int i = 0; i < 12; i++) {
            assertThat(train.labels()[i]).isEqualTo(i % 10);
            for (int k = 0; k < 6; k++) {
                float expected = ((7 * i + 3 * k) % 256) / 255f;
                assertThat(train.features()[i * 6 + k]).isEqualTo(expected);
            }
        }
        assertThat(data.test().size()).isEqualTo(4);
        assertThat(data.test().classCounts()).containsExactly(1, 1, 1, 1, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void scalesTheFullByteRangeToTheUnitInterval() throws IOException {
        byte[] pixels = {0, (byte) 128, (byte) 255, 1};
        Dataset d = MnistData.fromStreams(
                new ByteArrayInputStream(IdxBytes.ubyte(new int[] {1, 2, 2}, pixels)),
                new ByteArrayInputStream(IdxBytes.labels(1)));
        assertThat(d.features()).containsExactly(0f, 128f / 255f, 1f, 1f / 255f);
    }

    @Test
    void rejectsCountMismatchNamingBothStreams() {
        assertThatThrownBy(() -> MnistData.fromStreams(
                new ByteArrayInputStream(IdxBytes.images(5, 2, 2)), "imgs",
                new ByteArrayInputStream(IdxBytes.labels(4)), "lbls"))
                .isInstanceOf(CorruptDataException.class)
                .hasMessage("imgs and lbls: count mismatch: imgs holds 5 images but lbls holds"
                        + " 4 labels");
    }

    @Test
    void rejectsLabelsOutOfRange() {
        byte[] labels = IdxBytes.ubyte(new int[] {3}, new byte[] {1, 10, 2});
        assertThatThrownBy(() -> MnistData.fromStreams(
                new ByteArrayInputStream(IdxBytes.images(3, 2, 2)),
                new ByteArrayInputStream(labels)))
                .isInstanceOf(CorruptDataException.class)
                .hasMessage("labels: label 10 at index 1 is outside [0, 10)");
    }

    @Test
    void rejectsSwappedFiles() {
        assertThatThrownBy(() -> MnistData.fromStreams(
                new ByteArrayInputStream(IdxBytes.labels(3)),
                new ByteArrayInputStream(IdxBytes.images(3, 2, 2))))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageStartingWith("images: bad magic number 0x00000801 (rank 1)");
    }

    @Test
    void rejectsImagesWithoutPixels() {
        assertThatThrownBy(() -> MnistData.fromStreams(
                new ByteArrayInputStream(IdxBytes.images(2, 0, 5)),
                new ByteArrayInputStream(IdxBytes.labels(2))))
                .isInstanceOf(CorruptDataException.class)
                .hasMessage("images: images of size 0 x 5 hold no pixels");
    }

    @Test
    void namesTheMissingFile(@TempDir Path dir) throws IOException {
        write(dir.resolve("train-images-idx3-ubyte"), IdxBytes.images(1, 1, 1));
        assertThatThrownBy(() -> MnistData.load(dir))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("train-labels-idx1-ubyte")
                .hasMessageContaining("train-labels-idx1-ubyte.gz");
        assertThatThrownBy(() -> MnistData.load(dir.resolve("absent")))
                .isInstanceOf(NoSuchFileException.class);
    }

    /** Fashion-MNIST as Debian's dataset-fashion-mnist installs it; skipped where it is absent. */
    @Test
    void readsFashionMnistWhereInstalled() throws IOException {
        Path dir = Path.of("/usr/share/datasets/fashion-mnist");
        assumeTrue(Files.isDirectory(dir), "Fashion-MNIST is not installed");
        MnistData fashion = MnistData.load(dir);
        assertThat(fashion.train().size()).isEqualTo(60_000);
        assertThat(fashion.test().size()).isEqualTo(10_000);
        assertThat(fashion.train().featureCount()).isEqualTo(784);
        // Fashion-MNIST is balanced: 6,000 training and 1,000 test images per class.
        assertThat(fashion.train().classCounts()).containsOnly(6_000);
        assertThat(fashion.test().classCounts()).containsOnly(1_000);
    }
}
