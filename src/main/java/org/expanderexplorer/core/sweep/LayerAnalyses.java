package org.expanderexplorer.core.sweep;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.pruning.PruningMask;
import org.expanderexplorer.core.spectral.AnalysisOptions;
import org.expanderexplorer.core.spectral.LayerAnalysis;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.PrunedState;
import org.expanderexplorer.core.subject.Subject;

/**
 * The analyses of a subject's pruned graphs, each computed once: the curves over q and the window's analysis of
 * the slider's position ask for the same ones (at a model's opening both analyse q = 100 % at once, and switching
 * the graph back recomputes its curves), and one analysis of a 156-vertex layer costs 10-20 ms, ten times that in a
 * JVM that has not compiled it yet (decision 0035). The second caller of an analysis in progress waits for it.
 *
 * <p>Keyed by the pruned masks (their contents), the graph, the representation and the options, per subject
 * (weakly: a subject no longer shown takes its analyses with it); the last {@link #CAPACITY} per subject are kept,
 * two curves' worth. Thread-safe.
 */
public final class LayerAnalyses {

    /** Analyses kept per subject: both representations of the 21 points of one curve, and a few more. */
    static final int CAPACITY = 48;

    private record Key(PruningMask ih, PruningMask hh, GraphId graph, Representation rep, AnalysisOptions options) {
    }

    // guarded by itself
    private static final Map<Subject, Map<Key, CompletableFuture<LayerAnalysisResult>>> MEMO = new WeakHashMap<>();

    private LayerAnalyses() {
    }

    /**
     * The analysis of graph {@code g} of {@code s} pruned to {@code state}, in representation {@code rep}: computed
     * here, or by another thread that asked first (then waited for), or taken from the memo.
     */
    public static LayerAnalysisResult of(Subject s, PrunedState state, GraphId g, Representation rep,
                                         AnalysisOptions options) {
        Key key = new Key(state.ihMask(), state.hhMask(), Objects.requireNonNull(g, "graph"),
                Objects.requireNonNull(rep, "representation"), Objects.requireNonNull(options, "options"));
        CompletableFuture<LayerAnalysisResult> mine = new CompletableFuture<>();
        CompletableFuture<LayerAnalysisResult> earlier;
        Map<Key, CompletableFuture<LayerAnalysisResult>> memo;
        synchronized (MEMO) {
            memo = MEMO.computeIfAbsent(Objects.requireNonNull(s, "subject"), x -> new LinkedHashMap<>(64, 0.75f,
                    true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, CompletableFuture<LayerAnalysisResult>> e) {
                    return size() > CAPACITY;
                }
            });
            earlier = memo.putIfAbsent(key, mine);
        }
        if (earlier != null) {
            try {
                return earlier.join();
            } catch (CompletionException e) {
                throw rethrown(e.getCause());
            }
        }
        try {
            LayerAnalysisResult r = new LayerAnalysis(LayerGraph.of(s.matrix(state, g), rep), options).result();
            mine.complete(r);
            return r;
        } catch (RuntimeException | Error e) {
            synchronized (MEMO) {
                memo.remove(key, mine); // not kept: a later caller tries again
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static RuntimeException rethrown(Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        return t instanceof RuntimeException r ? r : new IllegalStateException(t);
    }
}
