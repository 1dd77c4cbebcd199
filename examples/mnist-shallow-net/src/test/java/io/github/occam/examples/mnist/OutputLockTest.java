package io.github.occam.examples.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.github.occam.examples.support.InputException;
import io.github.occam.examples.support.OutputLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two sweeps on one folder: the second, in this process or another, is refused. */
class OutputLockTest {

    @TempDir
    Path dir;

    @Test
    void aFolderIsLockedOnceAndFreeAgainAfterClose() throws IOException {
        Path out = dir.resolve("nested").resolve("out");
        OutputLock first = OutputLock.acquire(out, "sweep");
        try {
            assertThat(Files.readString(out.resolve(OutputLock.FILE)).strip())
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
            assertThatThrownBy(() -> OutputLock.acquire(out, "sweep")).isInstanceOf(InputException.class)
                    .hasMessage("--out " + out + " is in use by another sweep (process "
                            + ProcessHandle.current().pid() + "): wait for it to finish, or choose another --out");
        } finally {
            first.close();
        }
        OutputLock.acquire(out, "sweep").close();
    }

    @Test
    void aSweepInAnotherProcessHoldsTheFolderUntilItIsKilled() throws Exception {
        Path out = dir.resolve("shared");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                MnistShallowNet.class.getName(), "sweep", "--train-sizes", "100", "--batch-sizes", "1",
                "--learning-rates", "0.01", "--momenta", "0", "--seeds", "1", "--epochs", "100000", "--hidden", "4",
                "--threads", "1", "--no-progress", "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Path lock = out.resolve(OutputLock.FILE);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (!(Files.exists(lock) && Files.readString(lock).strip().equals(Long.toString(child.pid())))) {
                if (!child.isAlive() || Instant.now().isAfter(deadline)) {
                    fail("the child sweep did not take the lock (alive: " + child.isAlive() + ")");
                }
                Thread.sleep(50);
            }
            assertThatThrownBy(() -> OutputLock.acquire(out, "sweep")).isInstanceOf(InputException.class)
                    .hasMessageContaining("is in use by another sweep (process " + child.pid() + ")");
        } finally {
            child.destroyForcibly().waitFor();
        }
        // a killed sweep holds nothing: the operating system released its lock
        OutputLock.acquire(out, "sweep").close();
    }
}
