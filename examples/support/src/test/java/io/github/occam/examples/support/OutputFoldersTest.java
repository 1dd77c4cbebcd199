package io.github.occam.examples.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFoldersTest {

    @TempDir
    Path dir;

    @Test
    void aFolderThatCanBeMadeIsCheckedWithoutBeingLeftBehind() throws IOException {
        OutputFolders.check("--out", dir.resolve("a").resolve("b").resolve("c"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        Path existing = Files.createDirectory(dir.resolve("kept"));
        OutputFolders.check("--out", existing);
        assertThat(existing).isDirectory();
    }

    @Test
    void aFileOrAFolderThatCannotBeMadeIsRefusedNamingTheOption() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> OutputFolders.check("--out", file)).isInstanceOf(InputException.class)
                .hasMessage("--out " + file + " is a file, not a directory");
        Path under = file.resolve("nets").resolve("deeper");
        assertThatThrownBy(() -> OutputFolders.check("--save-weights", under)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("--save-weights " + under + ": the folder cannot be created (");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
