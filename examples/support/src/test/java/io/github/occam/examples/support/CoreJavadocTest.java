package io.github.occam.examples.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The command of {@code docs/README.md} gives the API reference with its formulas: the core's
 * {@code package} phase (which {@code mvn -B -DskipTests package} and {@code mvn -B verify} run
 * before this module's tests) writes {@code core/target/reports/apidocs} with the bundled MathJax
 * that every page loads.
 */
class CoreJavadocTest {

    private static final Path APIDOCS = Path.of("..", "..", "core", "target", "reports", "apidocs");

    @Test
    void thePackagedCoreHasItsJavadocWithTheFormulasScript() throws IOException {
        assumeTrue(Files.exists(APIDOCS.getParent().getParent()), "the core was built in this tree");
        assumeTrue(Files.exists(APIDOCS.getParent().getParent().resolve("maven-archiver")),
                "the core was packaged (mvn package or verify), not only compiled");
        assertThat(APIDOCS.resolve("index.html")).exists();
        assertThat(APIDOCS.resolve("doc-files").resolve("tex-svg-full.js")).exists();
        Path cost = APIDOCS.resolve("io.github.occam.core/io/github/occam/Cost.html");
        String page = Files.readString(cost);
        assertThat(page).contains("doc-files/tex-svg-full.js").contains("\\(C(w) = H(w)");
        assertThat(Files.readString(Path.of("..", "..", "docs", "README.md")))
                .contains("mvn -B -DskipTests package").contains("core/target/reports/apidocs/index.html");
    }
}
