package io.github.occam.examples.support;

import java.io.IOException;

/**
 * The user's input cannot be used: a data file's content, a file that is not what an option
 * needs, a value that does not fit. The message names the file (with its line and column where
 * there is one) or the option, and what is wrong; {@link CommandErrors} prints it as one line
 * and exits with {@link CommandErrors#BAD_INPUT}.
 *
 * <pre>{@code
 * throw new InputException(file + " line 3: not valid UTF-8 (byte 0xe9 at column 7)");
 * }</pre>
 */
public class InputException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the file, line, option or value
     */
    public InputException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the exception that found the problem.
     *
     * @param message what is wrong, naming the file, line, option or value
     * @param cause the lower-level exception
     */
    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
