package org.expanderexplorer.core.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.expanderexplorer.core.graph.Gate;
import org.expanderexplorer.core.graph.GateOrder;
import org.expanderexplorer.core.graph.GateSlices;
import org.expanderexplorer.core.graph.WeightMatrix;

/**
 * A snapshot of a classifier's recurrent weight matrices for the graph side, in Deeplearning4j's orientation:
 * rows are the inputs (x_t, or h_{t-1} for the recurrent matrix), columns the pre-activations they feed. For a
 * layer with I inputs and H hidden units, {@link #matrix} is I x gates*H ({@link WeightKind#INPUT}) or
 * H x gates*H ({@link WeightKind#RECURRENT}) with the gate blocks as Deeplearning4j stacks them
 * ({@link #blockOrder()}, {@link GateOrder#DL4J_LSTM}); {@link #gate} and {@link #gates} give one gate's H columns
 * by name.
 *
 * <p>Deeplearning4j's LSTM block order was read from its source ({@code LSTMHelpers.activateHelper}, 1.0.0-M2.1):
 * block 0 goes through the layer activation (tanh) and is multiplied by block 3 (sigmoid) into the cell, block
 * 1 multiplies the old cell, block 2 multiplies tanh(c); in PyTorch's names that is g, f, o, i
 * ({@link GateOrder#DL4J_LSTM}). {@code PyTorchNpzTest} checks it against the PyTorch equations.
 *
 * <p>Cost: copies every recurrent weight once (O(parameters)); immutable afterwards.
 */
public final class RecurrentWeights {

    private final ModelSpec spec;
    private final WeightMatrix[][] matrices;
    private final double[][] biases;
    private final WeightMatrix readout;

    /** Copies the current weights of {@code model}. */
    public RecurrentWeights(RecurrentClassifier model) {
        Objects.requireNonNull(model, "model");
        this.spec = model.spec();
        int layers = spec.layers();
        matrices = new WeightMatrix[layers][WeightKind.values().length];
        biases = new double[layers][];
        for (int l = 0; l < layers; l++) {
            for (WeightKind k : WeightKind.values()) {
                matrices[l][k.ordinal()] = Dl4jParams.matrix(model.network(), Dl4jParams.key(l, k));
            }
            biases[l] = Dl4jParams.vector(model.network(), Dl4jParams.key(l, Dl4jParams.BIAS));
        }
        readout = Dl4jParams.matrix(model.network(), Dl4jParams.key(layers, Dl4jParams.WEIGHTS));
    }

    public ModelSpec spec() {
        return spec;
    }

    /** Column block order of the stacked matrices: {@link GateOrder#DL4J_LSTM} for an LSTM, empty for an RNN. */
    public Optional<GateOrder> blockOrder() {
        return spec.cell() == CellType.LSTM ? Optional.of(GateOrder.DL4J_LSTM) : Optional.empty();
    }

    /** The stacked matrix of one layer: (inputs or H) x gates*H, Deeplearning4j column blocks. */
    public WeightMatrix matrix(int layer, WeightKind kind) {
        Objects.checkIndex(layer, spec.layers());
        return matrices[layer][Objects.requireNonNull(kind, "kind").ordinal()];
    }

    /** One LSTM gate's H columns of {@link #matrix}. */
    public WeightMatrix gate(int layer, WeightKind kind, Gate gate) {
        if (spec.cell() != CellType.LSTM) {
            throw new IllegalArgumentException("a vanilla RNN has no gates");
        }
        return GateSlices.slice(matrix(layer, kind), GateOrder.DL4J_LSTM, Objects.requireNonNull(gate, "gate"));
    }

    /** All four gates of an LSTM layer in the named order i, f, g, o (unmodifiable). */
    public Map<Gate, WeightMatrix> gates(int layer, WeightKind kind) {
        if (spec.cell() != CellType.LSTM) {
            throw new IllegalArgumentException("a vanilla RNN has no gates");
        }
        return GateSlices.slices(matrix(layer, kind), GateOrder.DL4J_LSTM);
    }

    /** The softmax readout's weights, H x C (rows = last hidden units, columns = classes). */
    public WeightMatrix readout() {
        return readout;
    }

    /** The layer's single bias vector (length gates*H, Deeplearning4j blocks); a fresh copy. */
    public double[] bias(int layer) {
        Objects.checkIndex(layer, spec.layers());
        return biases[layer].clone();
    }
}
