package io.github.occam.examples.support;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How the example command lines end when something goes wrong: one line on standard error,
 * {@code error: } and a message that names the option, file, line or value and what is wrong,
 * never a stack trace. Set the environment variable {@value #DEBUG_VARIABLE} (to anything but
 * empty) to see the stack trace after the line.
 *
 * <p>Exit codes: {@value #OK} success; {@value #BAD_INPUT} the user's input is wrong (an option,
 * a value, a data file: {@link ParameterException}, {@link IllegalArgumentException},
 * {@link InputException}, a path that does not exist or cannot be read, text that is not
 * UTF-8); {@value #FAILURE} the command could not finish (a computation failed, memory ran out,
 * a result could not be written, or a bug).
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     System.exit(CommandErrors.execute(CommandErrors.install(new CommandLine(new MyCommand())), args));
 * }
 * }</pre>
 */
public final class CommandErrors {

    /** The exit code of success. */
    public static final int OK = 0;
    /** The exit code of a command that could not finish. */
    public static final int FAILURE = 1;
    /** The exit code of a mistake in the user's input. */
    public static final int BAD_INPUT = 2;
    /** The environment variable that turns on stack traces after the one line. */
    public static final String DEBUG_VARIABLE = "OCCAM_DEBUG";

    private CommandErrors() {
    }

    /**
     * Makes {@code commandLine} (and its subcommands) report bad options and failures as one
     * line each, with a stack trace only if {@value #DEBUG_VARIABLE} is set.
     *
     * @return {@code commandLine}
     */
    public static CommandLine install(CommandLine commandLine) {
        String debug = System.getenv(DEBUG_VARIABLE);
        return install(commandLine, debug != null && !debug.isEmpty());
    }

    /** {@link #install(CommandLine)} with the stack traces on or off, for tests. */
    static CommandLine install(CommandLine commandLine, boolean debug) {
        commandLine.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            String message = oneLine(e.getMessage());
            if (e instanceof UnmatchedArgumentException unmatched
                    && !unmatched.getSuggestions().isEmpty()) {
                message += "; did you mean " + String.join(" or ", unmatched.getSuggestions())
                        + "?";
            }
            report(failed.getErr(), message + " (see " + failed.getCommandSpec().qualifiedName()
                    + " --help)", e, debug);
            return BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
            report(failed.getErr(), message(e), e, debug);
            return exitCode(e);
        });
        return commandLine;
    }

    /**
     * Runs {@code commandLine} with {@code args} and returns its exit code, also turning an
     * {@link Error} that escapes picocli (an {@link OutOfMemoryError}) into one line and
     * {@value #FAILURE}.
     */
    public static int execute(CommandLine commandLine, String... args) {
        try {
            return commandLine.execute(args);
        } catch (RuntimeException | Error e) {
            String debug = System.getenv(DEBUG_VARIABLE);
            report(commandLine.getErr(), message(e), e, debug != null && !debug.isEmpty());
            return exitCode(e);
        }
    }

    /** Returns the exit code for {@code failure}: {@value #BAD_INPUT} or {@value #FAILURE}. */
    public static int exitCode(Throwable failure) {
        if (outOfMemory(failure) != null) {
            return FAILURE;
        }
        Throwable e = unwrap(failure);
        return e instanceof ParameterException || e instanceof IllegalArgumentException
                || e instanceof InputException || e instanceof FileSystemException
                || e instanceof CharacterCodingException ? BAD_INPUT : FAILURE;
    }

    /** Returns the one-line message for {@code failure}, without the {@code error: } prefix. */
    public static String message(Throwable failure) {
        OutOfMemoryError memory = outOfMemory(failure);
        if (memory != null) {
            String what = oneLine(memory.getMessage());
            return "out of memory" + (what.isEmpty() ? "" : " (" + what + ")") + ": this Java virtual"
                    + " machine may use " + Memory.format(Memory.available())
                    + "; use less data or smaller sizes, or give Java more with java -Xmx";
        }
        Throwable e = unwrap(failure);
        String text = e.getMessage() == null ? "" : oneLine(e.getMessage());
        if (e instanceof FileSystemException file) {
            return fileProblem(file);
        }
        if (e instanceof CharacterCodingException) {
            return "the text is not valid UTF-8" + (text.isEmpty() ? "" : " (" + text + ")");
        }
        if (e instanceof ArithmeticException) {
            return "a computation failed: " + (text.isEmpty() ? e.getClass().getName() : text);
        }
        if (e instanceof ParameterException || e instanceof IllegalArgumentException
                || e instanceof InputException
                || (e instanceof java.io.IOException && !text.isEmpty())) {
            return text.isEmpty() ? e.getClass().getName() : text;
        }
        return "internal error: " + e.getClass().getName() + (text.isEmpty() ? "" : ": " + text)
                + " (set " + DEBUG_VARIABLE + "=1 for the stack trace)";
    }

    private static String fileProblem(FileSystemException e) {
        String other = e.getOtherFile() == null ? "" : " (" + e.getOtherFile() + ")";
        return (e.getFile() == null ? "a file" : e.getFile()) + other + ": " + reason(e);
    }

    /** What went wrong with the file of {@code e}, in words: "permission denied", ... */
    public static String reason(FileSystemException e) {
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = e.getReason() != null ? e.getReason() : "no such file or directory";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof NotDirectoryException) {
            reason = "not a directory";
        } else if (e instanceof FileAlreadyExistsException) {
            reason = "already exists";
        } else if (e instanceof DirectoryNotEmptyException) {
            reason = "directory not empty";
        } else {
            reason = e.getReason() != null ? oneLine(e.getReason()) : "cannot be used";
        }
        return reason;
    }

    /**
     * The cause of the wrappers that only carry it across a thread or an interface, including
     * the copy of the same class that a parallel stream rethrows in the calling thread.
     */
    private static Throwable unwrap(Throwable failure) {
        Throwable e = failure;
        while (e.getCause() != null && e.getCause() != e && (e instanceof ExecutionException
                || e instanceof CompletionException || e instanceof UncheckedIOException
                || e instanceof InvocationTargetException
                || e instanceof CommandLine.ExecutionException
                || isCopyOfCause(e))) {
            e = e.getCause();
        }
        return e;
    }

    /**
     * A parallel stream rethrows a worker's exception as a new one of its class, caused by it,
     * with the cause's {@code toString()} or no message.
     */
    private static boolean isCopyOfCause(Throwable e) {
        Throwable cause = e.getCause();
        return e.getClass() == cause.getClass()
                && (e.getMessage() == null || e.getMessage().equals(cause.toString()));
    }

    /** The innermost {@link OutOfMemoryError} of the chain (a copy rethrown has no message). */
    private static OutOfMemoryError outOfMemory(Throwable failure) {
        OutOfMemoryError found = null;
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof OutOfMemoryError memory) {
                found = memory;
            }
        }
        return found;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    private static void report(PrintWriter err, String message, Throwable e, boolean debug) {
        err.println("error: " + message);
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
    }
}
