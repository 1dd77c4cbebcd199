package io.github.occam.examples.logistic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLineTest {

    @Test
    void fieldsInOrderStringsEscapedAndUnmeasuredNumbersNull() {
        String line = new JsonLine().put("file", "a \"b\"\\c\n\u0001").put("lambda", 0.25)
                .put("count", 3L).put("converged", true).put("test_accuracy", Double.NaN)
                .put("classes", List.of("no", "yes")).put("missing", (String) null).toString();
        assertThat(line).isEqualTo("{\"file\": \"a \\\"b\\\"\\\\c\\n\\u0001\", \"lambda\": 0.25, \"count\": 3, "
                + "\"converged\": true, \"test_accuracy\": null, \"classes\": [\"no\", \"yes\"], "
                + "\"missing\": null}");
        assertThat(new JsonLine().put("tiny", 1e-300).toString()).isEqualTo("{\"tiny\": 1.0E-300}");
    }
}
