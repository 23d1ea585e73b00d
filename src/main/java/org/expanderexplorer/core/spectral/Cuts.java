package org.expanderexplorer.core.spectral;

import java.util.ArrayList;
import java.util.List;
import org.expanderexplorer.core.graph.CsrGraph;

/** Small helpers shared by the cut algorithms. */
final class Cuts {

    private Cuts() {
    }

    /**
     * w(E(S, V \ S)) counted afresh in O(n + edges).
     *
     * @param inS membership of every vertex; not modified
     */
    static double cutWeight(CsrGraph g, boolean[] inS) {
        int[] off = g.offsetArray();
        int[] nb = g.neighbourArray();
        double[] w = g.weightArray();
        double cut = 0;
        for (int v = 0; v < g.vertexCount(); v++) {
            // each crossing edge is seen once, from its end in S (the CSR graph lists every undirected edge at both
            // ends)
            if (inS[v]) {
                for (int k = off[v]; k < off[v + 1]; k++) {
                    if (!inS[nb[k]]) {
                        cut += w[k];
                    }
                }
            }
        }
        return cut;
    }

    /**
     * The result for set S, with the cut recounted so that no rounding of an incremental sum is reported.
     *
     * @param inS membership of every vertex, at least one member; not modified
     */
    static CutResult of(CsrGraph g, boolean[] inS) {
        List<Integer> ids = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int v = 0; v < inS.length; v++) {
            if (inS[v]) {
                ids.add(v);
                labels.add(g.label(v));
            }
        }
        // Recounted rather than taken from the caller: the enumerations update the cut incrementally, and a
        // reported number must not carry their accumulated rounding.
        double cut = cutWeight(g, inS);
        // the ratio divides by |S|: callers pass the smaller side, so this is cut / min(|S|, |V \ S|)
        return new CutResult(cut / ids.size(), cut, ids, labels);
    }

    /** The smallest component (lowest number on a tie) as a fresh membership array; {@code comp} is not modified. */
    static boolean[] smallestComponent(int[] comp) {
        int count = 0;
        for (int c : comp) {
            count = Math.max(count, c + 1);
        }
        int[] size = new int[count];
        for (int c : comp) {
            size[c]++;
        }
        // strict < below keeps the lowest component number among equal sizes, so the result is deterministic
        int best = 0;
        for (int c = 1; c < count; c++) {
            if (size[c] < size[best]) {
                best = c;
            }
        }
        boolean[] inS = new boolean[comp.length];
        for (int v = 0; v < comp.length; v++) {
            inS[v] = comp[v] == best;
        }
        return inS;
    }
}
