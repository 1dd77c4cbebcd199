package io.github.occam.examples.support;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarRenderer;
import me.tongfei.progressbar.ProgressBarStyle;
import me.tongfei.progressbar.ProgressState;

/**
 * The progress of the examples, on the stream it is given (standard error, so that standard
 * output keeps only the results): on a terminal a plain ASCII bar redrawn once a second
 * ({@link #ascii}); elsewhere, a log or a pipe, one plain line at every tenth of the work and at
 * least once a minute ({@link #lines}), instead of the bar's carriage-return frames.
 *
 * <pre>{@code
 * try (ProgressBar bar = ProgressBars.create("lambda grid", 42, System.err)) {
 *     for (double lambda : grid) { evaluate(lambda); bar.step(); }
 * }
 * }</pre>
 */
public final class ProgressBars {

    /** The longest a plain-line progress stays silent while work goes on. */
    static final Duration LINE_AT_LEAST_EVERY = Duration.ofMinutes(1);

    private ProgressBars() {
    }

    /**
     * Starts the progress of {@code task}, counting to {@code max}, on {@code out}: a bar if
     * this program runs on a terminal ({@code System.console() != null}), plain lines otherwise.
     * Close it when the work is done.
     */
    public static ProgressBar create(String task, long max, PrintStream out) {
        return System.console() != null ? ascii(task, max, out) : lines(task, max, out);
    }

    /**
     * Starts a bar named {@code task} that counts to {@code max} on {@code out}, redrawn in
     * place; for a terminal. Close it when the work is done.
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

    /**
     * Starts a progress named {@code task} that counts to {@code max} and prints one line,
     * {@code "lambda grid: 21/42 (50%), 0:00:03 elapsed, about 0:00:03 left"}, whenever another
     * tenth of the work is done and at least once a minute; for logs. Close it when the work is
     * done.
     */
    public static ProgressBar lines(String task, long max, PrintStream out) {
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(max)
                .setRenderer(new LineRenderer())
                .setConsumer(new LineConsumer(out))
                .setUpdateIntervalMillis(1000)
                .build();
    }

    /** Renders a line when the tenth of the work changed or a minute passed, else nothing. */
    private static final class LineRenderer implements ProgressBarRenderer {
        private int lastTenth = -1;
        private Duration lastLine = Duration.ZERO;

        @Override
        public String render(ProgressState progress, int maxLength) {
            long current = progress.getCurrent();
            long max = progress.getMax();
            Duration elapsed = progress.getTotalElapsed();
            int tenth = max <= 0 ? 0 : (int) Math.min(10, current * 10 / max);
            if (tenth == lastTenth && elapsed.minus(lastLine).compareTo(LINE_AT_LEAST_EVERY) < 0) {
                return "";
            }
            lastTenth = tenth;
            lastLine = elapsed;
            StringBuilder line = new StringBuilder(progress.getTaskName()).append(": ");
            if (max > 0) {
                line.append(String.format(Locale.ROOT, "%d/%d (%d%%), ", current, max,
                        current * 100 / max));
            } else {
                line.append(current).append(", ");
            }
            line.append(clock(elapsed)).append(" elapsed");
            if (current > 0 && max > current) {
                line.append(", about ").append(clock(elapsed.multipliedBy(max - current)
                        .dividedBy(current))).append(" left");
            }
            String extra = progress.getExtraMessage();
            if (extra != null && !extra.isEmpty()) {
                line.append(", ").append(extra);
            }
            return line.toString();
        }

        private static String clock(Duration d) {
            long s = d.getSeconds();
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        }
    }

    /** Prints each non-empty rendering as a line of its own. */
    private static final class LineConsumer implements ProgressBarConsumer {
        private final PrintStream out;

        LineConsumer(PrintStream out) {
            this.out = out;
        }

        @Override
        public int getMaxRenderedLength() {
            return 200;
        }

        @Override
        public void accept(String rendered) {
            if (!rendered.isEmpty()) {
                out.println(rendered);
                out.flush();
            }
        }

        @Override
        public void close() {
            out.flush();
        }
    }
}
