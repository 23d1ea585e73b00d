package org.expanderexplorer.core.graph;

import java.util.Random;
import org.expanderexplorer.core.BadInputException;

/**
 * Bipartite graphs with known structure, for teaching and for checking the analyses: each method returns the 0/1
 * biadjacency matrix (rows = left vertices, columns = right vertices).
 *
 * <p>Parameter problems are {@link BadInputException}s whose message starts with the graph's name and names the
 * parameter as the command line does ({@code left}, {@code right}, {@code vertices}, {@code q}, {@code dl},
 * {@code dr}, {@code p}), e.g. {@code cycle: vertices must be even and at least 4, got 7}. Every size is checked
 * against {@link WeightMatrix#MAX_ENTRIES} before anything is allocated.
 *
 * <p>Random graphs use {@link java.util.Random} with the given seed, whose sequence the Java specification fixes,
 * so a seed gives the same graph on every Java version and platform.
 *
 * <p>Cost: O(rows * cols) time and memory (the matrix is dense); the biregular sampler adds O(|E|) per attempt.
 */
public final class TeachingGraphs {

    private TeachingGraphs() {
    }

    /**
     * The complete bipartite graph K(a, b): every left vertex joined to every right vertex (an a x b matrix of
     * ones). Its nonzero singular value is sqrt(ab), once.
     */
    public static WeightMatrix completeBipartite(int left, int right) {
        atLeast("complete", "left", left, 1);
        atLeast("complete", "right", right, 1);
        checkSize("complete", left, right);
        double[] d = new double[left * right];
        java.util.Arrays.fill(d, 1.0);
        return WeightMatrix.wrap(left, right, d);
    }

    /**
     * The cycle C_n on an even number n >= 4 of vertices, as an n/2 x n/2 biadjacency: left vertex i is joined to
     * right vertices i and i+1 (mod n/2). Going round: L0, R1, L1, R2, ..., R0, L0. C_4 is K(2,2).
     */
    public static WeightMatrix evenCycle(int vertices) {
        if (vertices < 4 || vertices % 2 != 0) {
            throw new BadInputException("cycle: vertices must be even and at least 4, got " + vertices);
        }
        int k = vertices / 2;
        checkSize("cycle", k, k);
        double[] d = new double[k * k];
        for (int i = 0; i < k; i++) {
            d[i * k + i] = 1.0;
            d[i * k + (i + 1) % k] = 1.0;
        }
        return WeightMatrix.wrap(k, k, d);
    }

