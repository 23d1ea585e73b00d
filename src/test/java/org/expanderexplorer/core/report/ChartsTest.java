package org.expanderexplorer.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

class ChartsTest {

    static FigureSpec sample() {
        double[] q = {100, 80, 64, 51.2, 41, 32.8, 26.2, 21, 16.8, 13.4, 10.7, 8.6};
        double[] acc = {98.6, 98.6, 98.5, 98.5, 98.4, 98.1, 97.9, 97.2, 95.0, 90.1, 80.3, 60.2};
        double[] dr = {16.5, 12.1, 9.0, 6.8, 5.0, 3.6, 2.5, 1.5, 0.6, -0.2, -0.9, -1.4};
        double[] ds = {20.1, 15.0, 11.2, 8.1, 6.0, 4.2, 2.9, 1.8, 0.9, 0.1, Double.NaN, Double.NaN};
        return FigureSpec.builder("smnist-lstm128, ih, unweighted")
                .axes("edges kept q (%)", "test accuracy (%)", "gap")
                .xDescending(true)
                .series("accuracy", q, acc, FigureSpec.Axis.LEFT, FigureSpec.Look.LINE_AND_POINTS, 0, false)
                .series("Δ_S", q, ds, FigureSpec.Axis.RIGHT, FigureSpec.Look.LINE_AND_POINTS, 1, false)
                .series("Δ_R", q, dr, FigureSpec.Axis.RIGHT, FigureSpec.Look.LINE_AND_POINTS, 2, false)
                .horizontal(0, FigureSpec.Axis.RIGHT, "gap = 0", -1, false)
                .vertical(14.0, "Δ_R = 0 at q = 14.0 %", 2)
                .build();
    }

    @Test
    void pngHasTheRequestedPixelSizeAtEachScale() throws Exception {
        JFreeChart chart = Charts.build(sample(), FigureStyle.LIGHT);
        for (int scale : new int[] {1, 2}) {
            byte[] png = Charts.png(chart, 640, 400, scale);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(img.getWidth()).isEqualTo(640 * scale);
            assertThat(img.getHeight()).isEqualTo(400 * scale);
        }
        Path out = Path.of("target", "figures");
        Files.createDirectories(out);
        Files.write(out.resolve("sample-light.png"), Charts.png(chart, 640, 400, 1));
        Files.write(out.resolve("sample-dark.png"),
                Charts.png(Charts.build(sample(), FigureStyle.DARK), 640, 400, 1));
    }

    @Test
    void twoAxesAndDescendingX() {
        XYPlot plot = Charts.build(sample(), FigureStyle.LIGHT).getXYPlot();
        assertThat(plot.getRangeAxisCount()).isEqualTo(2);
        assertThat(plot.getDomainAxis().isInverted()).isTrue();
        assertThat(plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND)).hasSize(1);
        // accuracy on the left axis, the gaps on the right
        assertThat(plot.getRangeAxisIndex(plot.getRangeAxisForDataset(0))).isEqualTo(0);
        assertThat(plot.getRangeAxisIndex(plot.getRangeAxisForDataset(2))).isEqualTo(1);
    }

    @Test
    void svgIsAStandaloneDocumentWithTheTitleAndLegend() {
        String svg = Charts.svg(Charts.build(sample(), FigureStyle.LIGHT), 640, 400);
        assertThat(svg).startsWith("<?xml").contains("<svg").contains("smnist-lstm128, ih, unweighted")
                .contains("accuracy").contains("width='640.0'").endsWith("</svg>\n");
    }

    @Test
    void csvHoldsEveryPointAndMarkerWithUndefinedLeftEmpty() {
        String csv = sample().toCsv();
        String[] lines = csv.split("\n");
        assertThat(lines[0]).isEqualTo("kind,name,axis,x,y");
        assertThat(lines).hasSize(1 + 3 * 12 + 2);
        assertThat(csv).contains("series,Δ_R,right,13.4,-0.2\n").contains("series,Δ_S,right,10.7,\n")
                .contains("marker,Δ_R = 0 at q = 14.0 %,x,14,\n");
    }
}
