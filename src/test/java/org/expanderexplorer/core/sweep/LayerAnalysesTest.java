package org.expanderexplorer.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expanderexplorer.TestMatrices.gaussian;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.spectral.AnalysisOptions;
import org.expanderexplorer.core.spectral.LayerAnalysis;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.PruneSettings;
import org.expanderexplorer.core.subject.PrunedState;
import org.expanderexplorer.core.subject.Subject;
import org.junit.jupiter.api.Test;

class LayerAnalysesTest {

    private static Subject rnn(long seed) {
        return Subject.ofLayer("rnn", gaussian(12, 40, seed), gaussian(40, 40, seed + 1), null, null);
    }

    private static LayerAnalysisResult direct(Subject s, PrunedState st, GraphId g, Representation rep) {
        return new LayerAnalysis(LayerGraph.of(s.matrix(st, g), rep), AnalysisOptions.DEFAULT).result();
    }

    @Test
    void anAnalysisIsTheDirectOneAndIsComputedOncePerMasksGraphAndRepresentation() {
        Subject s = rnn(1);
        PrunedState st = s.prune(40, PruneSettings.DEFAULT);
        for (GraphId g : List.of(GraphId.IH, GraphId.HH)) {
            for (Representation rep : Representation.values()) {
                LayerAnalysisResult first = LayerAnalyses.of(s, st, g, rep, AnalysisOptions.DEFAULT);
                assertThat(first).isEqualTo(direct(s, st, g, rep));
                // the same masks pruned again (a new state object): the same result object, not recomputed
                assertThat(LayerAnalyses.of(s, s.prune(40, PruneSettings.DEFAULT), g, rep, AnalysisOptions.DEFAULT))
                        .isSameAs(first);
            }
        }
        // another q, another subject with other weights: their own analyses
        PrunedState other = s.prune(20, PruneSettings.DEFAULT);
        assertThat(LayerAnalyses.of(s, other, GraphId.HH, Representation.UNWEIGHTED, AnalysisOptions.DEFAULT))
                .isEqualTo(direct(s, other, GraphId.HH, Representation.UNWEIGHTED))
                .isNotEqualTo(LayerAnalyses.of(s, st, GraphId.HH, Representation.UNWEIGHTED, AnalysisOptions.DEFAULT));
        Subject t = rnn(7);
        PrunedState tst = t.prune(40, PruneSettings.DEFAULT);
        assertThat(LayerAnalyses.of(t, tst, GraphId.HH, Representation.WEIGHTED, AnalysisOptions.DEFAULT))
                .isEqualTo(direct(t, tst, GraphId.HH, Representation.WEIGHTED));
    }

    @Test
    void callersAtOnceShareOneComputation() throws Exception {
        Subject s = rnn(3);
        PrunedState st = s.prune(55, PruneSettings.DEFAULT);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<LayerAnalysisResult>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return LayerAnalyses.of(s, st, GraphId.STEP, Representation.UNWEIGHTED, AnalysisOptions.DEFAULT);
            }));
        }
        start.countDown();
        LayerAnalysisResult first = calls.get(0).get();
        for (CompletableFuture<LayerAnalysisResult> c : calls) {
            assertThat(c.get()).isSameAs(first);
        }
        assertThat(first).isEqualTo(direct(s, st, GraphId.STEP, Representation.UNWEIGHTED));
    }

    @Test
    void onlyTheLastAnalysesOfASubjectAreKept() {
        Subject s = rnn(5);
        PrunedState firstState = s.prune(99, PruneSettings.DEFAULT);
        LayerAnalysisResult first = LayerAnalyses.of(s, firstState, GraphId.IH, Representation.UNWEIGHTED,
                AnalysisOptions.DEFAULT);
        for (int i = 0; i < LayerAnalyses.CAPACITY; i++) {
            LayerAnalyses.of(s, s.prune(98 - i, PruneSettings.DEFAULT), GraphId.IH, Representation.UNWEIGHTED,
                    AnalysisOptions.DEFAULT);
        }
        LayerAnalysisResult again = LayerAnalyses.of(s, firstState, GraphId.IH, Representation.UNWEIGHTED,
                AnalysisOptions.DEFAULT);
        assertThat(again).isNotSameAs(first).isEqualTo(first);
    }
}
