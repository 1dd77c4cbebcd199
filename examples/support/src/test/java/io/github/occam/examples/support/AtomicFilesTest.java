package io.github.occam.examples.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<Path> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }

    @Test
    void theTemporariesOfAKilledWriteAreDeletedOnlyForTheNamesGiven() throws IOException {
        Files.writeString(dir.resolve(".results.csv.1x2y3z.tmp"), "torn");
        Files.writeString(dir.resolve(".figure1.svg.zzzzzzzzzzzzz.tmp"), "torn");
        Files.writeString(dir.resolve(".notes.txt.abc.tmp"), "someone else's");     // not a name given
        Files.writeString(dir.resolve(".results.csv.NOT-OURS.tmp"), "someone else's"); // not our pattern
        Files.writeString(dir.resolve("results.csv"), "kept");
        assertThat(AtomicFiles.deleteLeftovers(dir, List.of("results.csv", "figure1.svg"))).isEqualTo(2);
        assertThat(filesIn(dir)).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder(
                ".notes.txt.abc.tmp", ".results.csv.NOT-OURS.tmp", "results.csv");
        assertThat(AtomicFiles.deleteLeftovers(dir.resolve("missing"), List.of("results.csv"))).isZero();
    }

    @Test
    void writesTheTextAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("optimum.csv");
        AtomicFiles.writeString(target, "b_opt\n40.6 \u00b1 3\n");
        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("b_opt\n40.6 \u00b1 3\n");
        assertThat(filesIn(dir)).containsExactly(target);
    }

    @Test
    void writesTheBytesExactly() throws IOException {
        byte[] bytes = new byte[100_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Path target = dir.resolve("figure.png");
        AtomicFiles.write(target, bytes);
        assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
    }

    @Test
    void replacesAnExistingFileWithShorterContent() throws IOException {
        Path target = dir.resolve("results.csv");
        Files.writeString(target, "an older and longer table\n");
        AtomicFiles.writeString(target, "new\n");
        assertThat(Files.readString(target)).isEqualTo("new\n");
        assertThat(filesIn(dir)).containsExactly(target);
    }

    @Test
    void createsTheParentDirectories() throws IOException {
        Path target = dir.resolve("a").resolve("b").resolve("summary.txt");
        AtomicFiles.writeString(target, "done\n");
        assertThat(Files.readString(target)).isEqualTo("done\n");
    }

    @Test
    void contentMayCloseTheStreamItIsGiven() throws IOException {
        Path target = dir.resolve("results.csv");
        AtomicFiles.write(target, out -> {
            try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                writer.write("labels,lambda\nrandom,0.001\n");
            }
        });
        assertThat(Files.readString(target)).isEqualTo("labels,lambda\nrandom,0.001\n");
        assertThat(filesIn(dir)).containsExactly(target);
    }

    @Test
    void aFailingWriteKeepsTheOldFileAndRemovesTheTemporaryOne() throws IOException {
        Path target = dir.resolve("results.csv");
        AtomicFiles.writeString(target, "old\n");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half a ".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("old\n");
        assertThat(filesIn(dir)).containsExactly(target);
    }

    @Test
    void theFileHasThePermissionsOfAnyNewFileNotOfATemporaryFile() throws IOException {
        if (!Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path target = dir.resolve("written.txt");
        AtomicFiles.writeString(target, "x");
        assertThat(Files.getPosixFilePermissions(target))
                .isEqualTo(Files.getPosixFilePermissions(plain));
    }
}
