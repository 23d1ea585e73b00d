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

    public PruningSchedule {
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
        List<Double> qs = new ArrayList<>();
        for (double q = 100.0; q >= minPercent - 1e-12; q *= ratio) {
            qs.add(q);
            if (qs.size() > 10_000) {
                break;
            }
        }
        return new PruningSchedule(qs, iterative);
    }
}
