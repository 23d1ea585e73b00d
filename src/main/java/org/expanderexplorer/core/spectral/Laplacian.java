package org.expanderexplorer.core.spectral;

import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.expanderexplorer.core.graph.CsrGraph;

/**
 * The weighted graph Laplacian L = D - A of a {@link CsrGraph}, with D the diagonal of strengths and A the
 * weighted adjacency (parallel edges add up). Used as an operator (O(edges) per product, no matrix formed) or,
 * for small graphs only, as a dense matrix (O(n^2) memory).
 */
public final class Laplacian {

    private final int[] offsets;
    private final int[] neighbours;
    private final double[] weights;
    private final double[] strength;
    private final int n;

    /**
     * @param graph the graph; its arrays are read, never modified
     */
    public Laplacian(CsrGraph graph) {
        Objects.requireNonNull(graph, "graph");
        this.n = graph.vertexCount();
        this.offsets = graph.offsetArray();
        this.neighbours = graph.neighbourArray();
        this.weights = graph.weightArray();
        this.strength = new double[n];
        for (int v = 0; v < n; v++) {
            strength[v] = graph.strength(v);
        }
    }

    /** Number of vertices, the order of L. */
    public int size() {
        return n;
    }

    /** The largest strength d_max (0 for an empty graph). */
    public double maxStrength() {
        double m = 0;
        for (double s : strength) {
            m = Math.max(m, s);
        }
        return m;
    }

    /**
     * y = L x in O(n + edges).
     *
     * @param x input vector of length n, not modified
     * @param y output vector of length n, overwritten; must not be {@code x}
     */
    public void multiply(double[] x, double[] y) {
        for (int v = 0; v < n; v++) {
            double acc = strength[v] * x[v];
            for (int k = offsets[v], end = offsets[v + 1]; k < end; k++) {
                acc -= weights[k] * x[neighbours[k]];
            }
            y[v] = acc;
        }
    }

    /**
     * The Rayleigh quotient x^T L x / x^T x = sum over edges w (x_u - x_v)^2 / x^T x.
     *
     * @param x a non-zero vector of length n, not modified
     */
    public double rayleighQuotient(double[] x) {
        double num = 0;
        double den = 0;
        for (int v = 0; v < n; v++) {
            den += x[v] * x[v];
            for (int k = offsets[v], end = offsets[v + 1]; k < end; k++) {
                int u = neighbours[k];
                if (u > v) {
                    double d = x[v] - x[u];
                    num += weights[k] * d * d;
                }
            }
        }
        return num / den;
    }

    /**
     * The Euclidean norm of L x - lambda x.
     *
     * @param x      vector of length n, not modified
     * @param lambda the eigenvalue estimate
     */
    public double residual(double[] x, double lambda) {
        double[] y = new double[n];
        multiply(x, y);
        double s = 0;
        for (int v = 0; v < n; v++) {
            double r = y[v] - lambda * x[v];
            s += r * r;
        }
        return Math.sqrt(s);
    }

    /** L as a fresh dense n x n matrix. O(n^2) memory: for small graphs only. */
    public DMatrixRMaj dense() {
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int v = 0; v < n; v++) {
            m.unsafe_set(v, v, strength[v]);
            for (int k = offsets[v]; k < offsets[v + 1]; k++) {
                int u = neighbours[k];
                m.unsafe_set(v, u, m.unsafe_get(v, u) - weights[k]);
            }
        }
        return m;
    }
}
