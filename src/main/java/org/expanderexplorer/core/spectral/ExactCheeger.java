package org.expanderexplorer.core.spectral;

import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.graph.CsrGraph;

/**
 * The exact Cheeger constant (edge expansion) h(G) = min over 0 &lt; |S| &lt;= |V| / 2 of w(E(S, V \ S)) / |S|
 * by enumeration, for graphs of at most {@link #MAX_VERTICES} vertices (science.md, section 4; the problem is
 * NP-hard in general).
 *
 * <p>S and its complement have the same cut, so vertex n-1 is kept outside S and every proper non-empty S of
 * the other n-1 vertices is visited once, with ratio cut / min(|S|, n - |S|): that is the same minimum. Subsets
 * are visited in Gray-code order, so each step flips one vertex v and the cut changes by
 * +-(s(v) - 2 w(v, S)). Unweighted graphs (all weights 1, no parallel edges) use adjacency bit masks (O(1) per
 * step, exact integer ratios); weighted graphs keep w(u, S) for every u (O(deg v) per step). The optimal set's
 * cut is recounted at the end. Time O(2^(n-1)) steps, about 10^7 at n = 24; memory O(n^2).
 *
 * <p>A disconnected graph has h = 0, attained by its smallest component.
 */
public final class ExactCheeger extends CutSearch {

    /** Largest graph this enumeration accepts. */
    // 2^23 (about 8 million) Gray-code steps; each further vertex doubles them, and int bit masks end at 31
    public static final int MAX_VERTICES = 24;

    /**
     * @param graph the graph
     * @throws BadInputException if the graph has more than {@link #MAX_VERTICES} vertices
     */
    public ExactCheeger(CsrGraph graph) {
        super(graph);
        if (graph.vertexCount() > MAX_VERTICES) {
            throw new BadInputException("exact Cheeger constant is limited to " + MAX_VERTICES
                    + " vertices; this graph has " + graph.vertexCount());
        }
    }

    /** h(G) and an optimal set. */
    @Override
    CutResult search(int n) {
        // A disconnected graph needs no enumeration: a component has no edge leaving it, so h = 0, and the smallest
        // component is the set with the fewest vertices among those of ratio 0 (any union of components is one too).
        int[] comp = graph.componentIds();
        for (int c : comp) {
            if (c > 0) {
                return Cuts.of(graph, Cuts.smallestComponent(comp));
            }
        }
        int best = isSimpleUnweighted() ? enumerateUnweighted(n) : enumerateWeighted(n);
        int size = Integer.bitCount(best);
        // The enumerated set may be the larger side; report the smaller one, as the definition's |S| <= |V| / 2 asks
        // (the ratio is the same, its denominator being min(|S|, n - |S|) either way).
        boolean complement = size > n - size;
        boolean[] inS = new boolean[n];
        for (int v = 0; v < n; v++) {
            boolean member = v < n - 1 && (best >>> v & 1) != 0;
            inS[v] = member != complement;
        }
        return Cuts.of(graph, inS);
    }

    // The integer path is exact only when every weight is 1 and no edge repeats; a repeated edge would count once
    // in the bit masks but twice in the degree.
    private boolean isSimpleUnweighted() {
        int n = graph.vertexCount();
        for (int v = 0; v < n; v++) {
            int seen = 0;
            for (int k = graph.firstEdge(v); k < graph.endEdge(v); k++) {
                int bit = 1 << graph.neighbour(k);
                if (graph.weight(k) != 1.0 || (seen & bit) != 0) {
                    return false;
                }
                seen |= bit;
            }
        }
        return true;
    }

    /** Returns the optimal mask over vertices 0..n-2; ratios compared exactly as integer fractions. */
    private int enumerateUnweighted(int n) {
        int m = n - 1;
        int[] adj = new int[n];
        int[] deg = new int[n];
        for (int v = 0; v < n; v++) {
            for (int k = graph.firstEdge(v); k < graph.endEdge(v); k++) {
                adj[v] |= 1 << graph.neighbour(k);
            }
            deg[v] = graph.degree(v);
        }
        int set = 0;
        int size = 0;
        long cut = 0;
        // bestCut / bestDen = 1 / 0 is +infinity, so the first set always becomes the best
        long bestCut = 1;
        long bestDen = 0;
        int best = 0;
        // Gray code: the vertex to flip at step i is the lowest set bit of i, so consecutive sets differ by one
        // vertex and the cut changes by deg(v) - 2 |N(v) & S| (edges to the rest of S stop or start crossing).
        for (int i = 1, end = 1 << m; i < end; i++) {
            int v = Integer.numberOfTrailingZeros(i);
            int bit = 1 << v;
            int inner = Integer.bitCount(adj[v] & set);
            if ((set & bit) == 0) {
                set |= bit;
                size++;
                cut += deg[v] - 2L * inner;
            } else {
                set &= ~bit;
                size--;
                cut -= deg[v] - 2L * inner;
            }
            long den = Math.min(size, n - size);
            // cut / den < bestCut / bestDen, with bestDen = 0 standing for +infinity
            // cross-multiplied: cut <= n^2 and den <= n / 2, so the products stay far inside a long
            if (cut * bestDen < bestCut * den) {
                bestCut = cut;
                bestDen = den;
                best = set;
            }
        }
        return best;
    }

    private int enumerateWeighted(int n) {
        int m = n - 1;
        int[] off = graph.offsetArray();
        int[] nb = graph.neighbourArray();
        double[] w = graph.weightArray();
        double[] toSet = new double[n];
        int set = 0;
        int size = 0;
        double cut = 0;
        double bestRatio = Double.POSITIVE_INFINITY;
        int best = 0;
        for (int i = 1, end = 1 << m; i < end; i++) {
            int v = Integer.numberOfTrailingZeros(i);
            int bit = 1 << v;
            // toSet[v] = w(v, S) is kept up to date for every vertex, so the weighted step costs O(deg v) rather than a
            // recount of the cut.
            double change = graph.strength(v) - 2 * toSet[v];
            double sign;
            if ((set & bit) == 0) {
                set |= bit;
                size++;
                sign = 1;
            } else {
                set &= ~bit;
                size--;
                sign = -1;
            }
            cut += sign * change;
            for (int k = off[v]; k < off[v + 1]; k++) {
                toSet[nb[k]] += sign * w[k];
            }
            // strict <: among equal ratios the first set in Gray-code order stays, so the result is deterministic
            double ratio = cut / Math.min(size, n - size);
            if (ratio < bestRatio) {
                bestRatio = ratio;
                best = set;
            }
        }
        return best;
    }
}
