package io.github.occam.examples.logistic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's program against the packaged {@code occam-core} jar and its two dependencies, compiled
 * and run on the class path and, as a named module that {@code requires io.github.occam.core}, on
 * the module path: both must build and print a converged evidence.
 */
class CoreConsumerTest {

    private static final String MAIN = """
            package consumer;

            import io.github.occam.evidence.Evidence;
            import io.github.occam.models.LogisticRegression;

            public final class Main {
                public static void main(String[] args) {
                    double[][] x = {{1, 0}, {0, 1}, {1, 1}, {-1, 0}, {0, -1}, {-1, -1}, {2, 1}, {-1, -2}};
                    int[] y = {1, 1, 1, 0, 0, 0, 1, 0};
                    Evidence e = Evidence.of(LogisticRegression.of(x, y, true), 1.0);
                    System.out.println("converged=" + e.converged() + " E=" + e.logEvidenceRatio());
                }
            }
            """;

    @Test
    void aProgramBuildsAndRunsOnTheClassPathAndOnTheModulePath(@TempDir Path dir) throws Exception {
        Path target = Path.of("..", "..", "core", "target");
        assumeTrue(Files.exists(target.resolve("maven-archiver")), "the core was packaged");
        Path core;
        try (Stream<Path> jars = Files.list(target)) {
            core = jars.filter(p -> p.getFileName().toString().matches("occam-core-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst().orElseThrow();
        }
        List<String> libraries = new ArrayList<>(List.of(core.toAbsolutePath().toString()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("commons-math3-") || name.startsWith("slf4j-api-")) {
                libraries.add(entry);
            }
        }
        assertThat(libraries).hasSize(3);
        String path = String.join(File.pathSeparator, libraries);

        Path plain = dir.resolve("plain");
        Files.createDirectories(plain.resolve("src/consumer"));
        Files.writeString(plain.resolve("src/consumer/Main.java"), MAIN);
        run(dir, "javac", "-cp", path, "-d", plain.resolve("out").toString(),
                plain.resolve("src/consumer/Main.java").toString());
        assertThat(run(dir, "java", "-cp", plain.resolve("out") + File.pathSeparator + path, "consumer.Main"))
                .contains("converged=true E=");

        Path modular = dir.resolve("modular");
        Files.createDirectories(modular.resolve("src/consumer"));
        Files.writeString(modular.resolve("src/consumer/Main.java"), MAIN);
        Files.writeString(modular.resolve("src/module-info.java"),
                "module consumer {\n    requires io.github.occam.core;\n}\n");
        run(dir, "javac", "--module-path", path, "-d", modular.resolve("out").toString(),
                modular.resolve("src/module-info.java").toString(), modular.resolve("src/consumer/Main.java").toString());
        assertThat(run(dir, "java", "--module-path", modular.resolve("out") + File.pathSeparator + path,
                "-m", "consumer/consumer.Main")).contains("converged=true E=");
    }

    /** Runs a JDK tool, returns its standard output; fails with its output if it fails. */
    private static String run(Path dir, String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", tool).toString());
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, tool, ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }
}