    /**
     * The Heawood graph: the point-line incidence graph of the Fano plane, 7 x 7, 3-regular, 21 edges, girth 6.
     * Points are 0..6 and line j is the translate {j, j+1, j+3} (mod 7) of the perfect difference set {0, 1, 3},
     * so point i lies on line j exactly when i - j (mod 7) is 0, 1 or 3.
     */
    public static WeightMatrix heawood() {
        double[] d = new double[49];
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                int diff = Math.floorMod(i - j, 7);
                if (diff == 0 || diff == 1 || diff == 3) {
                    d[i * 7 + j] = 1.0;
                }
            }
        }
        return WeightMatrix.wrap(7, 7, d);
    }

    /**
     * The point-line incidence graph of the projective plane PG(2, q) for a prime power q: points and lines are the
     * 1-dimensional subspaces of GF(q)^3, written in normalised homogeneous coordinates (first non-zero coordinate
     * 1, in the order (1, a, b) for a, b in 0..q-1, then (0, 1, b), then (0, 0, 1), field elements numbered as in
     * {@link GaloisField}); point p lies on line l when p . l = 0 in GF(q). The matrix is (q^2+q+1) square and
     * (q+1)-regular, any two points share exactly one line and any two lines one point; PG(2, 2) is the Fano plane.
     * Its singular values are q+1 (once) and sqrt(q) (q^2+q times), so it is a Ramanujan graph.
     *
     * <p>For a prime q the field is arithmetic modulo q; for q = p^k (4, 8, 9, 16, ...) it is polynomial arithmetic
     * over GF(p) modulo a fixed irreducible polynomial ({@link GaloisField}). The size limit allows q up to 113.
     */
    public static WeightMatrix projectivePlane(int q) {
        if (q < 2 || GaloisField.primePower(q) == null) {
            throw new BadInputException("pg: q must be a prime power (2, 3, 4, 5, 7, 8, 9, 11, ...), got " + q);
        }
        long n = (long) q * q + q + 1;
        checkSize("pg", n, n);
        GaloisField gf = new GaloisField(q);
        int size = (int) n;
        int[][] points = new int[size][];
        int k = 0;
        for (int a = 0; a < q; a++) {
            for (int b = 0; b < q; b++) {
                // The q^2 + q + 1 points of PG(2, q) in normalised homogeneous coordinates: (1, a, b), then (0, 1, b),
                // then (0, 0, 1); lines have the same coordinates, and point x lies on line y when x . y = 0 (mod q).
                points[k++] = new int[] {1, a, b};
            }
        }
        for (int b = 0; b < q; b++) {
            points[k++] = new int[] {0, 1, b};
        }
        points[k] = new int[] {0, 0, 1};
        double[] d = new double[size * size];
        for (int p = 0; p < size; p++) {
            int[] x = points[p];
            for (int l = 0; l < size; l++) {
                int[] y = points[l];
                int dot = gf.add(gf.add(gf.multiply(x[0], y[0]), gf.multiply(x[1], y[1])), gf.multiply(x[2], y[2]));
                if (dot == 0) {
                    d[p * size + l] = 1.0;
                }
            }
        }
        return WeightMatrix.wrap(size, size, d);
    }

    /**
     * A random (dl, dr)-biregular bipartite graph without multi-edges: every left vertex has degree dl, every right
     * vertex degree dr. Needs left * dl = right * dr (the edge count seen from each side), dl <= right and
     * dr <= left. See {@link BiregularSampler} for the method (configuration model, then edge switches).
     */
    public static WeightMatrix randomBiregular(int left, int right, int dl, int dr, long seed) {
        atLeast("biregular", "left", left, 1);
        atLeast("biregular", "right", right, 1);
        atLeast("biregular", "dl", dl, 1);
        atLeast("biregular", "dr", dr, 1);
        if ((long) left * dl != (long) right * dr) {
            throw new BadInputException("biregular: left * dl must equal right * dr (the edge count seen from each "
                    + "side), got " + left + " * " + dl + " = " + ((long) left * dl) + " and " + right + " * " + dr
                    + " = " + ((long) right * dr));
        }
        if (dl > right) {
            throw new BadInputException("biregular: dl = " + dl + " is larger than right = " + right
                    + ": a left vertex cannot have more distinct neighbours than there are right vertices");
        }
        if (dr > left) {
            throw new BadInputException("biregular: dr = " + dr + " is larger than left = " + left
                    + ": a right vertex cannot have more distinct neighbours than there are left vertices");
        }
        checkSize("biregular", left, right);
        return new BiregularSampler(left, right, dl, dr, seed).sample();
    }

    /**
     * A random bipartite graph in which each of the left x right possible edges is present independently with
     * probability p (Erdos-Renyi style), entries drawn row by row.
     */
    public static WeightMatrix randomBipartite(int left, int right, double p, long seed) {
        atLeast("random", "left", left, 1);
        atLeast("random", "right", right, 1);
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new BadInputException("random: p must be a probability between 0 and 1, got " + p);
        }
        checkSize("random", left, right);
        Random rnd = new Random(seed);
        double[] d = new double[left * right];
        for (int k = 0; k < d.length; k++) {
            if (rnd.nextDouble() < p) {
                d[k] = 1.0;
            }
        }
        return WeightMatrix.wrap(left, right, d);
    }

    /** True for a prime number (trial division, O(sqrt n)). */
    public static boolean isPrime(int n) {
        if (n < 2) {
            return false;
        }
        for (long f = 2; f * f <= n; f++) {
            if (n % f == 0) {
                return false;
            }
        }
        return true;
    }

    private static void atLeast(String graph, String name, int value, int min) {
        if (value < min) {
            throw new BadInputException(graph + ": " + name + " must be at least " + min + ", got " + value);
        }
    }

    private static void checkSize(String graph, long rows, long cols) {
        try {
            WeightMatrix.checkSize(rows, cols);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(graph + ": " + e.getMessage());
        }
    }
}
