package org.expanderexplorer.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.expanderexplorer.core.report.ChartChrome;
import org.expanderexplorer.core.report.FigureStyle;
import org.junit.jupiter.api.Test;

/** How the centre of the window arranges the graph and four charts for a given space and scale. */
class PanelsLayoutTest {

    private static PanelArrangement choose(double w, double h, double scale) {
        return PanelArrangement.choose(w, h, 150, 60, Double.NaN, new FigureStyle(false, scale), 4, 0.52);
    }

    @Test
    void chartsStackWhileTheyFitThenMoveIntoTabs() {
        // a 4K screen at 100 %: all four stacked beside the graph
        assertThat(choose(3200, 1900, 1)).isEqualTo(new PanelArrangement(PanelArrangement.Mode.SIDE_BY_SIDE,
                4, choose(3200, 1900, 1).column()));
        // a 1280 x 720 laptop: two places, the second a tab pane of three
        PanelArrangement laptop = choose(1000, 600, 1);
        assertThat(laptop.mode()).isEqualTo(PanelArrangement.Mode.SIDE_BY_SIDE);
        assertThat(laptop.stacked()).isEqualTo(2);
        // the same space at 200 %: every chart a tab beside the graph
        PanelArrangement big = choose(1000, 600, 2);
        assertThat(big.stacked()).isEqualTo(1);
        // too narrow for the graph and a chart side by side: graph and charts in tabs
        assertThat(choose(450, 600, 2).mode()).isEqualTo(PanelArrangement.Mode.TABS);
    }

    @Test
    void theChosenArrangementLeavesEveryPlotItsMinimum() {
        for (double scale : new double[] {1, 1.5, 2}) {
            FigureStyle style = new FigureStyle(false, scale);
            for (int w = 500; w <= 3800; w += 150) {
                for (int h = 400; h <= 2100; h += 100) {
                    PanelArrangement a = choose(w, h, scale);
                    if (a.mode() == PanelArrangement.Mode.TABS) {
                        continue;
                    }
                    double chart = ChartChrome.minHeight(style, a.column(), PanelsLayout.MIN_PLOT);
                    boolean tabs = a.stacked() < 4;
                    double used = a.stacked() * chart + (a.stacked() - 1) * PanelsLayout.DIVIDER
                            + (tabs ? PanelArrangement.tabHeader(style) : 0);
                    assertThat(used).as("%d x %d at %s: %s", w, h, scale, a).isLessThanOrEqualTo(h);
                    assertThat(a.column()).isGreaterThanOrEqualTo(ChartChrome.minWidth(style, PanelsLayout.MIN_PLOT));
                    assertThat(w - a.column() - PanelsLayout.DIVIDER).isGreaterThanOrEqualTo(PanelsLayout.MIN_PLOT);
                }
            }
        }
    }
}
