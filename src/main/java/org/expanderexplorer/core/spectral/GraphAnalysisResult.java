package org.expanderexplorer.core.spectral;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * The expansion analysis of a general graph (for example the time-unfolded graph of a recurrent layer). Null
 * where undefined. Degrees are strengths (edge counts when every weight is 1).
 *
 * @param vertices         |V|
 * @param edges            |E|
 * @param minDegree        smallest strength, null for an empty graph
 * @param maxDegree        largest strength, null for an empty graph
 * @param components       connected components (isolated vertices count)
 * @param fiedler          lambda_2 of the Laplacian
 * @param cheegerLower     lambda_2 / 2
 * @param cheegerUpper     min(sqrt(2 d_max lambda_2), sweep-cut ratio)
 * @param sweepCutRatio    the sweep cut's ratio
 * @param sweepCutSet      the sweep cut's smaller side as labels
 * @param cheegerExact     h(G) when enumerated (at most 24 vertices), else null
 * @param cheegerBounds    every bound by name (the adjacency form is null here)
 * @param fiedlerVector    the Fiedler vector by vertex
 * @param sweepCutVertices the sweep cut's set as vertex ids
 * @param cheegerExactSet  an optimal set as labels, empty when not enumerated
 * @param fiedlerSolver    how lambda_2 was computed
 */
@JsonPropertyOrder({"vertices", "edges", "minDegree", "maxDegree", "components", "fiedler", "cheegerLower",
    "cheegerUpper", "sweepCutRatio", "sweepCutSet", "cheegerExact", "cheegerBounds", "fiedlerVector",
    "sweepCutVertices", "cheegerExactSet", "fiedlerSolver"})
public record GraphAnalysisResult(int vertices, int edges, Double minDegree, Double maxDegree, int components,
        Double fiedler, Double cheegerLower, Double cheegerUpper, Double sweepCutRatio, List<String> sweepCutSet,
        Double cheegerExact, CheegerBounds cheegerBounds, List<Double> fiedlerVector,
        List<Integer> sweepCutVertices, List<String> cheegerExactSet, SolverStats fiedlerSolver) {

    public GraphAnalysisResult {
        sweepCutSet = List.copyOf(Objects.requireNonNull(sweepCutSet, "sweepCutSet"));
        fiedlerVector = List.copyOf(Objects.requireNonNull(fiedlerVector, "fiedlerVector"));
        sweepCutVertices = List.copyOf(Objects.requireNonNull(sweepCutVertices, "sweepCutVertices"));
        cheegerExactSet = List.copyOf(Objects.requireNonNull(cheegerExactSet, "cheegerExactSet"));
        Objects.requireNonNull(cheegerBounds, "cheegerBounds");
        Objects.requireNonNull(fiedlerSolver, "fiedlerSolver");
    }
}
