package org.expanderexplorer.core.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.expanderexplorer.TestMatrices.gaussian;

import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.graph.Gate;
import org.expanderexplorer.core.graph.GateOrder;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.UnfoldedGraph;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The LSTM unit graphs: right vertices the H units, an edge where any gate keeps a weight (science.md, section 8). */
class UnitGraphsTest {

    private static final Subject LSTM = Subject.ofLayer("lstm", gaussian(7, 4 * 12, 1), gaussian(12, 4 * 12, 2),
            GateOrder.DL4J_LSTM, null);

    @ParameterizedTest
    @ValueSource(doubles = {100, 40, 10})
    void aUnitGraphIsTheUnionOfTheGateMasksWeightedByTheSumOfAbsoluteWeights(double q) {
        PrunedState state = LSTM.prune(q, PruneSettings.DEFAULT.withPerGate(true));
        for (GraphId.Kind k : new GraphId.Kind[] {GraphId.Kind.IH, GraphId.Kind.HH, GraphId.Kind.STEP}) {
            WeightMatrix units = LSTM.matrix(state, new GraphId(k, null, true));
            WeightMatrix[] gates = new WeightMatrix[4];
            for (Gate g : Gate.values()) {
                gates[g.ordinal()] = LSTM.matrix(state, new GraphId(k, g));
            }
            assertThat(units.cols()).isEqualTo(12);
            for (int r = 0; r < units.rows(); r++) {
                for (int j = 0; j < 12; j++) {
                    boolean any = false;
                    double sum = 0;
                    for (WeightMatrix g : gates) {
                        any |= g.get(r, j) != 0;
                        sum += Math.abs(g.get(r, j));
                    }
                    assertThat(units.get(r, j) != 0).as("%s (%d, %d)", k, r, j).isEqualTo(any);
                    assertThat(units.get(r, j)).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-12));
                }
            }
        }
    }

    @Test
    void theUnitGraphOfTheStepIsTheLayerOfTheUnfoldedGraph() {
        PrunedState state = LSTM.prune(30, PruneSettings.DEFAULT);
        UnfoldedGraph u = new UnfoldedGraph(state.ih(), state.hh(), 1, Representation.WEIGHTED);
        WeightMatrix step = LSTM.matrix(state, GraphId.STEP_UNITS);
        assertThat(u.inputEdgesPerStep() + u.recurrentEdgesPerStep()).isEqualTo(step.nonZeros());
        int[] from = u.edgeFrom();
        int[] to = u.edgeTo();
        double[] w = u.edgeWeight();
        for (int e = 0; e < from.length; e++) {
            // vertices: h_0 0..11, x_1 12..18, h_1 19..30; step rows: x (7) then h_{t-1} (12)
            int row = from[e] < 12 ? 7 + from[e] : from[e] - 12;
            assertThat(step.get(row, to[e] - 19)).isEqualTo(w[e]);
        }
    }

    @Test
    void unitGraphsAreOfferedForAnLstmOnly() {
        assertThat(LSTM.graphs()).contains(GraphId.IH_UNITS, GraphId.HH_UNITS, GraphId.STEP_UNITS);
        assertThat(LSTM.defaultGraph()).isEqualTo(GraphId.IH_UNITS);
        Subject rnn = Subject.ofLayer("rnn", gaussian(7, 12, 3), gaussian(12, 12, 4), null, null);
        assertThat(rnn.graphs()).doesNotContain(GraphId.IH_UNITS);
        assertThat(rnn.defaultGraph()).isEqualTo(GraphId.IH);
        assertThatThrownBy(() -> rnn.matrix(rnn.dense(), GraphId.IH_UNITS)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("vanilla RNN");
        assertThat(GraphId.parse("step.units")).isEqualTo(GraphId.STEP_UNITS);
        assertThat(GraphId.STEP_UNITS.id()).isEqualTo("step.units");
        assertThatThrownBy(() -> GraphId.parse("matrix.units")).isInstanceOf(BadInputException.class);
    }
}
