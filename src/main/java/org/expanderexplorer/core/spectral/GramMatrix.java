package org.expanderexplorer.core.spectral;

import org.expanderexplorer.core.graph.CsrGraph;

/**
 * The Gram matrix of the smaller side of a layer's biadjacency M: G = M M^T when |L'| &lt;= |R'|, else
 * G = M^T M; either way k x k with k = min(|L'|, |R'|), and its eigenvalues are the squared singular values of M.
 *
 * <p>Formed from the layer's CSR graph as a sum of outer products over the other side's vertices: for G = M M^T,
 * each right vertex with neighbours N(v) adds w_v w_v^T restricted to N(v), |N(v)|^2 / 2 multiply-adds. In total
 * O(k^2 + sum_v deg(v)^2 / 2): for a 128 x 512 layer at 20 % density 0.17 M multiply-adds, against 4.2 M for the
 * dense product, and no pass over the zeros. The weights (1 or |w|) are non-negative, so no cancellation occurs:
 * each entry of G has a relative error of at most about deg(v) eps.
 */
final class GramMatrix {

    private GramMatrix() {
    }

    /**
     * @param graph the layer graph's CSR form: left vertices 0..left-1, right vertices after them, each adjacency
     *              list ascending (as {@code LayerGraph#asCsrGraph()} builds it); not modified
     * @param left  |L'|
     * @param right |R'|
     * @return G, row-major k x k with both triangles filled
     */
    static double[] of(CsrGraph graph, int left, int right) {
        boolean leftSide = left <= right;
        int k = leftSide ? left : right;
        int shift = leftSide ? 0 : left; // compact id of the side's first vertex
        int from = leftSide ? left : 0; // the other side's vertices
        int to = leftSide ? left + right : left;
        int[] off = graph.offsetArray();
        int[] nb = graph.neighbourArray();
        double[] w = graph.weightArray();
        double[] g = new double[k * k];
        for (int v = from; v < to; v++) {
            int end = off[v + 1];
            for (int p = off[v]; p < end; p++) {
                int row = (nb[p] - shift) * k - shift;
                double wp = w[p];
                for (int q = p; q < end; q++) {
                    g[row + nb[q]] += wp * w[q];
                }
            }
        }
        // The lists are ascending, so only the upper triangle was filled; mirror it.
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                g[b * k + a] = g[a * k + b];
            }
        }
        return g;
    }
}
