package org.expanderexplorer.core.graph;

import java.util.Random;

/**
 * Samples a simple (dl, dr)-biregular bipartite graph; the parameters are checked by
 * {@link TeachingGraphs#randomBiregular}.
 *
 * <p>Method: the configuration model (Bollobas 1980): left vertex i gets dl "stubs", right vertex j gets dr, and a
 * uniformly random perfect matching of the stubs gives the edges. A pairing without repeated edges is a uniform
 * sample of the simple biregular graphs, so up to {@link #REJECTION_TRIES} pairings are drawn. The chance that a
 * pairing is simple is about exp(-(dl-1)(dr-1)/2), tiny for larger degrees; then the last pairing is repaired by
 * edge switches ((a,b), (c,d) -> (a,d), (c,b), allowed when it creates no repeated edge) that remove each
 * repeated edge, followed by {@link #MIXING_SWITCHES_PER_EDGE} |E| random switch attempts, the switch Markov chain
 * whose stationary law is uniform on simple biregular graphs (Kannan, Tetali, Vempala 1999), to wash out the bias
 * of the repair. The switch count is a practical choice, not a proven mixing time.
 *
 * <p>A repair switch for a repeated edge (a,b) needs an edge (c,d) with c not adjacent to b and d not adjacent
 * to a. Counting the edges that would have to avoid both sets shows that one always exists when the density
 * dl / right is at most 1/2; denser graphs are therefore sampled as the complement of a
 * (right - dl, left - dr)-biregular graph, which is uniform exactly when the complement is. Each repair switch
 * removes one surplus copy, so a repair ends after at most |E| switches.
 *
 * <p>Cost: O(|E|) per pairing and per switch sweep; memory the dense result (used as the edge-count table) plus
 * two int arrays of |E|.
 */
final class BiregularSampler {

    /** Pairings drawn before falling back to repair by switches. */
    static final int REJECTION_TRIES = 20;
    /** Random switch attempts per edge after a repair. */
    static final int MIXING_SWITCHES_PER_EDGE = 10;

    private final int left;
    private final int right;
    private final int dl;
    private final int dr;
    private final Random rnd;

    BiregularSampler(int left, int right, int dl, int dr, long seed) {
        this.left = left;
        this.right = right;
        this.dl = dl;
        this.dr = dr;
        this.rnd = new Random(seed);
    }

    WeightMatrix sample() {
        // A dense biregular graph is the complement of a sparse one (degrees right - dl and left - dr); the repair
        // below is guaranteed to find a switch only at density <= 1/2, so sample the sparse complement and flip it.
        if (2 * dl > right) {
            int cdl = right - dl;
            int cdr = left - dr;
            double[] d = cdl == 0 ? new double[left * right]
                    : new BiregularSampler(left, right, cdl, cdr, rnd).sampleSparse();
            for (int k = 0; k < d.length; k++) {
                d[k] = 1.0 - d[k];
            }
            return WeightMatrix.wrap(left, right, d);
        }
        return WeightMatrix.wrap(left, right, sampleSparse());
    }

    private BiregularSampler(int left, int right, int dl, int dr, Random rnd) {
        this.left = left;
        this.right = right;
        this.dl = dl;
        this.dr = dr;
        this.rnd = rnd;
    }

    /** Samples when the density is at most 1/2; returns the row-major 0/1 matrix. */
    private double[] sampleSparse() {
        int edges = left * dl;
        int[] u = new int[edges];
        int[] v = new int[edges];
        for (int e = 0; e < edges; e++) {
            u[e] = e / dl;
            v[e] = e / dr;
        }
        double[] count = new double[left * right];
        // Configuration model: pair the left and right edge stubs at random and accept the pairing when it makes no
        // double edge, which gives every simple biregular graph the same probability (uniform sampling).
        for (int attempt = 0; attempt < REJECTION_TRIES; attempt++) {
            shuffle(v);
            if (countEdges(u, v, count) == 0) {
                return count;
            }
        }
        // No simple pairing in the tries (likely for larger degrees): repair the double edges by switches, then mix
        // with random degree-preserving switches, a Markov chain whose limit is again uniform; the bias after a finite
        // number of switches is the price of always returning a graph.
        repair(u, v, count);
        for (long s = 0; s < (long) MIXING_SWITCHES_PER_EDGE * edges; s++) {
            trySwitch(u, v, count, rnd.nextInt(edges), rnd.nextInt(edges));
        }
        return count;
    }

    /** Fisher-Yates shuffle of {@code a} (modified). */
    private void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Fills {@code count} (modified) with edge multiplicities; returns the number of surplus copies. */
    private int countEdges(int[] u, int[] v, double[] count) {
        java.util.Arrays.fill(count, 0.0);
        int surplus = 0;
        for (int e = 0; e < u.length; e++) {
            int at = u[e] * right + v[e];
            if (count[at] > 0) {
                surplus++;
            }
            count[at] += 1.0;
        }
        return surplus;
    }

    private void repair(int[] u, int[] v, double[] count) {
        int edges = u.length;
        for (int e = 0; e < edges; e++) {
            while (count[u[e] * right + v[e]] > 1) {
                // Scan all partners from a random start: guaranteed to find one at density <= 1/2 (see above).
                int start = rnd.nextInt(edges);
                boolean done = false;
                for (int k = 0; k < edges && !done; k++) {
                    done = trySwitch(u, v, count, e, (start + k) % edges);
                }
                if (!done) {
                    throw new IllegalStateException("no switch removes the repeated edge at left " + u[e]
                            + ", right " + v[e]);
                }
            }
        }
    }

    /** Replaces edges e = (a,b) and f = (c,d) by (a,d) and (c,b) if that creates no repeated edge. */
    private boolean trySwitch(int[] u, int[] v, double[] count, int e, int f) {
        int a = u[e];
        int b = v[e];
        int c = u[f];
        int d = v[f];
        if (a == c || b == d || count[a * right + d] > 0 || count[c * right + b] > 0) {
            return false;
        }
        count[a * right + b] -= 1.0;
        count[c * right + d] -= 1.0;
        count[a * right + d] += 1.0;
        count[c * right + b] += 1.0;
        v[e] = d;
        v[f] = b;
        return true;
    }
}
