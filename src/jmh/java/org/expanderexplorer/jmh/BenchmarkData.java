package org.expanderexplorer.jmh;

import java.util.Arrays;
import java.util.Random;
import org.expanderexplorer.core.Shuffle;
import org.expanderexplorer.core.graph.CsrGraph;
import org.expanderexplorer.core.graph.WeightMatrix;

/** Seeded inputs of the benchmarks. */
final class BenchmarkData {

    private BenchmarkData() {
    }

    /**
     * A rows x cols matrix of standard Gaussian entries of which exactly round(keep rows cols) are kept (a seeded
     * random choice) and the rest set to zero: the pattern of a randomly pruned layer.
     */
    static WeightMatrix maskedGaussian(int rows, int cols, double keep, long seed) {
        Random r = new Random(seed);
        int total = rows * cols;
        double[] d = new double[total];
        int[] perm = Shuffle.permutation(total, r);
        int kept = (int) Math.round(keep * total);
        for (int k = 0; k < kept; k++) {
            double g;
            do {
                g = r.nextGaussian();
            } while (g == 0.0);
            d[perm[k]] = g;
        }
        return new WeightMatrix(rows, cols, d);
    }

    /** "128x512" as {rows, cols}. */
    static int[] shape(String text) {
        String[] p = text.split("x");
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
    }

    /** An Erdos-Renyi graph G(n, p) with weights 1, or uniform in (0.1, 2.1) (as the unit tests' random graphs). */
    static CsrGraph randomGraph(int n, double p, boolean weighted, long seed) {
        Random r = new Random(seed);
        int[] from = new int[n * n];
        int[] to = new int[n * n];
        double[] w = new double[n * n];
        int m = 0;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                if (r.nextDouble() < p) {
                    from[m] = a;
                    to[m] = b;
                    w[m++] = weighted ? 0.1 + 2 * r.nextDouble() : 1.0;
                }
            }
        }
        return CsrGraph.fromEdges(n, Arrays.copyOf(from, m), Arrays.copyOf(to, m), Arrays.copyOf(w, m), v -> "v" + v);
    }
}
