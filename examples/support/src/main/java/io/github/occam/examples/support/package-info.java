/**
 * What the example modules share, one copy each: {@link
 * io.github.occam.examples.support.AtomicFiles} writes a result file through a temporary file
 * that is forced to disk and renamed over the target, so that a reader or a crash never leaves
 * half a file; {@link io.github.occam.examples.support.ChartFiles} saves XChart charts, alone or
 * as the panels of one figure, as PNG and SVG (what the charts show stays with each example);
 * {@link io.github.occam.examples.support.ProgressBars} shows the progress of a long run on
 * standard error, a bar on a terminal and plain lines in a log, behind the
 * {@link io.github.occam.examples.support.ProgressOption} both command lines take;
 * {@link io.github.occam.examples.support.CommandErrors} turns every failure of a command into
 * one line and an exit code (2 for the user's input, {@link
 * io.github.occam.examples.support.InputException} among it; 1 for a failure), and
 * {@link io.github.occam.examples.support.Memory} refuses a request that cannot fit in memory
 * before anything is allocated.
 *
 * <p>This is a plain library jar for the examples, not part of the Occam API and not an
 * experiment of its own: each example shades it into its runnable jar.
 *
 * <pre>{@code
 * AtomicFiles.writeString(out.resolve("summary.txt"), text);
 * ChartFiles.save(out, "figure1-accuracy", List.of(leftPanel, rightPanel));
 * }</pre>
 */
package io.github.occam.examples.support;
