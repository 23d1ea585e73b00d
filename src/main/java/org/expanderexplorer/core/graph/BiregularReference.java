package org.expanderexplorer.core.graph;

import org.expanderexplorer.core.BadInputException;

/**
 * A random biregular graph with the same rounded average degrees as a given graph, whose spectrum serves as a
 * reference: a random (d_L, d_R)-biregular graph is close to Ramanujan with high probability, so comparing a
 * graph's spectrum with it shows what "as good as random" looks like at those degrees.
 *
 * <p>Sizes: with dl = round(d_L), dr = round(d_R) (at least 1), a biregular graph needs left * dl = right * dr,
 * so the sizes are the multiple k * (dr / g) x k * (dl / g) (g = gcd(dl, dr)) whose left side is closest to the
 * given one, enlarged when needed so that dl &lt;= right and dr &lt;= left. When the given sizes already satisfy
 * left * dl = right * dr they are kept exactly. The graph is drawn by
 * {@link TeachingGraphs#randomBiregular(int, int, int, int, long)} with the given seed.
 *
 * @param left   left vertices of the reference
 * @param right  right vertices of the reference
 * @param dl     its left degree
 * @param dr     its right degree
 * @param seed   the sampler's seed
 * @param matrix its 0/1 biadjacency
 */
public record BiregularReference(int left, int right, int dl, int dr, long seed, WeightMatrix matrix) {

    /**
     * The reference for a graph with {@code left} x {@code right} non-isolated vertices and average degrees
     * {@code dL}, {@code dR}. Cost: that of the sampler, O(|E|) per attempt plus the dense matrix.
     *
     * @throws BadInputException if a side is empty or a degree is not positive and finite
     */
    public static BiregularReference like(int left, int right, double dL, double dR, long seed) {
        if (left < 1 || right < 1 || !(dL > 0) || !(dR > 0) || Double.isInfinite(dL) || Double.isInfinite(dR)) {
            throw new BadInputException("reference: needs a graph with edges, got " + left + " x " + right
                    + " vertices and degrees " + dL + ", " + dR);
        }
        int dl = (int) Math.max(1, Math.round(dL));
        int dr = (int) Math.max(1, Math.round(dR));
        int g = gcd(dl, dr);
        long unitLeft = dr / g;
        long unitRight = dl / g;
        long k = Math.max(1, Math.round((double) left / unitLeft));
        while (k * unitRight < dl || k * unitLeft < dr) {
            k++;
        }
        long nl = k * unitLeft;
        long nr = k * unitRight;
        if (nl > Integer.MAX_VALUE || nr > Integer.MAX_VALUE) {
            throw new BadInputException("reference: " + nl + " x " + nr + " vertices is too large");
        }
        WeightMatrix m = TeachingGraphs.randomBiregular((int) nl, (int) nr, dl, dr, seed);
        return new BiregularReference((int) nl, (int) nr, dl, dr, seed, m);
    }

    /** A short description, e.g. {@code random (3, 3)-biregular 7 x 7, seed 1}. */
    public String describe() {
        return "random (" + dl + ", " + dr + ")-biregular " + left + " x " + right + ", seed " + seed;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
