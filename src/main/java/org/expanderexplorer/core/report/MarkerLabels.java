package org.expanderexplorer.core.report;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.EntityCollection;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * Places the labels of a figure's reference lines where they cover nothing: no data point, no curve, no bar, no
 * other line and no other label. Runs while the plot is drawn, when the data area and the axes' ranges are known.
 * For each labelled line, in order, candidate boxes are tried along the line (a vertical line's label beside it
 * from the top down or the bottom up, a horizontal line's label above or below it from the right end leftwards);
 * the first free one wins. A label with no free place is left out: every line also has a legend entry with the
 * same text, so nothing is lost. Lines and placed labels become hover areas carrying the line's description.
 */
final class MarkerLabels extends AbstractXYAnnotation {

    private static final long serialVersionUID = 1L;

    /** A drawn label: which marker, and the box its text covers (Java2D coordinates of the chart). */
    record Placed(int marker, Rectangle2D box) {
    }

    private final FigureSpec spec;
    private final FigureStyle style;
    private final transient List<Placed> placed = new ArrayList<>();
    private final transient List<Rectangle2D> points = new ArrayList<>();

    MarkerLabels(FigureSpec spec, FigureStyle style) {
        this.spec = spec;
        this.style = style;
    }

    /** The labels placed by the last draw. */
    List<Placed> placed() {
        return Collections.unmodifiableList(placed);
    }

    /** The boxes of the data points (dots, bar tops) drawn by the last draw. */
    List<Rectangle2D> points() {
        return Collections.unmodifiableList(points);
    }

    private int axisIndex(FigureSpec.Axis a) {
        return a == FigureSpec.Axis.RIGHT && spec.rightLabel() != null ? 1 : 0;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis domainAxis, ValueAxis rangeAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        placed.clear();
        points.clear();
        List<Shape> obstacles = new ArrayList<>();
        collectSeries(plot, area, obstacles);
        List<Line2D> lines = new ArrayList<>();
        for (FigureSpec.Marker m : spec.markers()) {
            lines.add(line(plot, area, m));
        }
        for (Line2D l : lines) {
            if (l != null) { // a marker outside the axis range is not drawn and covers nothing
                obstacles.add(l);
            }
        }
        EntityCollection entities = info == null || info.getOwner() == null ? null
                : info.getOwner().getEntityCollection();
        Font font = style.tickFont();
        double gap = 3 * style.scale();
        for (int i = 0; i < spec.markers().size(); i++) {
            FigureSpec.Marker m = spec.markers().get(i);
            Line2D line = lines.get(i);
            if (line == null) {
                continue;
            }
            String tip = tooltip(m);
            if (entities != null && !tip.isEmpty()) {
                double w = 3 * style.scale();
                entities.add(new ChartEntity(line.getBounds2D().getWidth() < 1
                        ? new Rectangle2D.Double(line.getX1() - w, area.getMinY(), 2 * w, area.getHeight())
                        : new Rectangle2D.Double(area.getMinX(), line.getY1() - w, area.getWidth(), 2 * w), tip));
            }
            if (m.label().isEmpty()) {
                continue;
            }
            RichText text = RichText.of(m.label());
            Rectangle2D size = text.bounds(font, g2.getFontRenderContext(), 0, 0);
            Rectangle2D box = find(m, line, size, area, gap, obstacles);
            if (box == null) {
                continue;
            }
            g2.setPaint(m.colour() < 0 ? style.foreground() : style.series(m.colour()));
            text.draw(g2, font, box.getX() + gap / 2, box.getY() + gap / 2 - size.getY());
            placed.add(new Placed(i, box));
            obstacles.add(box);
            if (entities != null && !tip.isEmpty()) {
                entities.add(new ChartEntity(box, tip));
            }
        }
    }

    /** The tooltip of a line: its label and what it means. */
    static String tooltip(FigureSpec.Marker m) {
        String label = RichText.of(m.label()).plain();
        if (m.description().isEmpty()) {
            return label;
        }
        return label.isEmpty() ? m.description() : label + ": " + m.description();
    }

    private Line2D line(XYPlot plot, Rectangle2D area, FigureSpec.Marker m) {
        if (m.vertical()) {
            double x = plot.getDomainAxis().valueToJava2D(m.value(), area, plot.getDomainAxisEdge());
            return x < area.getMinX() - 0.5 || x > area.getMaxX() + 0.5 ? null
                    : new Line2D.Double(x, area.getMinY(), x, area.getMaxY());
        }
        int a = axisIndex(m.axis());
        double y = plot.getRangeAxis(a).valueToJava2D(m.value(), area, plot.getRangeAxisEdge(a));
        return y < area.getMinY() - 0.5 || y > area.getMaxY() + 0.5 ? null
                : new Line2D.Double(area.getMinX(), y, area.getMaxX(), y);
    }

    private void collectSeries(XYPlot plot, Rectangle2D area, List<Shape> obstacles) {
        RectangleEdge xEdge = plot.getDomainAxisEdge();
        double r = 3 * style.scale() + 1;
        for (FigureSpec.Series s : spec.series()) {
            int a = axisIndex(s.axis());
            ValueAxis yAxis = plot.getRangeAxis(a);
            RectangleEdge yEdge = plot.getRangeAxisEdge(a);
            double baseline = yAxis.valueToJava2D(Math.max(0, yAxis.getLowerBound()), area, yEdge);
            double barHalf = barHalfWidth(plot, area, s);
            double px = Double.NaN;
            double py = Double.NaN;
            for (int k = 0; k < s.size(); k++) {
                double y = s.yAt(k);
                if (!Double.isFinite(y)) {
                    px = Double.NaN;
                    continue;
                }
                double x = plot.getDomainAxis().valueToJava2D(s.xAt(k), area, xEdge);
                double yy = yAxis.valueToJava2D(y, area, yEdge);
                switch (s.look()) {
                    case STEMS, BARS -> {
                        Rectangle2D top = new Rectangle2D.Double(x - barHalf, yy - 1, 2 * barHalf, 2);
                        obstacles.add(new Rectangle2D.Double(x - barHalf, Math.min(yy, baseline) - 1, 2 * barHalf,
                                Math.abs(baseline - yy) + 2));
                        points.add(top);
                    }
                    default -> {
                        if (s.look() != FigureSpec.Look.LINE) {
                            Rectangle2D dot = new Rectangle2D.Double(x - r, yy - r, 2 * r, 2 * r);
                            obstacles.add(dot);
                            points.add(dot);
                        }
                        if (s.look() != FigureSpec.Look.POINTS && !Double.isNaN(px)) {
                            obstacles.add(new Line2D.Double(px, py, x, yy));
                        }
                    }
                }
                px = x;
                py = yy;
            }
        }
    }

    /** Half the drawn width of a bar: the renderer draws (1 - margin) of the spacing between x values. */
    private static double barHalfWidth(XYPlot plot, Rectangle2D area, FigureSpec.Series s) {
        double spacing = Double.POSITIVE_INFINITY;
        for (int k = 1; k < s.size(); k++) {
            spacing = Math.min(spacing, Math.abs(s.xAt(k) - s.xAt(k - 1)));
        }
        if (!Double.isFinite(spacing) || spacing == 0) {
            spacing = 1;
        }
        ValueAxis x = plot.getDomainAxis();
        double px = Math.abs(x.lengthToJava2D(spacing, area, plot.getDomainAxisEdge()));
        double fraction = s.look() == FigureSpec.Look.STEMS ? 0.25 : 0.9;
        return Math.max(1, px * fraction / 2);
    }

    /** The first free box for the label of {@code m}, or null. */
    private Rectangle2D find(FigureSpec.Marker m, Line2D line, Rectangle2D text, Rectangle2D area, double gap,
                             List<Shape> obstacles) {
        double w = text.getWidth() + gap;
        double h = text.getHeight() + gap;
        Rectangle2D inside = new Rectangle2D.Double(area.getX() + 1, area.getY() + 1, area.getWidth() - 2,
                area.getHeight() - 2);
        List<double[]> corners = new ArrayList<>();
        double step = Math.max(2, h / 2);
        if (m.vertical()) {
            double x = line.getX1();
            // neutral lines (the current q) from the bottom, coloured ones (crossings, the stopping rule) from the top
            boolean fromTop = m.colour() >= 0;
            for (double d = 0; d <= area.getHeight() - h; d += step) {
                double y = fromTop ? area.getMinY() + 1 + d : area.getMaxY() - 1 - h - d;
                corners.add(new double[] {x + gap, y});
                corners.add(new double[] {x - gap - w, y});
            }
        } else {
            double y = line.getY1();
            for (double d = 0; d <= area.getWidth() - w; d += step) {
                double x = area.getMaxX() - 1 - w - d;
                corners.add(new double[] {x, y - gap - h});
                corners.add(new double[] {x, y + gap});
            }
        }
        for (double[] c : corners) {
            Rectangle2D box = new Rectangle2D.Double(c[0], c[1], w, h);
            if (inside.contains(box) && free(box, obstacles)) {
                return box;
            }
        }
        return null;
    }

    private static boolean free(Rectangle2D box, List<Shape> obstacles) {
        for (Shape s : obstacles) {
            if (s instanceof Line2D l ? l.intersects(box) : s.intersects(box)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
