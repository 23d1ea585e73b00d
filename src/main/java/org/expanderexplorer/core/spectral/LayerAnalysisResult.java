package org.expanderexplorer.core.spectral;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;
import org.expanderexplorer.core.graph.Representation;

/**
 * Everything the app shows about one bipartite layer graph, in the order the CLI prints it as JSON. Null where
 * a value is undefined (never NaN). Degrees, cuts and the Laplacian use the representation's weights (edge
 * counts unweighted, strengths of |w| weighted); {@code lowDegree} is structural.
 *
 * @param left               non-isolated left vertices |L'|
 * @param right              non-isolated right vertices |R'|
 * @param isolatedLeft       removed all-zero rows
 * @param isolatedRight      removed all-zero columns
 * @param edges              |E|
 * @param avgDegreeLeft      d_L
 * @param avgDegreeRight     d_R
 * @param minDegree          d_min over both sides
 * @param maxDegree          d_max over both sides
 * @param components         connected components of the non-isolated part
 * @param singularValues     all singular values of M, descending
 * @param mu0                sigma_1
 * @param muHat              sigma_2
 * @param deltaS             Delta_S (see {@link RamanujanGaps})
 * @param deltaR             Delta_R (unweighted only)
 * @param deltaSNormalized   Delta_S / its bound
 * @param deltaRNormalized   Delta_R / its bound
 * @param weightedGap        mu_0 - mu_hat
 * @param fiedler            lambda_2 of the Laplacian
 * @param cheegerLower       the largest lower bound on h(G)
 * @param cheegerUpper       the smallest upper bound on h(G), sweep cut included
 * @param sweepCutRatio      the sweep cut's ratio
 * @param sweepCutSet        the sweep cut's smaller side, as labels
 * @param cheegerExact       h(G), null when not enumerated (more than 24 vertices, or not asked for)
 * @param lowDegree          structural average degree below 3
 * @param representation     unweighted or weighted
 * @param deltaAvg           2 sqrt(d_avg - 1) - mu_hat
 * @param deltaAvgNormalized deltaAvg / its bound
 * @param cheegerBounds      every bound by name
 * @param fiedlerVector      the Fiedler vector, by compact vertex id (left vertices first)
 * @param sweepCutVertices   the sweep cut's set as compact vertex ids
 * @param cheegerExactSet    an optimal set of the exact constant as labels (empty when not enumerated)
 * @param fiedlerSolver      how lambda_2 was computed (method, residual, seed)
 * @param gapVariants        the gap variants of other implementations, labelled ({@link GapVariants}); not in
 *                           {@code spectrum --json} unless asked for with {@code --variants}
 */
@JsonPropertyOrder({"left", "right", "isolatedLeft", "isolatedRight", "edges", "avgDegreeLeft", "avgDegreeRight",
    "minDegree", "maxDegree", "components", "singularValues", "mu0", "muHat", "deltaS", "deltaR",
    "deltaSNormalized", "deltaRNormalized", "weightedGap", "fiedler", "cheegerLower", "cheegerUpper",
    "sweepCutRatio", "sweepCutSet", "cheegerExact", "lowDegree", "representation", "deltaAvg",
    "deltaAvgNormalized", "cheegerBounds", "fiedlerVector", "sweepCutVertices", "cheegerExactSet",
    "fiedlerSolver"})
public record LayerAnalysisResult(
        int left, int right, int isolatedLeft, int isolatedRight, int edges,
        Double avgDegreeLeft, Double avgDegreeRight, Double minDegree, Double maxDegree, int components,
        List<Double> singularValues, Double mu0, Double muHat, Double deltaS, Double deltaR,
        Double deltaSNormalized, Double deltaRNormalized, Double weightedGap, Double fiedler,
        Double cheegerLower, Double cheegerUpper, Double sweepCutRatio, List<String> sweepCutSet,
        Double cheegerExact, boolean lowDegree,
        Representation representation, Double deltaAvg, Double deltaAvgNormalized, CheegerBounds cheegerBounds,
        List<Double> fiedlerVector, List<Integer> sweepCutVertices, List<String> cheegerExactSet,
        SolverStats fiedlerSolver, GapVariants gapVariants) {

    public LayerAnalysisResult {
        singularValues = List.copyOf(Objects.requireNonNull(singularValues, "singularValues"));
        sweepCutSet = List.copyOf(Objects.requireNonNull(sweepCutSet, "sweepCutSet"));
        fiedlerVector = List.copyOf(Objects.requireNonNull(fiedlerVector, "fiedlerVector"));
        sweepCutVertices = List.copyOf(Objects.requireNonNull(sweepCutVertices, "sweepCutVertices"));
        cheegerExactSet = List.copyOf(Objects.requireNonNull(cheegerExactSet, "cheegerExactSet"));
        Objects.requireNonNull(representation, "representation");
        Objects.requireNonNull(cheegerBounds, "cheegerBounds");
        Objects.requireNonNull(fiedlerSolver, "fiedlerSolver");
        Objects.requireNonNull(gapVariants, "gapVariants");
    }
}
