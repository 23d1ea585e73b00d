package org.expanderexplorer.ui.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.expanderexplorer.TestMatrices.gaussian;

import java.util.concurrent.CompletableFuture;
import org.expanderexplorer.core.drawing.SliderAnalysis;
import org.expanderexplorer.core.drawing.Snapshot;
import org.expanderexplorer.core.graph.GateOrder;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.pruning.PruningMethod;
import org.expanderexplorer.core.spectral.LayerAnalysis;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.KeptFractionProbe;
import org.expanderexplorer.core.subject.PruneSettings;
import org.expanderexplorer.core.subject.Scope;
import org.expanderexplorer.core.subject.Subject;
import org.expanderexplorer.ui.task.ManualExecutor;
import org.expanderexplorer.ui.task.SameThreadExecutor;
import org.junit.jupiter.api.Test;

/** ViewModel tier: plain JUnit with the same-thread executor, no toolkit. */
class ExplorerViewModelTest {


    /** Accuracy = kept fraction of W_hh; records the limits asked for. */
    static KeptFractionProbe probe() {
        return KeptFractionProbe.ofHiddenToHidden(5000, "synthetic-test");
    }

    static Subject lstm(KeptFractionProbe probe) {
        return Subject.ofLayer("lstm", gaussian(6, 4 * 8, 1), gaussian(8, 4 * 8, 2), GateOrder.DL4J_LSTM, probe);
    }

    @Test
    void movingTheSliderShowsTheEngineValuesAtThatQ() {
        ExplorerViewModel vm = new ExplorerViewModel(new SameThreadExecutor());
        KeptFractionProbe probe = probe();
        Subject s = lstm(probe);
        vm.setSubject(s);
        vm.graphProperty().set(GraphId.HH);
        vm.keepPercentProperty().set(30);
        Snapshot snap = vm.snapshotProperty().get();
        assertThat(snap.request().keepPercent()).isEqualTo(30);
        var expected = new LayerAnalysis(LayerGraph.of(s.matrix(s.prune(30, vm.settings()), GraphId.HH),
                Representation.UNWEIGHTED)).result();
        assertThat(snap.unweighted().deltaR()).isEqualTo(expected.deltaR());
        assertThat(snap.unweighted().deltaS()).isEqualTo(expected.deltaS());
        assertThat(snap.unweighted().edges()).isEqualTo(Math.round(0.3 * 8 * 32));
        // released (not dragging): accuracy on the full test set
        assertThat(vm.accuracyProperty().get()).isCloseTo(0.3, within(0.01));
        assertThat(vm.accuracyIsFullProperty().get()).isTrue();
        assertThat(probe.limits.get(probe.limits.size() - 1)).isZero();
    }

    @Test
    void aNewSubjectsFullAccuracyWaitsForItsCurves() {
        ManualExecutor ex = new ManualExecutor();
        ExplorerViewModel vm = new ExplorerViewModel(ex);
        KeptFractionProbe probe = probe();
        vm.setSubject(lstm(probe));
        // asked for: the analysis and the curves, not yet the accuracy
        assertThat(ex.pending()).isEqualTo(2);
        ex.finishOne();
        assertThat(vm.snapshotProperty().get()).isNotNull();
        assertThat(vm.accuracyProperty().get()).isNull();
        assertThat(vm.isBusy()).as("the accuracy still to come").isTrue();
        ex.finishAll();
        int grid = SliderAnalysis.CURVE_GRID.keepPercents().size();
        assertThat(vm.finishedCurveProperty().get().points()).hasSize(grid);
        assertThat(vm.accuracyProperty().get()).isCloseTo(1.0, within(1e-9));
        assertThat(vm.accuracyIsFullProperty().get()).isTrue();
        assertThat(vm.denseAccuracyProperty().get()).isCloseTo(1.0, within(1e-9));
        assertThat(vm.isBusy()).isFalse();
        // every curve point (the live subset) was measured before the full test set
        assertThat(probe.limits).hasSize(grid + 1);
        assertThat(probe.limits.subList(0, grid)).containsOnly(SliderAnalysis.LIVE_ACCURACY_LIMIT);
        assertThat(probe.limits.get(grid)).isZero();
    }

