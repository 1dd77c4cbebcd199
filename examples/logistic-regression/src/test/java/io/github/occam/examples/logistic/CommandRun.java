package io.github.occam.examples.logistic;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.occam.examples.support.CommandErrors;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the command line as {@code main} does, with its output and errors kept for assertions. */
final class CommandRun {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** Runs the command with {@code evaluator} for the synthetic tasks; returns the exit code. */
    int run(Evaluator evaluator, String... args) {
        CommandLine command = LogisticRegressionExperiment.commandLine(
                new LogisticRegressionExperiment(evaluator));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return CommandErrors.execute(command, args);
    }

    /** Returns standard error, checked to be one line starting {@code error: }, no trace. */
    String errorLine() {
        String text = err.toString().strip();
        assertThat(text).doesNotContain("\n").startsWith("error: ").doesNotContain("\tat ");
        return text;
    }

    /** Forgets what the runs so far wrote. */
    void clear() {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
    }
}
