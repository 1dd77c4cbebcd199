package io.github.occam.examples.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

class ChartFilesTest {

    @TempDir
    Path dir;

    private static XYChart chart(String title, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).build();
        chart.addSeries("y = x^2", new double[] {1, 2, 3}, new double[] {1, 4, 9});
        return chart;
    }

    @Test
    void oneChartBecomesAPngAndAnSvgOfItsSize() throws IOException {
        List<Path> files = ChartFiles.save(dir, "square", chart("squares", 320, 200));
        assertThat(files).containsExactly(dir.resolve("square.png"), dir.resolve("square.svg"));
        BufferedImage png = ImageIO.read(dir.resolve("square.png").toFile());
        assertThat(png.getWidth()).isEqualTo(320);
        assertThat(png.getHeight()).isEqualTo(200);
        assertThat(Files.readString(dir.resolve("square.svg"))).contains("viewBox=\"0 0 320 200\"")
                .contains("</svg>");
    }

    @Test
    void panelsStandSideBySide() throws IOException {
        ChartFiles.save(dir, "both", List.of(chart("left", 300, 200), chart("right", 200, 250)));
        BufferedImage png = ImageIO.read(dir.resolve("both.png").toFile());
        assertThat(png.getWidth()).isEqualTo(500);
        assertThat(png.getHeight()).isEqualTo(250);
        // below the shorter left panel the figure is white, not black
        assertThat(png.getRGB(10, 240) & 0xffffff).isEqualTo(0xffffff);
        assertThat(Files.readString(dir.resolve("both.svg"))).contains("viewBox=\"0 0 500 250\"");
    }

    @Test
    void aPngAloneIsWrittenWithoutAnSvg() throws IOException {
        Path file = dir.resolve("schedule.png");
        ChartFiles.savePng(file, List.of(chart("a", 100, 80), chart("b", 100, 80)));
        assertThat(ImageIO.read(file.toFile()).getWidth()).isEqualTo(200);
        assertThat(dir.resolve("schedule.svg")).doesNotExist();
    }

    @Test
    void aFigureNeedsAChart() {
        assertThatThrownBy(() -> ChartFiles.save(dir, "empty", List.<XYChart>of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one chart");
        assertThat(dir.resolve("empty.png")).doesNotExist();
    }
}
