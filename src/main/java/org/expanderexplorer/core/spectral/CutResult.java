package org.expanderexplorer.core.spectral;

import java.util.List;
import java.util.Objects;

/**
 * A vertex set S with 0 &lt; |S| &lt;= |V| / 2 and its edge-expansion ratio w(E(S, V \ S)) / |S|.
 *
 * @param ratio    the ratio; null where there is no such set (fewer than 2 vertices)
 * @param cut      w(E(S, V \ S)), the total weight of the edges leaving S (their number, unweighted)
 * @param vertices S as compact vertex ids, ascending
 * @param labels   S as vertex labels ({@code L3}, {@code R17}), in the order of {@code vertices}
 */
public record CutResult(Double ratio, double cut, List<Integer> vertices, List<String> labels) {

    public CutResult {
        vertices = List.copyOf(Objects.requireNonNull(vertices, "vertices"));
        labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
    }

    static CutResult none() {
        return new CutResult(null, 0, List.of(), List.of());
    }
}
