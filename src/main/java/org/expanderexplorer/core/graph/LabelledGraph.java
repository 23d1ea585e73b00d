package org.expanderexplorer.core.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.MaskSubgraph;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * A layer graph, gate graph or time-unfolded graph as a JGraphT graph that can leave the application: every vertex
 * under the name the window shows ({@code x1[3]}, {@code h1[62]}, {@code L0}, {@code R5}), every edge of the
 * <em>dense</em> graph with its weight and a kept/pruned flag, so that one file holds both the pruned graph and
 * what pruning removed. {@link GraphFiles} writes it as GraphML, GEXF, DOT or node-link JSON.
 *
 * <p>Why JGraphT here and CSR arrays elsewhere: this graph is built once per export or test and then handed to
 * JGraphT's exporters and algorithms (connectivity, bipartiteness, girth), which is what JGraphT is good at. The
 * spectral paths run thousands of matrix-vector products on the same graph, where the CSR arrays of
 * {@link CsrGraph} are several times faster and far smaller (see the decision record on hand-written graph code).
 *
 * <p>Cost: JGraphT's simple graph checks each new edge against the edges at its ends, so building takes
 * O(E_dense d_max), and every edge is an object in hash maps: about 300 bytes per edge allocated (measured,
 * decision 0017). An unfolded LSTM-128 over 28 steps (0.56 M edges) allocates 170 MB and takes seconds, so export
 * a window of steps.
 * Immutable once built; the graph returned by {@link #graph()} is an unmodifiable view.
 */
public final class LabelledGraph {

    /**
     * A vertex as the window names it.
     *
     * @param name the unique name, e.g. {@code x1[3]} (input unit 3 at step 1), {@code h0[62]} (hidden unit 62
     *             at step 0), {@code h1[62].f} (the forget-gate pre-activation of a stacked LSTM matrix),
     *             {@code L0} / {@code R5} (row / column of a plain matrix)
     * @param role {@code input}, {@code hidden}, {@code left} or {@code right}
     * @param step the time step ({@code -1} for a plain matrix)
     * @param unit the unit, row or column index
     * @param gate the gate's short name ({@code i}, {@code f}, {@code g}, {@code o}) of a stacked pre-activation,
     *             or null
     */
    public record Vertex(String name, String role, int step, int unit, String gate) {
        public Vertex {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(role, "role");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * An edge: its weight is the graph's edge weight ({@code |w|} in the weighted representation, 1 unweighted;
     * a pruned edge keeps its dense weight), and {@link #kept()} says whether pruning kept it. Identity equality,
     * as JGraphT expects of edge objects.
     */
    public static final class Edge extends DefaultWeightedEdge {
        private static final long serialVersionUID = 1L;
        private final boolean kept;

        Edge(boolean kept) {
            this.kept = kept;
        }

        /** True if the edge survived pruning. */
        public boolean kept() {
            return kept;
        }
    }

    private final Graph<Vertex, Edge> graph;
    private final String title;
    private final Representation representation;

    private LabelledGraph(SimpleWeightedGraph<Vertex, Edge> graph, String title, Representation representation) {
        this.graph = new AsUnmodifiableGraph<>(graph);
        this.title = title;
        this.representation = representation;
    }

    /**
     * The bipartite graph of a matrix: a vertex per row and per column (isolated ones included, as the window
     * draws them), an edge per non-zero entry of {@code dense}, kept where {@code pruned} is non-zero too.
     *
     * @param title          what the graph is, written into the file (e.g. {@code ih of rnn.zip, q = 20 %})
     * @param pruned         the pruned matrix; not modified
     * @param dense          the matrix before pruning, same shape; not modified (pass {@code pruned} itself when
     *                       nothing was pruned)
     * @param representation weights |w| or 1
     * @param left           the vertex of row i
     * @param right          the vertex of column j
     * @throws IllegalArgumentException if the shapes differ, or pruning added an entry that dense lacks
     */
    public static LabelledGraph bipartite(String title, WeightMatrix pruned, WeightMatrix dense,
            Representation representation, IntFunction<Vertex> left, IntFunction<Vertex> right) {
        Objects.requireNonNull(pruned, "pruned");
        Objects.requireNonNull(dense, "dense");
        if (pruned.rows() != dense.rows() || pruned.cols() != dense.cols()) {
            throw new IllegalArgumentException("pruned " + pruned + " and dense " + dense + " differ in shape");
        }
        SimpleWeightedGraph<Vertex, Edge> g = newGraph();
        List<Vertex> rows = addAll(g, pruned.rows(), left);
        List<Vertex> cols = addAll(g, pruned.cols(), right);
        for (int i = 0; i < dense.rows(); i++) {
            for (int j = 0; j < dense.cols(); j++) {
                double d = dense.get(i, j);
                double p = pruned.get(i, j);
                if (d == 0.0 && p != 0.0) {
                    throw new IllegalArgumentException("entry (" + i + ", " + j + ") is non-zero only after pruning");
                }
                if (d != 0.0) {
                    double w = representation == Representation.WEIGHTED ? Math.abs(p != 0.0 ? p : d) : 1.0;
                    add(g, rows.get(i), cols.get(j), p != 0.0, w);
                }
            }
        }
        return new LabelledGraph(g, title, representation);
    }

    /**
     * The time-unfolded graph (the same vertices and edges as {@link UnfoldedGraph}, named by
     * {@link UnfoldedVertex}); an edge is kept where the unfolding of the pruned matrices has it. Stacked LSTM
     * matrices are collapsed onto the hidden units as {@link UnfoldedGraph} does; slice one gate first for a gate
     * graph.
     *
     * @param ih      pruned W_ih; {@code hh} pruned W_hh (zeros for the input graph alone, and vice versa)
     * @param denseIh W_ih before pruning; {@code denseHh} likewise
     * @param steps   the steps unfolded
     */
    public static LabelledGraph unfolded(String title, WeightMatrix ih, WeightMatrix hh, WeightMatrix denseIh,
            WeightMatrix denseHh, int steps, Representation representation) {
        UnfoldedGraph pruned = new UnfoldedGraph(ih, hh, steps, representation);
        UnfoldedGraph dense = new UnfoldedGraph(denseIh, denseHh, steps, representation);
        SimpleWeightedGraph<Vertex, Edge> g = newGraph();
        List<Vertex> vertices = addAll(g, dense.vertexCount(), v -> {
            UnfoldedVertex u = dense.vertexAt(v);
            return new Vertex(u.toString(), u.role() == UnfoldedVertex.Role.X ? "input" : "hidden", u.step(),
                    u.unit(), null);
        });
        // both unfoldings list their edges in the same order (step by step, input edges first, by row), and the
        // pruned edges are a subsequence of the dense ones, so one merge pass pairs them up
        int[] pf = pruned.edgeFrom();
        int[] pt = pruned.edgeTo();
        double[] pw = pruned.edgeWeight();
        int[] df = dense.edgeFrom();
        int[] dt = dense.edgeTo();
        double[] dw = dense.edgeWeight();
        int k = 0;
        for (int e = 0; e < df.length; e++) {
            boolean kept = k < pf.length && pf[k] == df[e] && pt[k] == dt[e];
            add(g, vertices.get(df[e]), vertices.get(dt[e]), kept, kept ? pw[k] : dw[e]);
            if (kept) {
                k++;
            }
        }
        if (k != pf.length) {
            throw new IllegalArgumentException("the pruned matrices have entries that the dense ones lack");
        }
        return new LabelledGraph(g, title, representation);
    }

    /** The graph: unmodifiable, vertices in the order added (rows before columns; the unfolding's numbering). */
    public Graph<Vertex, Edge> graph() {
        return graph;
    }

    /** What the graph is, as written into exported files. */
    public String title() {
        return title;
    }

    /** Whether the edge weights are |w| or 1. */
    public Representation representation() {
        return representation;
    }

    /** Edges that pruning kept. */
    public int keptEdges() {
        return (int) graph.edgeSet().stream().filter(Edge::kept).count();
    }

    /**
     * Connected components of the pruned graph, counting only vertices that keep an edge: the same convention as
     * {@link LayerGraph#components()} (isolated vertices are removed before anything is measured), computed here
     * by JGraphT's {@link ConnectivityInspector} on the kept edges.
     */
    public int keptComponents() {
        Graph<Vertex, Edge> kept = new MaskSubgraph<>(graph, v -> false, e -> !e.kept());
        int isolated = 0;
        for (Vertex v : kept.vertexSet()) {
            if (kept.degreeOf(v) == 0) {
                isolated++;
            }
        }
        return new ConnectivityInspector<>(kept).connectedSets().size() - isolated;
    }

    private static SimpleWeightedGraph<Vertex, Edge> newGraph() {
        // no edge supplier: every edge is created here with its kept flag
        return new SimpleWeightedGraph<>(null, null);
    }

    private static List<Vertex> addAll(Graph<Vertex, Edge> g, int n, IntFunction<Vertex> vertex) {
        List<Vertex> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Vertex v = vertex.apply(i);
            if (!g.addVertex(v)) {
                throw new IllegalArgumentException("two vertices are named " + v.name());
            }
            out.add(v);
        }
        return out;
    }

    private static void add(Graph<Vertex, Edge> g, Vertex a, Vertex b, boolean kept, double weight) {
        Edge e = new Edge(kept);
        g.addEdge(a, b, e);
        g.setEdgeWeight(e, weight);
    }
}
