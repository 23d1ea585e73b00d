package org.expanderexplorer.core.experiment;

import java.util.List;
import java.util.Objects;

/**
 * The spread of one quantity over seeds: how many seeds define it, their mean, sample standard deviation
 * (divisor n - 1; null for a single value), minimum and maximum. Undefined values (null, e.g. Delta_S where
 * mu_0 &lt; 1) are left out and counted out of {@code n}; with none defined every field but {@code n} is null.
 *
 * <p>Summed in the order given (the seeds' order), so the same values always give the same bits.
 *
 * @param n    values defined
 * @param mean their mean
 * @param sd   their sample standard deviation
 * @param min  the smallest
 * @param max  the largest
 */
public record Spread(int n, Double mean, Double sd, Double min, Double max) {

    /** The spread of {@code values} (not modified; nulls and non-finite values left out). */
    public static Spread of(List<Double> values) {
        Objects.requireNonNull(values, "values");
        int n = 0;
        double sum = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Double v : values) {
            if (v != null && Double.isFinite(v)) {
                n++;
                sum += v;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (n == 0) {
            return new Spread(0, null, null, null, null);
        }
        if (lo == hi) {
            // equal values (one-shot magnitude pruning of one model agrees over seeds): their sum divided by n can
            // miss the value by an ulp, which would print a spread of 1e-14 where there is none
            return new Spread(n, lo, n > 1 ? 0.0 : null, lo, hi);
        }
        double mean = sum / n;
        Double sd = null;
        if (n > 1) {
            double squares = 0;
            for (Double v : values) {
                if (v != null && Double.isFinite(v)) {
                    squares += (v - mean) * (v - mean);
                }
            }
            sd = Math.sqrt(squares / (n - 1));
        }
        return new Spread(n, mean, sd, lo, hi);
    }

    /** The mean, or NaN when undefined (for figures). */
    public double meanOrNaN() {
        return mean == null ? Double.NaN : mean;
    }
}
