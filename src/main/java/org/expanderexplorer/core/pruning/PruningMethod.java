package org.expanderexplorer.core.pruning;

/**
 * How entries are chosen for removal, and what each choice guarantees about the layer graph.
 */
public enum PruningMethod {
    /**
     * Keep the round(q N / 100) entries of largest |w| in each matrix separately (ties: lower row-major index
     * first). Guarantees the kept count per matrix; nothing about degrees: vertices may become isolated.
     */
    MAGNITUDE("magnitude"),
    /**
     * Keep the round(q N / 100) entries of largest |w| over all chosen matrices together (N their total size).
     * Guarantees the total kept count; per-matrix densities follow the weight scales, so a matrix of small
     * weights may lose almost everything.
     */
    GLOBAL_MAGNITUDE("global"),
    /**
     * Keep round(q N / 100) entries drawn uniformly at random in each matrix (seeded). Guarantees the kept count
     * per matrix; the graph is a random bipartite graph with that many edges (the control of the paper's claim).
     */
    RANDOM("random"),
    /**
     * Each column (a hidden unit's pre-activation, the right vertex) keeps its k = max(1, round(q rows / 100))
     * largest incoming |w|. Guarantees every right vertex has degree exactly k (right-regular, so near-biregular)
     * and none is isolated; the kept count is k * cols, which rounds q to a multiple of 100 / rows.
     */
    TOP_K_PER_VERTEX("topk"),
    /**
     * Magnitude order, but first every vertex (row and column) is given its d_min largest edges, then the
     * remaining budget goes by magnitude. Guarantees every degree >= min(d_min, the vertex's candidate edges):
     * with no earlier mask that is min(d_min, size of the other side), so no vertex is isolated; within an earlier
     * mask, a vertex keeps what it has left up to d_min. If the reserved edges alone exceed round(q N / 100), the
     * guarantee wins and more entries are kept than q asks (the actual q is reported).
     */
    EXPANSION_PRESERVING("expansion");

    private final String cliName;

    PruningMethod(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line and in files. */
    public String cliName() {
        return cliName;
    }

    /** Parses a CLI name (or the enum constant name), case-insensitively. */
    public static PruningMethod parse(String name) {
        for (PruningMethod m : values()) {
            if (m.cliName.equalsIgnoreCase(name) || m.name().equalsIgnoreCase(name)) {
                return m;
            }
        }
        StringBuilder known = new StringBuilder();
        for (PruningMethod m : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(m.cliName);
        }
        throw new IllegalArgumentException("unknown pruning method '" + name + "' (known: " + known + ")");
    }
}
