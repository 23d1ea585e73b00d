package org.expanderexplorer.core.report;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.expanderexplorer.core.BadInputException;

/**
 * The printed size and resolution of an exported figure: width x height in centimetres, inches or pixels, and
 * dots per inch. A figure is laid out in points (1/72 inch) at its printed size, so its text has the same size in
 * points whatever the resolution; the PNG then has width x dpi pixels, and the SVG is width x height in points.
 *
 * <p>Text size: up to the width of a two-column journal figure the text is sized for print (ticks about 8 pt,
 * axis labels 10 pt, the title 11 pt: {@link #PRINT_SCALE} of the screen sizes); wider figures (slides, posters)
 * scale the text with the width, so a slide reads from the back of a room.
 *
 * @param width  width in {@code unit}
 * @param height height in {@code unit}
 * @param unit   centimetres, inches or pixels (pixels at {@code dpi})
 * @param dpi    resolution of a PNG (and the pixel size of a pixel unit)
 */
public record FigureSize(double width, double height, Unit unit, int dpi) {

    /** Units of a figure size. */
    public enum Unit {
        CM("cm", 1 / 2.54), IN("in", 1), PX("px", Double.NaN);

        private final String symbol;
        private final double inches;

        Unit(String symbol, double inches) {
            this.symbol = symbol;
            this.inches = inches;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** One column of a two-column journal page (8.5 cm wide, 4:3). */
    public static final FigureSize ONE_COLUMN = new FigureSize(8.5, 6.4, Unit.CM, 600);
    /** The full width of a two-column journal page (17.8 cm wide, 2:1). */
    public static final FigureSize TWO_COLUMN = new FigureSize(17.8, 8.9, Unit.CM, 600);
    /** A 16:9 slide (13.33 x 7.5 inches, 1920 x 1080 pixels at 144 dpi). */
    public static final FigureSize SLIDE = new FigureSize(40.0 / 3, 7.5, Unit.IN, 144);

    /** Text scale (of the screen's sizes) of figures up to {@link #PRINT_WIDTH_PT} wide. */
    public static final double PRINT_SCALE = 0.8;
    /** Widest figure, in points, whose text keeps the print size: a two-column figure (17.8 cm). */
    public static final double PRINT_WIDTH_PT = 17.8 / 2.54 * 72;
    public static final int MIN_DPI = 48;
    public static final int MAX_DPI = 1200;
    private static final double MIN_PT = 72 * 2 / 2.54;   // 2 cm
    private static final double MAX_PT = 72 * 60 / 2.54;  // 60 cm
    private static final int MAX_PIXELS = 20_000;

    public FigureSize {
        Objects.requireNonNull(unit, "unit");
        if (dpi < MIN_DPI || dpi > MAX_DPI) {
            throw new BadInputException("resolution " + dpi + " dpi is out of range (" + MIN_DPI + " to " + MAX_DPI
                    + " dpi)");
        }
        if (!(width > 0 && height > 0 && Double.isFinite(width) && Double.isFinite(height))) {
            throw new BadInputException("figure size " + width + " x " + height + " " + unit.symbol()
                    + " must be positive");
        }
        double wPt = points(width, unit, dpi);
        double hPt = points(height, unit, dpi);
        if (wPt < MIN_PT || hPt < MIN_PT || wPt > MAX_PT || hPt > MAX_PT) {
            throw new BadInputException(String.format(Locale.ROOT, "figure size %s is out of range (2 to 60 cm a "
                    + "side)", text(width, height, unit)));
        }
        if (Math.round(wPt / 72 * dpi) > MAX_PIXELS || Math.round(hPt / 72 * dpi) > MAX_PIXELS) {
            throw new BadInputException(String.format(Locale.ROOT, "figure size %s at %d dpi would be over %,d "
                    + "pixels a side; choose a lower resolution", text(width, height, unit), dpi, MAX_PIXELS));
        }
    }

    private static double points(double v, Unit unit, int dpi) {
        return unit == Unit.PX ? v / dpi * 72 : v * unit.inches * 72;
    }

    private static String text(double w, double h, Unit unit) {
        return String.format(Locale.ROOT, "%sx%s%s", trim(w), trim(h), unit.symbol());
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v)
                .replaceFirst("\\.?0+$", "");
    }

    /** The same size at another resolution. */
    public FigureSize withDpi(int d) {
        return new FigureSize(width, height, unit, d);
    }

    /** Width in points (the figure's layout unit). */
    public double widthPoints() {
        return points(width, unit, dpi);
    }

    /** Height in points. */
    public double heightPoints() {
        return points(height, unit, dpi);
    }

    /** PNG width in pixels. */
    public int pixelWidth() {
        return (int) Math.round(widthPoints() / 72 * dpi);
    }

    /** PNG height in pixels. */
    public int pixelHeight() {
        return (int) Math.round(heightPoints() / 72 * dpi);
    }

    /** PNG pixels per layout point. */
    public double pixelsPerPoint() {
        return dpi / 72.0;
    }

    /** The text scale of this size (see the class comment). */
    public double textScale() {
        return PRINT_SCALE * Math.max(1, widthPoints() / PRINT_WIDTH_PT);
    }

    /** The figure style for this size: {@code base}'s theme at this size's text scale. */
    public FigureStyle style(FigureStyle base) {
        return base.withScale(textScale());
    }

    /** E.g. "8.5x6.4cm at 600 dpi". */
    @Override
    public String toString() {
        return text(width, height, unit) + " at " + dpi + " dpi";
    }

    private static final Pattern SIZE = Pattern.compile("\\s*([0-9]*\\.?[0-9]+)\\s*[x×]\\s*([0-9]*\\.?[0-9]+)\\s*"
            + "(cm|mm|in|px)\\s*", Pattern.CASE_INSENSITIVE);

    /**
     * Reads a size: a preset ({@code one-column}, {@code two-column}, {@code slide}) or {@code WxH} with a unit
     * ({@code 12x8cm}, {@code 120x80mm}, {@code 3.5x2.5in}, {@code 1600x900px}).
     *
     * @param dpi the resolution, or null for the preset's (600 dpi for journal figures, 144 for a slide; 300 for a
     *            size given in units)
     * @throws BadInputException naming the text when it is neither
     */
    public static FigureSize parse(String text, Integer dpi) {
        Objects.requireNonNull(text, "text");
        String t = text.strip().toLowerCase(Locale.ROOT);
        FigureSize preset = switch (t) {
            case "one-column", "column", "1col" -> ONE_COLUMN;
            case "two-column", "page", "2col" -> TWO_COLUMN;
            case "slide", "16:9" -> SLIDE;
            default -> null;
        };
        if (preset != null) {
            return dpi == null ? preset : preset.withDpi(dpi);
        }
        Matcher m = SIZE.matcher(t);
        if (!m.matches()) {
            throw new BadInputException("'" + text + "' is not a figure size; use one-column, two-column, slide, or "
                    + "WIDTHxHEIGHT with a unit: 12x8cm, 120x80mm, 3.5x2.5in, 1600x900px");
        }
        double w = Double.parseDouble(m.group(1));
        double h = Double.parseDouble(m.group(2));
        String unit = m.group(3);
        int d = dpi == null ? 300 : dpi;
        return switch (unit) {
            case "mm" -> new FigureSize(w / 10, h / 10, Unit.CM, d);
            case "cm" -> new FigureSize(w, h, Unit.CM, d);
            case "in" -> new FigureSize(w, h, Unit.IN, d);
            default -> new FigureSize(w, h, Unit.PX, d);
        };
    }
}
