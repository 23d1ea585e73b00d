package org.expanderexplorer.core.spectral;

import java.util.Objects;
import org.expanderexplorer.core.Lazy;
import org.expanderexplorer.core.graph.CsrGraph;

/**
 * What the two searches for a set of small edge expansion share ({@link ExactCheeger} by enumeration,
 * {@link SweepCut} along an ordering vector): the graph, the result computed once on the first call, and the rule
 * that a graph of fewer than 2 vertices has no cut (its {@link CutResult#ratio()} is null).
 */
public abstract class CutSearch {

    /** The graph searched; not modified. */
    final CsrGraph graph;
    private final Lazy<CutResult> result = new Lazy<>(this::compute);

    CutSearch(CsrGraph graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
    }

    /** The set found and its ratio, computed on the first call; {@link CutResult#ratio()} is null below 2 vertices. */
    public final CutResult result() {
        return result.get();
    }

    private CutResult compute() {
        int n = graph.vertexCount();
        return n < 2 ? CutResult.none() : search(n);
    }

    /** The search itself, on the graph's {@code n >= 2} vertices. */
    abstract CutResult search(int n);
}
