package org.expanderexplorer.core.pruning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expanderexplorer.TestMatrices.sparseGaussian;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.junit.jupiter.api.Test;

class EdgeOrderTest {

    /** Removes edges one by one in the order's sequence; returns the removed row-major indices. */
    private static List<Integer> removeAll(WeightMatrix w, EdgeOrder order) {
        boolean[] keep = PruningMask.nonZerosOf(w).toArray();
        List<Integer> removed = new ArrayList<>();
        for (int e = order.next(new PruningMask(w.rows(), w.cols(), keep)); e >= 0;
             e = order.next(new PruningMask(w.rows(), w.cols(), keep))) {
            assertThat(keep[e]).isTrue();
            keep[e] = false;
            removed.add(e);
        }
        return removed;
    }

    @Test
    void magnitudeRemovesTheSmallestKeptWeightFirst() {
        WeightMatrix w = sparseGaussian(5, 7, 0.7, 3);
        List<Integer> removed = removeAll(w, new EdgeOrder(w, EdgeOrder.Kind.SMALLEST_MAGNITUDE, 0));
        assertThat(removed).hasSize(w.nonZeros());
        double[] d = w.toRowMajor();
        for (int i = 1; i < removed.size(); i++) {
            assertThat(Math.abs(d[removed.get(i)])).isGreaterThanOrEqualTo(Math.abs(d[removed.get(i - 1)]));
        }
    }

    @Test
    void equalMagnitudesGoInRowMajorOrderAndRestoredEdgesComeBackFirst() {
        WeightMatrix ones = WeightMatrix.of(new double[][] {{1, 1, 0}, {0, 1, 1}});
        EdgeOrder order = new EdgeOrder(ones, EdgeOrder.Kind.SMALLEST_MAGNITUDE, 0);
        assertThat(order.order()).containsExactly(0, 1, 4, 5);
        // with edge 0 gone the next is edge 1; restoring edge 0 makes it next again
        assertThat(order.next(new PruningMask(2, 3, new boolean[] {false, true, false, false, true, true})))
                .isEqualTo(1);
        assertThat(order.next(new PruningMask(2, 3, new boolean[] {true, true, false, false, true, true})))
                .isEqualTo(0);
        assertThat(order.next(new PruningMask(2, 3, new boolean[6]))).isEqualTo(-1);
    }

    @Test
    void randomOrderIsASeededPermutationOfTheEdges() {
        WeightMatrix w = sparseGaussian(8, 9, 0.7, 4);
        List<Integer> a = removeAll(w, new EdgeOrder(w, EdgeOrder.Kind.RANDOM, 11));
        List<Integer> b = removeAll(w, new EdgeOrder(w, EdgeOrder.Kind.RANDOM, 11));
        List<Integer> c = removeAll(w, new EdgeOrder(w, EdgeOrder.Kind.RANDOM, 12));
        assertThat(a).isEqualTo(b).hasSize(w.nonZeros());
        assertThat(c).isNotEqualTo(a);
        Set<Integer> edges = new HashSet<>();
        double[] d = w.toRowMajor();
        for (int i = 0; i < d.length; i++) {
            if (d[i] != 0) {
                edges.add(i);
            }
        }
        assertThat(new HashSet<>(a)).isEqualTo(edges);
    }
}
