package org.expanderexplorer.core.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.expanderexplorer.TestMatrices.gaussian;

import java.util.List;
import java.util.Random;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.graph.GateOrder;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.pruning.Pruner;
import org.expanderexplorer.core.pruning.PruningMask;
import org.expanderexplorer.core.pruning.PruningMethod;
import org.junit.jupiter.api.Test;

/** What q counts: a plain matrix's non-zero entries; a layer's dense entries, as before. */
class SubjectTest {

    private static WeightMatrix sparse(int rows, int cols, double density, long seed) {
        Random r = new Random(seed);
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextDouble() < density ? r.nextGaussian() : 0;
        }
        return new WeightMatrix(rows, cols, d);
    }

    @Test
    void aSparseMatrixIsWholeAtQ100AndLosesEdgesAsSoonAsQFalls() {
        WeightMatrix m = sparse(30, 40, 0.3, 3);
        int nnz = m.nonZeros();
        Subject s = Subject.ofMatrix("m", m);
        for (PruningMethod method : List.of(PruningMethod.MAGNITUDE, PruningMethod.RANDOM,
                PruningMethod.GLOBAL_MAGNITUDE)) {
            PruneSettings st = PruneSettings.DEFAULT.withMethod(method);
            assertThat(s.prune(100, st).ihMask().keptCount()).isEqualTo(nnz);
            for (double q : new double[] {99, 75, 50, 30, 12.5, 1}) {
                PrunedState state = s.prune(q, st);
                assertThat(state.ihMask().keptCount()).as("%s at q = %s", method, q)
                        .isEqualTo(Math.max(1, Math.round(q * nnz / 100)));
                assertThat(state.keepPercent()).isEqualTo(q);
                // never an entry that was zero
                assertThat(state.ihMask().and(PruningMask.nonZerosOf(m)).keptCount())
                        .isEqualTo(state.ihMask().keptCount());
            }
        }
    }

    @Test
    void magnitudeKeepsTheLargestNonZeros() {
        double[] d = {0, 5, 0, -4, 0, 3, 0, -2, 0, 1}; // 5 non-zeros in 10 entries
        Subject s = Subject.ofMatrix("m", new WeightMatrix(2, 5, d));
        boolean[] keep = s.prune(60, PruneSettings.DEFAULT).ihMask().toArray(); // 3 of the 5
        assertThat(keep).containsExactly(false, true, false, true, false, true, false, false, false, false);
    }

    @Test
    void aDenseMatrixAndALayerPruneExactlyAsTheDenseCountSays() {
        WeightMatrix dense = gaussian(12, 20, 5);
        Subject m = Subject.ofMatrix("m", dense);
        Pruner direct = new Pruner(List.of(dense), List.of(PruningMask.nonZerosOf(dense)), PruningMethod.MAGNITUDE,
                1, 1, 1);
        for (double q : new double[] {100, 63.3, 20, 7}) {
            assertThat(m.prune(q, PruneSettings.DEFAULT).ihMask().toArray())
                    .isEqualTo(direct.prune(q).get(0).toArray());
        }
        // a layer with zeros (a pruned model) keeps counting dense entries, as the command line does
        WeightMatrix ih = sparse(4, 16, 0.5, 8);
        WeightMatrix hh = sparse(4, 16, 0.5, 9);
        Subject layer = Subject.ofLayer("l", ih, hh, GateOrder.DL4J_LSTM, null);
        assertThat(ih.nonZeros()).isEqualTo(36);
        assertThat(layer.prune(100, PruneSettings.DEFAULT).ihMask().keptCount()).isEqualTo(36);
        assertThat(layer.prune(50, PruneSettings.DEFAULT).ihMask().keptCount()).isEqualTo(32);
        assertThat(layer.prune(25, PruneSettings.DEFAULT).ihMask().keptCount()).isEqualTo(16);
    }

    @Test
    void qOutsideTheRangeIsRefusedForMatricesToo() {
        Subject s = Subject.ofMatrix("m", sparse(5, 5, 0.4, 1));
        assertThatThrownBy(() -> s.prune(0, PruneSettings.DEFAULT)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("(0, 100]");
        assertThatThrownBy(() -> s.prune(100.5, PruneSettings.DEFAULT)).isInstanceOf(BadInputException.class);
    }
}
