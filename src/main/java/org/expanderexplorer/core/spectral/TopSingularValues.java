package org.expanderexplorer.core.spectral;

import java.util.Arrays;
import org.expanderexplorer.core.graph.CsrGraph;
import org.expanderexplorer.core.graph.LayerGraph;

/**
 * The largest singular values of a layer's biadjacency M without forming M densely or any Gram matrix: per
 * connected component, Lanczos ({@link TopEigenvalues}) on the operator M_c M_c^T or M_c^T M_c of the component's
 * smaller side, applied through the layer's CSR graph (two sparse products, 2 nnz_c multiply-adds). The values of
 * all components are merged. See {@link SingularValues} for when this path is used and what it guarantees.
 */
final class TopSingularValues {

    private TopSingularValues() {
    }

    /**
     * @return up to {@code count} largest singular values, descending: each component's converged ones, its two
     *         largest always
     */
    static double[] of(LayerGraph graph, int count, int maxSteps, double tolerance, long seed) {
        CsrGraph csr = graph.asCsrGraph();
        int n = csr.vertexCount();
        int left = graph.left();
        // Per component: the spectrum of a block-diagonal M is the union of its blocks' spectra, and Lanczos on the
        // whole graph would converge poorly when several components share the top value (repeated eigenvalues).
        int[] comp = csr.componentIds();
        int components = 0;
        for (int c : comp) {
            components = Math.max(components, c + 1);
        }
        int[] leftCount = new int[components];
        int[] rightCount = new int[components];
        for (int v = 0; v < n; v++) {
            if (v < left) {
                leftCount[comp[v]]++;
            } else {
                rightCount[comp[v]]++;
            }
        }
        // Group the vertices of each component by side: the smaller side and the other (compact ids, ascending).
        int[][] side = new int[components][];
        int[][] other = new int[components][];
        int[] fill = new int[components];
        int[] fillOther = new int[components];
        for (int c = 0; c < components; c++) {
            // M M^T and M^T M have the same non-zero eigenvalues (sigma^2); the smaller side gives the smaller operator
            side[c] = new int[Math.min(leftCount[c], rightCount[c])];
            other[c] = new int[Math.max(leftCount[c], rightCount[c])];
        }
        for (int v = 0; v < n; v++) {
            int c = comp[v];
            boolean smallerIsLeft = leftCount[c] <= rightCount[c];
            if ((v < left) == smallerIsLeft) {
                side[c][fill[c]++] = v;
            } else {
                other[c][fillOther[c]++] = v;
            }
        }
        double[] scratchSide = new double[n];
        double[] scratchOther = new double[n];
        double[] all = new double[0];
        for (int c = 0; c < components; c++) {
            int[] s = side[c];
            int[] t = other[c];
            TopEigenvalues.Operator op = (x, y) -> gramProduct(csr, s, t, x, y, scratchSide, scratchOther);
            // each component gets its own seed (seed + c), so the start vectors differ but the run stays reproducible
            TopEigenvalues.Outcome o = TopEigenvalues.largest(op, s.length, Math.min(count, s.length),
                    Math.min(2, s.length), maxSteps, tolerance, seed + c, false);
            int at = all.length;
            all = Arrays.copyOf(all, at + o.values().length);
            for (int i = 0; i < o.values().length; i++) {
                // sigma = sqrt(lambda of the Gram operator); rounding can leave a zero eigenvalue slightly negative
                all[at + i] = Math.sqrt(Math.max(o.values()[i], 0.0));
            }
        }
        Arrays.sort(all);
        int keep = Math.min(count, all.length);
        double[] out = new double[keep];
        for (int i = 0; i < keep; i++) {
            out[i] = all[all.length - 1 - i];
        }
        return out;
    }

    /**
     * y = B B^T x on one side of a component, B the biadjacency between that side and the other: first
     * t = B^T x on the other side's vertices, then y = B t. Both are gathers over CSR adjacency lists.
     *
     * @param side  the side's compact vertex ids; x and y are indexed like it
     * @param others the other side's compact vertex ids in the component
     * @param x     not modified
     * @param y     overwritten
     * @param valueAt scratch of length n, indexed by compact id: x's entries are placed there
     * @param other   scratch of length n, indexed by compact id: t lives there
     */
    private static void gramProduct(CsrGraph g, int[] side, int[] others, double[] x, double[] y,
            double[] valueAt, double[] other) {
        int[] off = g.offsetArray();
        int[] nb = g.neighbourArray();
        double[] w = g.weightArray();
        for (int i = 0; i < side.length; i++) {
            valueAt[side[i]] = x[i];
        }
        // t = B^T x: each vertex of the other side sums its weighted neighbours on this side
        for (int u : others) {
            double t = 0;
            for (int f = off[u]; f < off[u + 1]; f++) {
                t += w[f] * valueAt[nb[f]];
            }
            other[u] = t;
        }
        // y = B t, back on this side; together 2 nnz_c multiply-adds, never a dense matrix
        for (int i = 0; i < side.length; i++) {
            int v = side[i];
            double acc = 0;
            for (int e = off[v]; e < off[v + 1]; e++) {
                acc += w[e] * other[nb[e]];
            }
            y[i] = acc;
        }
    }
}
