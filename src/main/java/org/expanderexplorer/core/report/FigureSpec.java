package org.expanderexplorer.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A plain description of one 2-D figure: its series, reference lines and axes. The same spec is drawn on
 * screen, exported as PNG and SVG, and written as CSV (the data behind the plot), so the three always agree.
 *
 * @param title        figure title
 * @param xLabel       x axis label (with unit)
 * @param leftLabel    left y axis label
 * @param rightLabel   right y axis label, or null for a single-axis figure
 * @param xDescending  draw x from large to small (q from 100 % down, as in the paper)
 * @param xLog         logarithmic x axis
 * @param series       the data series
 * @param markers      horizontal or vertical reference lines
 * @param bands        shaded ranges behind the series (e.g. the spread of a quantity over seeds)
 */
public record FigureSpec(String title, String xLabel, String leftLabel, String rightLabel, boolean xDescending,
                         boolean xLog, List<Series> series, List<Marker> markers, List<Band> bands) {

    /** Which y axis a series or horizontal marker belongs to. */
    public enum Axis { LEFT, RIGHT }

    /** How a series is drawn. */
    public enum Look { LINE, LINE_AND_POINTS, POINTS, STEMS, BARS }

    /**
     * One data series; NaN y values leave a gap (an undefined gap is not drawn as zero).
     *
     * @param name   legend name
     * @param x      x values; not modified (copied)
     * @param y      y values, same length; not modified (copied)
     * @param axis   which y axis
     * @param look   how it is drawn
     * @param colour colour index into the style's palette
     * @param dashed dashed line
     * @param description what the series is, in a sentence (the tooltip of its legend entry and points); may be
     *                    empty
     */
    public record Series(String name, double[] x, double[] y, Axis axis, Look look, int colour, boolean dashed,
                         String description) {
        public Series {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            x = x.clone();
            y = y.clone();
            if (x.length != y.length) {
                throw new IllegalArgumentException("series " + name + ": " + x.length + " x values, " + y.length
                        + " y values");
            }
        }

        /** A series without a description. */
        public Series(String name, double[] x, double[] y, Axis axis, Look look, int colour, boolean dashed) {
            this(name, x, y, axis, look, colour, dashed, "");
        }

        /** The same series with a description. */
        public Series describedAs(String text) {
            return new Series(name, x, y, axis, look, colour, dashed, text);
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }

        public int size() {
            return x.length;
        }

        public double xAt(int i) {
            return x[i];
        }

        public double yAt(int i) {
            return y[i];
        }
    }

    /**
     * A reference line.
     *
     * @param value    where (x for vertical, y for horizontal)
     * @param vertical vertical line at x = value, else horizontal at y = value on {@code axis}
     * @param axis     the y axis of a horizontal line
     * @param label    text shown by the line (may be empty)
     * @param colour   palette index, or -1 for the neutral reference colour
     * @param dashed   dashed line
     * @param description what the line means, in a sentence (the tooltip of the line and its legend entry); may
     *                    be empty
     */
    public record Marker(double value, boolean vertical, Axis axis, String label, int colour, boolean dashed,
                         String description) {
        public Marker {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(description, "description");
        }

        /** A line without a description. */
        public Marker(double value, boolean vertical, Axis axis, String label, int colour, boolean dashed) {
            this(value, vertical, axis, label, colour, dashed, "");
        }

        /** The same line with a description. */
        public Marker describedAs(String text) {
            return new Marker(value, vertical, axis, label, colour, dashed, text);
        }
    }

    /**
     * A shaded range from {@code lower} to {@code upper} at each x, drawn behind the series in a light tint of its
     * colour and left out of the legend (the series it belongs to says what it shows); NaN bounds leave a gap.
     *
     * @param name   what it is, e.g. {@code accuracy, min-max over 3 seeds} (for the CSV)
     * @param x      x values; not modified (copied)
     * @param lower  lower bound per x; not modified (copied)
     * @param upper  upper bound per x; not modified (copied)
     * @param axis   which y axis
     * @param colour colour index into the style's palette
     */
    public record Band(String name, double[] x, double[] lower, double[] upper, Axis axis, int colour) {
        public Band {
            Objects.requireNonNull(name, "name");
            x = x.clone();
            lower = lower.clone();
            upper = upper.clone();
            if (x.length != lower.length || x.length != upper.length) {
                throw new IllegalArgumentException("band " + name + ": " + x.length + " x values, " + lower.length
                        + " lower and " + upper.length + " upper bounds");
            }
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] lower() {
            return lower.clone();
        }

        @Override
        public double[] upper() {
            return upper.clone();
        }
    }

    public FigureSpec {
        Objects.requireNonNull(title, "title");
        series = List.copyOf(series);
        markers = List.copyOf(markers);
        bands = List.copyOf(bands);
    }

    /** A figure without bands. */
    public FigureSpec(String title, String xLabel, String leftLabel, String rightLabel, boolean xDescending,
                      boolean xLog, List<Series> series, List<Marker> markers) {
        this(title, xLabel, leftLabel, rightLabel, xDescending, xLog, series, markers, List.of());
    }

    /** The same figure with bands added behind its series. */
    public FigureSpec withBands(List<Band> more) {
        List<Band> all = new ArrayList<>(bands);
        all.addAll(more);
        return new FigureSpec(title, xLabel, leftLabel, rightLabel, xDescending, xLog, series, markers, all);
    }

    /** The same figure without a title (a journal figure's title goes in its caption). */
    public FigureSpec withoutTitle() {
        return new FigureSpec("", xLabel, leftLabel, rightLabel, xDescending, xLog, series, markers);
    }

    /**
     * The data behind the figure as CSV, long format: {@code kind,name,axis,x,y} with one row per point
     * ({@code kind = series}), per reference line ({@code kind = marker}, the unused coordinate empty) and two per
     * band point ({@code kind = band-lower} and {@code band-upper}).
     */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("kind,name,axis,x,y\n");
        for (Series s : series) {
            for (int i = 0; i < s.size(); i++) {
                sb.append("series,").append(csv(s.name())).append(',').append(axisName(s.axis())).append(',')
                        .append(num(s.xAt(i))).append(',').append(num(s.yAt(i))).append('\n');
            }
        }
        for (Band b : bands) {
            for (int i = 0; i < b.x.length; i++) {
                sb.append("band-lower,").append(csv(b.name())).append(',').append(axisName(b.axis())).append(',')
                        .append(num(b.x[i])).append(',').append(num(b.lower[i])).append('\n');
                sb.append("band-upper,").append(csv(b.name())).append(',').append(axisName(b.axis())).append(',')
                        .append(num(b.x[i])).append(',').append(num(b.upper[i])).append('\n');
            }
        }
        for (Marker m : markers) {
            sb.append("marker,").append(csv(m.label())).append(',')
                    .append(m.vertical() ? "x" : axisName(m.axis())).append(',')
                    .append(m.vertical() ? num(m.value()) : "").append(',')
                    .append(m.vertical() ? "" : num(m.value())).append('\n');
        }
        return sb.toString();
    }

    private static String axisName(Axis a) {
        return a == Axis.LEFT ? "left" : "right";
    }

    static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.10g", v).replaceFirst("\\.?0+(e|$)", "$1");
    }

    static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** A mutable builder, for readable call sites. */
    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** Builds a {@link FigureSpec}. */
    public static final class Builder {
        private final String title;
        private String xLabel = "";
        private String leftLabel = "";
        private String rightLabel;
        private boolean xDescending;
        private boolean xLog;
        private final List<Series> series = new ArrayList<>();
        private final List<Marker> markers = new ArrayList<>();
        private boolean lastWasMarker;

        private Builder(String title) {
            this.title = title;
        }

        public Builder axes(String x, String left, String right) {
            this.xLabel = x;
            this.leftLabel = left;
            this.rightLabel = right;
            return this;
        }

        public Builder xDescending(boolean d) {
            this.xDescending = d;
            return this;
        }

        public Builder xLog(boolean l) {
            this.xLog = l;
            return this;
        }

        public Builder series(String name, double[] x, double[] y, Axis axis, Look look, int colour, boolean dashed) {
            series.add(new Series(name, x, y, axis, look, colour, dashed));
            lastWasMarker = false;
            return this;
        }

        public Builder marker(Marker m) {
            markers.add(m);
            lastWasMarker = true;
            return this;
        }

        public Builder vertical(double x, String label, int colour) {
            return marker(new Marker(x, true, Axis.LEFT, label, colour, true));
        }

        public Builder horizontal(double y, Axis axis, String label, int colour, boolean dashed) {
            return marker(new Marker(y, false, axis, label, colour, dashed));
        }

        /**
         * Describes the series or line added last (its tooltip: what it is and how to read it).
         *
         * @throws IllegalStateException before anything was added
         */
        public Builder note(String description) {
            if (lastWasMarker && !markers.isEmpty()) {
                markers.set(markers.size() - 1, markers.get(markers.size() - 1).describedAs(description));
            } else if (!series.isEmpty()) {
                series.set(series.size() - 1, series.get(series.size() - 1).describedAs(description));
            } else {
                throw new IllegalStateException("note() describes the series or line added last; none was added");
            }
            return this;
        }

        public FigureSpec build() {
            return new FigureSpec(title, xLabel, leftLabel, rightLabel, xDescending, xLog, series, markers);
        }
    }
}
