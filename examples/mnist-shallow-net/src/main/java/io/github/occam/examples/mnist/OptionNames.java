package io.github.occam.examples.mnist;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Puts the command line's option names into the library's messages: the library checks a value
 * and names its parameter ({@code "batchSize must be in [1, 1000], got 0"}); a command calls it
 * through {@link #named} with the option each parameter came from, and the user reads
 * {@code "--batch-size must be in [1, 1000], got 0"}. The rule stays in one place, the library.
 *
 * <pre>{@code
 * SgdNoiseScale start = OptionNames.named(Map.of("batchSize", "--batch-size"),
 *         () -> SgdNoiseScale.of(learningRate, trainSize, batchSize, momentum));
 * }</pre>
 */
final class OptionNames {

    private OptionNames() {
    }

    /**
     * Returns {@code call}'s result; an {@link IllegalArgumentException} whose message starts
     * with a key of {@code options} (followed by a space, a colon or a bracket) is thrown again
     * with the key replaced by its option name, any other as it is.
     *
     * @param options parameter names of the library, as its messages begin, to option names
     * @param call the calls that check the options' values
     * @return what {@code call} returns
     */
    static <T> T named(Map<String, String> options, Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw renamed(e, options);
        }
    }

    /** Returns {@code e} with its leading parameter name replaced by the option's name. */
    static IllegalArgumentException renamed(IllegalArgumentException e, Map<String, String> options) {
        String message = e.getMessage();
        if (message == null) {
            return e;
        }
        String best = null;
        for (String key : options.keySet()) {
            if (message.startsWith(key) && message.length() > key.length()
                    && " :[".indexOf(message.charAt(key.length())) >= 0
                    && (best == null || key.length() > best.length())) {
                best = key;
            }
        }
        if (best == null) {
            return e;
        }
        return new IllegalArgumentException(options.get(best) + message.substring(best.length()), e);
    }
}
