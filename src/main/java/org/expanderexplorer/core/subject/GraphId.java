package org.expanderexplorer.core.subject;

import java.util.Locale;
import java.util.Objects;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.graph.Gate;

/**
 * Names one monitored bipartite graph of a recurrent layer: {@code ih} (input to hidden), {@code hh} (hidden to
 * hidden), {@code step} (the combined step layer [W_ih ; W_hh]), optionally restricted to one LSTM gate
 * ({@code ih.i}, {@code hh.f}, {@code step.o}), the unit graph of an LSTM ({@code ih.units}, {@code hh.units},
 * {@code step.units}: right vertices the H hidden units, an edge where any gate keeps a weight; science.md,
 * section 8), or {@code matrix} for a plain matrix opened from a file.
 *
 * @param kind  which matrix
 * @param gate  one LSTM gate, or null for the whole (stacked) matrix
 * @param units true for the unit graph (the four gates merged onto the H units)
 */
public record GraphId(Kind kind, Gate gate, boolean units) {

    /** The matrices a graph can come from. */
    public enum Kind {
        // The ids are part of file formats (run folders, sweep tables) and of the command line: never rename them.
        IH("ih"), HH("hh"), STEP("step"), MATRIX("matrix");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public static final GraphId IH = new GraphId(Kind.IH, null);
    public static final GraphId HH = new GraphId(Kind.HH, null);
    public static final GraphId STEP = new GraphId(Kind.STEP, null);
    public static final GraphId MATRIX = new GraphId(Kind.MATRIX, null);
    public static final GraphId IH_UNITS = new GraphId(Kind.IH, null, true);
    public static final GraphId HH_UNITS = new GraphId(Kind.HH, null, true);
    public static final GraphId STEP_UNITS = new GraphId(Kind.STEP, null, true);

    /** The suffix of a unit graph's id. */
    public static final String UNITS = "units";

    public GraphId {
        Objects.requireNonNull(kind, "kind");
        // a matrix read from a file has no known gate layout, so neither gate slices nor unit graphs are defined
        if (kind == Kind.MATRIX && (gate != null || units)) {
            throw new IllegalArgumentException("a plain matrix has no gates");
        }
        if (units && gate != null) {
            throw new IllegalArgumentException("a unit graph merges the gates: it cannot name one");
        }
    }

    /** A stacked matrix ({@code gate} null) or one gate's slice. */
    public GraphId(Kind kind, Gate gate) {
        this(kind, gate, false);
    }

    /** The name used in files and on the command line: {@code ih}, {@code hh.f}, {@code step.units}, ... */
    public String id() {
        if (units) {
            return kind.id() + "." + UNITS;
        }
        return gate == null ? kind.id() : kind.id() + "." + gate.shortName();
    }

    /** Parses {@link #id()}. */
    public static GraphId parse(String text) {
        // ROOT: a Turkish locale would lower-case "IH" to a dotless i and match nothing
        String t = text.strip().toLowerCase(Locale.ROOT);
        int dot = t.indexOf('.');
        String k = dot < 0 ? t : t.substring(0, dot);
        for (Kind kind : Kind.values()) {
            if (kind.id().equals(k)) {
                if (dot < 0) {
                    return new GraphId(kind, null);
                }
                // "matrix.units" falls through to the gate lookup and is refused there with the list of gate names
                if (t.substring(dot + 1).equals(UNITS) && kind != Kind.MATRIX) {
                    return new GraphId(kind, null, true);
                }
                try {
                    return new GraphId(kind, Gate.fromShortName(t.substring(dot + 1)));
                } catch (IllegalArgumentException e) {
                    throw new BadInputException("graph '" + text + "': " + e.getMessage());
                }
            }
        }
        throw new BadInputException("unknown graph '" + text + "': use ih, hh, step (optionally .i, .f, .g, .o for an"
                + " LSTM gate, or .units for an LSTM's unit graph) or matrix");
    }

    @Override
    public String toString() {
        return id();
    }
}
