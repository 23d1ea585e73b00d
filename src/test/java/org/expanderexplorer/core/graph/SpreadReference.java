package org.expanderexplorer.core.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.expanderexplorer.core.graph.UnfoldedVertex.Role;

/**
 * What the tests of the spread check it against: random sparse layers, and the reach by a breadth-first search on
 * the unfolded graph, an implementation that shares nothing with {@link Spread} but the graph. Used by the spread's
 * own test, its overlay's and the {@code expansion} command's.
 */
public final class SpreadReference {

    private SpreadReference() {
    }

    /** A rows x cols matrix whose entries are each kept with probability {@code keep}, standard Gaussian. */
    public static WeightMatrix sparse(int rows, int cols, double keep, Random rnd) {
        double[] d = new double[rows * cols];
        for (int k = 0; k < d.length; k++) {
            d[k] = rnd.nextDouble() < keep ? rnd.nextGaussian() : 0.0;
        }
        return new WeightMatrix(rows, cols, d);
    }

    /**
     * The hidden units reached at each step 1..T by a breadth-first search over the edges of the unfolded graph that
     * go forward in time (from x_t or h_{t-1} to h_t), from S placed on its vertices.
     */
    public static List<TreeSet<Integer>> reach(UnfoldedGraph g, List<UnfoldedVertex> start) {
        CsrGraph csr = g.toCsrGraph();
        boolean[] seen = new boolean[g.vertexCount()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (UnfoldedVertex v : start) {
            int id = g.vertex(v);
            if (!seen[id]) {
                seen[id] = true;
                queue.add(id);
            }
        }
        while (!queue.isEmpty()) {
            int v = queue.poll();
            for (int k = csr.firstEdge(v); k < csr.endEdge(v); k++) {
                int u = csr.neighbour(k);
                boolean forward = g.role(u) == Role.H && (g.role(v) == Role.X ? g.step(u) == g.step(v)
                        : g.step(u) == g.step(v) + 1);
                if (forward && !seen[u]) {
                    seen[u] = true;
                    queue.add(u);
                }
            }
        }
        List<TreeSet<Integer>> out = new ArrayList<>();
        for (int t = 1; t <= g.steps(); t++) {
            TreeSet<Integer> units = new TreeSet<>();
            for (int j = 0; j < g.hidden(); j++) {
                if (seen[g.vertex(Role.H, t, j)]) {
                    units.add(j);
                }
            }
            out.add(units);
        }
        return out;
    }
}
