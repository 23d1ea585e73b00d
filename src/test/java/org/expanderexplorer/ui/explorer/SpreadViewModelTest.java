package org.expanderexplorer.ui.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expanderexplorer.TestDrawings.vertex;
import static org.expanderexplorer.TestMatrices.gaussian;

import java.util.List;
import org.expanderexplorer.core.drawing.GraphDrawing;
import org.expanderexplorer.core.drawing.MatrixView;
import org.expanderexplorer.core.drawing.SpreadOverlay;
import org.expanderexplorer.core.graph.Spread;
import org.expanderexplorer.core.graph.UnfoldedVertex;
import org.expanderexplorer.core.graph.UnfoldedVertex.Role;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.Subject;
import org.expanderexplorer.ui.task.SameThreadExecutor;
import org.junit.jupiter.api.Test;

/** The spread and matrix panels over the explorer's state, without a toolkit. */
class SpreadViewModelTest {

    private final ExplorerViewModel explorer = new ExplorerViewModel(new SameThreadExecutor());

    /** Opens {@code s} in the explorer with graph {@code g} selected, at q = {@code q} %. */
    private void show(Subject s, GraphId g, double q) {
        explorer.setSubject(s);
        explorer.graphProperty().set(g);
        explorer.keepPercentProperty().set(q);
    }


    @Test
    void aPickedSetSpreadsStepByStepAndFollowsTheSlider() {
        Subject s = Subject.ofLayer("rnn", gaussian(6, 20, 1), gaussian(20, 20, 2), null, null);
        explorer.setSubject(s);
        explorer.keepPercentProperty().set(15);
        explorer.windowProperty().set(4);
        SpreadViewModel vm = new SpreadViewModel(explorer, new SameThreadExecutor());
        assertThat(vm.rows()).isEmpty();
        GraphDrawing d = explorer.snapshotProperty().get().drawing();
        vm.select(new int[] {vertex(d, "x1[0]"), vertex(d, "x1[1]")}, false);
        assertThat(vm.setTextProperty().get()).isEqualTo("|S| = 2: x1[0] x1[1]");
        Spread spread = new Spread(explorer.snapshotProperty().get().state().ih(),
                explorer.snapshotProperty().get().state().hh(), List.of(new UnfoldedVertex(Role.X, 1, 0),
                new UnfoldedVertex(Role.X, 1, 1)), 4);
        Spread.Result expected = spread.result();
        assertThat(vm.rows()).extracting(SpreadViewModel.StepRow::count)
                .containsExactlyElementsOf(expected.steps().stream().map(Spread.Step::count).toList());
        assertThat(vm.stepShownProperty().get()).isZero();
        assertThat(vm.overlayProperty().get().edgeFrom()).isEmpty();
        assertThat(vm.step()).isTrue();
        assertThat(vm.overlayProperty().get().edgeFrom()).hasSize(
                spread.forwardNeighbours(new UnfoldedVertex(Role.X, 1, 0)).length
                        + spread.forwardNeighbours(new UnfoldedVertex(Role.X, 1, 1)).length);
        long front = 0;
        for (byte b : vm.overlayProperty().get().state()) {
            front += b == SpreadOverlay.FRONT ? 1 : 0;
        }
        assertThat(front).isEqualTo(expected.steps().get(0).count());
        while (vm.step()) {
            assertThat(vm.stepShownProperty().get()).isLessThanOrEqualTo(4);
        }
        assertThat(vm.stepShownProperty().get()).isEqualTo(4);
        assertThat(vm.rows()).allMatch(SpreadViewModel.StepRow::shown);
        // ctrl+click adds; the slider recomputes the same set's spread at the new q
        vm.select(new int[] {vertex(d, "h0[3]")}, true);
        assertThat(vm.startProperty().get()).hasSize(3);
        explorer.keepPercentProperty().set(100);
        assertThat(vm.rows().get(0).count()).isEqualTo(20);
        assertThat(vm.fullTextProperty().get()).isEqualTo("all 20 hidden units reached at step 1");
        explorer.keepPercentProperty().set(1);
        assertThat(vm.fullTextProperty().get()).contains("never");
        vm.clear();
        assertThat(vm.rows()).isEmpty();
    }

    @Test
    void theWorstSetOfTheShownLayerStartsTheSpread() {
        show(Subject.ofLayer("rnn", gaussian(4, 8, 3), gaussian(8, 8, 4), null, null), GraphId.IH, 40);
        SpreadViewModel vm = new SpreadViewModel(explorer, new SameThreadExecutor());
        vm.useWorstSet();
        var shown = explorer.snapshotProperty().get().shown();
        // 12 vertices at most: enumerated, so the set is the exact Cheeger set
        assertThat(vm.worstTextProperty().get()).startsWith("worst set (exact, by enumeration)");
        assertThat(vm.startProperty().get()).hasSize(shown.cheegerExactSet().size());
        assertThat(vm.rows()).hasSize(explorer.windowProperty().get());
    }

    @Test
    void theMatrixViewAggregatesToThePanelAndOrdersByFiedler() {
        show(Subject.ofLayer("rnn", gaussian(30, 300, 5), gaussian(300, 300, 6), null, null), GraphId.HH, 20);
        MatrixViewModel vm = new MatrixViewModel(explorer, new SameThreadExecutor());
        vm.setResolution(100, 150);
        MatrixView.Result r = vm.pictureProperty().get().view();
        assertThat(r.rowFactor()).isEqualTo(3);
        assertThat(r.colFactor()).isEqualTo(2);
        assertThat(r.total(MatrixView.KEPT)).isEqualTo(explorer.snapshotProperty().get().state().hh().nonZeros());
        assertThat(r.fiedlerOrdered()).isTrue();
        assertThat(vm.captionProperty().get()).contains("100 x 150 cells of 3 x 2 entries");
        vm.fiedlerOrderProperty().set(false);
        assertThat(vm.pictureProperty().get().view().rowOrder()[5]).isEqualTo(5);
        assertThat(vm.pictureProperty().get().image().getWidth()).isEqualTo(150);
    }
}
