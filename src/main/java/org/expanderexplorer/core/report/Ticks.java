package org.expanderexplorer.core.report;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;

/**
 * Tick steps and tick labels for the figures' number axes, as a journal prints them: steps of 1, 2 or 5 times a
 * power of ten, every label of an axis with the same number of decimals (just enough to tell neighbours apart),
 * a real minus sign, and plain numbers from 0.00001 to 999,999.
 *
 * <p>Why not JFreeChart's default ({@code NumberTickUnitSource}): for steps below 0.0001 it switches to
 * {@code #.######E0}, so a nearly flat accuracy curve at 98.3 % was labelled "9.83E1" four times; and its
 * 2.5-steps with one decimal too few repeat labels. Here a label has {@code max(0, -k)} decimals for a step of
 * m 10^k, so two different ticks never print alike, and a tick within a millionth of a step of zero (floating
 * point residue of adding steps) prints as 0.
 */
final class Ticks implements TickUnitSource {

    private static final int[] MANTISSAS = {1, 2, 5};
    /** Exponents of the step beyond which labels switch to m×10ⁿ. */
    private static final int SMALLEST_PLAIN = -5;
    private static final double LARGEST_PLAIN = 1e6;

    private final boolean integers;

    /** @param integers whole-number steps only (indices, steps, degrees) */
    Ticks(boolean integers) {
        this.integers = integers;
    }

    @Override
    public TickUnit getLargerTickUnit(TickUnit unit) {
        TickUnit same = getCeilingTickUnit(unit.getSize());
        return same.getSize() > unit.getSize() * (1 + 1e-9) ? same : getCeilingTickUnit(unit.getSize() * 1.5);
    }

    @Override
    public TickUnit getCeilingTickUnit(TickUnit unit) {
        return getCeilingTickUnit(unit.getSize());
    }

    @Override
    public TickUnit getCeilingTickUnit(double size) {
        if (!(size > 0) || Double.isInfinite(size)) {
            return unit(1, 0);
        }
        int k = (int) Math.floor(Math.log10(size));
        for (int attempt = 0; attempt < 3; attempt++, k++) {
            for (int m : MANTISSAS) {
                double step = m * Math.pow(10, k);
                if (step >= size * (1 - 1e-9) && (!integers || step >= 1)) {
                    return unit(m, k);
                }
            }
        }
        return unit(1, k);
    }

    private static TickUnit unit(int m, int k) {
        return new NumberTickUnit(m * Math.pow(10, k), new Format(k), 0);
    }

    /** The label of {@code value} on an axis whose step is m 10^k (shared by the number and log axes). */
    static String label(double value, int k) {
        double step = Math.pow(10, k);
        double v = Math.abs(value) < step * 1e-6 ? 0 : value;
        double a = Math.abs(v);
        String text;
        if (a != 0 && (k < SMALLEST_PLAIN || a >= LARGEST_PLAIN)) {
            int e = (int) Math.floor(Math.log10(a));
            double mantissa = a / Math.pow(10, e);
            if (mantissa >= 9.9999995) {
                mantissa /= 10;
                e++;
            }
            int digits = Math.max(0, e - k);
            text = String.format(Locale.ROOT, "%." + Math.min(digits, 6) + "f×10%s", mantissa, superscript(e));
        } else {
            text = String.format(Locale.ROOT, a >= 10_000 ? "%,." + Math.max(0, -k) + "f" : "%." + Math.max(0, -k)
                    + "f", a);
        }
        return v < 0 ? "−" + text : text;
    }

    private static String superscript(int e) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder sb = new StringBuilder(e < 0 ? "⁻" : "");
        for (char c : Integer.toString(Math.abs(e)).toCharArray()) {
            sb.append(digits.charAt(c - '0'));
        }
        return sb.toString();
    }

    /** The tick label format of one step size. Formatting only; parsing is not supported. */
    static final class Format extends NumberFormat {
        private static final long serialVersionUID = 1L;
        private final int k;

        Format(int k) {
            this.k = k;
        }

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(label(number, k));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return format((double) number, toAppendTo, pos);
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            return null;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Format f && f.k == k;
        }

        @Override
        public int hashCode() {
            return k;
        }
    }
}
