package org.expanderexplorer.ui.classroom;

import java.util.Locale;
import java.util.Objects;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.graph.TeachingGraphs;
import org.expanderexplorer.core.graph.WeightMatrix;

/**
 * One teaching graph of the spectral engine with its parameters, as chosen in the gallery dialog. Unused
 * parameters are 0. Classroom graphs are small: at most {@link #MAX_SIDE} vertices per side.
 *
 * @param kind     which family
 * @param left     left vertices (complete, biregular, random)
 * @param right    right vertices (complete, biregular, random)
 * @param dl       left degree (biregular)
 * @param dr       right degree (biregular)
 * @param vertices vertices of the cycle
 * @param q        the prime power of PG(2, q)
 * @param p        edge probability (random)
 * @param seed     seed (biregular, random)
 */
public record GraphChoice(Kind kind, int left, int right, int dl, int dr, int vertices, int q, double p,
                          long seed) {

    /** Most vertices per side of a classroom graph. */
    public static final int MAX_SIDE = 200;

    /** The families of {@link TeachingGraphs}. */
    public enum Kind {
        COMPLETE("complete bipartite K(a, b)"), CYCLE("even cycle C_n"), HEAWOOD("Heawood graph"),
        PROJECTIVE_PLANE("projective plane PG(2, q)"), BIREGULAR("random biregular"), RANDOM("random bipartite");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public GraphChoice {
        Objects.requireNonNull(kind, "kind");
    }

    public static GraphChoice complete(int a, int b) {
        return new GraphChoice(Kind.COMPLETE, a, b, 0, 0, 0, 0, 0, 0);
    }

    public static GraphChoice cycle(int n) {
        return new GraphChoice(Kind.CYCLE, 0, 0, 0, 0, n, 0, 0, 0);
    }

    public static GraphChoice heawood() {
        return new GraphChoice(Kind.HEAWOOD, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    public static GraphChoice projectivePlane(int q) {
        return new GraphChoice(Kind.PROJECTIVE_PLANE, 0, 0, 0, 0, 0, q, 0, 0);
    }

    public static GraphChoice biregular(int left, int right, int dl, int dr, long seed) {
        return new GraphChoice(Kind.BIREGULAR, left, right, dl, dr, 0, 0, 0, seed);
    }

    public static GraphChoice random(int left, int right, double p, long seed) {
        return new GraphChoice(Kind.RANDOM, left, right, 0, 0, 0, 0, p, seed);
    }

    /**
     * The 0/1 biadjacency matrix.
     *
     * @throws BadInputException for parameters the family refuses, or a side over {@link #MAX_SIDE}
     */
    public WeightMatrix build() {
        long side = switch (kind) {
            case COMPLETE, BIREGULAR, RANDOM -> Math.max(left, right);
            case CYCLE -> vertices / 2;
            case HEAWOOD -> 7;
            case PROJECTIVE_PLANE -> (long) q * q + q + 1;
        };
        if (side > MAX_SIDE) {
            throw new BadInputException(title() + ": classroom graphs have at most " + MAX_SIDE
                    + " vertices per side, this one " + side);
        }
        return switch (kind) {
            case COMPLETE -> TeachingGraphs.completeBipartite(left, right);
            case CYCLE -> TeachingGraphs.evenCycle(vertices);
            case HEAWOOD -> TeachingGraphs.heawood();
            case PROJECTIVE_PLANE -> TeachingGraphs.projectivePlane(q);
            case BIREGULAR -> TeachingGraphs.randomBiregular(left, right, dl, dr, seed);
            case RANDOM -> TeachingGraphs.randomBipartite(left, right, p, seed);
        };
    }

    /** A short name: K(3, 4), C_12, Heawood graph, PG(2, 3), ... */
    public String title() {
        return switch (kind) {
            case COMPLETE -> "K(" + left + ", " + right + ")";
            case CYCLE -> "C_" + vertices;
            case HEAWOOD -> "Heawood graph";
            case PROJECTIVE_PLANE -> "PG(2, " + q + ") incidence";
            case BIREGULAR -> "random (" + dl + ", " + dr + ")-biregular " + left + " x " + right + ", seed " + seed;
            case RANDOM -> String.format(Locale.ROOT, "random bipartite %d x %d, p = %.2f, seed %d", left, right, p,
                    seed);
        };
    }

    /** What the lecturer can say about it (its known spectrum). */
    public String description() {
        return switch (kind) {
            case COMPLETE -> "Every left vertex joined to every right vertex. Singular values √(ab) once, then 0: "
                    + "the best possible expander for its degrees, but dense.";
            case CYCLE -> "A ring: 2-regular, so √(d_L−1) + √(d_R−1) = 2. σ_i = 2|cos(πk/m)| with m = n/2: "
                    + "Ramanujan, but the gap 2 − 2cos(2π/n) shrinks as the cycle grows, and one cut of 2 edges "
                    + "splits it in half: a poor expander.";
            case HEAWOOD -> "Points and lines of the Fano plane: 3-regular, 14 vertices, 21 edges. Singular values "
                    + "3 and √2 (six times): Ramanujan with Δ_R = √2.";
            case PROJECTIVE_PLANE -> "Points and lines of the projective plane over GF(" + q + "): (q+1)-regular. "
                    + "Singular values q+1 and √q: an optimal (Ramanujan) expander.";
            case BIREGULAR -> "Every left vertex has degree " + dl + ", every right vertex degree " + dr + ". Random "
                    + "biregular graphs are nearly Ramanujan with high probability.";
            case RANDOM -> "Each possible edge present with probability p: degrees vary, isolated vertices possible.";
        };
    }
}
