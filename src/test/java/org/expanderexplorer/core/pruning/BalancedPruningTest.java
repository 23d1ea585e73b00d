package org.expanderexplorer.core.pruning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expanderexplorer.TestMatrices.gaussian;

import java.util.List;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The balanced method keeps its budgets: near-biregular degrees and exactly k entries (science.md, section 8). */
class BalancedPruningTest {

    /** Every row keeps floor(k / rows) or ceil(k / rows) entries and every column floor(k / cols) or ceil(k / cols). */
    private static void assertNearBiregular(PruningMask m, int k) {
        int rows = m.rows();
        int cols = m.cols();
        assertThat(m.keptCount()).isEqualTo(k);
        for (int d : m.rowCounts()) {
            assertThat(d).isBetween(k / rows, (k + rows - 1) / rows);
        }
        for (int d : m.colCounts()) {
            assertThat(d).isBetween(k / cols, (k + cols - 1) / cols);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {100, 80, 51.2, 33.3, 20, 10, 5, 2, 1})
    void keepsItsBudgetsOnADenseMatrix(double q) {
        WeightMatrix w = gaussian(28, 128, 3);
        PruningMask m = new Pruner(List.of(w), PruningMethod.BALANCED, 1).prune(q).get(0);
        assertNearBiregular(m, Pruner.keepCount(q, 28 * 128));
    }

    @ParameterizedTest
    @ValueSource(doubles = {64, 25, 7})
    void keepsItsBudgetsPerGate(double q) {
        WeightMatrix w = gaussian(20, 4 * 30, 4);
        PruningMask m = new Pruner(List.of(w), null, PruningMethod.BALANCED, 1, 1, 4).prune(q).get(0);
        boolean[] keep = m.toArray();
        for (int b = 0; b < 4; b++) {
            boolean[] block = new boolean[20 * 30];
            for (int r = 0; r < 20; r++) {
                System.arraycopy(keep, r * 120 + b * 30, block, r * 30, 30);
            }
            assertNearBiregular(new PruningMask(20, 30, block), Pruner.keepCount(q, 20 * 30));
        }
    }

    @Test
    void prefersLargeWeightsWithinTheBudgets() {
        // the magnitude pattern of this matrix is already 2-regular on both sides: balanced must keep exactly it
        double[] d = new double[6 * 6];
        java.util.Random r = new java.util.Random(9);
        for (int i = 0; i < d.length; i++) {
            d[i] = 0.01 * r.nextDouble();
        }
        for (int i = 0; i < 6; i++) {
            d[i * 6 + i] = 5 + i;
            d[i * 6 + (i + 1) % 6] = 7 + i;
        }
        WeightMatrix w = new WeightMatrix(6, 6, d);
        PruningMask balanced = new Pruner(List.of(w), PruningMethod.BALANCED, 1).prune(100.0 * 12 / 36).get(0);
        PruningMask magnitude = new Pruner(List.of(w), PruningMethod.MAGNITUDE, 1).prune(100.0 * 12 / 36).get(0);
        assertThat(balanced).isEqualTo(magnitude);
    }

    @Test
    void magnitudeIsNotBalancedButBalancedIs() {
        // a matrix whose first rows carry the large weights: magnitude concentrates there, balanced spreads out
        WeightMatrix base = gaussian(10, 40, 5);
        double[] d = base.toRowMajor();
        for (int i = 0; i < 3 * 40; i++) {
            d[i] *= 20;
        }
        WeightMatrix w = new WeightMatrix(10, 40, d);
        int k = Pruner.keepCount(25, 400);
        PruningMask magnitude = new Pruner(List.of(w), PruningMethod.MAGNITUDE, 1).prune(25).get(0);
        assertThat(magnitude.rowCounts()[0]).isGreaterThan((k + 9) / 10);
        assertNearBiregular(new Pruner(List.of(w), PruningMethod.BALANCED, 1).prune(25).get(0), k);
    }

    @Test
    void augmentingPathsFillWhatTheGreedyPassLeaves() {
        // 2 x 2 with k = 2: greedy takes the largest (0,0), then (1,1) must be taken although (0,1) and (1,0)
        // are larger than it; with budgets 1 per row and column, the pattern is a perfect matching
        WeightMatrix w = WeightMatrix.of(new double[][] {{9, 8}, {7, 1}});
        PruningMask m = new Pruner(List.of(w), PruningMethod.BALANCED, 1).prune(50).get(0);
        assertNearBiregular(m, 2);
        // a case where greedy blocks itself: rows budgets 1, columns budgets 1; greedy takes (0,0) then nothing
        // else fits in row 1 except (1,1) which is not a candidate; the path (1,0)-(0,0)-(0,1) fixes it
        WeightMatrix v = WeightMatrix.of(new double[][] {{9, 1}, {8, 0}});
        BalancedSelection s = new BalancedSelection(2, 2, v.toRowMajor(), new boolean[] {true, true, true, false},
                Pruner.magnitudeOrder(v), 2);
        assertThat(s.kept()).containsExactly(false, true, true, false);
        assertThat(s.extraBudget()).isZero();
    }

    @Test
    void withinARestrictiveMaskTheBudgetsRiseAsLittleAsNeeded() {
        // candidates: row 0 complete, rows 1 and 2 only in column 0; k = 3 gives budgets of 1 everywhere, but rows
        // 1 and 2 can only use column 0: no pattern meets the budgets, so they rise by one
        boolean[] cand = {true, true, true, true, false, false, true, false, false};
        WeightMatrix w = gaussian(3, 3, 6);
        BalancedSelection s = new BalancedSelection(3, 3, w.toRowMajor(), cand, Pruner.magnitudeOrder(w), 3);
        assertThat(s.rowTargets()).containsExactly(1, 1, 1);
        assertThat(s.colTargets()).containsExactly(1, 1, 1);
        int kept = 0;
        for (boolean b : s.kept()) {
            kept += b ? 1 : 0;
        }
        assertThat(kept).isEqualTo(3);
        assertThat(s.extraBudget()).isEqualTo(1);
        PruningMask m = new PruningMask(3, 3, s.kept());
        for (int d : m.colCounts()) {
            assertThat(d).isLessThanOrEqualTo(2);
        }
    }
}
