package org.expanderexplorer.core.pruning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.expanderexplorer.TestMatrices.gaussian;

import java.util.List;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrunerTest {

    @Test
    void magnitudeOrderIsByExactMagnitudeThenIndex() {
        java.util.Random r = new java.util.Random(5);
        double[] d = new double[40 * 50];
        for (int i = 0; i < d.length; i++) {
            switch (r.nextInt(6)) {
                case 0 -> d[i] = 0; // exact ties
                case 1 -> d[i] = r.nextBoolean() ? 0.5 : -0.5; // ties of opposite sign
                case 2 -> d[i] = 1 + r.nextInt(4) * 1e-12; // distinct doubles that round to the same float
                case 3 -> d[i] = -(1 + r.nextInt(4) * 1e-12);
                default -> d[i] = r.nextGaussian();
            }
        }
        int[] order = Pruner.magnitudeOrder(new WeightMatrix(40, 50, d));
        // reference: a comparator sort written out independently
        Integer[] expected = new Integer[d.length];
        for (int i = 0; i < d.length; i++) {
            expected[i] = i;
        }
        java.util.Arrays.sort(expected, (a, b) -> Math.abs(d[a]) != Math.abs(d[b])
                ? (Math.abs(d[a]) > Math.abs(d[b]) ? -1 : 1) : a - b);
        assertThat(order).containsExactly(java.util.Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
    }

    @Test
    void thePercentKeepingAnExportsCountsPrunesItToItself() {
        // an LSTM-32 over 8 inputs exported at q = 31.03 %: W_ih keeps 318 of 1,024, W_hh 1,271 of 4,096
        long[] sizes = {1024, 4096};
        long[] kept = {318, 1271};
        double q = Pruner.percentKeeping(sizes, kept);
        // 31.0 (the share, 31.035 %, to 0.1) would keep 317 of W_ih; no multiple of 0.1 keeps both counts, and of
        // the multiples of 0.01 that do (31.02 .. 31.04) the one nearest the share
        assertThat(Pruner.keepCount(31.0, 1024)).isEqualTo(317);
        assertThat(q).isEqualTo(31.04);
        assertThat(Pruner.keepCount(q, 1024)).isEqualTo(318);
        assertThat(Pruner.keepCount(q, 4096)).isEqualTo(1271);
        // and magnitude pruning of matrices holding that many non-zeros keeps exactly those
        WeightMatrix w = gaussian(8, 128, 3);
        double[] holds = new double[8 * 128];
        PruningMask exported = new Pruner(List.of(w), PruningMethod.MAGNITUDE, 0).prune(31.03).get(0);
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 128; c++) {
                holds[r * 128 + c] = exported.isKept(r, c) ? w.get(r, c) : 0;
            }
        }
        WeightMatrix reopened = new WeightMatrix(8, 128, holds);
        double back = Pruner.percentKeeping(new long[] {1024}, new long[] {reopened.nonZeros()});
        assertThat(new Pruner(List.of(reopened), PruningMethod.MAGNITUDE, 0).prune(back).get(0).keptCount())
                .isEqualTo(reopened.nonZeros());
        // a multiple of 0.1 when one fits; none when the matrices were pruned to different percentages
        assertThat(Pruner.percentKeeping(new long[] {1000, 4000}, new long[] {250, 1000})).isEqualTo(25.0);
        // digits8's RNN-12 at q = 30: 29 of 96 and 43 of 144; 29.7 .. 30.2 keep both, 30.0 is the share
        assertThat(Pruner.percentKeeping(new long[] {96, 144}, new long[] {29, 43})).isEqualTo(30.0);
        assertThat(Pruner.percentKeeping(new long[] {1024, 4096}, new long[] {100, 4000})).isNaN();
        assertThat(Pruner.percentKeeping(new long[] {1024}, new long[] {0})).isNaN();
        assertThatThrownBy(() -> Pruner.percentKeeping(new long[] {1}, new long[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(doubles = {100, 80, 64, 51.2, 20, 5, 1})
    void magnitudeKeepsExactlyTheLargest(double q) {
        WeightMatrix w = gaussian(28, 128, 1);
        PruningMask mask = new Pruner(List.of(w), PruningMethod.MAGNITUDE, 0).prune(q).get(0);
        assertThat(mask.keptCount()).isEqualTo((int) Math.max(1, Math.round(q * 28 * 128 / 100)));
        assertKeptOutweighPruned(w, mask, 0, 128);
    }

    @Test
    void globalMagnitudeSharesOneThreshold() {
        WeightMatrix small = new WeightMatrix(10, 10, scaled(gaussian(10, 10, 2), 0.1));
        WeightMatrix big = gaussian(10, 10, 3);
        List<PruningMask> masks = new Pruner(List.of(small, big), PruningMethod.GLOBAL_MAGNITUDE, 0).prune(25);
        assertThat(masks.get(0).keptCount() + masks.get(1).keptCount()).isEqualTo(50);
        // the small-weight matrix loses (nearly) everything under a global threshold
        assertThat(masks.get(0).keptCount()).isLessThan(masks.get(1).keptCount());
        double minKept = Double.POSITIVE_INFINITY;
        double maxPruned = 0;
        WeightMatrix[] ws = {small, big};
        for (int m = 0; m < 2; m++) {
            for (int i = 0; i < 10; i++) {
                for (int j = 0; j < 10; j++) {
                    double a = Math.abs(ws[m].get(i, j));
                    if (masks.get(m).isKept(i, j)) {
                        minKept = Math.min(minKept, a);
                    } else {
                        maxPruned = Math.max(maxPruned, a);
                    }
                }
            }
        }
        assertThat(minKept).isGreaterThanOrEqualTo(maxPruned);
    }

    private static double[] scaled(WeightMatrix w, double f) {
        double[] d = w.toRowMajor();
        for (int i = 0; i < d.length; i++) {
            d[i] *= f;
        }
        return d;
    }

    @Test
    void randomIsSeededExactAndNested() {
        WeightMatrix w = gaussian(20, 30, 4);
        Pruner a = new Pruner(List.of(w), PruningMethod.RANDOM, 42);
        Pruner b = new Pruner(List.of(w), PruningMethod.RANDOM, 42);
        Pruner c = new Pruner(List.of(w), PruningMethod.RANDOM, 43);
        PruningMask at50 = a.prune(50).get(0);
        assertThat(at50.keptCount()).isEqualTo(300);
        assertThat(b.prune(50).get(0)).isEqualTo(at50);
        assertThat(c.prune(50).get(0)).isNotEqualTo(at50);
        PruningMask at20 = a.prune(20).get(0);
        assertThat(at20.and(at50)).isEqualTo(at20);
    }

    @Test
    void topKGivesEveryColumnExactlyK() {
        WeightMatrix w = gaussian(28, 64, 5);
        PruningMask mask = new Pruner(List.of(w), PruningMethod.TOP_K_PER_VERTEX, 0).prune(25).get(0);
        assertThat(mask.colCounts()).containsOnly(7);
        assertThat(mask.keptCount()).isEqualTo(7 * 64);
        // each column keeps its own largest |w|
        for (int j = 0; j < 64; j++) {
            assertKeptOutweighPruned(w, mask, j, j + 1);
        }
    }

    @Test
    void expansionPreservingNeverIsolatesAVertex() {
        WeightMatrix w = gaussian(28, 128, 6);
        for (double q : new double[] {50, 10, 2, 0.5}) {
            PruningMask mask = new Pruner(List.of(w), null, PruningMethod.EXPANSION_PRESERVING, 0, 2, 1)
                    .prune(q).get(0);
            assertThat(java.util.Arrays.stream(mask.rowCounts()).min().getAsInt()).isGreaterThanOrEqualTo(2);
            assertThat(java.util.Arrays.stream(mask.colCounts()).min().getAsInt()).isGreaterThanOrEqualTo(2);
            assertThat(mask.keptCount()).isGreaterThanOrEqualTo(Pruner.keepCount(q, 28 * 128));
        }
        // where the budget allows, the count is exact
        PruningMask half = new Pruner(List.of(w), null, PruningMethod.EXPANSION_PRESERVING, 0, 1, 1)
                .prune(50).get(0);
        assertThat(half.keptCount()).isEqualTo(28 * 64);
        // plain magnitude at the same low q does isolate vertices on this matrix
        PruningMask plain = new Pruner(List.of(w), PruningMethod.MAGNITUDE, 0).prune(2).get(0);
        assertThat(plain.colCounts()).contains(0);
    }

    @ParameterizedTest
    @EnumSource(value = PruningMethod.class, names = {"MAGNITUDE", "RANDOM", "EXPANSION_PRESERVING"})
    void perGateBlocksKeepTheSameCountEach(PruningMethod method) {
        WeightMatrix w = gaussian(16, 4 * 8, 7);
        PruningMask mask = new Pruner(List.of(w), null, method, 1, 1, 4).prune(50).get(0);
        for (int g = 0; g < 4; g++) {
            int kept = 0;
            for (int i = 0; i < 16; i++) {
                for (int j = g * 8; j < (g + 1) * 8; j++) {
                    kept += mask.isKept(i, j) ? 1 : 0;
                }
            }
            assertThat(kept).as("gate block %d", g).isEqualTo(64);
        }
    }

    @Test
    void iterativeRoundsPruneWithinThePreviousMask() {
        WeightMatrix w = gaussian(12, 12, 8);
        List<PruningMask> prev = new Pruner(List.of(w), PruningMethod.RANDOM, 3).prune(60);
        PruningMask next = new Pruner(List.of(w), prev, PruningMethod.MAGNITUDE, 0, 1, 1).prune(30).get(0);
        assertThat(next.keptCount()).isEqualTo(Math.round(0.3 * 144));
        assertThat(next.and(prev.get(0))).isEqualTo(next);
    }

    @Test
    void impossibleSparsityIsRefusedClearly() {
        Pruner p = new Pruner(List.of(gaussian(3, 3, 9)), PruningMethod.MAGNITUDE, 0);
        assertThatThrownBy(() -> p.prune(0)).isInstanceOf(BadInputException.class).hasMessageContaining("(0, 100]");
        assertThatThrownBy(() -> p.prune(120)).isInstanceOf(BadInputException.class).hasMessageContaining("120");
        assertThatThrownBy(() -> p.prune(Double.NaN)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> new Pruner(List.of(gaussian(3, 5, 1)), null, PruningMethod.MAGNITUDE, 0, 1, 4))
                .isInstanceOf(BadInputException.class).hasMessageContaining("5 columns");
    }

    @Test
    void geometricScheduleRemovesTwentyPercentOfWhatRemains() {
        PruningSchedule s = PruningSchedule.geometric(0.8, 10, true);
        assertThat(s.keepPercents().subList(0, 4)).containsExactly(100.0, 80.0, 64.0, 51.2);
        assertThat(s.keepPercents().get(s.keepPercents().size() - 1)).isBetween(10.0, 12.5);
        assertThat(PruningSchedule.oneShot(List.of(10.0, 100.0, 50.0)).keepPercents()).containsExactly(100.0, 50.0, 10.0);
        assertThatThrownBy(() -> PruningSchedule.geometric(1.2, 10, false)).isInstanceOf(BadInputException.class);
    }

    @ParameterizedTest
    @EnumSource(PruningMethod.class)
    void everyMethodIsDeterministicForItsSeed(PruningMethod method) {
        List<WeightMatrix> ws = List.of(gaussian(12, 20, 10), gaussian(20, 20, 11));
        for (double q : new double[] {70, 30, 5}) {
            List<PruningMask> a = new Pruner(ws, null, method, 5, 2, 1).prune(q);
            List<PruningMask> b = new Pruner(ws, null, method, 5, 2, 1).prune(q);
            assertThat(a).isEqualTo(b);
        }
    }

    @ParameterizedTest
    @EnumSource(value = PruningMethod.class, names = {"MAGNITUDE", "RANDOM", "GLOBAL_MAGNITUDE"})
    void theKeptCountIsRoundQTimesNPerMatrixOrOverall(PruningMethod method) {
        WeightMatrix a = gaussian(28, 64, 12);
        WeightMatrix b = gaussian(64, 64, 13);
        for (double q : new double[] {100, 64, 33.3, 10, 0.01}) {
            List<PruningMask> m = new Pruner(List.of(a, b), method, 9).prune(q);
            if (method == PruningMethod.GLOBAL_MAGNITUDE) {
                assertThat(m.get(0).keptCount() + m.get(1).keptCount())
                        .isEqualTo(Math.max(1, Math.round(q * (28 * 64 + 64 * 64) / 100)));
            } else {
                assertThat(m.get(0).keptCount()).isEqualTo(Math.max(1, Math.round(q * 28 * 64 / 100)));
                assertThat(m.get(1).keptCount()).isEqualTo(Math.max(1, Math.round(q * 64 * 64 / 100)));
            }
        }
    }

    @Test
    void topKWithinItsOwnEarlierMaskStillGivesEveryColumnExactlyK() {
        WeightMatrix w = gaussian(28, 40, 14);
        List<PruningMask> at50 = new Pruner(List.of(w), PruningMethod.TOP_K_PER_VERTEX, 0).prune(50);
        PruningMask at25 = new Pruner(List.of(w), at50, PruningMethod.TOP_K_PER_VERTEX, 0, 1, 1).prune(25).get(0);
        assertThat(at25.colCounts()).containsOnly(7);
        assertThat(at25.and(at50.get(0))).isEqualTo(at25);
        // nested: top-k within the top-14 is the plain top-7
        assertThat(at25).isEqualTo(new Pruner(List.of(w), PruningMethod.TOP_K_PER_VERTEX, 0).prune(25).get(0));
    }

    @Test
    void expansionPreservingGivesEachVertexMinDegreeOrAllItsRemainingEdges() {
        WeightMatrix w = gaussian(10, 12, 15);
        boolean[] keep = new boolean[10 * 12];
        java.util.Arrays.fill(keep, true);
        // row 0 has a single candidate left, row 1 none: the guarantee is "min(d_min, candidates)"
        for (int j = 0; j < 12; j++) {
            keep[j] = j == 3;
            keep[12 + j] = false;
        }
        PruningMask current = new PruningMask(10, 12, keep);
        PruningMask m = new Pruner(List.of(w), List.of(current), PruningMethod.EXPANSION_PRESERVING, 0, 3, 1)
                .prune(5).get(0);
        int[] rows = m.rowCounts();
        assertThat(rows[0]).isEqualTo(1);
        assertThat(rows[1]).isZero();
        for (int i = 2; i < 10; i++) {
            assertThat(rows[i]).as("row %d", i).isGreaterThanOrEqualTo(3);
        }
        assertThat(java.util.Arrays.stream(m.colCounts()).min().getAsInt()).isGreaterThanOrEqualTo(3);
        assertThat(m.and(current)).isEqualTo(m);
    }

    /** Within columns {@code from .. to-1} (all rows), no pruned |w| is larger than a kept one. */
    private static void assertKeptOutweighPruned(WeightMatrix w, PruningMask mask, int from, int to) {
        double minKept = Double.POSITIVE_INFINITY;
        double maxPruned = 0;
        for (int i = 0; i < w.rows(); i++) {
            for (int j = from; j < to; j++) {
                double a = Math.abs(w.get(i, j));
                if (mask.isKept(i, j)) {
                    minKept = Math.min(minKept, a);
                } else {
                    maxPruned = Math.max(maxPruned, a);
                }
            }
        }
        assertThat(minKept).as("columns %d to %d", from, to - 1).isGreaterThanOrEqualTo(maxPruned);
    }
}
