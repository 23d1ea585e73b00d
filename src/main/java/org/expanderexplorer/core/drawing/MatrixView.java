package org.expanderexplorer.core.drawing;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.expanderexplorer.core.IndexSort;
import org.expanderexplorer.core.graph.WeightMatrix;

/**
 * The biadjacency of a pruned layer as a heat map: one cell per entry, rows the left vertices (inputs or hidden
 * units), columns the right ones (units or gate pre-activations). Each entry is {@link #KEPT} (non-zero after
 * pruning), {@link #PRUNED} (non-zero in the dense matrix only), {@link #ISOLATED} (pruned, in a row or column that
 * kept no entry at all: the vertex no longer takes part) or {@link #EMPTY} (zero in the dense matrix too).
 *
 * <p>Rows and columns may be ordered by a Fiedler vector of the layer graph (science.md, section 4): sorting both
 * sides by their entries puts the two sides of the sweep cut into opposite corners, so clusters and cuts show as
 * blocks. Vertices outside the analysed part (isolated) follow the ordered ones, in index order.
 *
 * <p>Past a target resolution, blocks of f_r x f_c entries share one cell, with the counts of each kind in the
 * block (the factor is part of the result, for the caption): a 2048 x 8192 matrix on a 512 x 1024 grid has blocks
 * of 4 x 8. Cost: O(rows * cols) reading the matrices a row at a time (no copy of the whole matrix), memory
 * O(cells). Immutable result; the builder is a single static call.
 */
public final class MatrixView {

    /** Zero in the dense matrix. */
    public static final int EMPTY = 0;
    /** Kept by pruning. */
    public static final int KEPT = 1;
    /** Removed by pruning. */
    public static final int PRUNED = 2;
    /** Removed by pruning, in a row or column with no kept entry left. */
    public static final int ISOLATED = 3;

    /**
     * The heat map.
     *
     * @param rows          entries per column of the matrix (left vertices)
     * @param cols          entries per row (right vertices)
     * @param rowFactor     matrix rows per cell row, at least 1
     * @param colFactor     matrix columns per cell column, at least 1
     * @param cellRows      ceil(rows / rowFactor)
     * @param cellCols      ceil(cols / colFactor)
     * @param rowOrder      the matrix row drawn at each position (a permutation)
     * @param colOrder      the matrix column drawn at each position
     * @param counts        per cell (row-major over cellRows x cellCols) the entries of each kind: index
     *                      {@code cell * 4 + kind}
     * @param isolatedRows  rows with dense entries but none kept
     * @param isolatedCols  columns with dense entries but none kept
     * @param fiedlerOrdered true when ordered by a Fiedler vector
     */
    public record Result(int rows, int cols, int rowFactor, int colFactor, int cellRows, int cellCols, int[] rowOrder,
                         int[] colOrder, int[] counts, int isolatedRows, int isolatedCols, boolean fiedlerOrdered) {

        /** Entries of {@code kind} in cell (r, c). */
        public int count(int r, int c, int kind) {
            return counts[(r * cellCols + c) * 4 + kind];
        }

        /** Entries of {@code kind} over the whole matrix. */
        public long total(int kind) {
            long n = 0;
            for (int k = kind; k < counts.length; k += 4) {
                n += counts[k];
            }
            return n;
        }

        /** True when cells hold more than one entry. */
        public boolean aggregated() {
            return rowFactor > 1 || colFactor > 1;
        }

        /** A caption: size, aggregation and order. */
        public String caption() {
            String s = String.format(Locale.ROOT, "%,d x %,d entries", rows, cols);
            if (aggregated()) {
                s += String.format(Locale.ROOT, ", shown as %,d x %,d cells of %d x %d entries each (colour = the "
                        + "mix over the cell)", cellRows, cellCols, rowFactor, colFactor);
            } else {
                s += ", one cell per entry";
            }
            s += fiedlerOrdered ? "; rows and columns ordered by the Fiedler vector" : "; original order";
            if (isolatedRows + isolatedCols > 0) {
                s += String.format(Locale.ROOT, "; %d row(s) and %d column(s) isolated by pruning", isolatedRows,
                        isolatedCols);
            }
            return s;
        }
    }

    private MatrixView() {
    }

