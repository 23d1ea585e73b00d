package org.expanderexplorer.core.spectral;

import java.util.Objects;
import org.expanderexplorer.core.IndexSort;
import org.expanderexplorer.core.graph.CsrGraph;

/**
 * The sweep cut of a vertex ordering vector (usually the Fiedler vector; science.md, section 4): sort the
 * vertices by their value (vertex id breaks ties), evaluate every prefix P_k, k = 1 .. n-1, with ratio
 * w(E(P_k, V \ P_k)) / min(k, n - k), and keep the best (the first on a tie). The reported set is the smaller
 * side: the prefix if k &lt;= n - k, else its complement. Its ratio is an upper bound on the Cheeger constant
 * achieved by an actual set.
 *
 * <p>The cut is updated incrementally: adding v to the prefix changes it by s(v) - 2 w(v, P), so all prefixes
 * cost O(edges) in total, plus O(n log n) for the sort. The best set's cut is recounted once at the end.
 */
public final class SweepCut extends CutSearch {

    private final double[] order;

    /**
     * @param graph the graph
     * @param order one value per vertex; copied, not modified
     */
    public SweepCut(CsrGraph graph, double[] order) {
        super(graph);
        Objects.requireNonNull(order, "order");
        if (order.length != graph.vertexCount()) {
            throw new IllegalArgumentException("ordering vector has " + order.length + " entries, graph has "
                    + graph.vertexCount() + " vertices");
        }
        this.order = order.clone();
    }

    /** The best prefix cut. */
    @Override
    CutResult search(int n) {
        // Ties by vertex id make the cut a function of the vector alone, so equal inputs give equal sets on every
        // run and platform.
        int[] sorted = IndexSort.ascending(order);
        int[] off = graph.offsetArray();
        int[] nb = graph.neighbourArray();
        double[] w = graph.weightArray();
        boolean[] inPrefix = new boolean[n];
        double cut = 0;
        double bestRatio = Double.POSITIVE_INFINITY;
        int bestK = -1;
        for (int k = 1; k < n; k++) {
            int v = sorted[k - 1];
            double toPrefix = 0;
            for (int e = off[v]; e < off[v + 1]; e++) {
                if (inPrefix[nb[e]]) {
                    toPrefix += w[e];
                }
            }
            inPrefix[v] = true;
            cut += graph.strength(v) - 2 * toPrefix;
            // The incremental sum can dip below 0 by rounding when the prefix is a whole component; a cut is never
            // negative, and the final set's cut is recounted exactly in Cuts.of.
            double ratio = Math.max(cut, 0.0) / Math.min(k, n - k);
            if (ratio < bestRatio) {
                bestRatio = ratio;
                bestK = k;
            }
        }
        boolean takePrefix = bestK <= n - bestK;
        boolean[] inS = new boolean[n];
        for (int i = 0; i < n; i++) {
            inS[sorted[i]] = (i < bestK) == takePrefix;
        }
        return Cuts.of(graph, inS);
    }
}
