package org.expanderexplorer.core.graph;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable dense real matrix, stored row-major. Rows are the left vertices of a bipartite layer graph,
 * columns the right vertices (for a recurrent layer: rows = inputs or previous hidden units, columns = the
 * pre-activations they feed).
 *
 * <p>Sizes are limited to {@link #MAX_ENTRIES} entries so that a declared size read from a file can be checked
 * before anything is allocated.
 */
public final class WeightMatrix {

    /** The largest number of entries a matrix may hold (about 1.6 GB of doubles). */
    public static final long MAX_ENTRIES = 200_000_000L;

    private final int rows;
    private final int cols;
    private final double[] data;

    /**
     * @param rows     number of rows, at least 0
     * @param cols     number of columns, at least 0
     * @param rowMajor the entries, row-major, length rows * cols; not modified (copied)
     */
    public WeightMatrix(int rows, int cols, double[] rowMajor) {
        this(rows, cols, Objects.requireNonNull(rowMajor, "rowMajor").clone(), true);
    }

    // The public constructor copies; this one adopts an array the class made itself (transpose, columns, masked),
    // which saves a copy of up to MAX_ENTRIES doubles on the paths that slice stacked LSTM matrices per slider step.
    private WeightMatrix(int rows, int cols, double[] owned, boolean trusted) {
        checkSize(rows, cols);
        if (owned.length != rows * cols) {
            throw new IllegalArgumentException(
                    "expected " + rows + " x " + cols + " = " + (rows * cols) + " entries, got " + owned.length);
        }
        this.rows = rows;
        this.cols = cols;
        this.data = owned;
    }

    /**
     * Throws {@link IllegalArgumentException} if a rows x cols matrix cannot be held.
     *
     * @param rows declared rows
     * @param cols declared columns
     */
    public static void checkSize(long rows, long cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative matrix size " + rows + " x " + cols);
        }
        // Checked on the declared size, before anything is allocated: a file that declares 10^6 x 10^6 must be
        // refused with a message, not with an OutOfMemoryError after minutes of parsing.
        // each side alone first: rows * cols can overflow (2^32 x 2^32 is 0 as a long)
        if (rows > MAX_ENTRIES || cols > MAX_ENTRIES || (rows > 0 && cols > MAX_ENTRIES / rows)) {
            throw new IllegalArgumentException("matrix of " + rows + " x " + cols + " entries is too large (the limit is "
                    + MAX_ENTRIES + " entries)");
        }
    }

    /** Wraps an array the caller gives up; it must not be modified afterwards. Package-private on purpose. */
    static WeightMatrix wrap(int rows, int cols, double[] rowMajor) {
        return new WeightMatrix(rows, cols, rowMajor, true);
    }

    /** Builds a matrix from rows of equal length; the array is not modified (copied). */
    public static WeightMatrix of(double[][] values) {
        Objects.requireNonNull(values, "values");
        int r = values.length;
        int c = r == 0 ? 0 : values[0].length;
        double[] d = new double[r * c];
        for (int i = 0; i < r; i++) {
            if (values[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has " + values[i].length + " entries, expected " + c);
            }
            System.arraycopy(values[i], 0, d, i * c, c);
        }
        return new WeightMatrix(r, c, d, true);
    }

    /** An all-zero matrix. */
    public static WeightMatrix zeros(int rows, int cols) {
        checkSize(rows, cols);
        return new WeightMatrix(rows, cols, new double[rows * cols], true);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public double get(int row, int col) {
        Objects.checkIndex(row, rows);
        Objects.checkIndex(col, cols);
        return data[row * cols + col];
    }

    /** A fresh row-major copy of the entries. */
    public double[] toRowMajor() {
        return data.clone();
    }

    /** A fresh copy as rows. */
    public double[][] toArray() {
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(data, i * cols, out[i], 0, cols);
        }
        return out;
    }

    /** Copies row {@code row} into {@code dest} (modified), starting at 0. */
    public void copyRow(int row, double[] dest) {
        Objects.checkIndex(row, rows);
        System.arraycopy(data, row * cols, dest, 0, cols);
    }

    public WeightMatrix transpose() {
        double[] t = new double[data.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = data[i * cols + j];
            }
        }
        return new WeightMatrix(cols, rows, t, true);
    }

    /** Columns {@code from} (inclusive) to {@code to} (exclusive), e.g. one LSTM gate of a stacked matrix. */
    public WeightMatrix columns(int from, int to) {
        Objects.checkFromToIndex(from, to, cols);
        int w = to - from;
        double[] d = new double[rows * w];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(data, i * cols + from, d, i * w, w);
        }
        return new WeightMatrix(rows, w, d, true);
    }

    /** Stacks {@code this} above {@code below} (same column count): the combined step layer [W_ih ; W_hh]. */
    public WeightMatrix stackAbove(WeightMatrix below) {
        Objects.requireNonNull(below, "below");
        if (below.cols != cols) {
            throw new IllegalArgumentException("cannot stack " + rows + " x " + cols + " above " + below.rows + " x "
                    + below.cols + ": column counts differ");
        }
        // Row-major storage makes stacking two copies: rows of W_ih first, then rows of W_hh, exactly the left vertices
        // x then h_{t-1} of the step graph.
        double[] d = new double[data.length + below.data.length];
        System.arraycopy(data, 0, d, 0, data.length);
        System.arraycopy(below.data, 0, d, data.length, below.data.length);
        return new WeightMatrix(rows + below.rows, cols, d, true);
    }

    /** Entry-wise product with a 0/1 mask of the same shape (the mask is not modified). */
    public WeightMatrix masked(boolean[] keepRowMajor) {
        Objects.requireNonNull(keepRowMajor, "keepRowMajor");
        if (keepRowMajor.length != data.length) {
            throw new IllegalArgumentException("mask has " + keepRowMajor.length + " entries, matrix " + data.length);
        }
        double[] d = new double[data.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = keepRowMajor[k] ? data[k] : 0.0;
        }
        return new WeightMatrix(rows, cols, d, true);
    }

    /** Number of non-zero entries. */
    public int nonZeros() {
        int n = 0;
        for (double v : data) {
            if (v != 0.0) {
                n++;
            }
        }
        return n;
    }

    /** Row-major index of the first NaN or infinite entry, or -1 if all entries are finite. */
    public int firstNonFinite() {
        for (int k = 0; k < data.length; k++) {
            if (!Double.isFinite(data[k])) {
                return k;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightMatrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "WeightMatrix[" + rows + " x " + cols + ", " + nonZeros() + " non-zero]";
    }
}
