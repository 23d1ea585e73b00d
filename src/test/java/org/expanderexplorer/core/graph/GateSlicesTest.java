package org.expanderexplorer.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateSlicesTest {

    private static final int I = 3;
    private static final int H = 2;

    /** Entry (r, c) = 100 * block + 10 * r + unit, so every value tells where it came from. */
    private static WeightMatrix tagged() {
        double[][] d = new double[I][4 * H];
        for (int r = 0; r < I; r++) {
            for (int c = 0; c < 4 * H; c++) {
                d[r][c] = 100 * (c / H) + 10 * r + c % H;
            }
        }
        return WeightMatrix.of(d);
    }

    private static WeightMatrix block(int b) {
        double[][] d = new double[I][H];
        for (int r = 0; r < I; r++) {
            for (int u = 0; u < H; u++) {
                d[r][u] = 100 * b + 10 * r + u;
            }
        }
        return WeightMatrix.of(d);
    }

    @Test
    void pytorchOrderIsIfgo() {
        WeightMatrix w = tagged();
        assertThat(GateSlices.slice(w, GateOrder.PYTORCH, Gate.INPUT)).isEqualTo(block(0));
        assertThat(GateSlices.slice(w, GateOrder.PYTORCH, Gate.FORGET)).isEqualTo(block(1));
        assertThat(GateSlices.slice(w, GateOrder.PYTORCH, Gate.CELL)).isEqualTo(block(2));
        assertThat(GateSlices.slice(w, GateOrder.PYTORCH, Gate.OUTPUT)).isEqualTo(block(3));
        assertThat(GateOrder.PYTORCH).hasToString("ifgo");
    }

    @Test
    void deeplearning4jOrderPutsTheCandidateFirstAndTheInputGateLast() {
        WeightMatrix w = tagged();
        Map<Gate, WeightMatrix> s = GateSlices.slices(w, GateOrder.DL4J_LSTM);
        assertThat(s).containsOnlyKeys(Gate.values());
        assertThat(s.get(Gate.CELL)).isEqualTo(block(0));
        assertThat(s.get(Gate.FORGET)).isEqualTo(block(1));
        assertThat(s.get(Gate.OUTPUT)).isEqualTo(block(2));
        assertThat(s.get(Gate.INPUT)).isEqualTo(block(3));
        assertThat(GateOrder.DL4J_LSTM).hasToString("gfoi");
    }

    @Test
    void reorderMovesBlocksSoThatSlicesAgree() {
        WeightMatrix dl4j = tagged();
        WeightMatrix torch = GateSlices.reorder(dl4j, GateOrder.DL4J_LSTM, GateOrder.PYTORCH);
        for (Gate g : Gate.values()) {
            assertThat(GateSlices.slice(torch, GateOrder.PYTORCH, g))
                    .isEqualTo(GateSlices.slice(dl4j, GateOrder.DL4J_LSTM, g));
        }
        // i f g o from g f o i: blocks 3, 1, 0, 2 of the original.
        assertThat(torch.columns(0, H)).isEqualTo(block(3));
        assertThat(torch.columns(2 * H, 3 * H)).isEqualTo(block(0));
        assertThat(GateSlices.reorder(torch, GateOrder.PYTORCH, GateOrder.DL4J_LSTM)).isEqualTo(dl4j);
    }

    @Test
    void parsesOrdersAndGateNames() {
        assertThat(GateOrder.parse("ifgo")).isEqualTo(GateOrder.PYTORCH);
        assertThat(GateOrder.parse("G, F, O, I")).isEqualTo(GateOrder.DL4J_LSTM);
        assertThat(Gate.fromShortName("o")).isEqualTo(Gate.OUTPUT);
        assertThat(GateOrder.DL4J_LSTM.blockOf(Gate.INPUT)).isEqualTo(3);
        assertThatThrownBy(() -> GateOrder.parse("iffo")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("each of i, f, g, o exactly once, got iffo");
        assertThatThrownBy(() -> new GateOrder(List.of(Gate.INPUT))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gate.fromShortName("x")).hasMessage("unknown gate 'x': use i, f, g or o");
    }

    @Test
    void refusesMatricesThatAreNotFourBlocks() {
        WeightMatrix w = WeightMatrix.zeros(2, 6);
        assertThatThrownBy(() -> GateSlices.slice(w, GateOrder.PYTORCH, Gate.INPUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a stacked LSTM matrix has 4H columns, but this 2 x 6 matrix has 6, not a multiple of 4");
        assertThat(GateSlices.hiddenSize(WeightMatrix.zeros(5, 512))).isEqualTo(128);
    }
}