    @Test
    void aSliderMoveBeforeTheCurvesAreDoneIsMeasuredAtOnceWithTheDenseAccuracy() {
        ManualExecutor ex = new ManualExecutor();
        ExplorerViewModel vm = new ExplorerViewModel(ex);
        KeptFractionProbe probe = probe();
        vm.setSubject(lstm(probe));
        ex.finishOne(); // the first analysis; the curves still wait
        vm.keepPercentProperty().set(40);
        // queued behind the curves: the new analysis, the accuracy at 40 % and the dense accuracy
        ex.finishAll();
        assertThat(vm.accuracyProperty().get()).isCloseTo(0.4, within(0.01));
        assertThat(vm.denseAccuracyProperty().get()).isCloseTo(1.0, within(1e-9));
        int grid = SliderAnalysis.CURVE_GRID.keepPercents().size();
        // the full test set measured twice (q = 40 %, dense), not a third time when the curves completed
        assertThat(probe.limits.stream().filter(l -> l == 0).count()).isEqualTo(2);
        assertThat(probe.limits).hasSize(grid + 2);
        assertThat(vm.isBusy()).isFalse();
    }

    @Test
    void aNewViewModelPrunesWithTheSettingsTheLaunchMeasuresCurvesWith() {
        assertThat(new ExplorerViewModel(new SameThreadExecutor()).settings())
                .isEqualTo(ExplorerViewModel.FIRST_SETTINGS);
    }

    @Test
    void curvesMeasuredBeforeTheRequestAreShownForTheSameSubjectSettingsAndGraph() {
        KeptFractionProbe probe = probe();
        Subject s = lstm(probe);
        CurvePrefetch early = CurvePrefetch.start(s, ExplorerViewModel.FIRST_SETTINGS, s.defaultGraph());
        ExplorerViewModel vm = new ExplorerViewModel(new SameThreadExecutor());
        vm.offerCurves(CompletableFuture.completedFuture(early));
        vm.setSubject(s);
        // the window's first request waited for the prefetch and showed its points, measured once
        assertThat(vm.finishedCurveProperty().get()).isNotNull().isSameAs(early.result());
        assertThat(vm.curveProperty().get()).isEqualTo(early.result().points());
        assertThat(early.abandoned()).isFalse();
        int grid = SliderAnalysis.CURVE_GRID.keepPercents().size();
        assertThat(probe.limits.stream().filter(l -> l == SliderAnalysis.LIVE_ACCURACY_LIMIT).count())
                .isEqualTo(grid);
        // and they are the curves the view model measures itself
        var serial = SliderAnalysis.curve(s, vm.settings(), vm.graphProperty().get(), null, null);
        for (int i = 0; i < grid; i++) {
            assertThat(vm.curveProperty().get().get(i).accuracy()).isEqualTo(serial.points().get(i).accuracy());
        }
        // taken once: a second model's request measures its own
        vm.methodProperty().set(PruningMethod.RANDOM);
        assertThat(vm.finishedCurveProperty().get()).isNotSameAs(early.result());
        assertThat(vm.finishedCurveProperty().get().config().settings().method()).isEqualTo(PruningMethod.RANDOM);
    }

