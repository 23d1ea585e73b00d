package org.expanderexplorer.ui.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expanderexplorer.TestMatrices.gaussian;

import org.expanderexplorer.core.drawing.SliderAnalysis;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.report.FigureSpec;
import org.expanderexplorer.core.spectral.LayerAnalysis;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.KeptFractionProbe;
import org.expanderexplorer.core.subject.Subject;
import org.expanderexplorer.ui.task.SameThreadExecutor;
import org.junit.jupiter.api.Test;

/** The four chart panels' figures follow the explorer's state and plot the engine's values. */
class PanelFiguresViewModelTest {

    private final ExplorerViewModel vm = new ExplorerViewModel(new SameThreadExecutor());
    private final PanelFiguresViewModel figures = new PanelFiguresViewModel(vm);

    @Test
    void nothingOpenMeansNoFigures() {
        assertThat(figures.spectrum().get()).isNull();
        assertThat(figures.gaps().get()).isNull();
        assertThat(figures.cheeger().get()).isNull();
        assertThat(figures.accuracy().get()).isNull();
    }

    @Test
    void theSpectrumPanelPlotsTheSelectedGraphsSingularValuesAtQ() {
        KeptFractionProbe probe = ExplorerViewModelTest.probe();
        Subject s = ExplorerViewModelTest.lstm(probe);
        vm.setSubject(s);
        vm.graphProperty().set(GraphId.HH);
        vm.keepPercentProperty().set(40);
        FigureSpec spec = figures.spectrum().get();
        assertThat(spec.title()).isEqualTo("Spectrum of hh at q = 40.0 % (unweighted)");
        var expected = new LayerAnalysis(LayerGraph.of(s.matrix(s.prune(40, vm.settings()), GraphId.HH),
                Representation.UNWEIGHTED)).result();
        double[] y = spec.series().get(0).y();
        assertThat(y).hasSize(expected.singularValues().size());
        for (int i = 0; i < y.length; i++) {
            assertThat(y[i]).isEqualTo(expected.singularValues().get(i));
        }
    }

    @Test
    void theCurvePanelsCoverTheGridAndMarkTheCurrentQ() {
        vm.setSubject(ExplorerViewModelTest.lstm(ExplorerViewModelTest.probe()));
        vm.keepPercentProperty().set(33);
        int points = SliderAnalysis.CURVE_GRID.keepPercents().size();
        FigureSpec gaps = figures.gaps().get();
        assertThat(gaps.title()).isEqualTo("Ramanujan gaps of ih.units against q");
        assertThat(gaps.series()).extracting(FigureSpec.Series::name).contains("Δ_S", "Δ_R", "Δ_S (weighted)");
        assertThat(gaps.series().get(0).size()).isEqualTo(points);
        assertThat(gaps.series().get(0).xAt(0)).isEqualTo(100);
        assertThat(gaps.markers()).anyMatch(m -> m.vertical() && m.value() == 33);
        // Δ_R at q = 100 is the engine's value for the dense graph shown first, the LSTM's input unit graph
        var dense = vm.curveProperty().get().get(0).result(GraphId.IH_UNITS, Representation.UNWEIGHTED);
        assertThat(gaps.series().get(1).yAt(0)).isEqualTo(dense.deltaR());
        vm.weightedProperty().set(true);
        assertThat(figures.cheeger().get().title()).isEqualTo("Cheeger constant of ih.units (weighted)");
        assertThat(figures.cheeger().get().series().get(0).yAt(0)).isEqualTo(vm.curveProperty().get().get(0)
                .result(GraphId.IH_UNITS, Representation.WEIGHTED).cheegerLower());
    }

    @Test
    void theAccuracyPanelShowsTheCurveTheDenseLineAndTheCurrentPoint() {
        vm.setSubject(ExplorerViewModelTest.lstm(ExplorerViewModelTest.probe()));
        vm.keepPercentProperty().set(50);
        FigureSpec acc = figures.accuracy().get();
        assertThat(acc.title()).isEqualTo("Test accuracy on synthetic-test");
        // the probe's accuracy is the kept fraction of W_hh: 50 % at q = 50, and 100 % dense
        assertThat(acc.series()).anyMatch(s -> s.name().equals("now") && s.yAt(0) == 50.0 && s.xAt(0) == 50);
        assertThat(acc.markers()).anyMatch(m -> !m.vertical() && m.value() == 100.0);
        // a plain matrix, and a layer without data, say why there is no accuracy
        vm.setSubject(Subject.ofMatrix("m", gaussian(5, 7, 2)));
        assertThat(figures.accuracy().get().title()).isEqualTo("A plain matrix has no network, so no accuracy");
        assertThat(figures.accuracy().get().series()).isEmpty();
        assertThat(figures.gaps().get().title()).isEqualTo("Ramanujan gaps of matrix against q");
        vm.setSubject(ExplorerViewModelTest.lstm(null));
        assertThat(figures.accuracy().get().title()).isEqualTo("No test data: Model > Choose data set...");
    }
}
