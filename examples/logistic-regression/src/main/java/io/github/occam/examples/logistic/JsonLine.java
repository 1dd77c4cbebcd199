package io.github.occam.examples.logistic;

import java.util.List;
import java.util.Locale;

/**
 * One JSON object on one line, for scripts: fields in the order they are put, strings escaped,
 * numbers as {@link Double#toString(double)} gives them (read back exactly), and a number that
 * was not measured (NaN) or is infinite written as {@code null}.
 *
 * <pre>{@code
 * String line = new JsonLine().put("lambda", 3.16).put("converged", true).toString();
 * // {"lambda": 3.16, "converged": true}
 * }</pre>
 */
final class JsonLine {

    private final StringBuilder text = new StringBuilder("{");

    /** Adds a string field; null is written as {@code null}. */
    JsonLine put(String key, String value) {
        return raw(key, value == null ? "null" : quote(value));
    }

    /** Adds a number field; NaN and infinities are written as {@code null}. */
    JsonLine put(String key, double value) {
        return raw(key, Double.isFinite(value) ? Double.toString(value) : "null");
    }

    /** Adds an integer field. */
    JsonLine put(String key, long value) {
        return raw(key, Long.toString(value));
    }

    /** Adds a boolean field. */
    JsonLine put(String key, boolean value) {
        return raw(key, Boolean.toString(value));
    }

    /** Adds an array of strings. */
    JsonLine put(String key, List<String> values) {
        StringBuilder array = new StringBuilder("[");
        for (String value : values) {
            array.append(array.length() > 1 ? ", " : "").append(quote(value));
        }
        return raw(key, array.append(']').toString());
    }

    @Override
    public String toString() {
        return text + "}";
    }

    private JsonLine raw(String key, String json) {
        text.append(text.length() > 1 ? ", " : "").append(quote(key)).append(": ").append(json);
        return this;
    }

    private static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c)
                        : String.valueOf(c));
            }
        }
        return quoted.append('"').toString();
    }
}
