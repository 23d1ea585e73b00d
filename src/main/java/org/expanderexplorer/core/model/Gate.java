package org.expanderexplorer.core.model;

/**
 * The four LSTM pre-activation blocks, named and ordered as in PyTorch's {@code nn.LSTM} (i, f, g, o):
 * <pre>
 *   i = sigma(W_ii x + W_hi h + b_i)   input gate
 *   f = sigma(W_if x + W_hf h + b_f)   forget gate
 *   g = tanh (W_ig x + W_hg h + b_g)   cell candidate
 *   o = sigma(W_io x + W_ho h + b_o)   output gate
 *   c' = f * c + i * g,  h' = o * tanh(c')
 * </pre>
 * Deeplearning4j stacks the same blocks in another order, see {@link RecurrentWeights#DL4J_LSTM_BLOCKS}.
 */
public enum Gate {
    /** Input gate (sigmoid). */
    I,
    /** Forget gate (sigmoid). */
    F,
    /** Cell candidate (tanh), called "block input" in Deeplearning4j's source. */
    G,
    /** Output gate (sigmoid). */
    O;

    /** Lower-case letter, e.g. {@code g}. */
    public String letter() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
