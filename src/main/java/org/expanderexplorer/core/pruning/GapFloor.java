package org.expanderexplorer.core.pruning;

import java.util.Objects;
import org.expanderexplorer.core.graph.WeightMatrix;

/**
 * How far one matrix (or gate slice) can be pruned by magnitude while a {@link MonitoredGap} stays positive: the
 * per-block step of {@link PruningMethod#RAMANUJAN} (science.md, section 8; decision 0023).
 *
 * <p>The block's candidate entries are ranked by |w| (largest first); keeping the first k of them is the block's
 * magnitude pattern at k. Starting from all candidates, the descent prunes in rounds of 5 % of what remains
 * (k -&gt; floor(0.95 k)), as iterative magnitude pruning does, and stops at the first round whose pattern's gap is
 * not positive; bisection between that round and the one before then finds, to one edge, a count k* whose gap is
 * positive while k* - 1 (the next edge in magnitude order removed) gives a gap &lt;= 0. k* is the block's floor: it
 * is never pruned below it. If the gap is not positive even with all candidates, the floor is the candidate count
 * (the block is not pruned at all).
 *
 * <p>Limits: the gap of nested magnitude patterns is not monotone in k edge by edge, so inside the last round some
 * count between k* and the previous round might have a gap &lt;= 0 (the 5 % rounds before it were all checked); the
 * promise is about k* itself. Cost: about log(c / k*) / log(1 / 0.95) + log2(0.05 c) gap evaluations for c
 * candidates, each one {@link WeightMatrix#masked} copy and one singular-value computation (the Gram path of
 * decision 0006, or the exact SVD for rank-deficient patterns): for the 128 x 512 stacked recurrent matrix of an
 * LSTM about 50 evaluations of a few milliseconds each.
 */
public final class GapFloor {

    /** Fraction of the remaining candidates kept per descent round. */
    static final double ROUND = 0.95;

    /**
     * The floor of one block.
     *
     * @param count           k*, the fewest kept entries with a positive gap (the candidate count when the gap
     *                        was not positive at the start; 0 for a block without candidates)
     * @param candidates      the block's candidate entries (kept before this pruning)
     * @param positiveAtStart whether the gap was positive with every candidate kept
     * @param gapAtFloor      the monitored gap at k* (null where undefined)
     * @param evaluations     gap evaluations used
     */
    public record Floor(int count, int candidates, boolean positiveAtStart, Double gapAtFloor, int evaluations) {
    }

    private final WeightMatrix block;
    private final int[] ranked;
    private final MonitoredGap gap;
    private int evaluations;

    /**
     * @param block     the block's weights; not modified
     * @param candidate row-major flags of its candidate entries; not modified
     * @param order     every entry index by |w| descending (ties by index)
     * @param gap       the gap to keep positive
     */
    GapFloor(WeightMatrix block, boolean[] candidate, int[] order, MonitoredGap gap) {
        this.block = Objects.requireNonNull(block, "block");
        this.gap = Objects.requireNonNull(gap, "gap");
        int c = 0;
        for (int idx : order) {
            c += candidate[idx] ? 1 : 0;
        }
        this.ranked = new int[c];
        int k = 0;
        for (int idx : order) {
            if (candidate[idx]) {
                ranked[k++] = idx;
            }
        }
    }

    Floor compute() {
        int c = ranked.length;
        if (c == 0) {
            return new Floor(0, 0, false, null, 0);
        }
        Double atStart = gapAt(c);
        if (!MonitoredGap.positive(atStart)) {
            return new Floor(c, c, false, atStart, evaluations);
        }
        int good = c;
        Double goodGap = atStart;
        while (good > 1) {
            int next = Math.max(1, Math.min(good - 1, (int) Math.floor(good * ROUND)));
            Double g = gapAt(next);
            if (MonitoredGap.positive(g)) {
                good = next;
                goodGap = g;
                continue;
            }
            int bad = next;
            while (good - bad > 1) {
                int mid = (good + bad) >>> 1;
                Double m = gapAt(mid);
                if (MonitoredGap.positive(m)) {
                    good = mid;
                    goodGap = m;
                } else {
                    bad = mid;
                }
            }
            break;
        }
        return new Floor(good, c, true, goodGap, evaluations);
    }

    /** The monitored gap with the first {@code k} ranked candidates kept. */
    Double gapAt(int k) {
        boolean[] keep = new boolean[block.rows() * block.cols()];
        for (int i = 0; i < k; i++) {
            keep[ranked[i]] = true;
        }
        evaluations++;
        return gap.of(block.masked(keep));
    }
}
