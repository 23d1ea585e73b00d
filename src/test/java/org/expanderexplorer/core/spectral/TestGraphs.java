package org.expanderexplorer.core.spectral;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.expanderexplorer.core.Shuffle;
import org.expanderexplorer.core.graph.CsrGraph;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.WeightMatrix;

/** Matrices and graphs with known spectra, built directly for the tests. */
final class TestGraphs {

    private TestGraphs() {
    }

    /** K(a, b): the all-ones a x b matrix. */
    static WeightMatrix completeBipartite(int a, int b) {
        double[][] m = new double[a][b];
        for (double[] row : m) {
            java.util.Arrays.fill(row, 1.0);
        }
        return WeightMatrix.of(m);
    }

    /** The even cycle C_2n as an n x n biadjacency: L_i ~ R_i and L_i ~ R_(i+1 mod n). Needs n >= 3. */
    static WeightMatrix evenCycle(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
            m[i][(i + 1) % n] = 1;
        }
        return WeightMatrix.of(m);
    }

    /** Heawood graph: points versus lines {i, i+1, i+3} (mod 7) of the Fano plane. */
    static WeightMatrix heawood() {
        double[][] m = new double[7][7];
        for (int line = 0; line < 7; line++) {
            for (int d : new int[] {0, 1, 3}) {
                m[(line + d) % 7][line] = 1;
            }
        }
        return WeightMatrix.of(m);
    }

    /** Point-line incidence of PG(2, q) for a prime q, from normalised homogeneous coordinates over GF(q). */
    static WeightMatrix projectivePlane(int q) {
        List<int[]> points = new ArrayList<>();
        for (int x = 0; x < q; x++) {
            for (int y = 0; y < q; y++) {
                for (int z = 0; z < q; z++) {
                    int first = x != 0 ? x : y != 0 ? y : z;
                    if (first == 1) {
                        points.add(new int[] {x, y, z});
                    }
                }
            }
        }
        int n = points.size();
        double[][] m = new double[n][n];
        for (int p = 0; p < n; p++) {
            for (int l = 0; l < n; l++) {
                int[] a = points.get(p);
                int[] b = points.get(l);
                if ((a[0] * b[0] + a[1] * b[1] + a[2] * b[2]) % q == 0) {
                    m[p][l] = 1;
                }
            }
        }
        return WeightMatrix.of(m);
    }

    /** A Gaussian rows x cols matrix with exactly round(keep * rows * cols) entries kept (seeded). */
    static WeightMatrix maskedGaussian(int rows, int cols, double keep, long seed) {
        Random r = new Random(seed);
        int total = rows * cols;
        double[] d = new double[total];
        for (int k = 0; k < total; k++) {
            double g;
            do {
                g = r.nextGaussian();
            } while (g == 0.0);
            d[k] = g;
        }
        int[] perm = Shuffle.permutation(total, r);
        int kept = (int) Math.round(keep * total);
        for (int k = kept; k < total; k++) {
            d[perm[k]] = 0.0;
        }
        return new WeightMatrix(rows, cols, d);
    }

    static LayerGraph layer(WeightMatrix m) {
        return LayerGraph.of(m, Representation.UNWEIGHTED);
    }

    static CsrGraph csr(WeightMatrix m) {
        return layer(m).asCsrGraph();
    }

    /** A simple graph from an edge list {from, to} with unit weights. */
    static CsrGraph graph(int n, int[][] edges) {
        int[] from = new int[edges.length];
        int[] to = new int[edges.length];
        double[] w = new double[edges.length];
        for (int e = 0; e < edges.length; e++) {
            from[e] = edges[e][0];
            to[e] = edges[e][1];
            w[e] = 1;
        }
        return CsrGraph.fromEdges(n, from, to, w, null);
    }

    /** An edge list with weights, kept in the test so that brute-force checks do not read the graph back. */
    record Edges(int n, int[] from, int[] to, double[] w) {

        /** From collected (from, to) pairs and their weights (lists not modified). */
        static Edges of(int n, List<int[]> pairs, List<Double> weights) {
            int m = pairs.size();
            int[] from = new int[m];
            int[] to = new int[m];
            double[] w = new double[m];
            for (int e = 0; e < m; e++) {
                from[e] = pairs.get(e)[0];
                to[e] = pairs.get(e)[1];
                w[e] = weights.get(e);
            }
            return new Edges(n, from, to, w);
        }

        CsrGraph toGraph() {
            return CsrGraph.fromEdges(n, from, to, w, null);
        }
    }

    /** G(n, p) with weights 1 or uniform in (0.1, 2.1), seeded; may be disconnected. */
    static Edges randomGraph(int n, double p, boolean weighted, long seed) {
        Random r = new Random(seed);
        List<int[]> list = new ArrayList<>();
        List<Double> ws = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (r.nextDouble() < p) {
                    list.add(new int[] {i, j});
                    ws.add(weighted ? 0.1 + 2 * r.nextDouble() : 1.0);
                }
            }
        }
        return Edges.of(n, list, ws);
    }

    /**
     * A graph shaped like the time-unfolded graph of a recurrent layer: blocks x_t (inputs) for t = 1..steps and
     * h_t (hidden) for t = 0..steps, edges x_t - h_t by one shared random input pattern and h_(t-1) - h_t by one
     * shared random recurrent pattern, each entry kept with probability density.
     */
    static Edges unfoldedLike(int steps, int inputs, int hidden, double density, boolean weighted, long seed) {
        Random r = new Random(seed);
        double[][] ih = new double[inputs][hidden];
        double[][] hh = new double[hidden][hidden];
        for (double[][] m : new double[][][] {ih, hh}) {
            for (double[] row : m) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = r.nextDouble() < density ? (weighted ? Math.abs(r.nextGaussian()) + 1e-3 : 1.0) : 0.0;
                }
            }
        }
        int n = steps * inputs + (steps + 1) * hidden;
        List<int[]> list = new ArrayList<>();
        List<Double> ws = new ArrayList<>();
        for (int t = 1; t <= steps; t++) {
            int x0 = (t - 1) * inputs;
            int h0 = steps * inputs + t * hidden;
            int hp = steps * inputs + (t - 1) * hidden;
            for (int i = 0; i < inputs; i++) {
                for (int j = 0; j < hidden; j++) {
                    if (ih[i][j] != 0) {
                        list.add(new int[] {x0 + i, h0 + j});
                        ws.add(ih[i][j]);
                    }
                }
            }
            for (int i = 0; i < hidden; i++) {
                for (int j = 0; j < hidden; j++) {
                    if (hh[i][j] != 0) {
                        list.add(new int[] {hp + i, h0 + j});
                        ws.add(hh[i][j]);
                    }
                }
            }
        }
        return Edges.of(n, list, ws);
    }
}
