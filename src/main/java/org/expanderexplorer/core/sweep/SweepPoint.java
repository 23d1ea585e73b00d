package org.expanderexplorer.core.sweep;

import java.util.Map;
import java.util.Objects;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;
import org.expanderexplorer.core.subject.GraphId;

/**
 * The measurements at one q of a sweep.
 *
 * @param keepPercent     q asked for (for the last point of a ramanujan sweep that stopped, the lowest reachable
 *                        q it stopped at)
 * @param actualPercent   q reached over the pruned matrices
 * @param accuracy        test accuracy in [0, 1], or null when not measured
 * @param results         analysis per monitored graph and representation
 * @param millis          time this point took
 * @param blockPercents   percentage of its dense entries each pruned matrix keeps ({@code ih}, {@code hh}, and per
 *                        gate {@code ih.g}, ... when pruned per gate), in that order
 * @param lowestReachable the lowest q the ramanujan method could reach at this point, null for other methods
 */
public record SweepPoint(double keepPercent, double actualPercent, Double accuracy,
                         Map<Key, LayerAnalysisResult> results, long millis, Map<String, Double> blockPercents,
                         Double lowestReachable) {

    /** A monitored graph in one representation. */
    public record Key(GraphId graph, Representation representation) {
        public Key {
            Objects.requireNonNull(graph, "graph");
            Objects.requireNonNull(representation, "representation");
        }
    }

    public SweepPoint {
        results = Map.copyOf(results);
        blockPercents = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(blockPercents));
    }

    /** A point without per-block percentages or reach. */
    public SweepPoint(double keepPercent, double actualPercent, Double accuracy, Map<Key, LayerAnalysisResult> results,
                      long millis) {
        this(keepPercent, actualPercent, accuracy, results, millis, Map.of(), null);
    }

    /** The analysis of {@code graph} in {@code rep}, or null if it was not monitored. */
    public LayerAnalysisResult result(GraphId graph, Representation rep) {
        return results.get(new Key(graph, rep));
    }
}
