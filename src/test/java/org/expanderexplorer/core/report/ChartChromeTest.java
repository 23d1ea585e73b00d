package org.expanderexplorer.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ChartChrome} is an upper bound on what the application's figures leave for the plot, at every scale and
 * panel width the window uses, and not a wasteful one.
 */
class ChartChromeTest {

    @Test
    void theEstimateBoundsEveryFigureAndStaysClose() {
        Map<String, FigureSpec> figures = ChartTypographyTest.figures();
        double worstSlack = 0;
        for (double scale : new double[] {1, 1.5, 2}) {
            FigureStyle style = new FigureStyle(false, scale);
            for (int width : new int[] {260, 340, 420, 560, 760, 1100}) {
                ChartChrome.Size estimate = ChartChrome.of(style, width);
                double tallest = 0;
                double widest = 0;
                for (Map.Entry<String, FigureSpec> f : figures.entrySet()) {
                    int height = (int) Math.round(600 * scale);
                    ChartLayout l = Charts.layout(Charts.build(f.getValue(), style), width, height);
                    double h = height - l.dataArea().getHeight();
                    double w = width - l.dataArea().getWidth();
                    assertThat(h).as("%s at scale %s, width %d: chrome height", f.getKey(), scale, width)
                            .isLessThanOrEqualTo(estimate.height());
                    assertThat(w).as("%s at scale %s, width %d: chrome width", f.getKey(), scale, width)
                            .isLessThanOrEqualTo(estimate.width());
                    tallest = Math.max(tallest, h);
                    widest = Math.max(widest, w);
                }
                worstSlack = Math.max(worstSlack, estimate.height() / tallest);
                System.out.printf("scale %.1f width %d: chrome %.0f x %.0f, estimate %.0f x %.0f%n", scale, width,
                        widest, tallest, estimate.width(), estimate.height());
            }
        }
        assertThat(worstSlack).as("the estimate wastes well under half").isLessThan(1.4);
    }
}
