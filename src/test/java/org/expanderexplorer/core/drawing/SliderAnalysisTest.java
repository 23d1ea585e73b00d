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
        AnalysisRequest r = new AnalysisRequest(s, 50, PruneSettings.DEFAULT, GraphId.HH,
                Representation.UNWEIGHTED, 2, true);
        GraphDrawing d = SliderAnalysis.drawing(s, state, r);
        int units = SliderAnalysis.DRAWN_UNITS;
        // h_0, then x_t and h_t for two steps
        assertThat(d.vertexCount()).isEqualTo(units + 2 * (5 + units));
        assertThat(Arrays.stream(d.labels()).filter(l -> l.equals("h1[" + (units - 1) + "]")).count()).isEqualTo(1);
        assertThat(Arrays.stream(d.labels()).noneMatch(l -> l.equals("h1[" + units + "]"))).isTrue();
    }
}
