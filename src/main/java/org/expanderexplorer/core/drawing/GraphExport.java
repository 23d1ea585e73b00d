package org.expanderexplorer.core.drawing;

import java.util.Locale;
import java.util.Objects;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.graph.Gate;
import org.expanderexplorer.core.graph.GraphFiles;
import org.expanderexplorer.core.graph.LabelledGraph;
import org.expanderexplorer.core.graph.LabelledGraph.Vertex;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.PrunedState;
import org.expanderexplorer.core.subject.Subject;

/**
 * A subject's graph as a file for Gephi, NetworkX, Graphviz or yEd: the {@code graph} command and the window's
 * "Export shown graph" both come here. Two calls:
 * <pre>
 *   GraphExport.of(subject, state, GraphId.parse("hh.f"), 0, Representation.WEIGHTED).write(Path.of("hh.gexf"));
 *   GraphExport.shown(snapshot.request(), snapshot.state()).write(file);   // what the window shows
 * </pre>
 * Every edge of the dense graph is written, with its weight and whether pruning kept it; vertex names are the
 * window's ({@link LabelledGraph.Vertex}). Unlike the drawing, the export is never sampled or cut to the first
 * units of a wide layer: a file is for analysis, so it holds the whole graph.
 */
public final class GraphExport {

    /**
     * Most edges of an exported unfolding: JGraphT holds each edge as an object in hash maps (about 300 bytes,
     * decision 0017), so a million edges take some 300 MB, about what a desktop heap can spare for an export.
     */
    public static final long MAX_UNFOLDED_EDGES = 1_000_000L;

    private final LabelledGraph graph;

    private GraphExport(LabelledGraph graph) {
        this.graph = graph;
    }

    /**
     * Graph {@code id} of {@code subject} pruned as {@code state}.
     *
     * @param steps          0 for the bipartite layer (or gate) graph itself; T &gt; 0 for its unfolding over T
     *                       steps (the window's view of a recurrent layer; a plain matrix cannot be unfolded)
     * @param representation weights |w| or 1
     * @throws BadInputException if the graph does not exist for this subject (a gate of a vanilla RNN, {@code
     *                           matrix} for a model, an unfolded matrix)
     */
    public static GraphExport of(Subject subject, PrunedState state, GraphId id, int steps,
                                 Representation representation) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(representation, "representation");
        String title = String.format(Locale.ROOT, "%s of %s, q = %s %%, %s%s", id, subject.name(),
                trim(state.keepPercent()), representation.name().toLowerCase(Locale.ROOT),
                steps > 0 ? ", unfolded over " + steps + " steps" : "");
        if (steps > 0) {
            if (!subject.isLayer()) {
                throw new BadInputException("a plain matrix has no time steps to unfold (leave out --unfold)");
            }
            return new GraphExport(unfolded(subject, state, id, steps, representation, title));
        }
        WeightMatrix pruned = subject.matrix(state, id);
        // The dense graph supplies the pruned edges (kept = false) with their original weights, so one file shows
        // both what pruning kept and what it removed.
        WeightMatrix dense = subject.matrix(subject.dense(), id);
        if (!subject.isLayer()) {
            return new GraphExport(LabelledGraph.bipartite(title, pruned, dense, representation,
                    i -> new Vertex("L" + i, "left", -1, i, null), j -> new Vertex("R" + j, "right", -1, j, null)));
        }
        int inputs = subject.inputToHidden().rows();
        int hidden = subject.hiddenToHidden().rows();
        boolean stacked = id.gate() == null && !id.units() && subject.gates() > 1;
        return new GraphExport(LabelledGraph.bipartite(title, pruned, dense, representation,
                i -> leftVertex(id.kind(), i, inputs), j -> rightVertex(subject, stacked, j, hidden)));
    }

    /**
     * What the window shows for {@code request} in {@code state}: a graph that the window draws unfolded
     * ({@link SliderAnalysis#unfolds}) over the request's window of steps, any other (a plain matrix, a stacked LSTM
     * matrix) as its bipartite graph.
     */
    public static GraphExport shown(AnalysisRequest request, PrunedState state) {
        Objects.requireNonNull(request, "request");
        Subject s = request.subject();
        return of(s, state, request.graph(), SliderAnalysis.unfolds(s, request.graph()) ? request.window() : 0,
                request.representation());
    }

    /** The graph, for JGraphT's algorithms (connectivity, ...). */
    public LabelledGraph graph() {
        return graph;
    }

    /**
     * Writes the graph as GraphML, GEXF, DOT or node-link JSON by the file's extension ({@link GraphFiles}),
     * atomically.
     *
     * @throws BadInputException for an unknown extension or a file that cannot be written
     */
    public void write(java.nio.file.Path file) {
        GraphFiles.write(graph, file);
    }

    /** The left vertices of a layer graph at step 1: inputs x1[k], previous hidden units h0[i], or both (step). */
    private static Vertex leftVertex(GraphId.Kind kind, int row, int inputs) {
        boolean input = kind == GraphId.Kind.IH || kind == GraphId.Kind.STEP && row < inputs;
        int unit = kind == GraphId.Kind.STEP && !input ? row - inputs : row;
        return input ? new Vertex("x1[" + unit + "]", "input", 1, unit, null)
                : new Vertex("h0[" + unit + "]", "hidden", 0, unit, null);
    }

    /** The right vertices: hidden units h1[j], or in a stacked LSTM matrix the gate pre-activations h1[j].f. */
    private static Vertex rightVertex(Subject s, boolean stacked, int col, int hidden) {
        int unit = stacked ? col % hidden : col;
        if (!stacked) {
            return new Vertex("h1[" + unit + "]", "hidden", 1, unit, null);
        }
        Gate gate = s.gateOrder().blocks().get(col / hidden);
        return new Vertex("h1[" + unit + "]." + gate.shortName(), "hidden", 1, unit, gate.shortName());
    }

    /** The unfolding, as {@link SliderAnalysis#drawing} builds it for the window, but of the whole layer. */
    private static LabelledGraph unfolded(Subject s, PrunedState state, GraphId id, int steps,
                                          Representation representation, String title) {
        WeightMatrix[] m = SliderAnalysis.unfoldingInputs(s, id, state.ih(), state.hh(), s.inputToHidden(),
                s.hiddenToHidden());
        long edges = (long) (m[2].nonZeros() + m[3].nonZeros()) * steps;
        if (edges > MAX_UNFOLDED_EDGES) {
            throw new BadInputException(String.format(Locale.ROOT, "graph '%s' unfolded over %d steps has up to %,d "
                    + "edges; an export holds at most %,d (unfold fewer steps)", id, steps, edges,
                    MAX_UNFOLDED_EDGES));
        }
        return LabelledGraph.unfolded(title, m[0], m[1], m[2], m[3], steps, representation);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
