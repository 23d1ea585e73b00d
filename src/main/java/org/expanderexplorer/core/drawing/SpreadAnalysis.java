package org.expanderexplorer.core.drawing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.graph.GateSlices;
import org.expanderexplorer.core.graph.Spread;
import org.expanderexplorer.core.graph.UnfoldedVertex;
import org.expanderexplorer.core.graph.UnfoldedVertex.Role;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.PrunedState;
import org.expanderexplorer.core.subject.Subject;

/**
 * The spread of a set through a subject's unfolded graph ({@link Spread}), for the {@code expansion} command and
 * the window. A recurrent layer spreads through both of its matrices whatever graph is selected (x_t -&gt; h_t
 * through W_ih, h_{t-1} -&gt; h_t through W_hh); the graph id picks the variant: one LSTM gate's slices for a gate
 * graph ({@code ih.f}), the unit graphs (an edge where any gate keeps a weight) for a unit graph or a stacked LSTM
 * matrix. A plain matrix spreads one step, rows to columns.
 */
public final class SpreadAnalysis {

    private SpreadAnalysis() {
    }

    /**
     * The spread of {@code start} over {@code steps} steps.
     *
     * @throws BadInputException if the graph does not exist for this subject or a plain matrix is asked for more
     *                           than one step
     * @throws IllegalArgumentException if a start vertex lies outside the unfolding
     */
    public static Spread of(Subject s, PrunedState state, GraphId id, List<UnfoldedVertex> start, int steps) {
        Objects.requireNonNull(s, "s");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(id, "id");
        if (!s.isLayer()) {
            if (steps != 1) {
                throw new BadInputException("a plain matrix has one step (rows reach columns), not " + steps
                        + ": leave out --steps");
            }
            s.matrix(state, id);
            return new Spread(state.ih(), null, start, 1);
        }
        s.matrix(state, id); // refuses a gate of a vanilla RNN, a unit graph without gates, 'matrix' for a layer
        WeightMatrix ih = state.ih();
        WeightMatrix hh = state.hh();
        if (id.gate() != null) {
            ih = GateSlices.slice(ih, s.gateOrder(), id.gate());
            hh = GateSlices.slice(hh, s.gateOrder(), id.gate());
        }
        return new Spread(ih, hh, start, steps);
    }

    /** Input units I (rows of a plain matrix). */
    public static int inputs(Subject s) {
        return s.inputToHidden().rows();
    }

    /** Hidden units H (columns of a plain matrix). */
    public static int hidden(Subject s) {
        return s.isLayer() ? s.hiddenToHidden().rows() : s.inputToHidden().cols();
    }

    /**
     * The start vertices of a set of layer-graph labels ({@code L3} a row, {@code R17} a column, as in
     * {@link org.expanderexplorer.core.spectral.CutResult}), placed on the first step as {@link CutHighlight} draws
     * them: rows are x_1 (ih, a plain matrix), h_0 (hh) or either (step: the first I rows are inputs); columns are
     * h_1, gate pre-activations of a stacked LSTM matrix folded onto their unit.
     */
    public static List<UnfoldedVertex> startOf(Subject s, GraphId id, List<String> labels) {
        int inputs = inputs(s);
        int hidden = hidden(s);
        Set<UnfoldedVertex> out = new LinkedHashSet<>();
        for (String label : labels) {
            int idx = Integer.parseInt(label.substring(1));
            if (label.charAt(0) == 'R') {
                out.add(new UnfoldedVertex(Role.H, 1, idx % hidden));
            } else if (id.kind() == GraphId.Kind.HH) {
                out.add(new UnfoldedVertex(Role.H, 0, idx));
            } else if (id.kind() == GraphId.Kind.STEP && idx >= inputs) {
                out.add(new UnfoldedVertex(Role.H, 0, idx - inputs));
            } else {
                out.add(new UnfoldedVertex(Role.X, 1, idx));
            }
        }
        return new ArrayList<>(out);
    }
}
