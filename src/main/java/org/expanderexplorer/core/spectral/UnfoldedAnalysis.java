package org.expanderexplorer.core.spectral;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.expanderexplorer.core.Lazy;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.UnfoldedGraph;
import org.expanderexplorer.core.graph.WeightMatrix;

/**
 * The time-unfolded graph's own numbers (science.md, section 8): its Fiedler value, sweep cut and Cheeger bounds
 * as one graph ({@link GraphAnalysis}), and the Ramanujan gaps of each of its T' bipartite layers, the step layer
 * x_t and h_{t-1} to h_t, read off the unfolded graph itself. The layers are copies of the step graph (the weights
 * are shared across t), so their gaps are equal; lambda_2 of the whole falls as T' grows (a path-like chain of
 * expanders), the teaching point of showing both.
 *
 * <p>Cost: the {@link GraphAnalysis} of V = H + T'(I + H) vertices (Lanczos beyond 160 vertices) plus T' layer
 * spectra of (I + H) x H. The exact Cheeger constant is never enumerated here. Computed once, on the first call.
 */
public final class UnfoldedAnalysis {

    /**
     * The gaps of one bipartite layer of the unfolded graph.
     *
     * @param step   t
     * @param left   non-isolated vertices among x_t and h_{t-1}
     * @param right  non-isolated vertices among h_t
     * @param edges  edges into h_t
     * @param mu0    sigma_1
     * @param muHat  sigma_2
     * @param deltaS Delta_S
     * @param deltaR Delta_R (unweighted only)
     */
    public record Layer(int step, int left, int right, int edges, Double mu0, Double muHat, Double deltaS,
                        Double deltaR) {
    }

    /**
     * The numbers of an unfolded graph.
     *
     * @param steps          T'
     * @param representation the edge weights used
     * @param vertices       H + T'(I + H)
     * @param edges          T'(|E_ih| + |E_hh|)
     * @param components     connected components (isolated vertices count)
     * @param fiedler        lambda_2 of the whole graph's Laplacian
     * @param cheegerLower   lambda_2 / 2
     * @param cheegerUpper   min(sqrt(2 d_max lambda_2), the sweep cut's ratio)
     * @param sweepCutRatio  the sweep cut's ratio (the best over lambda_2's eigenspace when repeated)
     * @param sweepCutSize   vertices on the sweep cut's smaller side
     * @param layers         the gaps of the bipartite layer of each step, t = 1 .. T'
     * @param layersEqual    whether every layer has the same gaps (always, for shared weights; checked)
     */
    @JsonPropertyOrder({"steps", "representation", "vertices", "edges", "components", "fiedler", "cheegerLower",
        "cheegerUpper", "sweepCutRatio", "sweepCutSize", "layersEqual", "layers"})
    public record Result(int steps, Representation representation, int vertices, int edges, int components,
                         Double fiedler, Double cheegerLower, Double cheegerUpper, Double sweepCutRatio,
                         int sweepCutSize, List<Layer> layers, boolean layersEqual) {
        public Result {
            layers = List.copyOf(layers);
        }

        /** The first layer's gaps (all are equal), or null for no steps. */
        public Layer layer() {
            return layers.isEmpty() ? null : layers.get(0);
        }
    }

    private final UnfoldedGraph graph;
    private final Lazy<Result> result = new Lazy<>(this::compute);

    /** @param graph the unfolded graph (its window of T' steps) */
    public UnfoldedAnalysis(UnfoldedGraph graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
    }

    /** The numbers, computed on the first call. */
    public Result result() {
        return result.get();
    }

    private Result compute() {
        GraphAnalysisResult g = new GraphAnalysis(graph.toCsrGraph(),
                AnalysisOptions.DEFAULT.withExact(AnalysisOptions.Exact.NEVER)).result();
        List<Layer> layers = new ArrayList<>();
        for (int t = graph.firstStep(); t <= graph.lastStep(); t++) {
            layers.add(layer(t));
        }
        boolean equal = true;
        for (Layer l : layers) {
            equal &= sameGaps(l, layers.get(0));
        }
        return new Result(graph.steps(), graph.representation(), g.vertices(), g.edges(), g.components(),
                g.fiedler(), g.cheegerLower(), g.cheegerUpper(), g.sweepCutRatio(), g.sweepCutSet().size(),
                layers, equal);
    }

    /** The bipartite layer into h_t: rows x_t (I) then h_{t-1} (H), columns h_t (H), from the unfolded edges. */
    private Layer layer(int t) {
        int inputs = graph.inputs();
        int hidden = graph.hidden();
        double[] m = new double[(inputs + hidden) * hidden];
        int[] from = graph.edgeFrom();
        int[] to = graph.edgeTo();
        double[] w = graph.edgeWeight();
        int xBase = graph.vertex(org.expanderexplorer.core.graph.UnfoldedVertex.Role.X, t, 0);
        int prevBase = graph.vertex(org.expanderexplorer.core.graph.UnfoldedVertex.Role.H, t - 1, 0);
        int hBase = graph.vertex(org.expanderexplorer.core.graph.UnfoldedVertex.Role.H, t, 0);
        for (int e = 0; e < from.length; e++) {
            int j = to[e] - hBase;
            if (j < 0 || j >= hidden) {
                continue;
            }
            int f = from[e];
            int row = f >= xBase && f < xBase + inputs ? f - xBase : inputs + (f - prevBase);
            m[row * hidden + j] = w[e];
        }
        LayerGraph lg = LayerGraph.of(new WeightMatrix(inputs + hidden, hidden, m), graph.representation());
        SingularSpectrum s = new SingularValues(lg).result();
        RamanujanGaps gaps = RamanujanGaps.of(lg, s);
        return new Layer(t, lg.left(), lg.right(), lg.edges(), s.mu0(), s.muHat(), gaps.deltaS(), gaps.deltaR());
    }

    private static boolean sameGaps(Layer a, Layer b) {
        return a.edges() == b.edges() && a.left() == b.left() && a.right() == b.right()
                && Objects.equals(a.muHat(), b.muHat()) && Objects.equals(a.deltaS(), b.deltaS())
                && Objects.equals(a.deltaR(), b.deltaR());
    }
}
