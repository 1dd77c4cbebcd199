package io.github.occam.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Npy} against files written by numpy's {@code np.save} (test resources). */
class NpyTest {

    @TempDir
    Path directory;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(NpyTest.class.getResource("/npy/" + name).toURI());
    }

    @Test
    void readsFloat64AndFloat32FilesWrittenByNumpy() throws Exception {
        assertThat(Npy.read(resource("f8-vector.npy")))
                .containsExactly(1.5, -2.25, 3e-300, 1e300, 0.0);
        assertThat(Npy.read(resource("f4-matrix.npy")))
                .containsExactly(1, 2, 3, 4, 5.5, -6);
        assertThat(Npy.read(resource("empty.npy"))).isEmpty();
    }

    @Test
    void writesWhatNumpyWritesForTheSameVector() throws Exception {
        Path file = directory.resolve("w.npy");
        Npy.write(file, new double[] {1.5, -2.25, 3e-300, 1e300, 0.0});
        assertThat(Files.readAllBytes(file)).isEqualTo(Files.readAllBytes(resource("f8-vector.npy")));
        assertThat(Npy.read(file)).containsExactly(1.5, -2.25, 3e-300, 1e300, 0.0);
        Npy.write(file, new double[] {7.0});
        assertThat(Npy.read(file)).containsExactly(7.0);
        try (var listing = Files.list(directory)) {
            assertThat(listing).containsExactly(file);   // no temporary file left behind
        }
    }

    @Test
    void refusesWhatItCannotReadNamingTheFile() throws Exception {
        for (String name : new String[] {"fortran.npy", "big-endian.npy", "int64.npy",
                "truncated.npy"}) {
            Path file = resource(name);
            assertThatThrownBy(() -> Npy.read(file)).as(name)
                    .isInstanceOf(CorruptDataException.class)
                    .hasMessageStartingWith(file.toString() + ": ");
        }
        assertThatThrownBy(() -> Npy.read(resource("int64.npy")))
                .hasMessageContaining("dtype '<i8' is not supported");
        Path text = directory.resolve("text.npy");
        Files.writeString(text, "not numpy at all");
        assertThatThrownBy(() -> Npy.read(text)).hasMessageContaining("not a .npy file");
        assertThatThrownBy(() -> Npy.read(directory)).hasMessageContaining("is a directory");
        assertThatThrownBy(() -> Npy.read(directory.resolve("missing.npy")))
                .isInstanceOf(IOException.class);
    }
}
