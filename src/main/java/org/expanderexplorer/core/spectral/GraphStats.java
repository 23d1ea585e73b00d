package org.expanderexplorer.core.spectral;

import java.util.Objects;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;

/**
 * The size and degrees of a layer graph's non-isolated part: the part of a {@link LayerAnalysisResult} that needs
 * no spectral work, copied out of the {@link LayerGraph} so that a result does not keep the whole graph (and its
 * dense biadjacency) alive. Degrees are strengths (sums of |w|) in the weighted representation; null where
 * undefined (no vertex on that side), never NaN.
 *
 * @param representation unweighted or weighted
 * @param left           non-isolated left vertices |L'|
 * @param right          non-isolated right vertices |R'|
 * @param isolatedLeft   removed all-zero rows
 * @param isolatedRight  removed all-zero columns
 * @param edges          |E|
 * @param avgDegreeLeft  d_L
 * @param avgDegreeRight d_R
 * @param minDegree      d_min over both sides
 * @param maxDegree      d_max over both sides
 * @param components     connected components of the non-isolated part
 */
public record GraphStats(Representation representation, int left, int right, int isolatedLeft, int isolatedRight,
                         int edges, Double avgDegreeLeft, Double avgDegreeRight, Double minDegree, Double maxDegree,
                         int components) {

    public GraphStats {
        Objects.requireNonNull(representation, "representation");
    }

    /** The statistics of {@code graph}; O(1), the graph has them cached. */
    public static GraphStats of(LayerGraph graph) {
        return new GraphStats(graph.representation(), graph.left(), graph.right(), graph.isolatedLeft(),
                graph.isolatedRight(), graph.edges(), defined(graph.avgDegreeLeft()), defined(graph.avgDegreeRight()),
                defined(graph.minDegree()), defined(graph.maxDegree()), graph.components());
    }

    /** NaN (the graph's "undefined") becomes null, which JSON can carry. */
    static Double defined(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
