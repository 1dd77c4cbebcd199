package io.github.occam.examples.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class CommandErrorsTest {

    /** A command that throws what --throw names. */
    @Command(name = "demo")
    static final class Demo implements Callable<Integer> {
        @Option(names = "--lambdas", split = ",")
        double[] lambdas;

        @Option(names = "--throw")
        String what = "nothing";

        @Override
        public Integer call() throws Exception {
            switch (what) {
                case "argument" -> throw new IllegalArgumentException("--hidden must be >= 1, got 0");
                case "input" -> throw new InputException("data.csv line 3: not valid UTF-8");
                case "missing" -> throw new NoSuchFileException("train.csv");
                case "arithmetic" -> throw new ArithmeticException("QL iteration did not converge");
                case "memory" -> throw new OutOfMemoryError("Java heap space");
                case "wrapped" -> throw new IOException("run B=8 failed",
                        new ExecutionException(new OutOfMemoryError("Java heap space")));
                case "bug" -> throw new IllegalStateException("cannot happen");
                case "multiline" -> throw new IllegalArgumentException("first\nsecond");
                default -> {
                    return 0;
                }
            }
        }
    }

    private final StringWriter err = new StringWriter();

    private int run(boolean debug, String... args) {
        CommandLine command = CommandErrors.install(new CommandLine(new Demo()), debug);
        command.setErr(new PrintWriter(err, true));
        command.setOut(new PrintWriter(new StringWriter(), true));
        return CommandErrors.execute(command, args);
    }

    private String line() {
        String text = err.toString();
        assertThat(text).endsWith("\n");
        assertThat(text.strip()).doesNotContain("\n").startsWith("error: ");
        return text.strip();
    }

    @Test
    void aBadOptionIsOneLineWithExitCode2AndNoUsageText() {
        assertThat(run(false, "--lambdas", "1,abc")).isEqualTo(2);
        assertThat(line()).contains("'abc'").contains("--lambdas").endsWith("(see demo --help)");
    }

    @Test
    void anUnknownOptionSuggestsTheNearestOne() {
        assertThat(run(false, "--lambda", "1")).isEqualTo(2);
        assertThat(line()).contains("Unknown option").contains("'--lambda'").contains("did you mean --lambdas?");
    }

    @Test
    void theUsersMistakesExitWith2() {
        assertThat(run(false, "--throw", "argument")).isEqualTo(2);
        assertThat(line()).isEqualTo("error: --hidden must be >= 1, got 0");
    }

    @Test
    void aBadDataFileExitsWith2() {
        assertThat(run(false, "--throw", "input")).isEqualTo(2);
        assertThat(line()).isEqualTo("error: data.csv line 3: not valid UTF-8");
    }

    @Test
    void aMissingFileIsNamedWithTheReason() {
        assertThat(run(false, "--throw", "missing")).isEqualTo(2);
        assertThat(line()).isEqualTo("error: train.csv: no such file or directory");
    }

    @Test
    void aFailedComputationExitsWith1() {
        assertThat(run(false, "--throw", "arithmetic")).isEqualTo(1);
        assertThat(line()).isEqualTo("error: a computation failed: QL iteration did not converge");
    }

    @Test
    void outOfMemoryIsOneLineNamingTheLimitEvenWhenWrapped() {
        assertThat(run(false, "--throw", "memory")).isEqualTo(1);
        assertThat(line()).startsWith("error: out of memory (Java heap space)").contains("java -Xmx");
        err.getBuffer().setLength(0);
        assertThat(run(false, "--throw", "wrapped")).isEqualTo(1);
        assertThat(line()).startsWith("error: out of memory");
    }

    @Test
    void aBugSaysSoAndHowToSeeTheTrace() {
        assertThat(run(false, "--throw", "bug")).isEqualTo(1);
        assertThat(line()).isEqualTo("error: internal error: java.lang.IllegalStateException: "
                + "cannot happen (set OCCAM_DEBUG=1 for the stack trace)");
    }

    @Test
    void aMessageOfSeveralLinesIsJoinedIntoOne() {
        assertThat(run(false, "--throw", "multiline")).isEqualTo(2);
        assertThat(line()).isEqualTo("error: first; second");
    }

    @Test
    void debugAddsTheStackTrace() {
        assertThat(run(true, "--throw", "bug")).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: internal error").contains("\tat ");
    }

    @Test
    void theCopyAParallelStreamRethrowsKeepsTheMessageOfTheWorkersException() {
        ArithmeticException worker = new ArithmeticException("--lambdas 1e308: no convergence");
        worker.initCause(new ArithmeticException("QL"));
        ArithmeticException copy = new ArithmeticException();
        copy.initCause(worker);
        assertThat(CommandErrors.message(copy))
                .isEqualTo("a computation failed: --lambdas 1e308: no convergence");
        IllegalArgumentException argument = new IllegalArgumentException("--hidden 0");
        assertThat(CommandErrors.message(new IllegalArgumentException(argument))).isEqualTo("--hidden 0");
    }

    @Test
    void exitCodesAndMessagesOfWrappedFailures() {
        assertThat(CommandErrors.exitCode(new UncheckedIOException(new AccessDeniedException("out"))))
                .isEqualTo(2);
        assertThat(CommandErrors.message(new UncheckedIOException(new AccessDeniedException("out"))))
                .isEqualTo("out: permission denied");
        assertThat(CommandErrors.exitCode(new MalformedInputException(1))).isEqualTo(2);
        assertThat(CommandErrors.message(new MalformedInputException(1)))
                .startsWith("the text is not valid UTF-8");
        assertThat(CommandErrors.exitCode(new IOException("No space left on device"))).isEqualTo(1);
        assertThat(CommandErrors.message(new IOException("No space left on device")))
                .isEqualTo("No space left on device");
    }
}
