package org.expanderexplorer.core.pruning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expanderexplorer.TestMatrices.gaussian;

import java.util.ArrayList;
import java.util.List;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.spectral.LayerAnalysis;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ramanujan method (science.md, section 8): no reported q leaves a monitored gap &lt;= 0, the lowest reachable q
 * is reported and is where no block can lose its next edge, and where nothing is frozen it is magnitude pruning.
 * Gaps are recomputed here with the full {@link LayerAnalysis}, independently of the pruner's own evaluations.
 */
class RamanujanPruningTest {

    private static final double[] GRID = {100, 80, 64, 51.2, 40, 30, 25, 20, 16, 12, 9, 7, 5, 3, 2, 1};

    /** A small recurrent layer: W_ih 28 x 64 and W_hh 64 x 64 (RNN-like, whole matrices as blocks). */
    private static List<WeightMatrix> layer() {
        return List.of(gaussian(28, 64, 11), gaussian(64, 64, 12));
    }

    /** The blocks of the masks: each matrix, or each of its {@code gates} column blocks. */
    private static List<WeightMatrix> blocks(List<WeightMatrix> ms, List<PruningMask> masks, int gates) {
        List<WeightMatrix> out = new ArrayList<>();
        for (int m = 0; m < ms.size(); m++) {
            WeightMatrix pruned = masks.get(m).applyTo(ms.get(m));
            int w = pruned.cols() / gates;
            for (int b = 0; b < gates; b++) {
                out.add(pruned.columns(b * w, (b + 1) * w));
            }
        }
        return out;
    }

    private static Double gap(WeightMatrix block, MonitoredGap g) {
        LayerAnalysisResult r = new LayerAnalysis(LayerGraph.of(block, g.representation())).result();
        return switch (g) {
            case DELTA_R -> r.deltaR();
            case DELTA_S, WEIGHTED_DELTA_S -> r.deltaS();
            case WEIGHTED_GAP -> r.weightedGap();
        };
    }

    private static double keptPercent(List<PruningMask> masks) {
        long kept = 0;
        long total = 0;
        for (PruningMask m : masks) {
            kept += m.keptCount();
            total += (long) m.rows() * m.cols();
        }
        return 100.0 * kept / total;
    }

    @ParameterizedTest
    @EnumSource(value = MonitoredGap.class, names = {"DELTA_R", "DELTA_S", "WEIGHTED_DELTA_S"})
    void noReportedQLeavesAMonitoredGapAtOrBelowZero(MonitoredGap g) {
        List<WeightMatrix> ms = layer();
        Pruner p = new Pruner(ms, null, PruningMethod.RAMANUJAN, 1, 1, 1, g);
        double lowest = p.lowestReachablePercent();
        assertThat(lowest).isBetween(1.0, 100.0);
        for (double q : GRID) {
            List<PruningMask> masks = p.prune(q);
            for (WeightMatrix b : blocks(ms, masks, 1)) {
                assertThat(gap(b, g)).as("%s at q = %s", g, q).isNotNull().isPositive();
            }
            double actual = keptPercent(masks);
            if (p.belowReach(q)) {
                assertThat(actual).as("below reach at q = %s", q).isCloseTo(lowest, org.assertj.core.data.Offset
                        .offset(1e-9));
                assertThat(q).isLessThan(lowest);
            } else {
                // exactly magnitude's total at q
                long expected = 0;
                for (WeightMatrix m : ms) {
                    expected += Pruner.keepCount(q, (long) m.rows() * m.cols());
                }
                assertThat(masks.stream().mapToLong(PruningMask::keptCount).sum()).isEqualTo(expected);
            }
        }
    }

    @Test
    void theLowestReachableQIsWhereNoBlockCanLoseItsNextEdge() {
        List<WeightMatrix> ms = layer();
        Pruner p = new Pruner(ms, null, PruningMethod.RAMANUJAN, 1, 1, 1, MonitoredGap.DELTA_R);
        List<GapFloor.Floor> floors = p.floors();
        long kept = 0;
        for (int i = 0; i < ms.size(); i++) {
            WeightMatrix w = ms.get(i);
            GapFloor.Floor f = floors.get(i);
            kept += f.count();
            int[] order = Pruner.magnitudeOrder(w);
            // at the floor: positive; one edge fewer in magnitude order: not positive
            assertThat(gap(firstByMagnitude(w, order, f.count()), MonitoredGap.DELTA_R)).isPositive();
            Double next = gap(firstByMagnitude(w, order, f.count() - 1), MonitoredGap.DELTA_R);
            assertThat(next == null || next <= 0).as("gap without the next edge: %s", next).isTrue();
        }
        double lowest = 100.0 * kept / (28 * 64 + 64 * 64);
        assertThat(p.lowestReachablePercent()).isEqualTo(lowest);
        // asked for less, every block keeps its floor
        List<PruningMask> masks = p.prune(1);
        assertThat(p.belowReach(1)).isTrue();
        for (int i = 0; i < ms.size(); i++) {
            assertThat(masks.get(i).keptCount()).isEqualTo(floors.get(i).count());
        }
        // a random 28 x 64 pattern crosses zero between 10 % and 40 % (science.md sanity range, smaller layer)
        double ihFloor = 100.0 * floors.get(0).count() / (28 * 64);
        assertThat(ihFloor).isBetween(10.0, 40.0);
    }

