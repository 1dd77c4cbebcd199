package io.github.occam.examples.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.occam.data.Dataset;
import io.github.occam.examples.support.InputException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigitsTest {

    @TempDir
    Path dir;

    @Test
    void bundledDigitsAreTheTenThousandOfTheDataReadme() throws IOException {
        Digits digits = Digits.bundled();
        assertThat(digits.pool().size()).isEqualTo(8000);
        assertThat(digits.test().size()).isEqualTo(2000);
        assertThat(digits.pool().featureCount()).isEqualTo(784);
        // class counts over all 10,000 as published with the files
        int[] pool = digits.pool().classCounts();
        int[] test = digits.test().classCounts();
        int[] all = new int[10];
        for (int c = 0; c < 10; c++) {
            all[c] = pool[c] + test[c];
        }
        assertThat(all).containsExactly(1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978);
        // mean pixel value 0.1311
        double sum = 0;
        for (float x : digits.pool().features()) {
            sum += x;
        }
        for (float x : digits.test().features()) {
            sum += x;
        }
        assertThat(sum / (10000.0 * 784)).isBetween(0.13105, 0.13115);
        Dataset train = digits.train(1000);
        assertThat(train.size()).isEqualTo(1000);
        assertThat(train.labels()[999]).isEqualTo(digits.pool().labels()[999]);
        assertThatThrownBy(() -> digits.train(8001)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[1, 8000]").hasMessageContaining("got 8001");
        assertThatThrownBy(() -> digits.train(0)).hasMessageContaining("got 0");
    }

    @Test
    void eachSeedDrawsItsOwnReproducibleSubsetOfThePool() throws IOException {
        Digits digits = Digits.bundled();
        Dataset a = digits.train(1000, 1L);
        assertThat(a.size()).isEqualTo(1000);
        assertThat(digits.train(1000, 1L)).isEqualTo(a);
        Dataset b = digits.train(1000, 2L);
        assertThat(b).isNotEqualTo(a);
        // the subsets differ in their examples, not only in their order: few digits are shared
        java.util.Set<String> first = rows(a);
        java.util.Set<String> second = rows(b);
        second.retainAll(first);
        // 1,000 of 8,000 drawn twice share about 125 on average
        assertThat(second.size()).isBetween(60, 200);
        // not the first N digits of the pool any more, and every class is there
        assertThat(a).isNotEqualTo(digits.train(1000));
        assertThat(java.util.Arrays.stream(a.classCounts()).min().orElseThrow()).isGreaterThan(60);
        // for one seed a smaller N is a part of a larger one
        Dataset small = digits.train(250, 1L);
        assertThat(small).isEqualTo(a.head(250));
        assertThat(digits.train(8000, 5L).classCounts()).isEqualTo(digits.pool().classCounts());
        assertThatThrownBy(() -> digits.train(8001, 1L)).hasMessageContaining("[1, 8000]")
                .hasMessageContaining("got 8001");
    }

    private static java.util.Set<String> rows(Dataset d) {
        java.util.Set<String> rows = new java.util.HashSet<>();
        for (int i = 0; i < d.size(); i++) {
            rows.add(java.util.Arrays.toString(d.example(i)) + d.labels()[i]);
        }
        return rows;
    }

    @Test
    void aDirectoryWithTheStandardNamesIsRead() throws IOException {
        writeIdx("train", 30, 3);
        writeIdx("t10k", 12, 5);
        Digits digits = Digits.load(dir);
        assertThat(digits.pool().size()).isEqualTo(30);
        assertThat(digits.test().size()).isEqualTo(12);
        assertThat(digits.train(10).labels()).containsExactly(3, 4, 5, 6, 7, 8, 9, 0, 1, 2);
        assertThat(digits.description()).contains("30 train pool, 12 test");
    }

    @Test
    void aDirectoryWithoutTheFilesIsAnError() {
        assertThatThrownBy(() -> Digits.load(dir)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("--data " + dir + ": ").hasMessageContaining("train-images-idx3-ubyte")
                .hasCauseInstanceOf(NoSuchFileException.class);
    }

    @Test
    void trainingAndTestImagesOfDifferentSizesAreRefusedWhenRead() throws IOException {
        writeIdx(dir, "train", 30, 3, 20);
        writeIdx(dir, "t10k", 12, 5, 28);
        assertThatThrownBy(() -> Digits.load(dir)).isInstanceOf(InputException.class)
                .hasMessage("--data " + dir + ": the training images have 400 pixels and 10 classes, the test"
                        + " images 784 and 10; they must match");
    }

    private void writeIdx(String prefix, int n, int labelOffset) throws IOException {
        writeIdx(dir, prefix, n, labelOffset, 28);
    }

    /**
     * Writes raw IDX images (rows x side x side, pixel = row index) and labels (offset + row) mod
     * 10 into {@code dir}.
     */
    static void writeIdx(java.nio.file.Path dir, String prefix, int n, int labelOffset, int side)
            throws IOException {
        ByteArrayOutputStream images = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(images)) {
            out.writeInt(0x00000803);
            out.writeInt(n);
            out.writeInt(side);
            out.writeInt(side);
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < side * side; p++) {
                    out.writeByte(i);
                }
            }
        }
        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(labels)) {
            out.writeInt(0x00000801);
            out.writeInt(n);
            for (int i = 0; i < n; i++) {
                out.writeByte((labelOffset + i) % 10);
            }
        }
        Files.write(dir.resolve(prefix + "-images-idx3-ubyte"), images.toByteArray());
        Files.write(dir.resolve(prefix + "-labels-idx1-ubyte"), labels.toByteArray());
    }
}