    @Test
    void curvesMeasuredBeforeTheRequestForOtherSettingsAreAbandoned() throws InterruptedException {
        Subject s = lstm(probe());
        CurvePrefetch early = CurvePrefetch.start(s, ExplorerViewModel.FIRST_SETTINGS.withSeed(7), s.defaultGraph());
        ExplorerViewModel vm = new ExplorerViewModel(new SameThreadExecutor());
        vm.offerCurves(CompletableFuture.completedFuture(early));
        vm.setSubject(s);
        assertThat(early.abandoned()).isTrue();
        assertThat(vm.finishedCurveProperty().get()).isNotNull();
        assertThat(vm.finishedCurveProperty().get().config().settings().seed()).isEqualTo(1);
        // another subject object (even of the same model) does not take them either
        Subject other = lstm(probe());
        CurvePrefetch forOther = CurvePrefetch.start(other, ExplorerViewModel.FIRST_SETTINGS, other.defaultGraph());
        vm.offerCurves(CompletableFuture.completedFuture(forOther));
        vm.setSubject(s);
        assertThat(forOther.abandoned()).isTrue();
        // and curves not even started when the window asks are abandoned when they start
        CompletableFuture<CurvePrefetch> late = new CompletableFuture<>();
        vm.offerCurves(late);
        vm.setSubject(s);
        CurvePrefetch started = CurvePrefetch.start(s, ExplorerViewModel.FIRST_SETTINGS, s.defaultGraph());
        late.complete(started);
        assertThat(started.abandoned()).isTrue();
    }

    @Test
    void draggingUsesTheSubsetAndReleaseTheFullSet() {
        ExplorerViewModel vm = new ExplorerViewModel(new SameThreadExecutor());
        KeptFractionProbe probe = probe();
        vm.setSubject(lstm(probe));
        vm.draggingProperty().set(true);
        vm.keepPercentProperty().set(50);
        assertThat(probe.limits.get(probe.limits.size() - 1)).isEqualTo(SliderAnalysis.LIVE_ACCURACY_LIMIT);
        assertThat(vm.accuracyIsFullProperty().get()).isFalse();
        vm.draggingProperty().set(false);
        assertThat(probe.limits.get(probe.limits.size() - 1)).isZero();
        assertThat(vm.accuracyIsFullProperty().get()).isTrue();
    }

    @Test
    void curvesCoverTheGridAndFollowTheSelectedGraph() {
        ExplorerViewModel vm = new ExplorerViewModel(new SameThreadExecutor());
        vm.setSubject(lstm(probe()));
        assertThat(vm.curveProperty().get()).hasSize(SliderAnalysis.CURVE_GRID.keepPercents().size());
        assertThat(vm.finishedCurveProperty().get()).isNotNull();
        vm.graphProperty().set(GraphId.parse("hh.f"));
        var point = vm.curveProperty().get().get(0);
        assertThat(point.result(GraphId.parse("hh.f"), Representation.UNWEIGHTED).edges()).isEqualTo(64);
        assertThat(vm.denseAccuracyProperty().get()).isEqualTo(1.0);
    }

    @Test
    void settingsChangesRecomputeAndWeightedViewShowsWeightedAnalysis() {
        ExplorerViewModel vm = new ExplorerViewModel(new SameThreadExecutor());
        vm.setSubject(lstm(probe()));
        vm.keepPercentProperty().set(20);
        vm.methodProperty().set(PruningMethod.RANDOM);
        assertThat(vm.snapshotProperty().get().request().settings().method()).isEqualTo(PruningMethod.RANDOM);
        vm.weightedProperty().set(true);
        Snapshot s = vm.snapshotProperty().get();
        assertThat(s.shown().representation()).isEqualTo(Representation.WEIGHTED);
        assertThat(s.shown().deltaR()).isNull();
        vm.scopeProperty().set(Scope.IH);
        PruneSettings st = vm.snapshotProperty().get().request().settings();
        assertThat(st.pruneIh()).isTrue();
        assertThat(st.pruneHh()).isFalse();
    }

    @Test
    void aPlainMatrixHasOneGraphAndNoAccuracy() {
        ExplorerViewModel vm = new ExplorerViewModel(new SameThreadExecutor());
        vm.setSubject(Subject.ofMatrix("m", gaussian(7, 9, 3)));
        assertThat(vm.graphProperty().get()).isEqualTo(GraphId.MATRIX);
        vm.keepPercentProperty().set(40);
        assertThat(vm.snapshotProperty().get().drawing().vertexCount()).isEqualTo(16);
        assertThat(vm.accuracyProperty().get()).isNull();
        assertThat(vm.errorProperty().get()).isEmpty();
    }
}
