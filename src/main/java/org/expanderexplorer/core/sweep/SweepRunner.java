package org.expanderexplorer.core.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.spectral.LayerAnalysis;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;

/**
 * Runs a sparsity sweep over a {@link Subject}: at each q of the schedule it prunes, analyses every monitored graph
 * in every representation, and measures accuracy when asked. Points are reported as they finish (for live
 * curves) and the run can be cancelled between graphs.
 *
 * <p>Cost per point: one spectral analysis per graph and representation (no dense O(n^3) step on large graphs:
 * see {@link LayerAnalysis}) plus one evaluation of the model on the chosen test examples. Deterministic for a
 * seed. Used by the window's live curves and by the {@code sweep} command alike.
 */
public final class SweepRunner {

    private final Subject subject;
    private final SweepConfig config;

    public SweepRunner(Subject subject, SweepConfig config) {
        this.subject = Objects.requireNonNull(subject, "subject");
        this.config = Objects.requireNonNull(config, "config");
        for (GraphId g : config.graphs()) {
            subject.matrix(subject.dense(), g); // refuse graphs the subject does not have, before any work
        }
    }

    /**
     * Runs the sweep.
     *
     * @param onPoint   receives each point as it finishes (on the calling thread); may be null
     * @param cancelled polled between steps; when true the run stops with {@link CancellationException}
     */
    public SweepResult run(Consumer<SweepPoint> onPoint, BooleanSupplier cancelled) {
        List<SweepPoint> points = new ArrayList<>();
        long start = System.nanoTime();
        for (double q : config.schedule().keepPercents()) {
            SweepPoint p = point(q, cancelled);
            points.add(p);
            if (onPoint != null) {
                onPoint.accept(p);
            }
        }
        return SweepResult.of(config, points, (System.nanoTime() - start) / 1_000_000);
    }

    /** Measures one q. */
    public SweepPoint point(double q, BooleanSupplier cancelled) {
        long t0 = System.nanoTime();
        PrunedState state = subject.prune(q, config.settings());
        Map<SweepPoint.Key, LayerAnalysisResult> results = new LinkedHashMap<>();
        for (GraphId g : config.graphs()) {
            for (Representation rep : Representation.values()) {
                if (!config.representations().contains(rep)) {
                    continue;
                }
                checkCancelled(cancelled);
                LayerGraph graph = LayerGraph.of(subject.matrix(state, g), rep);
                results.put(new SweepPoint.Key(g, rep), new LayerAnalysis(graph, config.options()).result());
            }
        }
        Double accuracy = null;
        if (config.accuracyLimit() >= 0 && subject.probe() != null) {
            checkCancelled(cancelled);
            accuracy = subject.probe().accuracy(state.ihMask(), state.hhMask(), config.accuracyLimit());
        }
        return new SweepPoint(q, state.actualKeepPercent(), accuracy, results, (System.nanoTime() - t0) / 1_000_000);
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled != null && cancelled.getAsBoolean()) {
            throw new CancellationException("sweep cancelled");
        }
    }
}
