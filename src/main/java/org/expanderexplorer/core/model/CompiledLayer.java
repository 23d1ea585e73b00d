package org.expanderexplorer.core.model;

/**
 * One recurrent layer of a {@link CompiledNetwork}, in the packed layout described there: what
 * {@link VectorKernels} reads. A class of its own (not nested in {@link CompiledNetwork}) so that the kernels
 * depend on the layout only, and the network on the kernels. Immutable by convention: the arrays are shared and
 * never modified after packing.
 */
final class CompiledLayer {

    /**
     * One product of a layer over rows {@code zFrom .. zFrom + kLen - 1} of [x; h]: W_ih, W_hh, or both stacked
     * when both use the same kernel (one pass instead of two). At t = 0, where h is zero, only its first
     * {@code firstLen} rows (dense) or entries up to {@code firstEnd[g]} (sparse) are visited: those of x.
     */
    static final class Part {
        // first row of [x; h] this part reads (0 for W_ih or both, inputs for W_hh alone)
        final int zFrom;
        // number of rows of [x; h] it reads
        final int kLen;
        // of those, how many are rows of x (see the class comment on t = 0)
        final int firstLen;
        /** Dense, [group][k][4]; null when sparse. */
        final float[] dense;
        /**
         * Sparse: output rows per block, 4 (a whole group) or 2 (half a group, an RNN's: its rows are independent
         * units, and a pair of rows keeps fewer blocks than four); 0 when dense.
         */
        final int span;
        /**
         * Sparse, span 4: per row block b (rows b * 4 ..) its entries ptr[b] .. ptr[b+1]-1, of which those before
         * firstEnd[b] read x; null for span 2.
         */
        final int[] ptr;
        // Sparse, span 4: per row block, the end of its entries that read x (the t = 0 bound).
        final int[] firstEnd;
        /**
         * Sparse: the row of [x; h] of each entry, and the block's span weights there (span 4: zero where pruned;
         * span 2: the entries where both rows keep a weight).
         */
        final int[] zRow;
        final float[] value;
        /**
         * Sparse, span 2: per pair block b, nine bounds from runs[9 b]: the entries of {@link #oneRow} where only
         * its first row keeps a weight (from, end at t = 0, to), those where only its second row does (the same
         * three), then those of {@link #zRow} where both do (the same three); null for span 4.
         */
        final int[] runs;
        /** Sparse, span 2: the row of [x; h] and the one kept weight of each entry kept by a single row. */
        final int[] oneRow;
        final float[] oneValue;

        /** A dense part: {@code dense} is [group][k][4]. */
        Part(int zFrom, int kLen, int firstLen, float[] dense) {
            this(zFrom, kLen, firstLen, dense, 0, null, null, null, null, null, null, null);
        }

        /** A sparse part of row blocks of four rows. */
        Part(int zFrom, int kLen, int firstLen, int[] ptr, int[] firstEnd, int[] zRow, float[] value) {
            this(zFrom, kLen, firstLen, null, 4, ptr, firstEnd, zRow, value, null, null, null);
        }

        /** A sparse part of pairs of rows: {@code twoRow} / {@code twoValue} the entries both rows keep. */
        Part(int zFrom, int kLen, int firstLen, int[] runs, int[] oneRow, float[] oneValue, int[] twoRow,
             float[] twoValue) {
            this(zFrom, kLen, firstLen, null, 2, null, null, twoRow, twoValue, runs, oneRow, oneValue);
        }

        private Part(int zFrom, int kLen, int firstLen, float[] dense, int span, int[] ptr, int[] firstEnd,
                     int[] zRow, float[] value, int[] runs, int[] oneRow, float[] oneValue) {
            this.zFrom = zFrom;
            this.kLen = kLen;
            this.firstLen = firstLen;
            this.dense = dense;
            this.span = span;
            this.ptr = ptr;
            this.firstEnd = firstEnd;
            this.zRow = zRow;
            this.value = value;
            this.runs = runs;
            this.oneRow = oneRow;
            this.oneValue = oneValue;
        }

        boolean isDense() {
            return dense != null;
        }
    }

    // the cell: LSTM groups are one unit's gates i, f, g, o; RNN groups four units
    final boolean lstm;
    final int inputs;
    final int hidden;
    // output row groups of four: H for an LSTM, ceil(H / 4) for an RNN
    final int groups;
    final Part[] parts;
    /** Per output row (group * 4 + r). */
    final float[] bias;
    /** Per matrix (ih, hh): the kernel and the density of kept blocks, for {@link CompiledNetwork#kernels()}. */
    final String[] kernels;

    CompiledLayer(boolean lstm, int inputs, int hidden, int groups, Part[] parts, float[] bias, String[] kernels) {
        this.lstm = lstm;
        this.inputs = inputs;
        this.hidden = hidden;
        this.groups = groups;
        this.parts = parts;
        this.bias = bias;
        this.kernels = kernels;
    }

    // length of [x; h], the rows of the layer's stacked product
    int k() {
        return inputs + hidden;
    }
}
