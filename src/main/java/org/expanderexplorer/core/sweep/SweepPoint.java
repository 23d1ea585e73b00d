package org.expanderexplorer.core.sweep;

import java.util.Map;
import java.util.Objects;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;
import org.expanderexplorer.core.subject.GraphId;

/**
 * The measurements at one q of a sweep.
 *
 * @param keepPercent  q asked for
 * @param actualPercent q reached over the pruned matrices
 * @param accuracy     test accuracy in [0, 1], or null when not measured
 * @param results      analysis per monitored graph and representation
 * @param millis       time this point took
 */
public record SweepPoint(double keepPercent, double actualPercent, Double accuracy,
                         Map<Key, LayerAnalysisResult> results, long millis) {

    /** A monitored graph in one representation. */
    public record Key(GraphId graph, Representation representation) {
        public Key {
            Objects.requireNonNull(graph, "graph");
            Objects.requireNonNull(representation, "representation");
        }
    }

    public SweepPoint {
        results = Map.copyOf(results);
    }

    /** The analysis of {@code graph} in {@code rep}, or null if it was not monitored. */
    public LayerAnalysisResult result(GraphId graph, Representation rep) {
        return results.get(new Key(graph, rep));
    }
}
