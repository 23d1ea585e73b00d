package org.expanderexplorer.core.report;

import java.awt.Font;
import java.awt.font.FontRenderContext;

/**
 * How much of a chart of a given width is not plot: the title, the legend, the axes with their tick labels and
 * labels, and paddings. The window sizes its panels with this (a panel must leave its plot a readable minimum),
 * so it is an upper bound over the application's figures, worked out from the style's fonts and the width alone:
 * a title of up to two lines, and the legend of whichever figure wraps into the most rows at that width
 * ({@link #LEGENDS}, the widths of the figures' legend entries). It does not depend on the data, so a panel
 * arrangement does not change while the slider moves. {@code ChartChromeTest} checks it against the drawn figures.
 */
public final class ChartChrome {

    /**
     * The legends of the figures (accuracy, gaps, Cheeger, spectrum, the sweep figure, degrees, the steps' gaps
     * and Cheeger constant): the width of each entry's text in ems of the legend font, with room for values a
     * little longer than the ones measured.
     */
    static final double[][] LEGENDS = {{11.5, 2.5, 8, 13.5}, {1.5, 1.5, 7, 11, 6}, {17.5, 13, 6}, {1, 7, 13, 9},
        {5, 1.5, 1.5, 11, 11}, {9.5, 12, 5, 5}, {1.5, 1.5, 7, 5, 15, 2.5}, {6.5, 13, 5.5, 2.5}};
    /** A legend entry's line, its paddings and the gap to the next entry, in ems of the legend font. */
    static final double ENTRY_EXTRA = 2.8;
    /** The longest panel title, in ems of the title font. */
    static final double TITLE_EMS = 26;
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    /** Chrome width and height in logical pixels. */
    public record Size(double width, double height) {
    }

    private ChartChrome() {
    }

    /** The chrome of a chart {@code width} wide drawn in {@code style}. */
    public static Size of(FigureStyle style, double width) {
        double s = style.scale();
        Font title = style.titleFont();
        Font tick = style.tickFont();
        Font label = style.labelFont();
        double titleLine = title.getLineMetrics("Xg", FRC).getHeight();
        double tickLine = tick.getLineMetrics("Xg", FRC).getHeight();
        double labelLine = label.getLineMetrics("Xg", FRC).getHeight();
        double inner = Math.max(1, width - 16);
        int titleLines = (int) Math.min(2, Math.ceil(TITLE_EMS * title.getSize2D() / inner));
        int legendRows = 0;
        for (double[] legend : LEGENDS) {
            legendRows = Math.max(legendRows, rows(legend, tick.getSize2D(), inner));
        }
        double legendRow = tickLine + 4 * s + 1;
        // chart padding and plot insets, the x axis (tick marks, tick labels, label, their insets), the title and
        // its gap, the legend
        double height = 18 + titleLines * titleLine + 4 + (2 + 4 + tickLine + 6 + labelLine)
                + legendRows * legendRow + 2;
        // two y axes: tick labels up to five characters wide ("−0.25", "91.36"), and the rotated labels
        double axis = 4 + 5 * 0.6 * tick.getSize2D() + 6 + labelLine;
        double widthChrome = 2 * 8 + 10 + 2 * axis;
        return new Size(Math.ceil(widthChrome), Math.ceil(height * 1.04));
    }

    /** Rows of a legend laid out as JFreeChart's flow arrangement does: entries left to right, unbroken. */
    private static int rows(double[] entries, double em, double width) {
        int rows = 1;
        double used = 0;
        for (double e : entries) {
            double w = (e + ENTRY_EXTRA) * em;
            if (used > 0 && used + w > width) {
                rows++;
                used = 0;
            }
            used += w;
        }
        return rows;
    }

    /** The smallest chart {@code width} wide whose plot is at least {@code plot} pixels high. */
    public static double minHeight(FigureStyle style, double width, double plot) {
        return of(style, width).height() + plot;
    }

    /** The narrowest chart whose plot is at least {@code plot} pixels wide. */
    public static double minWidth(FigureStyle style, double plot) {
        return of(style, 1000).width() + plot;
    }
}
