package io.github.occam.examples.support;

import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Option;

/**
 * The {@code --progress / --no-progress} option of every long-running command, one definition
 * for both examples (a picocli mixin): on by default, shown on standard error as
 * {@link ProgressBars#create} chooses (a bar on a terminal, plain lines in a log).
 *
 * <pre>{@code
 * @Mixin ProgressOption progress;
 * ...
 * try (ProgressBar bar = progress.open("lambda grid", 42)) {   // null with --no-progress
 *     ...
 * }
 * }</pre>
 */
public final class ProgressOption {

    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Show progress on standard error: a bar on a terminal, a line per "
                    + "tenth of the work in a log (default: on).")
    boolean progress = true;

    /** Returns whether progress is to be shown. */
    public boolean enabled() {
        return progress;
    }

    /**
     * Starts the progress of {@code task} on standard error, or returns null with
     * {@code --no-progress} (try-with-resources accepts a null resource).
     */
    public ProgressBar open(String task, long max) {
        return progress ? ProgressBars.create(task, max, System.err) : null;
    }
}
