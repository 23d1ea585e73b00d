package org.expanderexplorer.core.report;

import java.awt.geom.Line2D;
import java.util.Locale;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.XYPlot;

/**
 * The legend of a figure: one entry for every named series and for every labelled reference line (drawn as a
 * short stretch of that line), each with its description as tool tip. Lines get entries because their on-plot
 * labels are only drawn where they cover nothing ({@link MarkerLabels}); the legend always names them.
 */
final class ChartLegend {

    private ChartLegend() {
    }

    static LegendItemCollection items(FigureSpec spec, FigureStyle style, XYPlot plot) {
        LegendItemCollection items = new LegendItemCollection();
        for (int i = 0; i < spec.series().size(); i++) {
            FigureSpec.Series s = spec.series().get(i);
            if (s.name().isEmpty() || plot.getRenderer(i) == null) {
                continue;
            }
            LegendItem item = plot.getRenderer(i).getLegendItem(i, 0);
            if (item == null) {
                continue;
            }
            item.setToolTipText(seriesTip(s));
            items.add(item);
        }
        double half = 9 * style.scale();
        for (FigureSpec.Marker m : spec.markers()) {
            if (m.label().isEmpty()) {
                continue;
            }
            LegendItem item = new LegendItem(m.label(), m.description(), MarkerLabels.tooltip(m), null,
                    new Line2D.Double(-half, 0, half, 0), m.dashed() ? style.dashed() : style.thin(),
                    m.colour() < 0 ? style.reference() : style.series(m.colour()));
            items.add(item);
        }
        return items;
    }

    /** The tool tip of a series' legend entry: its name and what it is. */
    static String seriesTip(FigureSpec.Series s) {
        String name = RichText.of(s.name()).plain();
        return s.description().isEmpty() ? name : name + ": " + s.description();
    }

    /** The tool tip of one point: the series' value and where, e.g. "Δ_R = 2.64 at q = 35 %". */
    static String pointTip(FigureSpec spec, FigureSpec.Series s, int item) {
        String x = Figures.num(s.xAt(item));
        String where = spec.xLabel().equals(Figures.Q_AXIS) ? "q = " + x + " %"
                : spec.xLabel().isEmpty() ? "x = " + x : RichText.of(spec.xLabel()).plain() + " " + x;
        String y = Double.isFinite(s.yAt(item)) ? Figures.num(s.yAt(item)) : "undefined";
        return String.format(Locale.ROOT, "%s = %s at %s", RichText.of(s.name()).plain(), y, where);
    }
}
