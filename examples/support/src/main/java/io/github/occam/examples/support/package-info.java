/**
 * What the example modules share, one copy each: {@link
 * io.github.occam.examples.support.AtomicFiles} writes a result file through a temporary file
 * that is forced to disk and renamed over the target, so that a reader or a crash never leaves
 * half a file; {@link io.github.occam.examples.support.ChartFiles} saves XChart charts, alone or
 * as the panels of one figure, as PNG and SVG (what the charts show stays with each example);
 * {@link io.github.occam.examples.support.ProgressBars} draws the progress of a long run on
 * standard error.
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
