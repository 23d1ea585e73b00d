package org.expanderexplorer.core.model;

import java.util.Locale;
import org.expanderexplorer.core.BadInputException;

/** The recurrent cell of a classifier: a vanilla tanh RNN (one gate block) or an LSTM without peepholes (four). */
public enum CellType {

    /** Elman RNN, h' = tanh(W_ih x + W_hh h + b); Deeplearning4j {@code SimpleRnn}. */
    RNN("rnn", 1),

    /** LSTM without peepholes; Deeplearning4j {@code LSTM}, PyTorch {@code nn.LSTM}. */
    LSTM("lstm", 4);

    private final String id;
    private final int gates;

    CellType(String id, int gates) {
        this.id = id;
        this.gates = gates;
    }

    /** Lower-case name used on the command line and in metadata ({@code rnn}, {@code lstm}). */
    public String id() {
        return id;
    }

    /** Number of pre-activation blocks per hidden unit: 1 for the RNN, 4 for the LSTM. */
    public int gates() {
        return gates;
    }

    /** Parses {@code rnn} or {@code lstm} (case-insensitive). */
    public static CellType parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (CellType c : values()) {
            if (c.id.equals(t)) {
                return c;
            }
        }
        throw new BadInputException("unknown architecture '" + text + "': expected rnn or lstm");
    }
}
