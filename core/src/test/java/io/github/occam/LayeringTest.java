package io.github.occam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layers of the core, read by {@code jdeps} from the compiled classes: no cycle
 * between packages, {@code internal} imports nothing of the library, the root package imports
 * none of its sub-packages but {@code internal}, and the linear algebra knows nothing of models.
 */
class LayeringTest {

    private static final String ROOT = "io.github.occam";
    private static final Map<String, Set<String>> EDGES = new TreeMap<>();

    @BeforeAll
    static void readDependencies() throws IOException, InterruptedException {
        Path jdeps = Path.of(System.getProperty("java.home"), "bin", "jdeps");
        List<String> command = new ArrayList<>(List.of(jdeps.toString(), "--multi-release",
                "17", "-verbose:package", "-filter:none", "--ignore-missing-deps"));
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath != null) {
            command.addAll(List.of("--module-path", modulePath));
        }
        command.add(Path.of("target", "classes").toString());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        Pattern edge = Pattern.compile("^\\s+(io\\.github\\.occam[\\w.]*)\\s+->\\s+"
                + "(io\\.github\\.occam[\\w.]*)\\s", Pattern.MULTILINE);
        Matcher m = edge.matcher(output);
        while (m.find()) {
            if (!m.group(1).equals(m.group(2))) {
                EDGES.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
            }
        }
        assertThat(EDGES).as("jdeps output:%n%s", output).containsKey(ROOT + ".evidence");
    }

    @Test
    void theRootPackageImportsNoSubPackageButTheGroundFloor() {
        assertThat(EDGES.getOrDefault(ROOT, Set.of())).isSubsetOf(ROOT + ".internal");
    }

    @Test
    void internalIsTheGroundFloor() {
        assertThat(EDGES.getOrDefault(ROOT + ".internal", Set.of())).isEmpty();
    }

    @Test
    void linearAlgebraKnowsNothingOfModels() {
        assertThat(EDGES.getOrDefault(ROOT + ".linalg", Set.of()))
                .doesNotContain(ROOT + ".models", ROOT + ".optim", ROOT + ".evidence",
                        ROOT + ".spectrum", ROOT + ".sgd");
    }

    @Test
    void noCycleBetweenPackages() {
        for (String start : EDGES.keySet()) {
            List<String> path = new ArrayList<>();
            path.add(start);
            assertThat(cycleFrom(start, start, path, new TreeSet<>()))
                    .as("a cycle through %s", start).isNull();
        }
    }

    @Test
    void theModuleExportsEverythingButInternal() throws IOException {
        String module = Files.readString(Path.of("src", "main", "java", "module-info.java"));
        assertThat(module).doesNotContain("exports " + ROOT + ".internal");
        for (String from : EDGES.keySet()) {
            if (!from.equals(ROOT + ".internal")) {
                assertThat(module).contains("exports " + from + ";");
            }
        }
    }

    /** Returns a path from {@code node} back to {@code start}, or null. */
    private static List<String> cycleFrom(String start, String node, List<String> path,
            Set<String> seen) {
        for (String next : EDGES.getOrDefault(node, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(next);
                return cycle;
            }
            if (seen.add(next)) {
                path.add(next);
                List<String> found = cycleFrom(start, next, path, seen);
                if (found != null) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }
}
