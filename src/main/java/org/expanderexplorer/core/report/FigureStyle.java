package org.expanderexplorer.core.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;

/**
 * Colours, fonts and strokes of every figure, shared by the window, PNG/SVG export and the headless CLI so
 * that a figure looks the same wherever it is drawn.
 *
 * @param dark     dark background (the window's dark theme)
 * @param scale    font and stroke scale: 1 normally, 1.5 or 2 in classroom mode
 * @param contrast high contrast for projectors: black background, white text, saturated colours and heavier
 *                 lines (overrides {@code dark})
 */
public record FigureStyle(boolean dark, double scale, boolean contrast) {

    /** Light theme at normal scale (reports, papers). */
    public static final FigureStyle LIGHT = new FigureStyle(false, 1.0);
    /** Dark theme at normal scale. */
    public static final FigureStyle DARK = new FigureStyle(true, 1.0);

    private static final Color[] LIGHT_SERIES = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
        new Color(0xff7f0e), new Color(0x17becf), new Color(0x8c564b), new Color(0xe377c2)};
    private static final Color[] DARK_SERIES = {
        new Color(0x6fb7ff), new Color(0xff6b6b), new Color(0x7ee081), new Color(0xc9a0ff),
        new Color(0xffb454), new Color(0x5fe0ee), new Color(0xd9a38c), new Color(0xff9fd8)};
    // saturated, mutually distinct on black (yellow, cyan, magenta, lime, orange, white, ...)
    private static final Color[] CONTRAST_SERIES = {
        new Color(0xffff00), new Color(0x00ffff), new Color(0xff40ff), new Color(0x40ff40),
        new Color(0xff9900), new Color(0xffffff), new Color(0xff5050), new Color(0x80a0ff)};

    public FigureStyle {
        if (!(scale >= 0.5 && scale <= 4)) {
            throw new IllegalArgumentException("figure scale must be in [0.5, 4], got " + scale);
        }
    }

    /** A normal-contrast style. */
    public FigureStyle(boolean dark, double scale) {
        this(dark, scale, false);
    }

    /** The same theme at another scale. */
    public FigureStyle withScale(double s) {
        return new FigureStyle(dark, s, contrast);
    }

    /** The same style with the dark theme on or off. */
    public FigureStyle withDark(boolean d) {
        return new FigureStyle(d, scale, contrast);
    }

    /** The same style with high contrast on or off. */
    public FigureStyle withContrast(boolean c) {
        return new FigureStyle(dark, scale, c);
    }

    public Color background() {
        return contrast ? Color.BLACK : dark ? new Color(0x1e1f24) : Color.WHITE;
    }

    public Color plotBackground() {
        return contrast ? Color.BLACK : dark ? new Color(0x26282e) : new Color(0xfbfbfd);
    }

    public Color foreground() {
        return contrast ? Color.WHITE : dark ? new Color(0xe6e6e6) : new Color(0x222222);
    }

    public Color gridLines() {
        return contrast ? new Color(0x5a5a5a) : dark ? new Color(0x44474f) : new Color(0xdddddd);
    }

    /** Colour of series i (cycled). */
    public Color series(int i) {
        Color[] c = contrast ? CONTRAST_SERIES : dark ? DARK_SERIES : LIGHT_SERIES;
        return c[Math.floorMod(i, c.length)];
    }

    /** Reference lines (bounds, zero line, dense accuracy). */
    public Paint reference() {
        return contrast ? Color.WHITE : dark ? new Color(0xaaaaaa) : new Color(0x555555);
    }

    /** Line widths relative to normal: heavier in high contrast, so lines survive a projector. */
    private double weight() {
        return contrast ? 1.5 * scale : scale;
    }

    // whole sizes: SVG files carry font sizes as whole numbers (JFreeSVG), so a PNG and an SVG of one figure lay
    // their text out alike only when the sizes are whole to begin with
    public Font titleFont() {
        return new Font(Font.SANS_SERIF, Font.BOLD, size(14));
    }

    public Font labelFont() {
        return new Font(Font.SANS_SERIF, Font.PLAIN, size(12));
    }

    public Font tickFont() {
        return new Font(Font.SANS_SERIF, Font.PLAIN, size(10.5));
    }

    private int size(double atScaleOne) {
        return Math.max(1, (int) Math.round(atScaleOne * scale));
    }

    /** Radius of a data point's dot. */
    public double dotRadius() {
        return 3 * scale;
    }

    public Stroke line() {
        return new BasicStroke((float) (2.0 * weight()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    public Stroke dashed() {
        return new BasicStroke((float) (1.5 * weight()), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {(float) (6 * scale), (float) (4 * scale)}, 0f);
    }

    public Stroke thin() {
        return new BasicStroke((float) (1.0 * weight()));
    }
}
