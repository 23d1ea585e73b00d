package org.expanderexplorer.core.drawing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expanderexplorer.TestMatrices.gaussian;

import java.util.Arrays;
import org.expanderexplorer.core.graph.GateOrder;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.PruneSettings;
import org.expanderexplorer.core.subject.PrunedState;
import org.expanderexplorer.core.subject.Subject;
import org.junit.jupiter.api.Test;

/** Drawings of layers wider than the drawing cap show their first units, with the pruned entries of the state. */
class SliderAnalysisTest {

    private static final int HIDDEN = SliderAnalysis.DRAWN_UNITS + 44;

    @Test
    void firstUnitsKeepsEachGateBlocksFirstColumnsAndTheMask() {
        Subject s = Subject.ofLayer("wide", gaussian(5, 4 * HIDDEN, 1), gaussian(HIDDEN, 4 * HIDDEN, 2),
                GateOrder.DL4J_LSTM, null);
        PrunedState state = s.prune(30, PruneSettings.DEFAULT);
        WeightMatrix pruned = state.hh();
        WeightMatrix cut = SliderAnalysis.firstUnits(s.hiddenToHidden(), state.hhMask(), HIDDEN,
                SliderAnalysis.DRAWN_UNITS);
        int units = SliderAnalysis.DRAWN_UNITS;
        assertThat(cut.rows()).isEqualTo(units);
        assertThat(cut.cols()).isEqualTo(4 * units);
        for (int i = 0; i < units; i += 7) {
            for (int b = 0; b < 4; b++) {
                for (int u = 0; u < units; u += 5) {
                    assertThat(cut.get(i, b * units + u)).isEqualTo(pruned.get(i, b * HIDDEN + u));
                }
            }
        }
    }

    @Test
    void aWideLayerIsDrawnForItsFirstUnits() {
        Subject s = Subject.ofLayer("wide", gaussian(5, 4 * HIDDEN, 3), gaussian(HIDDEN, 4 * HIDDEN, 4),
                GateOrder.DL4J_LSTM, null);
        PrunedState state = s.prune(50, PruneSettings.DEFAULT);
        AnalysisRequest r = new AnalysisRequest(s, 50, PruneSettings.DEFAULT, GraphId.HH_UNITS,
                Representation.UNWEIGHTED, 2, true);
        GraphDrawing d = SliderAnalysis.drawing(s, state, r);
        int units = SliderAnalysis.DRAWN_UNITS;
        // h_0, then x_t and h_t for two steps
        assertThat(d.vertexCount()).isEqualTo(units + 2 * (5 + units));
        assertThat(Arrays.stream(d.labels()).filter(l -> l.equals("h1[" + (units - 1) + "]")).count()).isEqualTo(1);
        assertThat(Arrays.stream(d.labels()).noneMatch(l -> l.equals("h1[" + units + "]"))).isTrue();
    }

    @Test
    void drawingCaptionNumbersAndUnfoldedNumbersDescribeTheSameGraph() {
        // an LSTM with 6 inputs and 10 units: every graph's drawing, per step, has the analysed graph's edges
        Subject s = Subject.ofLayer("lstm", gaussian(6, 40, 5), gaussian(10, 40, 6), GateOrder.DL4J_LSTM, null);
        int window = 3;
        for (GraphId g : s.graphs()) {
            AnalysisRequest r = new AnalysisRequest(s, 20, PruneSettings.DEFAULT, g, Representation.UNWEIGHTED,
                    window, false);
            Snapshot snap = SliderAnalysis.analyse(r);
            var a = snap.unweighted();
            GraphDrawing d = snap.drawing();
            if (SliderAnalysis.unfolds(s, g)) {
                // T' copies of the layer, each with the graph's edges
                assertThat(d.keptTotal()).as("%s", g).isEqualTo(window * a.edges());
                var u = snap.unfolded();
                assertThat(u.edges()).isEqualTo(window * a.edges());
                assertThat(u.layersEqual()).isTrue();
                assertThat(u.layers()).hasSize(window);
                assertThat(u.layer().edges()).isEqualTo(a.edges());
                assertThat(u.layer().deltaR()).isCloseTo(a.deltaR(), org.assertj.core.data.Offset.offset(1e-9));
                assertThat(u.layer().muHat()).isCloseTo(a.muHat(), org.assertj.core.data.Offset.offset(1e-9));
            } else {
                // a stacked matrix is drawn as itself: rows and 4H columns, its edges, its isolated vertices
                assertThat(g.gate()).isNull();
                assertThat(g.units()).isFalse();
                assertThat(snap.unfolded()).isNull();
                assertThat(d.vertexCount()).isEqualTo(a.left() + a.isolatedLeft() + a.right() + a.isolatedRight());
                assertThat(d.keptTotal()).isEqualTo(a.edges());
                long rings = 0;
                for (boolean b : d.isolated()) {
                    rings += b ? 1 : 0;
                }
                assertThat(rings).isEqualTo(a.isolatedLeft() + a.isolatedRight());
            }
        }
    }

    @Test
    void theUnfoldedLambda2FallsWithTheWindowWhileTheLayerGapsStay() {
        Subject s = Subject.ofLayer("lstm", gaussian(6, 40, 7), gaussian(10, 40, 8), GateOrder.DL4J_LSTM, null);
        Double previous = null;
        Double gap = null;
        for (int window : new int[] {1, 2, 4, 8}) {
            Snapshot snap = SliderAnalysis.analyse(new AnalysisRequest(s, 60, PruneSettings.DEFAULT,
                    GraphId.STEP_UNITS, Representation.UNWEIGHTED, window, false));
            double lambda = snap.unfolded().fiedler();
            if (previous != null) {
                assertThat(lambda).isLessThan(previous);
                assertThat(snap.unfolded().layer().deltaR()).isEqualTo(gap);
            }
            previous = lambda;
            gap = snap.unfolded().layer().deltaR();
        }
    }
}
