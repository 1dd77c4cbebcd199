package io.github.occam.examples.support;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Saves XChart charts as PNG and SVG files, each written with {@link AtomicFiles}. Several charts
 * become the panels of one figure, side by side from left to right, each at its own size.
 *
 * <pre>{@code
 * List<Path> files = ChartFiles.save(out, "figure1-accuracy", List.of(left, right));
 * // out/figure1-accuracy.png and out/figure1-accuracy.svg
 * }</pre>
 */
public final class ChartFiles {

    private ChartFiles() {
    }

    /**
     * Saves {@code chart} as {@code name.png} and {@code name.svg} in {@code directory}.
     *
     * @return the two files written, PNG first
     * @throws IOException if a file cannot be written
     */
    public static List<Path> save(Path directory, String name, Chart<?, ?> chart) throws IOException {
        return save(directory, name, List.of(chart));
    }

    /**
     * Saves {@code panels}, side by side, as {@code name.png} and {@code name.svg} in
     * {@code directory}.
     *
     * @param panels at least one chart
     * @return the two files written, PNG first
     * @throws IOException if a file cannot be written
     */
    public static List<Path> save(Path directory, String name, List<? extends Chart<?, ?>> panels)
            throws IOException {
        Path png = directory.resolve(name + ".png");
        savePng(png, panels);
        Path svg = directory.resolve(name + ".svg");
        VectorGraphics2D vector = new VectorGraphics2D();
        paint(vector, panels);
        PageSize page = new PageSize(0.0, 0.0, width(panels), height(panels));
        AtomicFiles.write(svg, out -> new SVGProcessor().getDocument(vector.getCommands(), page).writeTo(out));
        return List.of(png, svg);
    }

    /**
     * Saves {@code panels}, side by side, as one PNG image {@code file}.
     *
     * @param panels at least one chart
     * @throws IOException if the file cannot be written
     */
    public static void savePng(Path file, List<? extends Chart<?, ?>> panels) throws IOException {
        BufferedImage image = new BufferedImage(width(panels), height(panels), BufferedImage.TYPE_INT_RGB);
        Graphics2D bitmap = image.createGraphics();
        bitmap.setColor(Color.WHITE);
        bitmap.fillRect(0, 0, image.getWidth(), image.getHeight());
        bitmap.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        paint(bitmap, panels);
        bitmap.dispose();
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available for " + file);
            }
        });
    }

    private static void paint(Graphics2D graphics, List<? extends Chart<?, ?>> panels) {
        int left = 0;
        for (Chart<?, ?> chart : panels) {
            Graphics2D panel = (Graphics2D) graphics.create();
            panel.translate(left, 0);
            if (panels.size() > 1) {
                // one of several panels keeps to its own rectangle; a lone chart has the page's edges
                panel.setClip(0, 0, chart.getWidth(), chart.getHeight());
            }
            chart.paint(panel, chart.getWidth(), chart.getHeight());
            panel.dispose();
            left += chart.getWidth();
        }
    }

    private static int width(List<? extends Chart<?, ?>> panels) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a figure needs at least one chart, got none");
        }
        return panels.stream().mapToInt(Chart::getWidth).sum();
    }

    private static int height(List<? extends Chart<?, ?>> panels) {
        return panels.stream().mapToInt(Chart::getHeight).max().orElseThrow();
    }
}
