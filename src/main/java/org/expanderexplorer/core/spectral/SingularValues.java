package org.expanderexplorer.core.spectral;

import java.util.Arrays;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.expanderexplorer.core.graph.LayerGraph;

/**
 * Singular values of the biadjacency M of a {@link LayerGraph}: the kept (non-isolated) part, with the
 * representation's weights (1 or |w|). mu_0 = sigma_1 and mu_hat = sigma_2 (science.md, section 2).
 *
 * <p>Uses EJML's values-only SVD (implicit QR on the bidiagonal form), chosen through
 * {@link DecompositionFactory_DDRM#svd(int, int, boolean, boolean, boolean)}. Cost O(m n min(m, n)) time and
 * O(m n) memory for an m x n kept part; a 128 x 512 layer takes a few milliseconds. Computed once, on first
 * request, and cached. Not thread-safe for the first call; the result is immutable.
 */
public final class SingularValues {

    private final LayerGraph graph;
    private SingularSpectrum result;

    /**
     * @param graph the layer graph; its kept part is analysed
     */
    public SingularValues(LayerGraph graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
    }

    /** The spectrum, computed on the first call. */
    public synchronized SingularSpectrum result() {
        if (result == null) {
            result = SingularSpectrum.ofDescending(compute(graph.left(), graph.right(), graph.biadjacencyRowMajor()));
        }
        return result;
    }

    /**
     * All min(rows, cols) singular values of a dense matrix, descending.
     *
     * @param rows     number of rows
     * @param cols     number of columns
     * @param rowMajor the entries, row-major; may be modified (the decomposition works in place)
     * @return a fresh array, descending, every value >= 0
     */
    static double[] compute(int rows, int cols, double[] rowMajor) {
        int count = Math.min(rows, cols);
        if (count == 0) {
            return new double[0];
        }
        DMatrixRMaj m = DMatrixRMaj.wrap(rows, cols, rowMajor);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(rows, cols, false, false, true);
        if (!svd.decompose(m)) {
            throw new ArithmeticException("singular value decomposition of a " + rows + " x " + cols
                    + " matrix did not converge");
        }
        double[] raw = svd.getSingularValues();
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            // EJML returns non-negative values in no particular order; guard the sign of a rounding zero anyway.
            values[i] = Math.abs(raw[i]);
        }
        Arrays.sort(values);
        for (int i = 0, j = count - 1; i < j; i++, j--) {
            double t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
        return values;
    }
}
