package io.github.occam.examples.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionNamesTest {

    private static final Map<String, String> OPTIONS = Map.of("learning rate", "--learning-rates",
            "learning rates", "--learning-rates", "epochs", "--epochs", "milestones", "--milestones");

    private static IllegalArgumentException thrown(String message) {
        return new IllegalArgumentException(message);
    }

    @Test
    void theLeadingParameterNameBecomesTheOption() {
        assertThat(OptionNames.renamed(thrown("epochs must be >= 1, got 0"), OPTIONS))
                .hasMessage("--epochs must be >= 1, got 0").hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(OptionNames.renamed(thrown("milestones[1] must be in [6, 29], got 2"), OPTIONS))
                .hasMessage("--milestones[1] must be in [6, 29], got 2");
        // the longest name that matches wins: "learning rates: ..." is not "--learning-ratess: ..."
        assertThat(OptionNames.renamed(thrown("learning rates: 0.1 is given twice"), OPTIONS))
                .hasMessage("--learning-rates: 0.1 is given twice");
    }

    @Test
    void otherMessagesAreLeftAsTheyAre() {
        IllegalArgumentException other = thrown("budget must not be null");
        assertThat(OptionNames.renamed(other, OPTIONS)).isSameAs(other);
        // a name must be a whole word at the start: "epochsPerRun" is not "epochs"
        IllegalArgumentException longer = thrown("epochsPerRun must be >= 1, got 0");
        assertThat(OptionNames.renamed(longer, OPTIONS)).isSameAs(longer);
        IllegalArgumentException noMessage = new IllegalArgumentException();
        assertThat(OptionNames.renamed(noMessage, OPTIONS)).isSameAs(noMessage);
    }

    @Test
    void namedPassesTheResultThroughAndRenamesWhatTheCallThrows() {
        assertThat(OptionNames.named(OPTIONS, () -> 42)).isEqualTo(42);
        assertThatThrownBy(() -> OptionNames.named(OPTIONS, () -> {
            throw thrown("epochs must be >= 1, got -3");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("--epochs must be >= 1, got -3");
    }
}
