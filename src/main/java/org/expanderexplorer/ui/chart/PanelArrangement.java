package org.expanderexplorer.ui.chart;

import org.expanderexplorer.core.report.ChartChrome;
import org.expanderexplorer.core.report.FigureStyle;

/**
 * An arrangement of the window's centre ({@link PanelsLayout}), and how one is chosen for a space: pure arithmetic
 * on the space, the style's scale and {@link ChartChrome}'s bound on a chart's chrome.
 *
 * @param mode    side by side or tabs
 * @param stacked side by side: charts stacked in the column, the last place holding the others as tabs when fewer
 *                than all fit (1: every chart a tab)
 * @param column  side by side: the chart column's width the arrangement was chosen for
 */
public record PanelArrangement(Mode mode, int stacked, double column) {

    /** Side by side (the graph, and a column of charts), or every panel a tab. */
    public enum Mode { SIDE_BY_SIDE, TABS }

    /** Width of a split pane's divider (the stylesheet's padding and modena's divider). */
    static final double DIVIDER = 8;

    /** The same arrangement, whatever the column width. */
    boolean sameAs(PanelArrangement o) {
        return o != null && o.mode == mode && o.stacked == stacked;
    }

    /** The smallest height of a place in the column: a chart's, or a chart's and a tab header's. */
    double placeHeight(FigureStyle style, boolean tabPane) {
        double chart = ChartChrome.minHeight(style, column, PanelsLayout.MIN_PLOT);
        return tabPane ? chart + tabHeader(style) : chart;
    }

    /**
     * Divider positions of the chart column sharing its height in proportion to each place's smallest height, so
     * that each place gets at least that (the arrangement was chosen so that their sum fits).
     */
    double[] columnPositions(FigureStyle style, int charts) {
        double[] mins = new double[stacked];
        double total = 0;
        for (int i = 0; i < stacked; i++) {
            mins[i] = placeHeight(style, i == stacked - 1 && stacked < charts);
            total += mins[i];
        }
        double[] positions = new double[stacked - 1];
        double at = 0;
        for (int i = 0; i < stacked - 1; i++) {
            at += mins[i];
            positions[i] = at / total;
        }
        return positions;
    }

    /** Height of a tab pane's header row at the scale of {@code style}. */
    static double tabHeader(FigureStyle style) {
        return 13 * style.scale() * 2.2 + 10;
    }

    /**
     * The arrangement for a centre of {@code width} x {@code height}.
     *
     * @param graphMinWidth  the graph pane's smallest width
     * @param graphExtra     the graph pane's height beyond its canvas (bars, captions)
     * @param columnWidth    the chart column's width side by side, or NaN for the width the layout would give it
     */
    static PanelArrangement choose(double width, double height, double graphMinWidth, double graphExtra,
                                  double columnWidth, FigureStyle style, int charts, double graphShare) {
        double chartMinWidth = ChartChrome.minWidth(style, PanelsLayout.MIN_PLOT);
        double graphMin = graphMinWidth(graphMinWidth, style);
        if (width < graphMin + chartMinWidth + DIVIDER || height < graphExtra + PanelsLayout.MIN_PLOT) {
            return new PanelArrangement(Mode.TABS, 0, 0);
        }
        double column = Double.isNaN(columnWidth) ? intendedColumn(width, graphMin, chartMinWidth, graphShare)
                : Math.max(chartMinWidth, columnWidth);
        double chart = ChartChrome.minHeight(style, column, PanelsLayout.MIN_PLOT);
        double header = tabHeader(style);
        for (int k = charts; k >= 1; k--) {
            boolean tabs = k < charts;
            double needed = (k - 1) * (chart + DIVIDER) + chart + (tabs ? header : 0);
            if (needed <= height) {
                return new PanelArrangement(Mode.SIDE_BY_SIDE, k, column);
            }
        }
        return new PanelArrangement(Mode.TABS, 0, 0);
    }

    /**
     * The graph's smallest width side by side: the pane's own minimum, and at least the minimum plot grown with the
     * scale (the graph's labels and strokes grow with it; at 200 % a 150-pixel graph would be smaller than at
     * 100 %).
     */
    static double graphMinWidth(double paneMin, FigureStyle style) {
        return Math.max(paneMin, PanelsLayout.MIN_PLOT * Math.max(1, style.scale()));
    }

    /** The chart column's width before the user moves the divider: its share, within the panels' minimums. */
    static double intendedColumn(double width, double graphMin, double chartMin, double graphShare) {
        double column = (1 - graphShare) * width - DIVIDER;
        return Math.max(chartMin, Math.min(column, width - graphMin - DIVIDER));
    }
}
