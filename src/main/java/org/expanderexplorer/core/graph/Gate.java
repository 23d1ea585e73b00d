package org.expanderexplorer.core.graph;

import java.util.Locale;

/**
 * The four blocks of an LSTM's stacked weight matrices, named by their role in the standard equations (as in
 * PyTorch's {@code torch.nn.LSTM} documentation):
 * <pre>
 *   i = sigmoid(x W_ii + h W_hi + b_i)      input gate
 *   f = sigmoid(x W_if + h W_hf + b_f)      forget gate
 *   g = tanh   (x W_ig + h W_hg + b_g)      cell candidate
 *   o = sigmoid(x W_io + h W_ho + b_o)      output gate
 *   c' = f * c + i * g,   h' = o * tanh(c')
 * </pre>
 * Libraries name these blocks differently (Deeplearning4j calls the tanh block "input" and the sigmoid gate that
 * multiplies it "input modulation"); {@link GateOrder} maps each library's block order onto these roles.
 */
public enum Gate {
    /** The input gate i (sigmoid), which scales the cell candidate. */
    INPUT("i"),
    /** The forget gate f (sigmoid), which scales the previous cell state. */
    FORGET("f"),
    /** The cell candidate g (tanh, or the layer's activation), the new content written to the cell. */
    CELL("g"),
    /** The output gate o (sigmoid), which scales tanh(c') into h'. */
    OUTPUT("o");

    private final String shortName;

    Gate(String shortName) {
        this.shortName = shortName;
    }

    /** One letter: {@code i}, {@code f}, {@code g} or {@code o}. */
    public String shortName() {
        return shortName;
    }

    /**
     * The gate with the given one-letter name (case-insensitive).
     *
     * @throws IllegalArgumentException for anything other than i, f, g, o
     */
    public static Gate fromShortName(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (Gate g : values()) {
            if (g.shortName.equals(n)) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown gate '" + name + "': use i, f, g or o");
    }
}
