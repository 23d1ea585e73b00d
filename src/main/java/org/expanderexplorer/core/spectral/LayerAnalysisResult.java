package org.expanderexplorer.core.spectral;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;
import org.expanderexplorer.core.graph.Representation;

/**
 * Everything the app shows about one bipartite layer graph: the sub-results of {@link LayerAnalysis}, each as
 * computed (sizes and degrees, singular values, Ramanujan gaps, Fiedler pair, sweep cut, exact Cheeger constant,
 * Cheeger bounds). Degrees, cuts and the Laplacian use the representation's weights (edge counts unweighted,
 * strengths of |w| weighted); {@code lowDegree} is structural.
 *
 * <p>The JSON of {@code spectrum --json} is a flat, documented contract (README, "The command line"), older than
 * this nesting. So the result is written flat, in the order of {@link JsonPropertyOrder} below, through the flat
 * accessors, and the nested components are not written themselves. The flat accessors are kept for the many
 * readers of single numbers (numbers strip, figures, classroom, sweeps); each says which sub-result it reads.
 * Null where a value is undefined (never NaN).
 *
 * @param stats         sizes and degrees of the non-isolated part
 * @param spectrum      singular values of M, mu_0 and mu_hat
 * @param gaps          Delta_S, Delta_R and their variants
 * @param fiedlerResult lambda_2, the Fiedler vector and how they were computed
 * @param sweepCut      the sweep cut of the Fiedler vector
 * @param exactCut      the exact Cheeger constant and an optimal set, or null when not enumerated (more than 24
 *                      vertices, or not asked for)
 * @param cheegerBounds every bound on h(G) by name
 * @param gapVariants   the gap variants of other implementations, labelled ({@link GapVariants}); not in
 *                      {@code spectrum --json} unless asked for with {@code --variants}
 */
@JsonPropertyOrder({"left", "right", "isolatedLeft", "isolatedRight", "edges", "avgDegreeLeft", "avgDegreeRight",
    "minDegree", "maxDegree", "components", "singularValues", "mu0", "muHat", "deltaS", "deltaR",
    "deltaSNormalized", "deltaRNormalized", "weightedGap", "fiedler", "cheegerLower", "cheegerUpper",
    "sweepCutRatio", "sweepCutSet", "cheegerExact", "lowDegree", "representation", "deltaAvg",
    "deltaAvgNormalized", "cheegerBounds", "fiedlerVector", "sweepCutVertices", "cheegerExactSet",
    "fiedlerSolver", "gapVariants"})
