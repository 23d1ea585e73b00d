package org.expanderexplorer.core.spectral;

import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.Lazy;
import org.expanderexplorer.core.graph.LayerGraph;

/**
 * The singular value decomposition with vectors of a {@link LayerGraph}'s biadjacency M (the kept part, with the
 * representation's weights): M v_k = sigma_k u_k, where u_k lives on the left vertices and v_k on the right ones.
 * Together (u_k, v_k) / sqrt(2) is the eigenvector of the adjacency A = [[0, M], [M^T, 0]] for +sigma_k
 * (science.md, section 2), which is what the window colours the vertices by.
 *
 * <p>For small graphs only: at most {@link #MAX_SIDE} vertices per side. Uses EJML's compact SVD with U and V
 * (chosen through {@link DecompositionFactory_DDRM#svd(int, int, boolean, boolean, boolean)}), sorted descending.
 * Cost O(m n min(m, n)) time and O(m n) memory for an m x n kept part; 400 x 400 takes a fraction of a second.
 *
 * <p>Signs: a singular pair is defined up to flipping both vectors; each pair is flipped so that the sum of its
 * components is positive (or, when that sum is zero, its largest component in absolute value, the first such in
 * u then v, is positive), so results are reproducible. Where a singular value is repeated only the subspace is
 * defined, and the vectors returned are one orthonormal basis of it.
 */
public final class SingularVectors {

    /** Most vertices per side accepted. */
    // A dense SVD: at 1000 x 1000 the matrix, U and V take 24 MB and O(10^9) operations; the bound keeps both modest.
    public static final int MAX_SIDE = 1000;

    private final LayerGraph graph;
    private final Lazy<SingularTriplets> result = new Lazy<>(this::compute);

    /**
     * @param graph the layer graph
     * @throws BadInputException if either side of its kept part has more than {@link #MAX_SIDE} vertices
     */
    public SingularVectors(LayerGraph graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
        if (graph.left() > MAX_SIDE || graph.right() > MAX_SIDE) {
            throw new BadInputException("singular vectors are limited to " + MAX_SIDE + " vertices per side; this "
                    + "graph has " + graph.left() + " x " + graph.right());
        }
    }

    /** The decomposition, computed on the first call. */
    public SingularTriplets result() {
        return result.get();
    }

    private SingularTriplets compute() {
        int m = graph.left();
        int n = graph.right();
        int count = Math.min(m, n);
        if (count == 0) {
            return new SingularTriplets(new double[0], new double[0][], new double[0][], m, n);
        }
        DMatrixRMaj a = DMatrixRMaj.wrap(m, n, graph.biadjacencyRowMajor());
        // needU, needV, compact: thin U (m x k) and V (n x k) with k = min(m, n), all the pairs there are
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, n, true, true, true);
        if (!svd.decompose(a)) {
            throw new ArithmeticException("singular value decomposition of a " + m + " x " + n
                    + " matrix did not converge");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj v = svd.getV(null, false);
        // EJML does not promise any order of the singular values; sorting moves the columns of U and V along
        SingularOps_DDRM.descendingOrder(u, false, w, v, false);
        double[] values = new double[count];
        double[][] left = new double[count][m];
        double[][] right = new double[count][n];
        for (int k = 0; k < count; k++) {
            // singular values are non-negative by definition; abs guards against a -0.0 on the diagonal
            values[k] = Math.abs(w.get(k, k));
            for (int i = 0; i < m; i++) {
                left[k][i] = u.get(i, k);
            }
            for (int j = 0; j < n; j++) {
                right[k][j] = v.get(j, k);
            }
            if (flip(left[k], right[k])) {
                negate(left[k]);
                negate(right[k]);
            }
        }
        return new SingularTriplets(values, left, right, m, n);
    }

    /** True when the pair should be negated to follow the sign convention; arrays not modified. */
    static boolean flip(double[] u, double[] v) {
        double sum = 0;
        double scale = 0;
        for (double x : u) {
            sum += x;
            scale += Math.abs(x);
        }
        for (double x : v) {
            sum += x;
            scale += Math.abs(x);
        }
        // a sum that is zero up to rounding would flip the sign at random between machines: use the tie rule instead
        if (Math.abs(sum) > 1e-9 * Math.max(1, scale)) {
            return sum < 0;
        }
        double best = 0;
        for (double x : u) {
            // the margin makes "largest" ignore rounding-level differences, so the first of near-equal entries decides
            best = Math.abs(x) > Math.abs(best) + 1e-12 ? x : best;
        }
        for (double x : v) {
            best = Math.abs(x) > Math.abs(best) + 1e-12 ? x : best;
        }
        return best < 0;
    }

    private static void negate(double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = -x[i];
        }
    }
}
