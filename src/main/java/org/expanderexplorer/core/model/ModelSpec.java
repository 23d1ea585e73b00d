package org.expanderexplorer.core.model;

import java.util.Objects;
import org.expanderexplorer.core.BadInputException;

/**
 * The shape of a recurrent classifier: {@code layers} stacked recurrent layers of {@code hidden} units over
 * inputs of {@code inputs} features per time step, the last layer's final hidden state read out by a softmax
 * layer over {@code classes}. The number of time steps is not part of the network (the same weights run any
 * sequence length).
 *
 * @param cell    vanilla RNN or LSTM
 * @param inputs  features per time step, 1 .. 100 000
 * @param hidden  hidden units per recurrent layer, 1 .. 10 000
 * @param layers  recurrent layers, 1 or 2
 * @param classes output classes, 2 .. 100 000
 */
public record ModelSpec(CellType cell, int inputs, int hidden, int layers, int classes) {

    /** Largest accepted hidden size (an LSTM of this size has 4e8 recurrent weights). */
    public static final int MAX_HIDDEN = 10_000;

    public ModelSpec {
        Objects.requireNonNull(cell, "cell");
        check(inputs >= 1 && inputs <= 100_000, "inputs must be 1 .. 100000, got " + inputs);
        check(hidden >= 1 && hidden <= MAX_HIDDEN, "hidden size must be 1 .. " + MAX_HIDDEN + ", got " + hidden);
        check(layers == 1 || layers == 2, "layers must be 1 or 2, got " + layers);
        check(classes >= 2 && classes <= 100_000, "classes must be 2 .. 100000, got " + classes);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new BadInputException(message);
        }
    }

    /** Inputs of recurrent layer {@code layer}: the features for layer 0, the hidden size above. */
    public int layerInputs(int layer) {
        Objects.checkIndex(layer, layers);
        return layer == 0 ? inputs : hidden;
    }

    /** Trainable parameters: per layer gates*H*(in + H + 1), plus the readout H*C + C. */
    public long parameterCount() {
        long n = 0;
        long gh = (long) cell.gates() * hidden;
        for (int l = 0; l < layers; l++) {
            n += gh * (layerInputs(l) + hidden + 1);
        }
        return n + (long) hidden * classes + classes;
    }

    /** E.g. {@code lstm 128 x 1 (28 -> 10)}. */
    public String describe() {
        return cell.id() + " " + hidden + " x " + layers + " (" + inputs + " -> " + classes + ")";
    }
}
