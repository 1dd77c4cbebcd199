package io.github.occam.examples.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import me.tongfei.progressbar.ProgressBar;
import org.junit.jupiter.api.Test;

class ProgressBarsTest {

    @Test
    void theBarGoesToTheGivenStreamInAscii() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            try (ProgressBar bar = ProgressBars.ascii("lambda grid", 3, err)) {
                bar.stepBy(3);
            }
        }
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("lambda grid").contains("3/3").contains("[=");
        assertThat(shown.chars()).allMatch(c -> c < 128);
    }
}
