package org.expanderexplorer.core.model;

/** The two weight matrices of a recurrent layer. */
public enum WeightKind {

    /** Input-to-hidden W_ih: rows are the layer's inputs x_t, columns the pre-activations. */
    INPUT("ih"),

    /** Hidden-to-hidden W_hh: rows are the previous hidden units h_{t-1}, columns the pre-activations. */
    RECURRENT("hh");

    private final String id;

    WeightKind(String id) {
        this.id = id;
    }

    /** {@code ih} or {@code hh}, as in PyTorch's parameter names. */
    public String id() {
        return id;
    }
}
