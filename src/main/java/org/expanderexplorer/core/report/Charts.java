package org.expanderexplorer.core.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.labels.XYToolTipGenerator;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUnits;
import org.jfree.svg.ViewBox;

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
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(ChartAxes.domain(spec, style));
        plot.setRangeAxis(0, ChartAxes.range(spec, FigureSpec.Axis.LEFT, spec.leftLabel(), style));
        if (spec.rightLabel() != null) {
            plot.setRangeAxis(1, ChartAxes.range(spec, FigureSpec.Axis.RIGHT, spec.rightLabel(), style));
        }
        for (int i = 0; i < spec.series().size(); i++) {
            FigureSpec.Series s = spec.series().get(i);
            XYSeries xy = new XYSeries(s.name(), false, true);
            for (int k = 0; k < s.size(); k++) {
                xy.add(s.xAt(k), Double.isFinite(s.yAt(k)) ? s.yAt(k) : Double.NaN);
            }
            plot.setDataset(i, new XYSeriesCollection(xy));
            plot.setRenderer(i, renderer(spec, s, style));
            plot.mapDatasetToRangeAxis(i, s.axis() == FigureSpec.Axis.RIGHT && spec.rightLabel() != null ? 1 : 0);
        }
        ChartBands.add(plot, spec, style, spec.series().size(), spec.rightLabel() != null);
        for (FigureSpec.Marker m : spec.markers()) {
            // the line only: its label is placed by MarkerLabels and named in the legend
            ValueMarker vm = new ValueMarker(m.value());
            vm.setPaint(m.colour() < 0 ? style.reference() : style.series(m.colour()));
            vm.setStroke(m.dashed() ? style.dashed() : style.thin());
            if (m.vertical()) {
                plot.addDomainMarker(vm, Layer.FOREGROUND);
            } else {
                int axis = m.axis() == FigureSpec.Axis.RIGHT && spec.rightLabel() != null ? 1 : 0;
                plot.addRangeMarker(axis, vm, Layer.FOREGROUND);
            }
        }
        plot.addAnnotation(new MarkerLabels(spec, style));
        plot.setFixedLegendItems(ChartLegend.items(spec, style, plot));
        JFreeChart chart = new JFreeChart(spec.title().isEmpty() ? null : spec.title(), style.titleFont(), plot,
                false);
        chart.addLegend(new RichLegend(plot));
        applyStyle(chart, plot, style);
        return chart;
    }

    private static XYItemRenderer renderer(FigureSpec spec, FigureSpec.Series s, FigureStyle style) {
        Color c = style.series(s.colour());
        XYToolTipGenerator tips = (dataset, series, item) -> ChartLegend.pointTip(spec, s, item);
        if (s.look() == FigureSpec.Look.BARS || s.look() == FigureSpec.Look.STEMS) {
            XYBarRenderer r = new XYBarRenderer(s.look() == FigureSpec.Look.STEMS ? 0.75 : 0.1);
            r.setBarPainter(new StandardXYBarPainter());
            r.setShadowVisible(false);
            r.setSeriesPaint(0, c);
            r.setDrawBarOutline(false);
            r.setDefaultToolTipGenerator(tips);
            return r;
        }
        boolean lines = s.look() != FigureSpec.Look.POINTS;
        boolean shapes = s.look() != FigureSpec.Look.LINE;
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(lines, shapes);
        r.setSeriesPaint(0, c);
        r.setSeriesStroke(0, s.dashed() ? style.dashed() : style.line());
        double d = 2 * style.dotRadius();
        r.setSeriesShape(0, new Ellipse2D.Double(-d / 2, -d / 2, d, d));
        r.setDrawSeriesLineAsPath(false);
        r.setDefaultToolTipGenerator(tips);
        return r;
    }

    private static void applyStyle(JFreeChart chart, XYPlot plot, FigureStyle style) {
        chart.setBackgroundPaint(style.background());
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(style.foreground());
            chart.getTitle().setFont(style.titleFont());
            chart.getTitle().setMaximumLinesToDisplay(2);
        }
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
            // the ticks' size: a legend of five lines in a small panel otherwise takes a third of its height
            legend.setItemFont(style.tickFont());
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            double pad = 2 * style.scale();
            legend.setItemLabelPadding(new RectangleInsets(pad, pad, pad, 4 * pad));
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
            hints(g);
            g.scale(scale, scale);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * A chart drawn into an image, with where its data area lies and what hovering shows where.
     *
     * @param image    the image, width*scale x height*scale pixels
     * @param dataArea the plot's data area in logical pixels
     * @param hovers   areas (logical pixels) with their tool tips: legend entries, data points, reference lines
     *                 and their labels
     */
    public record Rendering(BufferedImage image, Rectangle2D dataArea, List<Hover> hovers) {
        public Rendering {
            hovers = List.copyOf(hovers);
        }
    }

    /** An area of a drawn chart and the text shown while the mouse is over it. */
    public record Hover(Shape area, String text) {
    }

    /** Renders the chart as {@link #image} does, and records its data area and hover areas. */
    public static Rendering render(JFreeChart chart, int width, int height, double scale) {
        checkSize(width, height, scale);
        BufferedImage img = new BufferedImage((int) Math.round(width * scale), (int) Math.round(height * scale),
                BufferedImage.TYPE_INT_ARGB);
        ChartRenderingInfo info = new ChartRenderingInfo();
        Graphics2D g = img.createGraphics();
        try {
            hints(g);
            g.scale(scale, scale);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height), info);
        } finally {
            g.dispose();
        }
        List<Hover> hovers = new ArrayList<>();
        for (Object o : info.getEntityCollection().getEntities()) {
            ChartEntity e = (ChartEntity) o;
            if (e.getToolTipText() != null && !e.getToolTipText().isBlank()) {
                hovers.add(new Hover(e.getArea(), e.getToolTipText()));
            }
        }
        return new Rendering(img, info.getPlotInfo().getDataArea(), hovers);
    }

    private static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        // fractional glyph positions: text measured at one size and drawn at another (a 2x export) keeps its width
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    /**
     * Where things land when the chart is drawn at {@code width} x {@code height}: the data area, every axis's
     * tick labels, the boxes of the reference-line labels placed on the plot, and the boxes of the data points.
     * For tests of the typography, and cheap enough (one draw into a scratch image) for nothing else to need.
     */
    public static ChartLayout layout(JFreeChart chart, int width, int height) {
        return drawnOnScratch(chart, width, height, true, (g, info) -> layoutOf(chart, g, info));
    }

    private static ChartLayout layoutOf(JFreeChart chart, Graphics2D g, ChartRenderingInfo info) {
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        Map<String, List<String>> ticks = new LinkedHashMap<>();
        ticks.put("x", tickLabels(g, plot.getDomainAxis(), area, plot.getDomainAxisEdge()));
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            if (plot.getRangeAxis(i) != null) {
                ticks.put(i == 0 ? "left" : "right", tickLabels(g, plot.getRangeAxis(i), area,
                        plot.getRangeAxisEdge(i)));
            }
        }
        List<Rectangle2D> labels = new ArrayList<>();
        List<Rectangle2D> points = new ArrayList<>();
        for (Object a : plot.getAnnotations()) {
            if (a instanceof MarkerLabels m) {
                m.placed().forEach(p -> labels.add(p.box()));
                points.addAll(m.points());
            }
        }
        List<String> legend = new ArrayList<>();
        for (int i = 0; i < plot.getLegendItems().getItemCount(); i++) {
            legend.add(plot.getLegendItems().get(i).getLabel());
        }
        return new ChartLayout(area, ticks, labels, points, legend);
    }

    /**
     * Draws {@code chart} at {@code width} x {@code height} into a 1 x 1 scratch image, for its layout only, and
     * returns what {@code read} takes from the graphics and the rendering info before they are disposed.
     * {@code hinted}: with the rendering hints of {@link #image} ({@link #layout} measures text as it is drawn);
     * {@link #dataArea} has always measured without them, and keeps doing so.
     */
    private static <T> T drawnOnScratch(JFreeChart chart, int width, int height, boolean hinted,
                                        BiFunction<Graphics2D, ChartRenderingInfo, T> read) {
        checkSize(width, height, 1);
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = scratch.createGraphics();
        try {
            if (hinted) {
                hints(g);
            }
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height), info);
            return read.apply(g, info);
        } finally {
            g.dispose();
        }
    }

    private static List<String> tickLabels(Graphics2D g, ValueAxis axis, Rectangle2D area, RectangleEdge edge) {
        List<String> out = new ArrayList<>();
        for (Object t : axis.refreshTicks(g, new AxisState(), area, edge)) {
            ValueTick tick = (ValueTick) t;
            if (!tick.getText().isEmpty()) {
                out.add(tick.getText());
            }
        }
        return out;
    }

    /**
     * The x value under the horizontal position {@code x} (logical pixels from the left) of {@code chart} drawn at
     * {@code width} x {@code height}, or NaN when {@code x} lies outside the plot's data area. Lays the chart out
     * as {@link #image} does (one draw into a tiny scratch image, tens of milliseconds), so a click on a rendered
     * chart maps to the data it shows.
     */
    public static double domainValueAt(JFreeChart chart, int width, int height, double x) {
        Rectangle2D area = dataArea(chart, width, height);
        if (x < area.getMinX() || x > area.getMaxX()) {
            return Double.NaN;
        }
        XYPlot plot = chart.getXYPlot();
        return plot.getDomainAxis().java2DToValue(x, area, plot.getDomainAxisEdge());
    }

    /**
     * The plot's data area of {@code chart} drawn at {@code width} x {@code height}, in the figure's logical pixels:
     * one draw into a tiny scratch image (tens of milliseconds), laid out as {@link #image} lays it out.
     */
    public static Rectangle2D dataArea(JFreeChart chart, int width, int height) {
        return drawnOnScratch(chart, width, height, false, (g, info) -> info.getPlotInfo().getDataArea());
    }

    /**
     * Renders the chart at a printed size: laid out in points at {@code size}'s width and height, drawn at its
     * resolution, and saved as PNG with that resolution recorded (the pHYs chunk), so word processors and
     * typesetting place it at its printed size.
     */
    public static byte[] png(JFreeChart chart, FigureSize size) {
        int pw = size.pixelWidth();
        int ph = size.pixelHeight();
        BufferedImage img = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            hints(g);
            g.scale(pw / size.widthPoints(), ph / size.heightPoints());
            chart.draw(g, new Rectangle2D.Double(0, 0, size.widthPoints(), size.heightPoints()));
        } finally {
            g.dispose();
        }
        try {
            return PngWithResolution.encode(img, size.dpi());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Renders the chart as a standalone SVG document at a printed size: width and height in points, one user unit
     * a point, so the text has its print size in points.
     */
    public static String svg(JFreeChart chart, FigureSize size) {
        // to a hundredth of a point, so the file says 504.57pt rather than 504.56692913385825pt
        double w = Math.round(size.widthPoints() * 100) / 100.0;
        double h = Math.round(size.heightPoints() * 100) / 100.0;
        SVGGraphics2D g = new SVGGraphics2D(w, h, SVGUnits.PT);
        chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
        return "<?xml version=\"1.0\"?>\n" + g.getSVGElement(null, true, new ViewBox(0, 0, w, h), null, null) + "\n";
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
