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
         * Sparse: per row block b (rows b * span ..) its entries ptr[b] .. ptr[b+1]-1, of which those before
         * firstEnd[b] read x.
         */
        final int[] ptr;
        // Sparse: per row block, the end of its entries that read x (the t = 0 bound).
        final int[] firstEnd;
        /** Sparse: the row of [x; h] of each entry, and the block's span weights there (zero where pruned). */
        final int[] zRow;
        final float[] value;

        /** A dense part: {@code dense} is [group][k][4]. */
        Part(int zFrom, int kLen, int firstLen, float[] dense) {
            this(zFrom, kLen, firstLen, dense, 0, null, null, null, null);
        }

        /** A sparse part of row blocks of {@code span} rows. */
        Part(int zFrom, int kLen, int firstLen, int span, int[] ptr, int[] firstEnd, int[] zRow, float[] value) {
            this(zFrom, kLen, firstLen, null, span, ptr, firstEnd, zRow, value);
        }

        private Part(int zFrom, int kLen, int firstLen, float[] dense, int span, int[] ptr, int[] firstEnd,
                     int[] zRow, float[] value) {
            this.zFrom = zFrom;
            this.kLen = kLen;
            this.firstLen = firstLen;
            this.dense = dense;
            this.span = span;
            this.ptr = ptr;
            this.firstEnd = firstEnd;
            this.zRow = zRow;
            this.value = value;
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
