package io.github.occam.examples.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command that only replaces its files waits for the folder instead of being refused. */
class OutputLockTest {

    @TempDir
    Path dir;

    @Test
    void awaitTakesItsTurnWhenTheHolderCloses() throws Exception {
        Path out = dir.resolve("out");
        OutputLock first = OutputLock.acquire(out, "run");
        CompletableFuture<OutputLock> second = CompletableFuture.supplyAsync(() -> {
            try {
                return OutputLock.await(out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Thread.sleep(300);
        assertThat(second).isNotDone();
        first.close();
        second.get(10, TimeUnit.SECONDS).close();
        OutputLock.acquire(out, "run").close();
    }
}
