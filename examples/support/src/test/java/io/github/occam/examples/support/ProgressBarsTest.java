package io.github.occam.examples.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import me.tongfei.progressbar.ProgressBar;
import org.junit.jupiter.api.Test;

class ProgressBarsTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Test
    void theBarGoesToTheGivenStreamInAscii() {
        try (PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            try (ProgressBar bar = ProgressBars.ascii("lambda grid", 3, err)) {
                bar.stepBy(3);
            }
        }
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("lambda grid").contains("3/3").contains("[=");
        assertThat(shown.chars()).allMatch(c -> c < 128);
    }

    @Test
    void plainLinesHaveNoCarriageReturnAndOneLinePerTenthAtMost() {
        try (PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            try (ProgressBar bar = ProgressBars.lines("sweep", 40, err)) {
                for (int i = 0; i < 40; i++) {
                    bar.step();
                    bar.setExtraMessage((i + 1) + "/40 runs");
                }
            }
        }
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertThat(shown).doesNotContain("\r").endsWith("\n");
        String[] lines = shown.split("\n");
        assertThat(lines.length).isBetween(1, 11);
        assertThat(lines[lines.length - 1]).startsWith("sweep: 40/40 (100%), 0:00:0")
                .contains("elapsed").endsWith(", 40/40 runs");
        assertThat(lines).allMatch(line -> line.startsWith("sweep: "));
    }

    @Test
    void withoutATerminalTheProgressIsPlainLines() {
        // the tests run without a console, as a log or a pipe would
        try (PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            try (ProgressBar bar = ProgressBars.create("lambda grid", 2, err)) {
                bar.stepBy(2);
            }
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("\r")
                .contains("lambda grid: 2/2 (100%)");
    }
}
