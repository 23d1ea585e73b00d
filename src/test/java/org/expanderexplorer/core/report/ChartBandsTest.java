package org.expanderexplorer.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.junit.jupiter.api.Test;

/** Bands: drawn behind the series, on their axis, out of the legend, in the CSV; SVG files repeat exactly. */
class ChartBandsTest {

    static FigureSpec withBand() {
        double[] q = {100, 50, 25, 10};
        FigureSpec base = FigureSpec.builder("band test").axes("q (%)", "accuracy (%)", "gap").xDescending(true)
                .series("accuracy (mean)", q, new double[] {90, 80, 50, 20}, FigureSpec.Axis.LEFT,
                        FigureSpec.Look.LINE_AND_POINTS, 0, false)
                .series("Δ_R (mean)", q, new double[] {4, 2, 0.5, -1}, FigureSpec.Axis.RIGHT,
                        FigureSpec.Look.LINE_AND_POINTS, 2, false)
                .build();
        return base.withBands(List.of(
                new FigureSpec.Band("accuracy, min-max", q, new double[] {85, 70, 30, 10},
                        new double[] {95, 90, 140, 30}, FigureSpec.Axis.LEFT, 0),
                new FigureSpec.Band("Δ_R, min-max", q, new double[] {3, 1, Double.NaN, -2},
                        new double[] {5, 3, Double.NaN, 0}, FigureSpec.Axis.RIGHT, 2)));
    }

    @Test
    void bandsAreDatasetsBehindTheSeriesOnTheirAxes() {
        XYPlot plot = Charts.build(withBand(), FigureStyle.LIGHT).getXYPlot();
        assertThat(plot.getDatasetCount()).isGreaterThanOrEqualTo(4);
        assertThat(plot.getRenderer(2)).isInstanceOf(DeviationRenderer.class);
        assertThat(plot.getRenderer(3)).isInstanceOf(DeviationRenderer.class);
        assertThat(plot.getRenderer(2).isSeriesVisibleInLegend(0)).isFalse();
        assertThat(plot.getRangeAxisIndex(plot.getRangeAxisForDataset(2))).isZero();
        assertThat(plot.getRangeAxisIndex(plot.getRangeAxisForDataset(3))).isEqualTo(1);
        // the left axis reaches the band's top (140), above every series value
        assertThat(plot.getRangeAxis(0).getUpperBound()).isGreaterThanOrEqualTo(140);
        // the point with undefined bounds is left out of the band
        assertThat(plot.getDataset(3).getItemCount(0)).isEqualTo(3);
    }

    @Test
    void theBandIsTintedBehindTheLine() {
        JFreeChart chart = Charts.build(withBand(), FigureStyle.LIGHT);
        BufferedImage with = Charts.image(chart, 800, 500, 1);
        FigureSpec none = withBand();
        BufferedImage without = Charts.image(Charts.build(new FigureSpec(none.title(), none.xLabel(),
                none.leftLabel(), none.rightLabel(), none.xDescending(), none.xLog(), none.series(), none.markers()),
                FigureStyle.LIGHT), 800, 500, 1);
        int changed = 0;
        for (int x = 0; x < 800; x += 4) {
            for (int y = 0; y < 500; y += 4) {
                changed += with.getRGB(x, y) != without.getRGB(x, y) ? 1 : 0;
            }
        }
        // the two bands cover a good part of the plot area
        assertThat(changed).isGreaterThan(500);
    }

    @Test
    void csvListsTheBoundsAndSvgRepeats() {
        String csv = withBand().toCsv();
        assertThat(csv).contains("band-lower,\"accuracy, min-max\",left,25,30\n")
                .contains("band-upper,\"accuracy, min-max\",left,25,140\n");
        String a = Charts.svg(Charts.build(withBand(), FigureStyle.LIGHT), 800, 500);
        String b = Charts.svg(Charts.build(withBand(), FigureStyle.LIGHT), 800, 500);
        assertThat(a).isEqualTo(b);
    }
}
