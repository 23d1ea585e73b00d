package org.expanderexplorer.core.spectral;

import java.util.Arrays;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.expanderexplorer.core.Lazy;
import org.expanderexplorer.core.graph.LayerGraph;

/**
 * Singular values of the biadjacency M of a {@link LayerGraph}: the kept (non-isolated) part, with the
 * representation's weights (1 or |w|). mu_0 = sigma_1 and mu_hat = sigma_2 (science.md, section 2). Three paths,
 * with k = min(|L'|, |R'|) (decision record 0006):
 *
 * <ol>
 *   <li>{@link SingularSpectrum.Method#GRAM_EVD} (k &lt;= {@link #FULL_SPECTRUM_LIMIT}, the usual case): the
 *       eigenvalues lambda_i of the k x k Gram matrix G = M M^T (or M^T M), formed sparsely
 *       ({@link GramMatrix}), by EJML's symmetric EVD, values only; sigma_i = sqrt(lambda_i). The eigenvalues
 *       carry an absolute error of about c eps lambda_1 (backward stability; the entries of G are sums of
 *       non-negative products), so sigma_i carries about c eps sigma_1^2 / (2 sigma_i): relative accuracy for the
 *       large values, mu_0 and mu_hat included, but not for tiny ones. The path is taken only when the computed
 *       spectrum shows sigma_k &gt;= sigma_1 / {@link #CONDITION_LIMIT}; then every value is within about
 *       c eps {@link #CONDITION_LIMIT} sigma_1 / 2, i.e. about 1e-11 sigma_1 for c = 100, and the larger values
 *       far better. Cost O(|L'| |R'| + sum_j nnz(col_j)^2 / 2 + 4 k^3 / 3): a 128 x 512 layer at 20 % density in
 *       well under a millisecond.</li>
 *   <li>{@link SingularSpectrum.Method#EXACT_SVD}: otherwise (rank-deficient or ill-conditioned M: zero or tiny
 *       singular values, as in K(a, b) or an over-pruned layer), EJML's values-only SVD of M itself (implicit QR on
 *       the bidiagonal form), backward stable: every value within about c eps sigma_1. Cost O(|L'| |R'| k), about
 *       9 ms for 128 x 512.</li>
 *   <li>{@link SingularSpectrum.Method#LANCZOS_TOP} (k &gt; {@link #FULL_SPECTRUM_LIMIT}): only the
 *       largest distinct values (at most {@link #TOP_COUNT}: those converged when sigma_1 and sigma_2 are), by
 *       Lanczos on the sparse operator M M^T (or M^T M) of each connected component, merged
 *       ({@link TopEigenvalues}). Splitting by component keeps sigma_1 simple in each run (Perron-Frobenius), so mu_0 and mu_hat are right even when two components share sigma_1; a repeated
 *       value inside one component is listed once. Each value is within 1e-10 lambda_1 / (2 sigma_i) of a true
 *       one. Cost per Lanczos step 2 nnz plus the reorthogonalisation; a 2048 x 8192 layer at 20 % density (3.4 M
 *       edges) takes about 1.5 s, its Fiedler value (plain Lanczos on 10,240 vertices) about 2 s more. The result is flagged incomplete.</li>
 * </ol>
 * Computed once, on first request, and cached. Not thread-safe for the first call; the result is immutable.
 */
public final class SingularValues {

    /** Largest min(|L'|, |R'|) for which every singular value is computed. */
    public static final int FULL_SPECTRUM_LIMIT = 1024;

    /** How many of the largest values the Lanczos path returns at most (those converged when mu_0 and mu_hat are). */
    public static final int TOP_COUNT = 16;

    /** The Gram path is kept only when sigma_1 / sigma_k is at most this. */
    public static final double CONDITION_LIMIT = 1e3;

    private static final int LANCZOS_STEPS = 400;
    private static final double LANCZOS_TOLERANCE = 1e-10;
    private static final long LANCZOS_SEED = 1L;

    private final LayerGraph graph;
    private final Lazy<SingularSpectrum> result;

    /**
     * @param graph the layer graph; its kept part is analysed
     */
    public SingularValues(LayerGraph graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.result = new Lazy<>(() -> compute(graph));
    }

    /** The spectrum, computed on the first call. */
    public SingularSpectrum result() {
        return result.get();
    }

    private static SingularSpectrum compute(LayerGraph graph) {
        int rows = graph.left();
        int cols = graph.right();
        int k = Math.min(rows, cols);
        if (k == 0) {
            return SingularSpectrum.ofDescending(new double[0], SingularSpectrum.Method.NONE, true);
        }
        // Past the limit a full spectrum costs O(k^3) and the window shows only the top of it anyway; mu_0 and mu_hat
        // are what the gaps need, and Lanczos finds them in O(edges) per step.
        if (k > FULL_SPECTRUM_LIMIT) {
            return SingularSpectrum.ofDescending(TopSingularValues.of(graph, TOP_COUNT, LANCZOS_STEPS,
                    LANCZOS_TOLERANCE, LANCZOS_SEED), SingularSpectrum.Method.LANCZOS_TOP, false);
        }
        // The Gram path first: it is an order of magnitude faster for the usual layer (k <= 128 against 512), and it
        // says itself when it cannot be trusted, by returning null.
        double[] viaGram = viaGram(graph);
        if (viaGram != null) {
            return SingularSpectrum.ofDescending(viaGram, SingularSpectrum.Method.GRAM_EVD, true);
        }
        return SingularSpectrum.ofDescending(compute(rows, cols, graph.biadjacencyRowMajor()),
                SingularSpectrum.Method.EXACT_SVD, true);
    }

    /**
     * All singular values through the Gram matrix, descending, or null when M is too ill-conditioned for them
     * to be accurate (sigma_1 / sigma_k &gt; {@link #CONDITION_LIMIT}).
     *
     * @param graph a layer graph with at least one edge
     */
    static double[] viaGram(LayerGraph graph) {
        int k = Math.min(graph.left(), graph.right());
        DMatrixRMaj g = DMatrixRMaj.wrap(k, k, GramMatrix.of(graph.asCsrGraph(), graph.left(), graph.right()));
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, false, true);
        if (!eig.decompose(g)) {
            return null;
        }
        double[] lambda = new double[k];
        for (int i = 0; i < k; i++) {
            lambda[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(lambda);
        double max = lambda[k - 1];
        // lambda_i = sigma_i^2, so the condition limit on sigma applies squared here. A rounding-negative smallest
        // lambda fails the test too (the comparison is written so that NaN fails as well) and goes to the exact SVD.
        if (!(max > 0) || !(lambda[0] >= max / (CONDITION_LIMIT * CONDITION_LIMIT))) {
            return null;
        }
        double[] values = new double[k];
        for (int i = 0; i < k; i++) {
            values[i] = Math.sqrt(lambda[k - 1 - i]);
        }
        return values;
    }

    /**
     * All min(rows, cols) singular values of a dense matrix by the exact SVD, descending.
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