    private static WeightMatrix firstByMagnitude(WeightMatrix w, int[] order, int k) {
        boolean[] keep = new boolean[w.rows() * w.cols()];
        for (int i = 0; i < k; i++) {
            keep[order[i]] = true;
        }
        return w.masked(keep);
    }

    @Test
    void isMagnitudePruningWhereNoBlockIsFrozen() {
        List<WeightMatrix> ms = layer();
        Pruner r = new Pruner(ms, null, PruningMethod.RAMANUJAN, 1, 1, 1, MonitoredGap.DELTA_R);
        Pruner m = new Pruner(ms, PruningMethod.MAGNITUDE, 1);
        double lowestBlockFloor = 0;
        for (int i = 0; i < ms.size(); i++) {
            lowestBlockFloor = Math.max(lowestBlockFloor, 100.0 * r.floors().get(i).count()
                    / (ms.get(i).rows() * ms.get(i).cols()));
        }
        for (double q : GRID) {
            if (q > lowestBlockFloor + 1) {
                assertThat(r.prune(q)).as("q = %s", q).isEqualTo(m.prune(q));
            }
        }
    }

    @Test
    void prunesTheStillRamanujanBlocksHarder() {
        List<WeightMatrix> ms = layer();
        Pruner p = new Pruner(ms, null, PruningMethod.RAMANUJAN, 1, 1, 1, MonitoredGap.DELTA_R);
        List<GapFloor.Floor> f = p.floors();
        double ihFloor = 100.0 * f.get(0).count() / (28 * 64);
        double hhFloor = 100.0 * f.get(1).count() / (64 * 64);
        // between the lowest reachable q and the larger block floor, one block is frozen and the other pays
        double frozen = Math.max(ihFloor, hhFloor);
        double q = (p.lowestReachablePercent() + frozen) / 2;
        List<PruningMask> masks = p.prune(q);
        int frozenBlock = ihFloor > hhFloor ? 0 : 1;
        assertThat(masks.get(frozenBlock).keptCount()).isEqualTo(f.get(frozenBlock).count());
        assertThat(masks.get(1 - frozenBlock).keptPercent()).isLessThan(q);
        assertThat(masks.get(1 - frozenBlock).keptCount()).isGreaterThanOrEqualTo(f.get(1 - frozenBlock).count());
    }

    @Test
    void perGateEveryGateSliceKeepsItsGap() {
        // an LSTM-like layer: 4 gate blocks of 24 columns
        List<WeightMatrix> ms = List.of(gaussian(16, 96, 21), gaussian(24, 96, 22));
        Pruner p = new Pruner(ms, null, PruningMethod.RAMANUJAN, 1, 1, 4, MonitoredGap.DELTA_R);
        assertThat(p.floors()).hasSize(8);
        for (double q : GRID) {
            for (WeightMatrix b : blocks(ms, p.prune(q), 4)) {
                assertThat(gap(b, MonitoredGap.DELTA_R)).as("q = %s", q).isNotNull().isPositive();
            }
        }
    }

    @Test
    void withinAnEarlierMaskTheFloorsStartFromWhatRemains() {
        List<WeightMatrix> ms = layer();
        List<PruningMask> first = new Pruner(ms, null, PruningMethod.RAMANUJAN, 1, 1, 1, MonitoredGap.DELTA_R)
                .prune(50);
        Pruner second = new Pruner(ms, first, PruningMethod.RAMANUJAN, 1, 1, 1, MonitoredGap.DELTA_R);
        List<PruningMask> masks = second.prune(20);
        for (int i = 0; i < ms.size(); i++) {
            assertThat(second.floors().get(i).candidates()).isEqualTo(first.get(i).keptCount());
            // nested: nothing comes back
            assertThat(masks.get(i).and(first.get(i))).isEqualTo(masks.get(i));
        }
        for (WeightMatrix b : blocks(ms, masks, 1)) {
            assertThat(gap(b, MonitoredGap.DELTA_R)).isPositive();
        }
    }

    @Test
    void aBlockThatIsNotRamanujanAtTheStartIsLeftAlone() {
        // two disjoint stars of 2 edges: d_L = 2, d_R = 1, mu_0 = mu_hat = sqrt(2), so Delta_R = 1 - sqrt(2) < 0
        double[] d = new double[4 * 4];
        d[0] = 1;
        d[1] = 2;
        d[2 * 4 + 2] = 3;
        d[2 * 4 + 3] = 4;
        WeightMatrix w = new WeightMatrix(4, 4, d);
        assertThat(gap(w, MonitoredGap.DELTA_R)).isNotPositive();
        Pruner p = new Pruner(List.of(w), List.of(PruningMask.nonZerosOf(w)), PruningMethod.RAMANUJAN, 1, 1, 1,
                MonitoredGap.DELTA_R);
        GapFloor.Floor f = p.floors().get(0);
        assertThat(f.positiveAtStart()).isFalse();
        assertThat(f.count()).isEqualTo(4);
        assertThat(p.prune(10).get(0).keptCount()).isEqualTo(4);
    }
}
