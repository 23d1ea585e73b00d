package org.expanderexplorer.ui.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expanderexplorer.TestMatrices.gaussian;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.pruning.EdgeOrder;
import org.expanderexplorer.core.pruning.PruningMask;
import org.expanderexplorer.core.spectral.LayerAnalysis;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;
import org.expanderexplorer.ui.task.SameThreadExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ViewModel tier: the classroom's state, edits, undo and redo, step mode and cut sets, without a toolkit. */
class ClassroomViewModelTest {

    private final SameThreadExecutor executor = new SameThreadExecutor();
    private final ClassroomViewModel vm = new ClassroomViewModel(executor);
    private final LinkedViewsViewModel linked = new LinkedViewsViewModel(vm, executor);
    private final StepViewModel steps = new StepViewModel(vm);
    private final SnapshotsViewModel snapshots = new SnapshotsViewModel(vm);

    private static LayerAnalysisResult analyse(PruningMask mask, WeightMatrix dense, Representation rep) {
        return new LayerAnalysis(LayerGraph.of(mask.applyTo(dense), rep)).result();
    }

    /** The highlighted set's ratio equals the minimum over all sets, enumerated here independently. */
    private void assertHighlightIsOptimal(boolean weighted) {
        GraphState g = vm.stateProperty().get();
        boolean[] hl = linked.highlightProperty().get();
        assertThat(hl).isNotNull();
        CheegerBruteForce brute = new CheegerBruteForce(g.matrix(), weighted);
        long set = brute.setOf(hl);
        assertThat(Long.bitCount(set)).isBetween(1, brute.n / 2);
        assertThat(brute.ratio(set)).isCloseTo(brute.minimum(), within(1e-9));
        assertThat(g.shown(weighted).cheegerExact()).isCloseTo(brute.minimum(), within(1e-9));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void theHighlightedCutIsAnOptimalOneOnTeachingGraphs(int seed) {
        vm.open(GraphChoice.random(5, 6, 0.5, seed));
        assertHighlightIsOptimal(false);
        // and after a few random removals (a disconnected graph has h = 0: its smallest component)
        for (int k = 0; k < 6; k++) {
            steps.step();
            assertHighlightIsOptimal(false);
        }
    }

    @Test
    void theHighlightedCutIsOptimalOnTheHeawoodGraphAndInTheWeightedView() {
        vm.open(GraphChoice.heawood());
        assertHighlightIsOptimal(false);
        vm.show(new ClassroomSource("gaussian 4 x 5", "test", gaussian(4, 5, 9), null, null));
        vm.weightedProperty().set(true);
        assertHighlightIsOptimal(true);
        vm.toggleEdge(1, 2);
        vm.toggleEdge(3, 0);
        assertHighlightIsOptimal(true);
    }

    @Test
    void undoAndRedoRestoreIdenticalMasks() {
        vm.open(GraphChoice.heawood());
        List<PruningMask> masks = new ArrayList<>();
        masks.add(vm.maskProperty().get());
        steps.step();
        masks.add(vm.maskProperty().get());
        vm.toggleEdge(0, 0);
        masks.add(vm.maskProperty().get());
        vm.toggleEdge(0, 0); // restores it
        masks.add(vm.maskProperty().get());
        steps.step();
        masks.add(vm.maskProperty().get());
        vm.reset();
        masks.add(vm.maskProperty().get());
        assertThat(masks.get(3)).isEqualTo(masks.get(1));
        assertThat(masks.get(5)).isEqualTo(masks.get(0));
        assertThat(vm.stepProperty().get()).isEqualTo(5);
        for (int k = masks.size() - 2; k >= 0; k--) {
            assertThat(vm.undo()).isTrue();
            assertThat(vm.maskProperty().get()).isEqualTo(masks.get(k));
            assertThat(vm.stateProperty().get().mask()).isEqualTo(masks.get(k));
            assertThat(vm.stepProperty().get()).isEqualTo(k);
        }
        assertThat(vm.undo()).isFalse();
        for (int k = 1; k < masks.size(); k++) {
            assertThat(vm.redo()).isTrue();
            assertThat(vm.maskProperty().get()).isEqualTo(masks.get(k));
            assertThat(vm.stateProperty().get().unweighted())
                    .isEqualTo(analyse(masks.get(k), vm.sourceProperty().get().dense(), Representation.UNWEIGHTED));
        }
        assertThat(vm.redo()).isFalse();
        // a new action after undo drops the redo branch
        vm.undo();
        vm.toggleEdge(6, 6);
        assertThat(vm.canRedoProperty().get()).isFalse();
        assertThat(vm.traceProperty().get()).extracting(TracePoint::step)
                .containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void clickingADrawnEdgeRemovesAndRestoresIt() {
        vm.open(GraphChoice.complete(2, 3));
        var d = vm.stateProperty().get().drawing();
        // L1 is drawing vertex 1, R2 is vertex 2 + 2
        assertThat(vm.toggleDrawnEdge(new org.expanderexplorer.core.drawing.GraphDrawing.EdgeHit(1, 4, false, 0)))
                .isTrue();
        assertThat(vm.maskProperty().get().isKept(1, 2)).isFalse();
        assertThat(vm.stateProperty().get().drawing().ghostFrom()).containsExactly(1);
        assertThat(vm.toggleDrawnEdge(new org.expanderexplorer.core.drawing.GraphDrawing.EdgeHit(1, 4, true, 0)))
                .isTrue();
        assertThat(vm.maskProperty().get()).isEqualTo(vm.sourceProperty().get().fullMask());
        assertThat(d.vertexCount()).isEqualTo(5);
    }

    @Test
    void snapshotsCompareTheRightStates() {
        vm.open(GraphChoice.heawood());
        SnapshotsViewModel.Saved a = snapshots.save("");
        steps.step();
        steps.step();
        steps.step();
        SnapshotsViewModel.Saved b = snapshots.save("three removed");
        steps.step();
        assertThat(a.name()).isEqualTo("A");
        assertThat(b.step()).isEqualTo(3);
        var dense = vm.sourceProperty().get().dense();
        var c = snapshots.compare(a, b);
        assertThat(c.rows().get(1)).isEqualTo(new SnapshotsViewModel.Row("edges |E|", "21", "18"));
        LayerAnalysisResult ra = analyse(a.mask(), dense, Representation.UNWEIGHTED);
        LayerAnalysisResult rb = analyse(b.mask(), dense, Representation.UNWEIGHTED);
        assertThat(c.spectra().series().get(0).y()).containsExactly(values(ra));
        assertThat(c.spectra().series().get(1).y()).containsExactly(values(rb));
        assertThat(c.rows()).contains(new SnapshotsViewModel.Row("Δ_R", ClassroomViewModel.fmt(ra.deltaR()),
                ClassroomViewModel.fmt(rb.deltaR())));
        // restoring a snapshot is one more undoable step
        snapshots.restore(b);
        assertThat(vm.maskProperty().get()).isEqualTo(b.mask());
        assertThat(vm.stepProperty().get()).isEqualTo(5);
        vm.undo();
        assertThat(vm.stepProperty().get()).isEqualTo(4);
    }

    private static double[] values(LayerAnalysisResult r) {
        return r.singularValues().stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void playingRemovesSmallestWeightsFirstAndPausesWhenTheGraphStopsBeingRamanujan() {
        WeightMatrix w = gaussian(6, 8, 4);
        vm.show(new ClassroomSource("gaussian 6 x 8", "test", w, null, null));
        assertThat(steps.orderProperty().get()).isEqualTo(EdgeOrder.Kind.SMALLEST_MAGNITUDE);
        // independently: the masks along the magnitude order and the first step with Delta_R <= 0
        Integer[] order = new Integer[48];
        for (int i = 0; i < 48; i++) {
            order[i] = i;
        }
        double[] d = w.toRowMajor();
        java.util.Arrays.sort(order, (x, y) -> Double.compare(Math.abs(d[x]), Math.abs(d[y])));
        boolean[] keep = new boolean[48];
        java.util.Arrays.fill(keep, true);
        int expectedLoss = -1;
        for (int k = 1; k <= 48 && expectedLoss < 0; k++) {
            keep[order[k - 1]] = false;
            Double gap = analyse(new PruningMask(6, 8, keep), w, Representation.UNWEIGHTED).deltaR();
            if (gap == null || gap <= 0) {
                expectedLoss = k;
            }
        }
        assertThat(expectedLoss).isGreaterThan(1);
        steps.speedProperty().set(2);
        steps.playingProperty().set(true);
        long t = 0;
        for (int pulse = 0; pulse < 2000 && steps.playingProperty().get(); pulse++) {
            steps.tick(t);
            t += 100_000_000L; // 100 ms per pulse: a step every 5 pulses at 2 steps per second
        }
        assertThat(steps.playingProperty().get()).isFalse();
        assertThat(vm.stepProperty().get()).isEqualTo(expectedLoss);
        assertThat(vm.justLostProperty().get()).isTrue();
        assertThat(vm.lostAtProperty().get()).isEqualTo(expectedLoss);
        assertThat(vm.calloutProperty().get()).startsWith("Step " + expectedLoss + " (removed L")
                .contains("No longer Ramanujan");
        for (int k = 0; k < expectedLoss; k++) {
            assertThat(vm.maskProperty().get().isKept(order[k] / 8, order[k] % 8)).isFalse();
        }
        // every step was analysed and traced
        assertThat(vm.traceProperty().get()).hasSize(expectedLoss + 1);
        // one more step: still not Ramanujan, no longer "just lost"
        steps.step();
        assertThat(vm.justLostProperty().get()).isFalse();
        assertThat(vm.calloutProperty().get()).startsWith("Not Ramanujan since step " + expectedLoss);
        vm.undo();
        vm.undo();
        assertThat(vm.ramanujanProperty().get()).isTrue();
        assertThat(vm.calloutProperty().get()).startsWith("Ramanujan: Δ_R");
    }

    @Test
    void singularVectorsColourTheVertices() {
        vm.open(GraphChoice.complete(3, 4));
        linked.selectSingular(1);
        double[] v = linked.vertexValuesProperty().get();
        // u_1 = 1/sqrt(3) on the left, v_1 = 1/2 on the right, scaled by the largest magnitude
        for (int i = 0; i < 3; i++) {
            assertThat(v[i]).isCloseTo(1, within(1e-12));
        }
        for (int j = 3; j < 7; j++) {
            assertThat(v[j]).isCloseTo(Math.sqrt(3) / 2, within(1e-12));
        }
        linked.selectSingular(99);
        assertThat(linked.singularIndexProperty().get()).isEqualTo(3);
        linked.colouringProperty().set(LinkedViewsViewModel.Colouring.FIEDLER);
        double[] f = linked.vertexValuesProperty().get();
        List<Double> fiedler = vm.stateProperty().get().unweighted().fiedlerVector();
        double max = fiedler.stream().mapToDouble(Math::abs).max().orElseThrow();
        for (int c = 0; c < 7; c++) {
            assertThat(f[c]).isCloseTo(fiedler.get(c) / max, within(1e-12));
        }
    }
}
