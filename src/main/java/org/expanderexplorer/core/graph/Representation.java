package org.expanderexplorer.core.graph;

/**
 * How a weight matrix becomes a graph (science.md, section 1).
 */
public enum Representation {
    /** M = 1[W != 0]: every kept weight is an edge of weight 1. */
    UNWEIGHTED,
    /** M = |W| on kept entries: degrees become strengths (sums of |w|), and so do cuts and the Laplacian. */
    WEIGHTED;

    /** {@link #WEIGHTED} if {@code weighted}, else {@link #UNWEIGHTED}. */
    public static Representation of(boolean weighted) {
        return weighted ? WEIGHTED : UNWEIGHTED;
    }

    /** The edge weight this representation gives to a matrix entry (0 for a pruned or zero entry). */
    public double edgeWeight(double w) {
        if (w == 0.0) {
            return 0.0;
        }
        return this == UNWEIGHTED ? 1.0 : Math.abs(w);
    }
}
