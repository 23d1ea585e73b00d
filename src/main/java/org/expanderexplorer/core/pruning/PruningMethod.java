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
    EXPANSION_PRESERVING("expansion"),
    /**
     * The paper's method (science.md, sections 7-8): magnitude pruning in which each matrix, or each gate slice when
     * pruned per gate, is pruned further only while its {@link MonitoredGap} (unweighted Delta_R by default) stays
     * &gt; 0. Each block's floor is found by iterative magnitude descent ({@link GapFloor}); a block whose magnitude
     * count at q would fall below its floor keeps its floor, and the still-Ramanujan blocks are pruned harder so
     * that the total over the pruned matrices is what magnitude pruning keeps at q. Guarantees: every block whose
     * gap was positive before pruning keeps a positive gap; the total is q whenever q is at or above the lowest
     * reachable q ({@link Pruner#lowestReachablePercent()}, every block at its floor); asked for less, it keeps
     * the lowest reachable q and reports it (never silently). Equal to {@link #MAGNITUDE} wherever magnitude keeps
     * every block above its floor.
     */
    RAMANUJAN("ramanujan"),
    /**
     * Magnitude order under per-row and per-column budgets (near-biregular): with k = round(q N / 100) kept in a
     * block, each row keeps floor(k / rows) or ceil(k / rows) entries and each column floor(k / cols) or
     * ceil(k / cols) (the larger budgets to the strongest rows and columns), exactly k in all; within an earlier
     * mask that admits no such pattern, the budgets are raised as little as needed ({@link BalancedSelection}).
     * Guarantees the budgets, not the gap: a near-biregular pattern tends to keep mu_hat low for its edge count,
     * so it tends to cross zero later than magnitude, but nothing bounds it.
     */
    BALANCED("balanced");

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
