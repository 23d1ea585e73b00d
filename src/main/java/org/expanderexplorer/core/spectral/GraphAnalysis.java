package org.expanderexplorer.core.spectral;

import java.util.List;
import java.util.Objects;
import org.expanderexplorer.core.Lazy;
import org.expanderexplorer.core.graph.CsrGraph;

/**
 * Expansion of a general weighted graph (science.md, section 4), meant for the time-unfolded graph: components,
 * Fiedler value and vector, the Laplacian Cheeger bounds lambda_2 / 2 &lt;= h &lt;= sqrt(2 d_max lambda_2), the
 * sweep cut and, for at most 24 vertices, the exact constant.
 *
 * <p>Cost: the Fiedler solver (Lanczos past {@link FiedlerSolver#DENSE_LIMIT} vertices: for the unfolded graph
 * of 28 LSTM steps with 128 hidden units, about 4,400 vertices and 450,000 edges, a fraction of a second) plus
 * O(edges + n log n) for the sweep cut. Computed on first request and cached.
 */
public final class GraphAnalysis extends FiedlerAnalysis {

    private final CsrGraph graph;
    private final AnalysisOptions options;
    private final Lazy<GraphAnalysisResult> result = new Lazy<>(this::compute);

    public GraphAnalysis(CsrGraph graph) {
        this(graph, AnalysisOptions.DEFAULT);
    }

    /**
     * @param graph   the graph
     * @param options when to enumerate the exact constant, and the Fiedler solver's options
     */
    public GraphAnalysis(CsrGraph graph, AnalysisOptions options) {
        super(() -> graph, () -> new FiedlerSolver(graph, options.fiedler()).result(),
                f -> FiedlerEigenspace.of(graph, f, options.fiedler()));
        this.graph = Objects.requireNonNull(graph, "graph");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The whole analysis, computed on the first call. */
    public GraphAnalysisResult result() {
        return result.get();
    }

    private GraphAnalysisResult compute() {
        int n = graph.vertexCount();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int v = 0; v < n; v++) {
            min = Math.min(min, graph.strength(v));
            max = Math.max(max, graph.strength(v));
        }
        FiedlerResult f = fiedler();
        CutResult sweep = sweepCut();
        CutResult exact = options.wantsExact(n) ? new ExactCheeger(graph).result() : null;
        CheegerBounds b = CheegerBounds.of(f.value(), min, max, null, sweep.ratio());
        return new GraphAnalysisResult(n, graph.edgeCount(), n == 0 ? null : min, n == 0 ? null : max,
                f.components(), f.value(), b.lower(), b.upper(), sweep.ratio(), sweep.labels(),
                exact == null ? null : exact.ratio(), b, f.vector(), sweep.vertices(),
                exact == null ? List.of() : exact.labels(), f.solver());
    }
}
