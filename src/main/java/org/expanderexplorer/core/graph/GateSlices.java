package org.expanderexplorer.core.graph;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Cuts a stacked LSTM matrix (I x 4H or H x 4H, rows = source units, four H-column blocks) into its per-gate
 * I x H matrices, under a {@link GateOrder}, and converts between block orders. The per-gate matrices are the
 * "per gate" layer graphs of science.md, section 1.
 *
 * <p>Cost: O(rows * H) time and memory per slice (copies).
 */
public final class GateSlices {

    private GateSlices() {
    }

    /**
     * The hidden size H of a stacked matrix: its column count / 4.
     *
     * @throws IllegalArgumentException if the column count is not a positive multiple of 4
     */
    public static int hiddenSize(WeightMatrix stacked) {
        Objects.requireNonNull(stacked, "stacked");
        if (stacked.cols() == 0 || stacked.cols() % 4 != 0) {
            throw new IllegalArgumentException("a stacked LSTM matrix has 4H columns, but this " + stacked.rows()
                    + " x " + stacked.cols() + " matrix has " + stacked.cols()
                    + (stacked.cols() == 0 ? "" : ", not a multiple of 4"));
        }
        return stacked.cols() / 4;
    }

    /** The rows x H matrix of {@code gate}'s block. */
    public static WeightMatrix slice(WeightMatrix stacked, GateOrder order, Gate gate) {
        Objects.requireNonNull(order, "order");
        int h = hiddenSize(stacked);
        int b = order.blockOf(gate);
        return stacked.columns(b * h, (b + 1) * h);
    }

    /** All four gates' matrices, keyed in the order i, f, g, o; the map is unmodifiable. */
    public static Map<Gate, WeightMatrix> slices(WeightMatrix stacked, GateOrder order) {
        Map<Gate, WeightMatrix> out = new EnumMap<>(Gate.class);
        for (Gate g : Gate.values()) {
            out.put(g, slice(stacked, order, g));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The unit graph's matrix of a stacked LSTM matrix (science.md, section 8): rows x H, entry (r, j) the sum over
     * the four gates of |w| between source r and hidden unit j. It is non-zero exactly where some gate keeps a
     * weight, so its unweighted graph is the union of the gate masks and its weighted graph has the summed |w| as
     * edge weights: the graph of the time-unfolded picture ({@link UnfoldedGraph} collapses the gates the same
     * way). Independent of the gate order. O(rows * 4H).
     */
    public static WeightMatrix units(WeightMatrix stacked) {
        int h = hiddenSize(stacked);
        int rows = stacked.rows();
        int cols = stacked.cols();
        double[] src = stacked.toRowMajor();
        double[] dst = new double[rows * h];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                dst[r * h + c % h] += Math.abs(src[r * cols + c]);
            }
        }
        return WeightMatrix.wrap(rows, h, dst);
    }

    /**
     * The same matrix with its blocks rearranged from order {@code from} to order {@code to}, e.g. a
     * Deeplearning4j matrix in PyTorch's block order.
     */
    public static WeightMatrix reorder(WeightMatrix stacked, GateOrder from, GateOrder to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        int h = hiddenSize(stacked);
        int rows = stacked.rows();
        int cols = stacked.cols();
        double[] src = stacked.toRowMajor();
        double[] dst = new double[src.length];
        for (int k = 0; k < 4; k++) {
            int fromBlock = from.blockOf(to.blocks().get(k));
            for (int r = 0; r < rows; r++) {
                System.arraycopy(src, r * cols + fromBlock * h, dst, r * cols + k * h, h);
            }
        }
        return WeightMatrix.wrap(rows, cols, dst);
    }
}
