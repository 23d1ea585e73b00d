package org.expanderexplorer.core.drawing;

import java.util.Arrays;
import java.util.Objects;
import org.expanderexplorer.core.graph.Spread;
import org.expanderexplorer.core.graph.UnfoldedVertex;
import org.expanderexplorer.core.graph.UnfoldedVertex.Role;

/**
 * A spread painted onto a drawing up to one step: every vertex of the start set, every hidden unit reached by then
 * (the last step's apart, as the front), and every edge the spread used, exactly, whether or not the drawing
 * samples or bundles its edges. Drawings of an unfolded layer (labels {@code x3[5]}, {@code h2[17]}) and of a
 * plain matrix ({@code L4} a row = x_1, {@code R9} a column = h_1) are understood; units a wide layer's drawing
 * leaves out are skipped.
 *
 * @param state    per drawing vertex: {@link #NONE}, {@link #START}, {@link #REACHED} or {@link #FRONT}
 * @param edgeFrom the spread's edges: earlier end (drawing vertex)
 * @param edgeTo   later end
 */
public record SpreadOverlay(byte[] state, int[] edgeFrom, int[] edgeTo) {

    public static final byte NONE = 0;
    public static final byte START = 1;
    public static final byte REACHED = 2;
    public static final byte FRONT = 3;

    /**
     * The vertex a drawing vertex stands for, from its label, or null for a label of another kind (a stacked
     * LSTM matrix's pre-activation columns are {@code R} labels too and read as h_1 of their column).
     */
    public static UnfoldedVertex vertexOf(GraphDrawing d, int v) {
        String label = d.labels()[v];
        try {
            if (label.startsWith("L")) {
                return new UnfoldedVertex(Role.X, 1, Integer.parseInt(label.substring(1)));
            }
            if (label.startsWith("R")) {
                return new UnfoldedVertex(Role.H, 1, Integer.parseInt(label.substring(1)));
            }
            int open = label.indexOf('[');
            int close = label.indexOf(']');
            if (open < 2 || close < open) {
                return null;
            }
            Role role = label.charAt(0) == 'x' ? Role.X : Role.H;
            return new UnfoldedVertex(role, Integer.parseInt(label.substring(1, open)),
                    Integer.parseInt(label.substring(open + 1, close)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Paints {@code spread} (computed from {@code start}) up to step {@code upTo} onto {@code d}. O(V + spread edges).
     *
     * @param upTo 0 for the start set alone, t for the reach of steps 1..t
     */
    public static SpreadOverlay of(GraphDrawing d, Spread spread, java.util.List<UnfoldedVertex> start, int upTo) {
        Objects.requireNonNull(d, "d");
        Objects.requireNonNull(spread, "spread");
        Spread.Result r = spread.result();
        int steps = Math.min(upTo, r.steps().size());
        java.util.Map<UnfoldedVertex, Integer> index = new java.util.HashMap<>();
        for (int v = 0; v < d.vertexCount(); v++) {
            UnfoldedVertex u = vertexOf(d, v);
            if (u != null) {
                index.putIfAbsent(u, v);
            }
        }
        byte[] state = new byte[d.vertexCount()];
        for (UnfoldedVertex u : start) {
            Integer v = index.get(u);
            if (v != null) {
                state[v] = START;
            }
        }
        int[] from = new int[64];
        int[] to = new int[64];
        int m = 0;
        for (int t = 1; t <= steps; t++) {
            int[] reached = r.steps().get(t - 1).units();
            for (int u : reached) {
                Integer v = index.get(new UnfoldedVertex(Role.H, t, u));
                if (v != null && state[v] != START) {
                    state[v] = t == steps ? FRONT : REACHED;
                }
            }
            // the fed vertices of step t: S's inputs at t and the units reached at t - 1 (or S's h_0 for t = 1)
            java.util.Set<UnfoldedVertex> fed = new java.util.LinkedHashSet<>();
            for (UnfoldedVertex u : start) {
                if (u.role() == Role.X && u.step() == t || u.role() == Role.H && u.step() == t - 1) {
                    fed.add(u);
                }
            }
            if (t > 1) {
                for (int u : r.steps().get(t - 2).units()) {
                    fed.add(new UnfoldedVertex(Role.H, t - 1, u));
                }
            }
            for (UnfoldedVertex f : fed) {
                Integer a = index.get(f);
                if (a == null) {
                    continue;
                }
                for (int u : spread.forwardNeighbours(f)) {
                    Integer b = index.get(new UnfoldedVertex(Role.H, t, u));
                    if (b == null) {
                        continue;
                    }
                    if (m == from.length) {
                        from = Arrays.copyOf(from, 2 * m);
                        to = Arrays.copyOf(to, 2 * m);
                    }
                    from[m] = a;
                    to[m++] = b;
                }
            }
        }
        return new SpreadOverlay(state, Arrays.copyOf(from, m), Arrays.copyOf(to, m));
    }
}
