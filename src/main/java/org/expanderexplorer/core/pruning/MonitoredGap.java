package org.expanderexplorer.core.pruning;

import java.util.Objects;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.spectral.RamanujanGaps;
import org.expanderexplorer.core.spectral.SingularValues;

/**
 * The gap that {@link PruningMethod#RAMANUJAN} keeps positive (science.md, sections 3 and 8): a matrix, or a gate
 * slice, is pruned further only while this gap of its graph stays &gt; 0. An undefined gap counts as not positive
 * (as in the stopping rule, decision 0007).
 */
public enum MonitoredGap {
    /** Delta_R = sqrt(d_L - 1) + sqrt(d_R - 1) - mu_hat of the 0/1 pattern (the default, decision 0007). */
    DELTA_R("deltaR", "Δ_R", Representation.UNWEIGHTED),
    /** Delta_S = 2 sqrt(mu_0 - 1) - mu_hat of the 0/1 pattern. */
    DELTA_S("deltaS", "Δ_S", Representation.UNWEIGHTED),
    /** Delta_S of |W| (the gap of the paper's weighted figures). */
    WEIGHTED_DELTA_S("weighted-deltaS", "weighted Δ_S", Representation.WEIGHTED),
    /**
     * The plain spectral gap mu_0 - mu_hat of |W|. It reaches 0 only when sigma_1 is repeated (for example two
     * components with the same largest singular value), so it rarely stops pruning; offered for completeness.
     */
    WEIGHTED_GAP("weighted-gap", "weighted μ_0 − μ̂", Representation.WEIGHTED);

    private final String cliName;
    private final String label;
    private final Representation representation;

    MonitoredGap(String cliName, String label, Representation representation) {
        this.cliName = cliName;
        this.label = label;
        this.representation = representation;
    }

    /** The name on the command line and in files: {@code deltaR}, {@code deltaS}, ... */
    public String cliName() {
        return cliName;
    }

    /** A short label for the window, e.g. {@code Δ_R}. */
    public String label() {
        return label;
    }

    /** The representation the gap is measured in. */
    public Representation representation() {
        return representation;
    }

    /** This gap of a layer's gaps, or null where undefined. */
    public Double of(RamanujanGaps gaps) {
        Objects.requireNonNull(gaps, "gaps");
        return switch (this) {
            case DELTA_R -> gaps.deltaR();
            case DELTA_S, WEIGHTED_DELTA_S -> gaps.deltaS();
            case WEIGHTED_GAP -> gaps.weightedGap();
        };
    }

    /**
     * This gap of the graph of {@code m} (non-zero entries are edges), or null where undefined. Cost: one
     * {@link LayerGraph} (O(rows cols)) and its singular values ({@link SingularValues}).
     */
    public Double of(WeightMatrix m) {
        LayerGraph g = LayerGraph.of(m, representation);
        return of(RamanujanGaps.of(g, new SingularValues(g).result()));
    }

    /** True when the gap is defined and &gt; 0. */
    public static boolean positive(Double gap) {
        return gap != null && gap > 0;
    }

    /** Parses a CLI name (or the constant's name), case-insensitively. */
    public static MonitoredGap parse(String name) {
        Objects.requireNonNull(name, "name");
        for (MonitoredGap g : values()) {
            if (g.cliName.equalsIgnoreCase(name.strip()) || g.name().equalsIgnoreCase(name.strip())) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown gap '" + name + "' (known: deltaR, deltaS, weighted-deltaS, "
                + "weighted-gap)");
    }

    @Override
    public String toString() {
        return label;
    }
}