    /**
     * Builds the heat map.
     *
     * @param pruned  the pruned matrix; not modified
     * @param dense   the dense matrix of the same shape (null: every zero of {@code pruned} is {@link #EMPTY});
     *                not modified
     * @param fiedler a Fiedler vector of the layer graph of {@code pruned} over its non-isolated vertices (rows
     *                first, then columns, each in index order, as the layer analysis numbers them), or null for
     *                the original order
     * @param maxRows most cell rows (the screen's resolution), at least 1
     * @param maxCols most cell columns, at least 1
     */
    public static Result of(WeightMatrix pruned, WeightMatrix dense, List<Double> fiedler, int maxRows, int maxCols) {
        Objects.requireNonNull(pruned, "pruned");
        if (maxRows < 1 || maxCols < 1) {
            throw new IllegalArgumentException("a heat map needs at least 1 x 1 cells, got " + maxRows + " x "
                    + maxCols);
        }
        int rows = pruned.rows();
        int cols = pruned.cols();
        if (dense != null && (dense.rows() != rows || dense.cols() != cols)) {
            throw new IllegalArgumentException("dense matrix is " + dense.rows() + " x " + dense.cols()
                    + ", pruned " + rows + " x " + cols);
        }
        int[] keptRow = new int[rows];
        int[] keptCol = new int[cols];
        int[] denseRow = new int[rows];
        int[] denseCol = new int[cols];
        double[] p = new double[cols];
        double[] d = new double[cols];
        for (int i = 0; i < rows; i++) {
            pruned.copyRow(i, p);
            if (dense != null) {
                dense.copyRow(i, d);
            }
            for (int j = 0; j < cols; j++) {
                if (p[j] != 0) {
                    keptRow[i]++;
                    keptCol[j]++;
                }
                if (p[j] != 0 || dense != null && d[j] != 0) {
                    denseRow[i]++;
                    denseCol[j]++;
                }
            }
        }
        int[] rowOrder = identity(rows);
        int[] colOrder = identity(cols);
        boolean ordered = fiedler != null && !fiedler.isEmpty();
        if (ordered) {
            rowOrder = order(keptRow, fiedler, 0);
            colOrder = order(keptCol, fiedler, nonZero(keptRow));
        }
        int rf = (rows + maxRows - 1) / maxRows;
        int cf = (cols + maxCols - 1) / maxCols;
        rf = Math.max(1, rf);
        cf = Math.max(1, cf);
        int cr = (rows + rf - 1) / rf;
        int cc = (cols + cf - 1) / cf;
        int[] cellOfCol = new int[cols];
        for (int pos = 0; pos < cols; pos++) {
            cellOfCol[colOrder[pos]] = pos / cf;
        }
        int[] counts = new int[cr * cc * 4];
        for (int pos = 0; pos < rows; pos++) {
            int i = rowOrder[pos];
            pruned.copyRow(i, p);
            if (dense != null) {
                dense.copyRow(i, d);
            }
            int base = (pos / rf) * cc;
            boolean rowIsolated = keptRow[i] == 0;
            for (int j = 0; j < cols; j++) {
                int kind;
                if (p[j] != 0) {
                    kind = KEPT;
                } else if (dense != null && d[j] != 0) {
                    kind = rowIsolated || keptCol[j] == 0 ? ISOLATED : PRUNED;
                } else {
                    kind = EMPTY;
                }
                counts[(base + cellOfCol[j]) * 4 + kind]++;
            }
        }
        return new Result(rows, cols, rf, cf, cr, cc, rowOrder, colOrder, counts, isolated(keptRow, denseRow),
                isolated(keptCol, denseCol), ordered);
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private static int nonZero(int[] kept) {
        int n = 0;
        for (int k : kept) {
            n += k > 0 ? 1 : 0;
        }
        return n;
    }

    private static int isolated(int[] kept, int[] dense) {
        int n = 0;
        for (int i = 0; i < kept.length; i++) {
            n += kept[i] == 0 && dense[i] > 0 ? 1 : 0;
        }
        return n;
    }

    /**
     * Indices sorted by their Fiedler entry (index breaks ties); those with no kept entry, which the analysis left
     * out, come last in index order.
     */
    private static int[] order(int[] kept, List<Double> fiedler, int offset) {
        int n = kept.length;
        double[] key = new double[n];
        int k = offset;
        for (int i = 0; i < n; i++) {
            // the vector numbers the non-isolated vertices compactly; a too short vector (another graph) falls back
            // to the original order rather than failing a picture
            key[i] = kept[i] > 0 && k < fiedler.size() ? fiedler.get(k++) : Double.POSITIVE_INFINITY;
        }
        return IndexSort.ascending(key);
    }
}