public record LayerAnalysisResult(
        @JsonIgnore GraphStats stats,
        @JsonIgnore SingularSpectrum spectrum,
        @JsonIgnore RamanujanGaps gaps,
        @JsonIgnore FiedlerResult fiedlerResult,
        @JsonIgnore CutResult sweepCut,
        @JsonIgnore CutResult exactCut,
        CheegerBounds cheegerBounds,
        GapVariants gapVariants) {

    public LayerAnalysisResult {
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(spectrum, "spectrum");
        Objects.requireNonNull(gaps, "gaps");
        Objects.requireNonNull(fiedlerResult, "fiedlerResult");
        Objects.requireNonNull(sweepCut, "sweepCut");
        Objects.requireNonNull(cheegerBounds, "cheegerBounds");
        Objects.requireNonNull(gapVariants, "gapVariants");
    }

    // Flat accessors: thin delegates to the sub-results, named as the JSON keys.

    /** Non-isolated left vertices |L'| ({@link GraphStats}). */
    @JsonProperty
    public int left() {
        return stats.left();
    }

    /** Non-isolated right vertices |R'| ({@link GraphStats}). */
    @JsonProperty
    public int right() {
        return stats.right();
    }

    /** Removed all-zero rows ({@link GraphStats}). */
    @JsonProperty
    public int isolatedLeft() {
        return stats.isolatedLeft();
    }

    /** Removed all-zero columns ({@link GraphStats}). */
    @JsonProperty
    public int isolatedRight() {
        return stats.isolatedRight();
    }

    /** |E| ({@link GraphStats}). */
    @JsonProperty
    public int edges() {
        return stats.edges();
    }

    /** d_L ({@link GraphStats}). */
    @JsonProperty
    public Double avgDegreeLeft() {
        return stats.avgDegreeLeft();
    }

    /** d_R ({@link GraphStats}). */
    @JsonProperty
    public Double avgDegreeRight() {
        return stats.avgDegreeRight();
    }

    /** d_min over both sides ({@link GraphStats}). */
    @JsonProperty
    public Double minDegree() {
        return stats.minDegree();
    }

    /** d_max over both sides ({@link GraphStats}). */
    @JsonProperty
    public Double maxDegree() {
        return stats.maxDegree();
    }

    /** Connected components of the non-isolated part ({@link GraphStats}). */
    @JsonProperty
    public int components() {
        return stats.components();
    }

    /** Unweighted or weighted ({@link GraphStats}). */
    @JsonProperty
    public Representation representation() {
        return stats.representation();
    }

    /** The singular values of M, descending ({@link SingularSpectrum}). */
    @JsonProperty
    public List<Double> singularValues() {
        return spectrum.values();
    }

    /** sigma_1 ({@link SingularSpectrum}). */
    @JsonProperty
    public Double mu0() {
        return spectrum.mu0();
    }

    /** sigma_2 ({@link SingularSpectrum}). */
    @JsonProperty
    public Double muHat() {
        return spectrum.muHat();
    }

    /** Delta_S ({@link RamanujanGaps}). */
    @JsonProperty
    public Double deltaS() {
        return gaps.deltaS();
    }

    /** Delta_R, unweighted only ({@link RamanujanGaps}). */
    @JsonProperty
    public Double deltaR() {
        return gaps.deltaR();
    }

    /** Delta_S / its bound ({@link RamanujanGaps}). */
    @JsonProperty
    public Double deltaSNormalized() {
        return gaps.deltaSNormalized();
    }

    /** Delta_R / its bound ({@link RamanujanGaps}). */
    @JsonProperty
    public Double deltaRNormalized() {
        return gaps.deltaRNormalized();
    }

    /** mu_0 - mu_hat ({@link RamanujanGaps}). */
    @JsonProperty
    public Double weightedGap() {
        return gaps.weightedGap();
    }

    /** 2 sqrt(d_avg - 1) - mu_hat ({@link RamanujanGaps}). */
    @JsonProperty
    public Double deltaAvg() {
        return gaps.deltaAvg();
    }

    /** deltaAvg / its bound ({@link RamanujanGaps}). */
    @JsonProperty
    public Double deltaAvgNormalized() {
        return gaps.deltaAvgNormalized();
    }

    /** Structural average degree below 3 ({@link RamanujanGaps}). */
    @JsonProperty
    public boolean lowDegree() {
        return gaps.lowDegree();
    }

    /** lambda_2 of the Laplacian ({@link FiedlerResult}). */
    @JsonProperty
    public Double fiedler() {
        return fiedlerResult.value();
    }

    /** The Fiedler vector, by compact vertex id, left vertices first ({@link FiedlerResult}). */
    @JsonProperty
    public List<Double> fiedlerVector() {
        return fiedlerResult.vector();
    }

    /** How lambda_2 was computed: method, residual, seed ({@link FiedlerResult}). */
    @JsonProperty
    public SolverStats fiedlerSolver() {
        return fiedlerResult.solver();
    }

    /** The largest lower bound on h(G) ({@link CheegerBounds}). */
    @JsonProperty
    public Double cheegerLower() {
        return cheegerBounds.lower();
    }

    /** The smallest upper bound on h(G), sweep cut included ({@link CheegerBounds}). */
    @JsonProperty
    public Double cheegerUpper() {
        return cheegerBounds.upper();
    }

    /** The sweep cut's ratio ({@link CutResult}). */
    @JsonProperty
    public Double sweepCutRatio() {
        return sweepCut.ratio();
    }

    /** The sweep cut's smaller side, as labels ({@link CutResult}). */
    @JsonProperty
    public List<String> sweepCutSet() {
        return sweepCut.labels();
    }

    /** The sweep cut's set as compact vertex ids ({@link CutResult}). */
    @JsonProperty
    public List<Integer> sweepCutVertices() {
        return sweepCut.vertices();
    }

    /** h(G), or null when not enumerated ({@link CutResult}). */
    @JsonProperty
    public Double cheegerExact() {
        return exactCut == null ? null : exactCut.ratio();
    }

    /** An optimal set of the exact constant as labels, empty when not enumerated ({@link CutResult}). */
    @JsonProperty
    public List<String> cheegerExactSet() {
        return exactCut == null ? List.of() : exactCut.labels();
    }
}
