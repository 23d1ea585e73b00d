package org.expanderexplorer.core.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The text form of numbers in the files the app reads and writes.
 *
 * <p>{@link #format(double)} gives a representation that parses back to exactly the same double, with as few
 * significant digits as possible: integers as plain integers ({@code 1}, {@code -3}), other values like
 * {@link Double#toString(double)}. Java 17's {@code Double.toString} always round-trips but sometimes prints
 * more digits than needed (e.g. {@code 1.9999999999999998E23} for {@code 2e23}; fixed only in Java 19, JDK-4511638),
 * so long outputs are shortened by rounding the exact decimal value to fewer significant digits for as long as it
 * still parses back to the same double.
 *
 * <p>{@link #parse(String)} is strict: only decimal numbers ({@code -1.5}, {@code 2}, {@code .5},
 * {@code 3e-4}) are accepted; Java's extras (hexadecimal floats, {@code d}/{@code f} suffixes) and the words
 * {@code NaN} and {@code Infinity} are refused, as are values too large for a double, because weights must be
 * finite to be analysed.
 */
public final class NumberText {

    private NumberText() {
    }

    /**
     * Shortest text that parses back (with {@link Double#parseDouble} or {@link #parse}) to exactly {@code v},
     * including the sign of zero. Cost: constant for integers and short values, a few {@link BigDecimal}
     * roundings for values that need 16 or more digits.
     *
     * @throws IllegalArgumentException if {@code v} is NaN or infinite
     */
    public static String format(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("cannot write " + v + ": only finite numbers are written");
        }
        // below 1e15 every integer-valued double is exact as a long, and its digits are the shortest form
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            long n = (long) v;
            // (long) -0.0 is 0: the raw bits tell -0.0 apart, so the sign of zero survives a round trip
            return n == 0 && Double.doubleToRawLongBits(v) != 0 ? "-0" : Long.toString(n);
        }
        String s = Double.toString(v);
        int digits = significantDigits(s);
        // Java 17's excess digits (JDK-4511638) appear in long outputs; shorter ones are kept as printed
        if (digits < 16) {
            return s;
        }
        // the exact binary value; rounding it to ever fewer digits finds the shortest decimal that still reads back as
        // v
        BigDecimal exact = new BigDecimal(v);
        BigDecimal best = null;
        for (int p = digits - 1; p >= 1; p--) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            // once p digits fail, fewer cannot succeed: every (p-1)-digit decimal is a p-digit one too, no closer
            if (r.doubleValue() != v) {
                break;
            }
            best = r;
        }
        return best == null ? s : javaStyle(best.stripTrailingZeros(), v);
    }

    /**
     * Parses a finite decimal number (surrounding white space must already be removed).
     *
     * @throws NumberFormatException with a message saying what is wrong, quoting the text, e.g.
     *                               {@code 'abc' is not a number} or {@code 'NaN' is not a finite number}
     */
    public static double parse(String text) {
        String t = text;
        boolean digit = false;
        // A first scan over the allowed characters: it refuses hexadecimal floats, "1d"/"1f" suffixes and words that
        // Double.parseDouble would accept, and tells NaN and infinities apart for the message.
        for (int k = 0; k < t.length(); k++) {
            char c = t.charAt(k);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '+' && c != '-' && c != '.' && c != 'e' && c != 'E') {
                digit = false;
                break;
            }
        }
        if (!digit) {
            String word = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
            if (word.equalsIgnoreCase("nan") || word.equalsIgnoreCase("inf") || word.equalsIgnoreCase("infinity")) {
                throw new NumberFormatException("'" + text + "' is not a finite number");
            }
            throw new NumberFormatException("'" + text + "' is not a number");
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("'" + text + "' is not a number");
        }
        // "1e400" parses to infinity without an error in Java, so overflow is checked here
        if (!Double.isFinite(v)) {
            throw new NumberFormatException("'" + text + "' is too large for a double");
        }
        return v;
    }

    /** Digits of a Double.toString mantissa without sign, point, leading or trailing zeros. */
    private static int significantDigits(String s) {
        int end = s.indexOf('E');
        String m = (end < 0 ? s : s.substring(0, end)).replace("-", "").replace(".", "");
        int a = 0;
        while (a < m.length() - 1 && m.charAt(a) == '0') {
            a++;
        }
        int b = m.length();
        while (b > a + 1 && m.charAt(b - 1) == '0') {
            b--;
        }
        return b - a;
    }

    /** Plain decimal in [1e-3, 1e7) like Double.toString, otherwise d.dddEn. */
    private static String javaStyle(BigDecimal r, double v) {
        double a = Math.abs(v);
        // the same thresholds at which Double.toString switches to computerised scientific notation
        if (a >= 1e-3 && a < 1e7) {
            return r.toPlainString();
        }
        String ds = r.unscaledValue().abs().toString();
        int exponent = ds.length() - 1 - r.scale();
        String mantissa = ds.length() == 1 ? ds + ".0" : ds.charAt(0) + "." + ds.substring(1);
        return (r.signum() < 0 ? "-" : "") + mantissa + "E" + exponent;
    }
}
