package org.expanderexplorer.core.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Turns a {@link FigureSpec} into a JFreeChart chart, and a chart into PNG bytes or an SVG document. JFreeChart
 * is used everywhere (window, export, CLI) because one chart definition then serves screen, PNG, SVG and
 * headless rendering; see docs/decisions.
 *
 * <p>Everything here is AWT/Java2D only (no JavaFX), so it runs headless.
 */
public final class Charts {

    private Charts() {
    }

    /** A chart drawing {@code spec} in {@code style}. */
    public static JFreeChart build(FigureSpec spec, FigureStyle style) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(style, "style");
        ValueAxis x;
        if (spec.xLog()) {
            LogAxis log = new LogAxis(spec.xLabel());
            log.setBase(10);
            log.setSmallestValue(1e-6);
            x = log;
        } else {
            NumberAxis n = new NumberAxis(spec.xLabel());
            n.setAutoRangeIncludesZero(false);
            if (integerX(spec)) {
                // indices and steps: no ticks at 2.5
                n.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            }
            x = n;
        }
        x.setInverted(spec.xDescending());
        NumberAxis left = new NumberAxis(spec.leftLabel());
        // bars and stems grow from zero, so their axis must show it
        left.setAutoRangeIncludesZero(spec.series().stream().anyMatch(s -> s.look() == FigureSpec.Look.BARS
                || s.look() == FigureSpec.Look.STEMS) || zeroLine(spec, FigureSpec.Axis.LEFT));
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(x);
        plot.setRangeAxis(0, left);
        if (spec.rightLabel() != null) {
            NumberAxis right = new NumberAxis(spec.rightLabel());
            right.setAutoRangeIncludesZero(zeroLine(spec, FigureSpec.Axis.RIGHT));
            plot.setRangeAxis(1, right);
        }
        int datasetIndex = 0;
        for (int i = 0; i < spec.series().size(); i++) {
            FigureSpec.Series s = spec.series().get(i);
            XYSeries xy = new XYSeries(s.name(), false, true);
            for (int k = 0; k < s.size(); k++) {
                xy.add(s.xAt(k), Double.isFinite(s.yAt(k)) ? s.yAt(k) : Double.NaN);
            }
            XYSeriesCollection ds = new XYSeriesCollection(xy);
            plot.setDataset(datasetIndex, ds);
            plot.setRenderer(datasetIndex, renderer(s, style));
            int axis = s.axis() == FigureSpec.Axis.RIGHT && spec.rightLabel() != null ? 1 : 0;
            plot.mapDatasetToRangeAxis(datasetIndex, axis);
            datasetIndex++;
        }
        ChartBands.add(plot, spec, style, datasetIndex, spec.rightLabel() != null);
        int horizontalLabels = 0;
        double[] xRange = xRange(spec);
        for (FigureSpec.Marker m : spec.markers()) {
            ValueMarker vm = new ValueMarker(m.value());
            vm.setPaint(m.colour() < 0 ? style.reference() : style.series(m.colour()));
            vm.setStroke(m.dashed() ? style.dashed() : style.thin());
            if (!m.label().isEmpty()) {
                vm.setLabel(m.label());
                vm.setLabelFont(style.tickFont());
                vm.setLabelPaint(m.colour() < 0 ? style.foreground() : style.series(m.colour()));
                if (m.vertical()) {
                    // text on the side of the line with more room, so it is not clipped at the plot's edge
                    double mid = (xRange[0] + xRange[1]) / 2;
                    boolean lineOnRightHalf = spec.xDescending() ? m.value() < mid : m.value() > mid;
                    // neutral lines (the current q) label at the bottom, coloured ones (crossings) at the top,
                    // so the two do not collide when they are close
                    boolean bottom = m.colour() < 0;
                    RectangleAnchor bottomAnchor = lineOnRightHalf ? RectangleAnchor.BOTTOM_LEFT
                            : RectangleAnchor.BOTTOM_RIGHT;
                    RectangleAnchor topAnchor = lineOnRightHalf ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT;
                    vm.setLabelAnchor(bottom ? bottomAnchor : topAnchor);
                    vm.setLabelTextAnchor(bottom ? (lineOnRightHalf ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT)
                            : (lineOnRightHalf ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT));
                } else if (horizontalLabels++ % 2 == 0) {
                    vm.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                    vm.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
                } else {
                    // a second horizontal line's label goes to the right and below, so close lines stay legible
                    vm.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
                    vm.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
                }
                vm.setLabelBackgroundColor(new Color(0, 0, 0, 0));
                vm.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
            }
            if (m.vertical()) {
                plot.addDomainMarker(vm, Layer.FOREGROUND);
            } else {
                int axis = m.axis() == FigureSpec.Axis.RIGHT && spec.rightLabel() != null ? 1 : 0;
                plot.addRangeMarker(axis, vm, Layer.FOREGROUND);
            }
        }
        JFreeChart chart = new JFreeChart(spec.title(), style.titleFont(), plot, true);
        applyStyle(chart, plot, style);
        return chart;
    }

    /** True when the spec draws a horizontal line at 0 on that axis: a zero line is there to be seen. */
    private static boolean zeroLine(FigureSpec spec, FigureSpec.Axis axis) {
        return spec.markers().stream().anyMatch(m -> !m.vertical() && m.value() == 0 && m.axis() == axis);
    }

    /** True when every x value and vertical marker is a whole number (an index or a step). */
    private static boolean integerX(FigureSpec spec) {
        boolean any = false;
        for (FigureSpec.Series s : spec.series()) {
            for (int i = 0; i < s.size(); i++) {
                if (s.xAt(i) != Math.rint(s.xAt(i))) {
                    return false;
                }
                any = true;
            }
        }
        for (FigureSpec.Marker m : spec.markers()) {
            if (m.vertical() && m.value() != Math.rint(m.value())) {
                return false;
            }
        }
        return any;
    }

    /** Smallest and largest x over all series and vertical markers (0 and 1 when there are none). */
    private static double[] xRange(FigureSpec spec) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (FigureSpec.Series s : spec.series()) {
            for (int i = 0; i < s.size(); i++) {
                lo = Math.min(lo, s.xAt(i));
                hi = Math.max(hi, s.xAt(i));
            }
        }
        for (FigureSpec.Marker m : spec.markers()) {
            if (m.vertical()) {
                lo = Math.min(lo, m.value());
                hi = Math.max(hi, m.value());
            }
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {0, 1};
    }

    private static XYItemRenderer renderer(FigureSpec.Series s, FigureStyle style) {
        Color c = style.series(s.colour());
        if (s.look() == FigureSpec.Look.BARS || s.look() == FigureSpec.Look.STEMS) {
            XYBarRenderer r = new XYBarRenderer(s.look() == FigureSpec.Look.STEMS ? 0.75 : 0.1);
            r.setBarPainter(new StandardXYBarPainter());
            r.setShadowVisible(false);
            r.setSeriesPaint(0, c);
            r.setDrawBarOutline(false);
            return r;
        }
        boolean lines = s.look() != FigureSpec.Look.POINTS;
        boolean shapes = s.look() != FigureSpec.Look.LINE;
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(lines, shapes);
        r.setSeriesPaint(0, c);
        r.setSeriesStroke(0, s.dashed() ? style.dashed() : style.line());
        double d = 6 * style.scale();
        r.setSeriesShape(0, new Ellipse2D.Double(-d / 2, -d / 2, d, d));
        r.setDrawSeriesLineAsPath(false);
        return r;
    }

    private static void applyStyle(JFreeChart chart, XYPlot plot, FigureStyle style) {
        chart.setBackgroundPaint(style.background());
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.getTitle().setPaint(style.foreground());
        chart.getTitle().setFont(style.titleFont());
        plot.setBackgroundPaint(style.plotBackground());
        plot.setDomainGridlinePaint(style.gridLines());
        plot.setRangeGridlinePaint(style.gridLines());
        plot.setOutlinePaint(style.gridLines());
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            styleAxis(plot.getRangeAxis(i), style);
        }
        styleAxis(plot.getDomainAxis(), style);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setBackgroundPaint(style.background());
            legend.setItemPaint(style.foreground());
            legend.setItemFont(style.labelFont());
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
    }

    private static void styleAxis(ValueAxis axis, FigureStyle style) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(style.labelFont());
        axis.setTickLabelFont(style.tickFont());
        axis.setLabelPaint(style.foreground());
        axis.setTickLabelPaint(style.foreground());
        axis.setAxisLinePaint(style.foreground());
        axis.setTickMarkPaint(style.foreground());
    }

    /**
     * Renders the chart as PNG.
     *
     * @param width  logical width in pixels
     * @param height logical height in pixels
     * @param scale  pixel density (1, 2 or 4 for "1x/2x/4x" exports): the image is width*scale pixels wide and
     *               looks like the screen at that density
     */
    public static byte[] png(JFreeChart chart, int width, int height, double scale) {
        BufferedImage img = image(chart, width, height, scale);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Renders the chart into an image of width*scale x height*scale pixels (see {@link #png}). */
    public static BufferedImage image(JFreeChart chart, int width, int height, double scale) {
        checkSize(width, height, scale);
        int pw = (int) Math.round(width * scale);
        int ph = (int) Math.round(height * scale);
        BufferedImage img = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(scale, scale);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * The x value under the horizontal position {@code x} (logical pixels from the left) of {@code chart} drawn at
     * {@code width} x {@code height}, or NaN when {@code x} lies outside the plot's data area. Lays the chart out
     * as {@link #image} does (one draw into a tiny scratch image, tens of milliseconds), so a click on a rendered
     * chart maps to the data it shows.
     */
    public static double domainValueAt(JFreeChart chart, int width, int height, double x) {
        checkSize(width, height, 1);
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = scratch.createGraphics();
        try {
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height), info);
        } finally {
            g.dispose();
        }
        Rectangle2D area = info.getPlotInfo().getDataArea();
        if (x < area.getMinX() || x > area.getMaxX()) {
            return Double.NaN;
        }
        XYPlot plot = chart.getXYPlot();
        return plot.getDomainAxis().java2DToValue(x, area, plot.getDomainAxisEdge());
    }

    /** Renders the chart as a standalone SVG document of the given size in pixels. */
    public static String svg(JFreeChart chart, int width, int height) {
        checkSize(width, height, 1);
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        // JFreeSVG prefixes its clip-path ids with System.nanoTime(), so the same figure gave different files on
        // every run; a prefix from the title keeps ids apart between figures and the file the same between runs
        String title = chart.getTitle() == null ? "" : chart.getTitle().getText();
        g.setDefsKeyPrefix("_" + Integer.toHexString(title.hashCode()));
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        return g.getSVGDocument();
    }

    private static void checkSize(int width, int height, double scale) {
        if (width < 50 || height < 50 || width > 10_000 || height > 10_000 || !(scale > 0 && scale <= 8)) {
            throw new IllegalArgumentException("figure size " + width + " x " + height + " at scale " + scale
                    + " is out of range (50 to 10,000 pixels, scale up to 8)");
        }
    }

    /** Convenience: the spec's series names, for tests and legends. */
    public static List<String> seriesNames(FigureSpec spec) {
        return spec.series().stream().map(FigureSpec.Series::name).toList();
    }

}
