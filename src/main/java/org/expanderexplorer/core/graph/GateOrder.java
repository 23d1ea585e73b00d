package org.expanderexplorer.core.graph;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The order of the four H-column blocks in a stacked LSTM matrix of shape I x 4H (input-to-hidden) or H x 4H
 * (hidden-to-hidden), rows being the source units: block k holds columns k*H .. (k+1)*H - 1.
 *
 * <p>{@link #PYTORCH}: {@code i, f, g, o}, as documented for {@code torch.nn.LSTM} ({@code weight_ih_l0} is
 * {@code (W_ii|W_if|W_ig|W_io)}); note that PyTorch stores it as 4H x I, so transpose it to this I x 4H form.
 *
 * <p>{@link #DL4J_LSTM}: {@code g, f, o, i}, for Deeplearning4j 1.0.0-M2.1's {@code LSTM} layer (no peepholes),
 * read from the library's source; its matrices are already I x 4H ({@code W}) and H x 4H ({@code RW}).
 * Deeplearning4j's own comments call the blocks "[wi, wf, wo, wg]" (IFOG), but its "i" is the network input
 * through the layer activation, i.e. the cell candidate g here, and its "g" is the sigmoid "input modulation
 * gate" that multiplies it, i.e. the input gate i here. The evidence, in {@code LSTMHelpers.activateHelper}
 * ({@code org.deeplearning4j.nn.layers.recurrent}, deeplearning4j-nn-1.0.0-M2.1-sources.jar):
 * <ul>
 *   <li>lines 227-231: {@code ifogActivations = miniBatchData.mmul(inputWeights)}, then
 *       {@code Nd4j.gemm(prevOutputActivations, recurrentWeightsIFOG, ifogActivations, ...)} adds h_{t-1} RW and
 *       {@code addiRowVector(biases)} the bias: one [miniBatch, 4H] matrix, so W and RW share the column
 *       layout;</li>
 *   <li>lines 233-234, 244: block 0 ({@code interval(0, H)}, "inputActivations") goes through the layer's
 *       activation function ({@code layerConf().getActivationFn()}, tanh by default): the cell candidate g;</li>
 *   <li>lines 255-256, 271: block 1 ({@code interval(H, 2H)}) through {@code gateActivationFn} (sigmoid) and
 *       multiplied into the previous cell state (lines 311/316): the forget gate f;</li>
 *   <li>lines 284-285, 295: block 3 ({@code interval(3H, 4H)}, "inputModGateActivations") through
 *       {@code gateActivationFn}, then {@code inputModGateActivations.muli(inputActivations)} (lines 314/317) is
 *       added to the cell state (line 319): the input gate i;</li>
 *   <li>lines 321-322, 332: block 2 ({@code interval(2H, 3H)}) through {@code gateActivationFn}, then
 *       multiplied with the activated cell state into the output (lines 356/359): the output gate o.</li>
 * </ul>
 * {@code LSTMParamInitializer} agrees: lines 131-132 give the shapes {@code [nIn, 4*nL]} and {@code [nL, 4*nL]}
 * (no peephole columns for {@code LSTM}), and lines 144-145 set the forget-gate bias on {@code interval(nL, 2*nL)},
 * block 1.
 *
 * @param blocks the gate of each block, in column order: a permutation of the four gates
 */
public record GateOrder(List<Gate> blocks) {

    /** PyTorch {@code torch.nn.LSTM}: i, f, g, o. */
    public static final GateOrder PYTORCH = new GateOrder(List.of(Gate.INPUT, Gate.FORGET, Gate.CELL, Gate.OUTPUT));

    /** Deeplearning4j 1.0.0-M2.1 {@code LSTM} layer: g, f, o, i (see the class comment for the source lines). */
    public static final GateOrder DL4J_LSTM =
            new GateOrder(List.of(Gate.CELL, Gate.FORGET, Gate.OUTPUT, Gate.INPUT));

    /**
     * @throws IllegalArgumentException unless {@code blocks} holds each gate exactly once
     */
    public GateOrder {
        Objects.requireNonNull(blocks, "blocks");
        blocks = List.copyOf(blocks);
        if (blocks.size() != 4 || !EnumSet.copyOf(blocks).equals(EnumSet.allOf(Gate.class))) {
            throw new IllegalArgumentException("a gate order must name each of i, f, g, o exactly once, got "
                    + blocks.stream().map(Gate::shortName).collect(Collectors.joining()));
        }
    }

    /**
     * The order written as four letters, e.g. {@code "ifgo"} (case-insensitive, separators ignored).
     *
     * @throws IllegalArgumentException if it is not a permutation of i, f, g, o
     */
    public static GateOrder parse(String letters) {
        Objects.requireNonNull(letters, "letters");
        List<Gate> gates = new ArrayList<>(4);
        for (char c : letters.toCharArray()) {
            if (Character.isLetter(c)) {
                gates.add(Gate.fromShortName(String.valueOf(c)));
            }
        }
        return new GateOrder(gates);
    }

    /** The block (0..3) that holds {@code gate}. */
    public int blockOf(Gate gate) {
        return blocks.indexOf(Objects.requireNonNull(gate, "gate"));
    }

    /** The four letters, e.g. {@code ifgo}. */
    @Override
    public String toString() {
        return blocks.stream().map(Gate::shortName).collect(Collectors.joining());
    }
}
