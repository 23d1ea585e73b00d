package org.expanderexplorer.core.graph;

import java.util.Objects;

/**
 * A vertex of the time-unfolded graph of a recurrent layer: an input unit x_t[unit] or a hidden unit h_t[unit].
 *
 * @param role X (input) or H (hidden)
 * @param step the time step t (inputs from 1, hidden units from 0)
 * @param unit the unit's index within its layer, from 0
 */
public record UnfoldedVertex(Role role, int step, int unit) {

    /** Which layer a vertex belongs to. */
    public enum Role {
        /** An input unit x_t[k]. */
        X,
        /** A hidden unit h_t[j]. */
        H
    }

    public UnfoldedVertex {
        Objects.requireNonNull(role, "role");
    }

    /** The label {@code x3[5]} or {@code h2[17]}. */
    @Override
    public String toString() {
        return (role == Role.X ? "x" : "h") + step + "[" + unit + "]";
    }
}
