package org.expanderexplorer.core.report;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;

/**
 * The axes of a figure: number axes with {@link Ticks} (plain labels in 1-2-5 steps), a {@link PlainLogAxis} for
 * logarithmic q, labels with real subscripts, and ranges that keep every dot whole and never zoom into noise.
 */
final class ChartAxes {

    /** A nearly flat axis still spans this fraction of its largest value, so its steps stay readable. */
    static final double MIN_RELATIVE_RANGE = 0.01;

    private ChartAxes() {
    }

    static ValueAxis domain(FigureSpec spec, FigureStyle style) {
        ValueAxis x;
        if (spec.xLog()) {
            x = new PlainLogAxis(spec.xLabel());
        } else {
            NumberAxis n = new PlainNumberAxis(spec.xLabel(), integerX(spec));
            n.setAutoRangeIncludesZero(false);
            double largest = largestX(spec);
            n.setAutoRangeMinimumSize(largest > 0 ? MIN_RELATIVE_RANGE * largest : 1);
            x = n;
        }
        x.setInverted(spec.xDescending());
        label(x, spec.xLabel(), style);
        return x;
    }

    static NumberAxis range(FigureSpec spec, FigureSpec.Axis which, String label, FigureStyle style) {
        boolean bars = spec.series().stream().anyMatch(s -> s.axis() == which
                && (s.look() == FigureSpec.Look.BARS || s.look() == FigureSpec.Look.STEMS));
        // counts (a histogram) step by whole numbers
        NumberAxis y = new PlainNumberAxis(label, bars && integerY(spec, which));
        // bars and stems grow from zero, so their axis must show it; a drawn zero line is there to be seen
        y.setAutoRangeIncludesZero(bars || zeroLine(spec, which));
        // not stuck at zero: a dot at y = 0 (mu_hat of a complete graph) would otherwise be cut in half by the axis
        y.setAutoRangeStickyZero(false);
        double largest = largestMagnitude(spec, which);
        y.setAutoRangeMinimumSize(largest > 0 ? MIN_RELATIVE_RANGE * largest : 1);
        label(y, label, style);
        return y;
    }

    /** Sets the label with real subscripts where the text has them. */
    private static void label(ValueAxis axis, String text, FigureStyle style) {
        RichText rich = RichText.of(text == null ? "" : text);
        if (rich.hasSubscript()) {
            axis.setAttributedLabel(rich.attributed(style.labelFont()));
        }
    }

    private static boolean integerY(FigureSpec spec, FigureSpec.Axis axis) {
        for (FigureSpec.Series s : spec.series()) {
            for (int i = 0; i < s.size(); i++) {
                if (s.axis() == axis && Double.isFinite(s.yAt(i)) && s.yAt(i) != Math.rint(s.yAt(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The largest |x| of the series and vertical lines (0 when there are none). */
    private static double largestX(FigureSpec spec) {
        double largest = 0;
        for (FigureSpec.Series s : spec.series()) {
            for (int i = 0; i < s.size(); i++) {
                largest = Math.max(largest, Math.abs(s.xAt(i)));
            }
        }
        for (FigureSpec.Marker m : spec.markers()) {
            if (m.vertical()) {
                largest = Math.max(largest, Math.abs(m.value()));
            }
        }
        return largest;
    }

    /** True when the spec draws a horizontal line at 0 on that axis. */
    static boolean zeroLine(FigureSpec spec, FigureSpec.Axis axis) {
        return spec.markers().stream().anyMatch(m -> !m.vertical() && m.value() == 0 && m.axis() == axis);
    }

    /** The largest |y| of the series and horizontal lines on one axis (0 when there are none). */
    private static double largestMagnitude(FigureSpec spec, FigureSpec.Axis axis) {
        double largest = 0;
        for (FigureSpec.Series s : spec.series()) {
            if (s.axis() != axis && spec.rightLabel() != null) {
                continue;
            }
            for (int i = 0; i < s.size(); i++) {
                if (Double.isFinite(s.yAt(i))) {
                    largest = Math.max(largest, Math.abs(s.yAt(i)));
                }
            }
        }
        for (FigureSpec.Marker m : spec.markers()) {
            if (!m.vertical() && (m.axis() == axis || spec.rightLabel() == null)) {
                largest = Math.max(largest, Math.abs(m.value()));
            }
        }
        return largest;
    }

    /**
     * True when the x values are whole numbers (indices, steps), or lie within 0.2 of one for bars (a histogram
     * draws its two sides' bars beside each whole degree): the axis then steps by whole numbers. Reference lines
     * may sit between (an average degree).
     */
    static boolean integerX(FigureSpec spec) {
        boolean any = false;
        for (FigureSpec.Series s : spec.series()) {
            boolean bars = s.look() == FigureSpec.Look.STEMS || s.look() == FigureSpec.Look.BARS;
            for (int i = 0; i < s.size(); i++) {
                if (Math.abs(s.xAt(i) - Math.rint(s.xAt(i))) > (bars ? 0.2 : 0)) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }
}
