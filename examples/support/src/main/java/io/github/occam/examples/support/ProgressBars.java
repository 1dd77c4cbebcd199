package io.github.occam.examples.support;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress bar of the examples: plain ASCII, redrawn once a second on the stream it is given
 * (standard error, so that standard output keeps only the results).
 *
 * <pre>{@code
 * try (ProgressBar bar = ProgressBars.ascii("lambda grid", 42, System.err)) {
 *     for (double lambda : grid) { evaluate(lambda); bar.step(); }
 * }
 * }</pre>
 */
public final class ProgressBars {

    private ProgressBars() {
    }

    /**
     * Starts a bar named {@code task} that counts to {@code max} on {@code out}; close it when
     * the work is done.
     */
    public static ProgressBar ascii(String task, long max, PrintStream out) {
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(max)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(out))
                .setUpdateIntervalMillis(1000)
                .build();
    }
}
