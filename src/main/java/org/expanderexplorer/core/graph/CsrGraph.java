package org.expanderexplorer.core.graph;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * An immutable undirected graph with positive edge weights in compressed sparse row form: the neighbours of
 * vertex v are {@code neighbours[offsets[v] .. offsets[v+1])}, each undirected edge stored once from each end.
 * This is the form the spectral code works on (Laplacian products, cuts); it is built from a {@link LayerGraph}
 * or from the time-unfolded graph.
 *
 * <p>Memory: two ints and a double per stored direction, so about 40 bytes per undirected edge.
 */
public final class CsrGraph {

    private final int[] offsets;
    private final int[] neighbours;
    private final double[] weights;
    private final double[] strength;
    private final IntFunction<String> labels;

    /**
     * Builds the graph from an edge list. Arrays are not modified. Self-loops are refused; parallel edges are
     * allowed and behave as one edge with the summed weight.
     *
     * @param n      number of vertices
     * @param from   one end of each edge
     * @param to     the other end of each edge
     * @param weight each edge's weight, positive and finite
     * @param labels names of vertices for output (e.g. "L3"), may be null for "v" + index
     */
    public static CsrGraph fromEdges(int n, int[] from, int[] to, double[] weight, IntFunction<String> labels) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(weight, "weight");
        int m = from.length;
        if (to.length != m || weight.length != m) {
            throw new IllegalArgumentException("edge arrays differ in length");
        }
        // Counting sort into CSR: one pass counts each vertex's degree, a prefix sum turns the counts into offsets, a
        // second pass places each edge under both ends. O(n + m), no sorting, and the neighbours keep the edge order.
        int[] count = new int[n + 1];
        for (int e = 0; e < m; e++) {
            Objects.checkIndex(from[e], n);
            Objects.checkIndex(to[e], n);
            if (from[e] == to[e]) {
                throw new IllegalArgumentException("self-loop at vertex " + from[e]);
            }
            // Zero, negative or non-finite weights are refused at the door: a Laplacian with them is not positive
            // semi-definite, and every bound and solver downstream assumes it is.
            if (!(weight[e] > 0.0) || !Double.isFinite(weight[e])) {
                throw new IllegalArgumentException("edge " + e + " has weight " + weight[e] + ", must be positive");
            }
            count[from[e] + 1]++;
            count[to[e] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            count[v + 1] += count[v];
        }
        int[] offsets = count.clone();
        int[] next = Arrays.copyOf(count, n);
        int[] nb = new int[2 * m];
        double[] w = new double[2 * m];
        for (int e = 0; e < m; e++) {
            int a = from[e];
            int b = to[e];
            nb[next[a]] = b;
            w[next[a]++] = weight[e];
            nb[next[b]] = a;
            w[next[b]++] = weight[e];
        }
        return new CsrGraph(offsets, nb, w, labels);
    }

    CsrGraph(int[] offsets, int[] neighbours, double[] weights, IntFunction<String> labels) {
        this.offsets = offsets;
        this.neighbours = neighbours;
        this.weights = weights;
        this.labels = labels == null ? v -> "v" + v : labels;
        int n = offsets.length - 1;
        // Strengths are summed once here: the Laplacian product, the sweep cut and the Cheeger bounds all need them,
        // many times over.
        this.strength = new double[n];
        for (int v = 0; v < n; v++) {
            double s = 0;
            for (int k = offsets[v]; k < offsets[v + 1]; k++) {
                s += weights[k];
            }
            strength[v] = s;
        }
    }

    /** Number of vertices. */
    public int vertexCount() {
        return offsets.length - 1;
    }

    /** Number of undirected edges (parallel edges counted separately). */
    public int edgeCount() {
        return neighbours.length / 2;
    }

    /** Sum of the weights of the edges at v (the degree, in an unweighted graph). */
    public double strength(int v) {
        return strength[v];
    }

    /** Number of edge ends at v. */
    public int degree(int v) {
        return offsets[v + 1] - offsets[v];
    }

    /** Start of v's neighbours in {@link #neighbourArray()}. */
    public int firstEdge(int v) {
        return offsets[v];
    }

    /** End (exclusive) of v's neighbours in {@link #neighbourArray()}. */
    public int endEdge(int v) {
        return offsets[v + 1];
    }

    /** Neighbour of edge slot k. */
    public int neighbour(int k) {
        return neighbours[k];
    }

    /** Weight of edge slot k. */
    public double weight(int k) {
        return weights[k];
    }

    /** The internal neighbour array, for hot loops: must not be modified. */
    public int[] neighbourArray() {
        return neighbours;
    }

    /** The internal weight array, for hot loops: must not be modified. */
    public double[] weightArray() {
        return weights;
    }

    /** The internal offsets array (length n + 1), for hot loops: must not be modified. */
    public int[] offsetArray() {
        return offsets;
    }

    /** The output name of vertex v. */
    public String label(int v) {
        Objects.checkIndex(v, vertexCount());
        return labels.apply(v);
    }

    /**
     * Connected-component index of every vertex, numbered 0, 1, ... in order of first vertex.
     *
     * @return a fresh array of length n
     */
    public int[] componentIds() {
        int n = vertexCount();
        int[] comp = new int[n];
        Arrays.fill(comp, -1);
        int[] stack = new int[n];
        int c = 0;
        for (int s = 0; s < n; s++) {
            if (comp[s] >= 0) {
                continue;
            }
            int top = 0;
            stack[top++] = s;
            comp[s] = c;
            while (top > 0) {
                int v = stack[--top];
                for (int k = offsets[v]; k < offsets[v + 1]; k++) {
                    int u = neighbours[k];
                    if (comp[u] < 0) {
                        comp[u] = c;
                        stack[top++] = u;
                    }
                }
            }
            c++;
        }
        return comp;
    }

    /** Number of connected components (an isolated vertex is a component of its own). */
    public int componentCount() {
        int[] ids = componentIds();
        int max = -1;
        for (int id : ids) {
            max = Math.max(max, id);
        }
        return max + 1;
    }
}
