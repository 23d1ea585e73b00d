package org.expanderexplorer.core.pruning;

import java.util.ArrayList;
import java.util.List;
import org.expanderexplorer.core.BadInputException;

/**
 * The sequence of q values (percent of dense edges kept) a pruning run visits, from 100 % down.
 *
 * @param keepPercents the q values, strictly decreasing, each in (0, 100]
 * @param iterative    true when each step prunes within the previous step's mask (and may fine-tune between)
 */
public record PruningSchedule(List<Double> keepPercents, boolean iterative) {

    /**
     * Most grid points of one run: a sweep measures every graph and the accuracy at each, so 1,000 points already
     * mean hours; a grid finer than that is a typo (a ratio of 0.999999), not a plan.
     */
    public static final int MAX_POINTS = 1000;

    public PruningSchedule {
        if (keepPercents.size() > MAX_POINTS) {
            throw new BadInputException("a grid of " + keepPercents.size() + " q values is more than the "
                    + MAX_POINTS + " a sweep allows");
        }
        keepPercents = List.copyOf(keepPercents);
        double prev = Double.POSITIVE_INFINITY;
        for (double q : keepPercents) {
            if (!(q > 0 && q <= 100)) {
                throw new BadInputException("every q must be in (0, 100], got " + q);
            }
            if (q >= prev) {
                throw new BadInputException("q values must decrease strictly, got " + q + " after " + prev);
            }
            prev = q;
        }
    }

    /** One-shot pruning at each of the given q values (each pruned from the dense model). */
    public static PruningSchedule oneShot(List<Double> keepPercents) {
        List<Double> sorted = new ArrayList<>(keepPercents);
        sorted.sort((a, b) -> Double.compare(b, a));
        return new PruningSchedule(sorted, false);
    }

    /**
     * Geometric grid 100, 100 r, 100 r^2, ... down to (and including the last value at or above) {@code minPercent}:
     * with r = 0.8 this is the "remove 20 % of what remains per round" schedule 100, 80, 64, 51.2, ...
     *
     * @param ratio      the fraction kept per round, in (0, 1)
     * @param minPercent the smallest q, in (0, 100]
     * @param iterative  whether rounds prune within the previous mask
     */
    public static PruningSchedule geometric(double ratio, double minPercent, boolean iterative) {
        if (!(ratio > 0 && ratio < 1)) {
            throw new BadInputException("the geometric ratio must be in (0, 1), got " + ratio);
        }
        if (!(minPercent > 0 && minPercent <= 100)) {
            throw new BadInputException("the smallest q must be in (0, 100], got " + minPercent);
        }
        // count first: a ratio near 1 or a tiny minimum would otherwise run for minutes before the grid is refused
        double points = Math.floor(Math.log(minPercent / 100) / Math.log(ratio) + 1e-9) + 1;
        if (points > MAX_POINTS) {
            throw new BadInputException(String.format(java.util.Locale.ROOT, "the geometric ratio %s down to q = %s "
                    + "gives %.0f grid points, more than the %d a sweep allows: use a smaller ratio or a larger --min",
                    ratio, minPercent, points, MAX_POINTS));
        }
        List<Double> qs = new ArrayList<>();
        // 100 r^k rounded to 12 significant digits, so that 0.8 gives 100, 80, 64, 51.2, 40.96 exactly instead of
        // the float noise of repeated products (24.009999999999998 for 0.7^4)
        for (int k = 0; k <= MAX_POINTS; k++) {
            double q = new java.math.BigDecimal(100.0 * Math.pow(ratio, k))
                    .round(new java.math.MathContext(12)).doubleValue();
            if (q < minPercent - 1e-12 || q <= 0) {
                break;
            }
            qs.add(q);
        }
        return new PruningSchedule(qs, iterative);
    }
}
