package org.expanderexplorer.core.pruning;

import java.util.Objects;
import java.util.Random;
import org.expanderexplorer.core.IndexSort;
import org.expanderexplorer.core.Shuffle;
import org.expanderexplorer.core.graph.WeightMatrix;

/**
 * The order in which step-by-step pruning removes edges, one at a time: the kept edge of smallest |w| first
 * (ties in row-major order, so a 0/1 teaching graph loses its edges row by row), or a seeded random order.
 * Only non-zero entries of the dense matrix are edges.
 *
 * <p>The order is computed once in the constructor (O(E log E) for magnitude, O(E) for random, E the non-zero
 * entries); {@link #next(PruningMask)} scans it, O(E). The random order is a Fisher-Yates shuffle driven by
 * {@link Random} with the given seed, whose sequence the Java specification fixes.
 */
public final class EdgeOrder {

    /** How the next edge is chosen. */
    public enum Kind {
        /** The kept edge of smallest |w|. */
        SMALLEST_MAGNITUDE("smallest |w|"),
        /** A random kept edge (a fixed permutation per seed). */
        RANDOM("random");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final int cols;
    private final int[] order;

    /**
     * @param weights the dense matrix whose non-zero entries are the edges
     * @param kind    the order
     * @param seed    seed of the random order (unused for magnitude)
     */
    public EdgeOrder(WeightMatrix weights, Kind kind, long seed) {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(kind, "kind");
        this.cols = weights.cols();
        double[] d = weights.toRowMajor();
        int n = 0;
        for (double v : d) {
            n += v != 0.0 ? 1 : 0;
        }
        int[] nonZero = new int[n];
        double[] magnitude = new double[n];
        int k = 0;
        for (int i = 0; i < d.length; i++) {
            if (d[i] != 0.0) {
                nonZero[k] = i;
                magnitude[k++] = Math.abs(d[i]);
            }
        }
        this.order = new int[n];
        if (kind == Kind.SMALLEST_MAGNITUDE) {
            // equal magnitudes keep row-major order
            int[] byMagnitude = IndexSort.ascending(magnitude);
            for (int i = 0; i < n; i++) {
                order[i] = nonZero[byMagnitude[i]];
            }
        } else {
            Shuffle.shuffle(nonZero, new Random(seed));
            System.arraycopy(nonZero, 0, order, 0, n);
        }
    }

    /**
     * The row-major index (row * cols + col) of the next edge to remove: the first edge in this order that
     * {@code mask} keeps, or -1 when none is left.
     */
    public int next(PruningMask mask) {
        Objects.requireNonNull(mask, "mask");
        if (mask.cols() != cols) {
            throw new IllegalArgumentException("mask has " + mask.cols() + " columns, the matrix " + cols);
        }
        for (int i : order) {
            if (mask.isKept(i / cols, i % cols)) {
                return i;
            }
        }
        return -1;
    }

    /** The whole order as row-major indices (a copy). */
    public int[] order() {
        return order.clone();
    }
}
