package org.expanderexplorer.core.pruning;

import java.util.Arrays;
import java.util.Objects;
import org.expanderexplorer.core.graph.WeightMatrix;

/**
 * Which entries of one rows x cols weight matrix are kept (true) and which are pruned (false), row-major.
 * Immutable.
 */
public final class PruningMask {

    private final int rows;
    private final int cols;
    private final boolean[] keep;
    // counted once: the slider and the summaries ask for the kept share of many masks repeatedly
    private final int kept;

    /**
     * @param rows number of rows
     * @param cols number of columns
     * @param keep row-major flags, length rows * cols; not modified (copied)
     */
    public PruningMask(int rows, int cols, boolean[] keep) {
        this(rows, cols, Objects.requireNonNull(keep, "keep").clone(), 0);
    }

    // the unused int only tells this owning constructor apart from the public copying one
    private PruningMask(int rows, int cols, boolean[] owned, int unused) {
        if (owned.length != rows * cols) {
            throw new IllegalArgumentException("mask of " + owned.length + " entries for " + rows + " x " + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.keep = owned;
        int k = 0;
        for (boolean b : owned) {
            if (b) {
                k++;
            }
        }
        this.kept = k;
    }

    /** Takes ownership of {@code keep} (it must not be modified afterwards). */
    static PruningMask own(int rows, int cols, boolean[] keep) {
        return new PruningMask(rows, cols, keep, 0);
    }

    /** A mask that keeps every entry. */
    public static PruningMask all(int rows, int cols) {
        boolean[] k = new boolean[rows * cols];
        Arrays.fill(k, true);
        return own(rows, cols, k);
    }

    /** A mask keeping exactly the non-zero entries of {@code w}. */
    public static PruningMask nonZerosOf(WeightMatrix w) {
        double[] d = w.toRowMajor();
        boolean[] k = new boolean[d.length];
        for (int i = 0; i < d.length; i++) {
            k[i] = d[i] != 0.0;
        }
        return own(w.rows(), w.cols(), k);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public boolean isKept(int row, int col) {
        return keep[row * cols + col];
    }

    /** A fresh row-major copy of the flags. */
    public boolean[] toArray() {
        return keep.clone();
    }

    /** Number of kept entries. */
    public int keptCount() {
        return kept;
    }

    /** Kept entries as a percentage of all entries (100 for an empty matrix). */
    public double keptPercent() {
        return keep.length == 0 ? 100.0 : 100.0 * kept / keep.length;
    }

    /** The entries of {@code w} where kept, zero elsewhere. */
    public WeightMatrix applyTo(WeightMatrix w) {
        if (w.rows() != rows || w.cols() != cols) {
            throw new IllegalArgumentException("mask is " + rows + " x " + cols + ", matrix " + w.rows() + " x "
                    + w.cols());
        }
        return w.masked(keep);
    }

    /** Entry-wise AND with {@code other} (same shape). */
    public PruningMask and(PruningMask other) {
        if (other.rows != rows || other.cols != cols) {
            throw new IllegalArgumentException("masks differ in shape");
        }
        boolean[] k = new boolean[keep.length];
        for (int i = 0; i < k.length; i++) {
            k[i] = keep[i] && other.keep[i];
        }
        return own(rows, cols, k);
    }

    /** Kept entries per row (left-vertex degrees). */
    public int[] rowCounts() {
        return counts(true);
    }

    /** Kept entries per column (right-vertex degrees). */
    public int[] colCounts() {
        return counts(false);
    }

    /** Kept entries per row or per column, in one row-major pass (the order the mask is stored in). */
    private int[] counts(boolean perRow) {
        int[] c = new int[perRow ? rows : cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (keep[i * cols + j]) {
                    c[perRow ? i : j]++;
                }
            }
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PruningMask m && m.rows == rows && m.cols == cols && Arrays.equals(m.keep, keep);
    }

    @Override
    public int hashCode() {
        // rows disambiguates shapes with the same flags (2 x 3 and 3 x 2); cols follows from length / rows
        return Arrays.hashCode(keep) * 31 + rows;
    }

    @Override
    public String toString() {
        return "PruningMask[" + rows + " x " + cols + ", kept " + kept + "]";
    }
}
