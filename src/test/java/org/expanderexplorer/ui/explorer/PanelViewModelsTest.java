package org.expanderexplorer.ui.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expanderexplorer.TestMatrices.gaussian;

import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.Scope;
import org.expanderexplorer.core.subject.Subject;
import org.expanderexplorer.ui.common.MetricCells;
import org.expanderexplorer.ui.task.SameThreadExecutor;
import org.junit.jupiter.api.Test;

/** The controls, graph and numbers ViewModels over the explorer's state, without a toolkit. */
class PanelViewModelsTest {

    private final ExplorerViewModel explorer = new ExplorerViewModel(new SameThreadExecutor());

    @Test
    void theControlsSayWhatQCountsAndMapTheSliderBothWays() {
        ControlsViewModel c = new ControlsViewModel(explorer);
        explorer.setSubject(ExplorerViewModelTest.lstm(ExplorerViewModelTest.probe()));
        assertThat(c.qCaptionBinding().get()).isEqualTo("q: percentage of the 448 weights of W_ih and W_hh kept");
        explorer.scopeProperty().set(Scope.HH);
        assertThat(c.qCaptionBinding().get()).isEqualTo("q: percentage of W_hh's 256 weights kept");
        assertThat(c.perGateDisabledBinding().get()).isFalse();
        assertThat(c.denseAccuracyBinding().get()).isEqualTo("dense accuracy: 100.00 % (measured, 5,000 test "
                + "sequences)");
        double[] d = new double[4 * 5];
        d[0] = 1;
        d[7] = -2;
        d[13] = 0.5;
        explorer.setSubject(Subject.ofMatrix("m", new WeightMatrix(4, 5, d)));
        assertThat(c.qCaptionBinding().get()).isEqualTo("q: percentage of the matrix's 3 non-zero weights kept");
        assertThat(c.perGateDisabledBinding().get()).isTrue();
        assertThat(c.denseAccuracyBinding().get()).isEmpty();

        c.moveTo(0); // the left end means 1 %
        assertThat(explorer.keepPercentProperty().get()).isEqualTo(1);
        c.pageUp();
        assertThat(c.qTextBinding().get()).isEqualTo("q = 11.0 %");
        c.logScaleProperty().set(true);
        assertThat(c.sliderMax()).isEqualTo(2);
        assertThat(c.toQ(c.fromQ(37))).isCloseTo(37, org.assertj.core.api.Assertions.within(1e-12));
        c.moveTo(1);
        assertThat(explorer.keepPercentProperty().get()).isEqualTo(10);
    }

    @Test
    void theGraphChoicesFollowTheSubjectAndTheSelectionIsNeverEmpty() {
        GraphViewModel g = new GraphViewModel(explorer);
        assertThat(g.captionBinding().get()).startsWith("Nothing open yet");
        explorer.setSubject(ExplorerViewModelTest.lstm(ExplorerViewModelTest.probe()));
        assertThat(g.choices()).hasSize(18).contains(GraphId.parse("hh.f"), GraphId.IH_UNITS); // 3 + 3 units + 12 gates
        g.select(GraphId.parse("hh.f"));
        assertThat(g.selectedProperty().get()).isEqualTo(GraphId.parse("hh.f"));
        g.select(null); // a choice box between two lists
        g.select(GraphId.MATRIX); // not a graph of this subject
        assertThat(g.selectedProperty().get()).isEqualTo(GraphId.parse("hh.f"));
        explorer.graphProperty().set(null);
        assertThat(g.selectedProperty().get()).isEqualTo(GraphId.parse("hh.f"));
        assertThat(g.drawingBinding().get().vertexCount()).isGreaterThan(0);
        assertThat(g.highlightBinding().get()).isNull();
        g.cutProperty().set(true);
        assertThat(g.highlightBinding().get()).hasSize(g.drawingBinding().get().vertexCount());
        explorer.setSubject(Subject.ofMatrix("m", gaussian(6, 9, 4)));
        assertThat(g.choices()).containsExactly(GraphId.MATRIX);
        assertThat(g.selectedProperty().get()).isEqualTo(GraphId.MATRIX);
        assertThat(g.captionBinding().get()).startsWith("matrix: 6 x 9, 54 edges, 0 isolated · drawn bipartite: 54 edges");
    }

    @Test
    void theNumbersAreTheSnapshotsFormattedAndDashesBeforeAnything() {
        NumbersViewModel n = new NumbersViewModel(explorer);
        assertThat(n.shownProperty().get().texts()).containsEntry("q", "–").containsEntry("deltaR", "–");
        assertThat(n.shownProperty().get().texts()).containsOnlyKeys(NumbersViewModel.METRICS.stream()
                .map(NumbersViewModel.Metric::key).toList());
        explorer.setSubject(ExplorerViewModelTest.lstm(ExplorerViewModelTest.probe()));
        explorer.keepPercentProperty().set(50);
        var snap = explorer.snapshotProperty().get();
        var shown = n.shownProperty().get();
        assertThat(shown.texts()).containsEntry("q", "50.0 %")
                .containsEntry("edges", MetricCells.count(snap.unweighted().edges()))
                .containsEntry("deltaR", MetricCells.num(snap.unweighted().deltaR()))
                .containsEntry("muHat", MetricCells.num(snap.unweighted().muHat()))
                .containsEntry("acc", "50.00 %");
        assertThat(shown.deltaR()).isEqualTo(snap.unweighted().deltaR());
        explorer.weightedProperty().set(true);
        assertThat(n.shownProperty().get().texts()).containsEntry("muHat",
                MetricCells.num(explorer.snapshotProperty().get().weighted().muHat()));
    }
}
