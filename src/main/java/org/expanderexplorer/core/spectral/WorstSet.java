package org.expanderexplorer.core.spectral;

import java.util.List;
import java.util.Objects;

/**
 * The set of a layer graph with the smallest edge expansion the analysis can find (science.md, section 4): the
 * exact minimiser of w(E(S, V \ S)) / |S| when the layer is small enough to enumerate (at most
 * {@link ExactCheeger#MAX_VERTICES} vertices), otherwise the sweep cut of the Fiedler vector, whose ratio is an
 * upper bound on h(G) achieved by this very set. Beside it the Cheeger bounds, so that the gap between the set
 * found and what any set could do is visible. Like the rest of the analysis, on the non-isolated part of the
 * layer: an isolated vertex has no edge at all and is counted apart.
 *
 * @param ratio  w(E(S, V \ S)) / |S|, or null for a graph of fewer than 2 vertices
 * @param cut    w(E(S, V \ S))
 * @param exact  true when found by enumeration (then {@code ratio} is h(G))
 * @param labels S as labels by original matrix index: {@code L3} a row, {@code R17} a column
 * @param lower  the largest lower bound on h(G) ({@link CheegerBounds#lower()}), or null
 * @param upper  the smallest upper bound on h(G), the sweep cut included ({@link CheegerBounds#upper()}), or null
 */
public record WorstSet(Double ratio, double cut, boolean exact, List<String> labels, Double lower, Double upper) {

    public WorstSet {
        labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
    }

    /** The worst set of an analysed layer: its exact cut where it was enumerated, else its sweep cut. */
    public static WorstSet of(LayerAnalysisResult r) {
        Objects.requireNonNull(r, "r");
        CutResult c = r.exactCut() != null ? r.exactCut() : r.sweepCut();
        CheegerBounds b = r.cheegerBounds();
        return new WorstSet(c.ratio(), c.cut(), r.exactCut() != null, c.labels(), b.lower(), b.upper());
    }

    /** How the set was found, for captions: "exact, by enumeration" or "sweep cut of the Fiedler vector". */
    public String method() {
        return exact ? "exact, by enumeration" : "sweep cut of the Fiedler vector";
    }
}
