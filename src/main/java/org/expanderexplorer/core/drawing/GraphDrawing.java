package org.expanderexplorer.core.drawing;

/**
 * Everything the graph canvas draws, as primitive arrays (never one node per vertex or edge). Coordinates are in
 * layout units (one unit between neighbouring vertices of a column); the canvas fits them to its size.
 *
 * @param x            vertex x
 * @param y            vertex y
 * @param kind         vertex kind: {@link #INPUT}, {@link #HIDDEN}, {@link #LEFT}, {@link #RIGHT}
 * @param isolated     vertex has no kept edge
 * @param labels       vertex names (x3[5], h2[17], L4, R9)
 * @param degree       kept degree of each vertex (edges in the drawn window)
 * @param edgeFrom     drawn kept edges: one end
 * @param edgeTo       drawn kept edges: other end
 * @param edgeStrength |w| of each drawn edge scaled to [0, 1] by the largest (1 everywhere when unweighted)
 * @param ghostFrom    drawn pruned edges: one end
 * @param ghostTo      drawn pruned edges: other end
 * @param keptTotal    kept edges in the window before sampling
 * @param ghostTotal   pruned edges in the window before sampling
 * @param gate         the gate colour index 0..3 (i, f, g, o), or -1 for stacked/none
 * @param columns      x positions and titles of the columns ("x1", "h1", ...)
 * @param columnTitles column titles
 * @param bundles      every kept edge aggregated between groups of vertices, drawn instead of the single edges
 *                     when there are more than {@link EdgeBundles#AGGREGATE_ABOVE}; null for fewer
 */
public record GraphDrawing(double[] x, double[] y, byte[] kind, boolean[] isolated, String[] labels, int[] degree,
                           int[] edgeFrom, int[] edgeTo, float[] edgeStrength, int[] ghostFrom, int[] ghostTo,
                           int keptTotal, int ghostTotal, int gate, double[] columns, String[] columnTitles,
                           EdgeBundles bundles) {

    public static final byte INPUT = 0;
    public static final byte HIDDEN = 1;
    public static final byte LEFT = 2;
    public static final byte RIGHT = 3;

    /** A drawing whose edges are not bundled. */
    public GraphDrawing(double[] x, double[] y, byte[] kind, boolean[] isolated, String[] labels, int[] degree,
                        int[] edgeFrom, int[] edgeTo, float[] edgeStrength, int[] ghostFrom, int[] ghostTo,
                        int keptTotal, int ghostTotal, int gate, double[] columns, String[] columnTitles) {
        this(x, y, kind, isolated, labels, degree, edgeFrom, edgeTo, edgeStrength, ghostFrom, ghostTo, keptTotal,
                ghostTotal, gate, columns, columnTitles, null);
    }

    /** True when the kept edges are drawn as bundles between groups of vertices. */
    public boolean bundled() {
        return bundles != null;
    }

    /** Number of vertices. */
    public int vertexCount() {
        return x.length;
    }

    /** True when fewer kept edges are drawn than exist (a magnitude-ordered sample). */
    public boolean sampled() {
        return edgeFrom.length < keptTotal;
    }

    /**
     * An edge near a point: its two drawing vertices, whether it is a pruned (ghost) edge, and its distance.
     *
     * @param from     one end (the left vertex in a bipartite drawing)
     * @param to       the other end
     * @param ghost    a pruned edge drawn as a ghost, rather than a kept one
     * @param distance distance from the point to the segment, in layout units
     */
    public record EdgeHit(int from, int to, boolean ghost, double distance) {
    }

    /**
     * The drawn edge (kept or ghost) whose segment passes closest to layout point (px, py), or null when none is
     * within {@code maxDistance} layout units. O(drawn edges).
     */
    public EdgeHit nearestEdge(double px, double py, double maxDistance) {
        EdgeHit best = null;
        double bestDist = maxDistance;
        for (int pass = 0; pass < 2; pass++) {
            int[] from = pass == 0 ? edgeFrom : ghostFrom;
            int[] to = pass == 0 ? edgeTo : ghostTo;
            for (int e = 0; e < from.length; e++) {
                double d = segmentDistance(px, py, x[from[e]], y[from[e]], x[to[e]], y[to[e]]);
                if (d <= bestDist) {
                    bestDist = d;
                    best = new EdgeHit(from[e], to[e], pass == 1, d);
                }
            }
        }
        return best;
    }

    /** Distance from point p to the segment a-b. */
    static double segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        double cx = ax + t * dx - px;
        double cy = ay + t * dy - py;
        return Math.sqrt(cx * cx + cy * cy);
    }

    /** An empty drawing. */
    public static GraphDrawing empty() {
        return new GraphDrawing(new double[0], new double[0], new byte[0], new boolean[0], new String[0], new int[0],
                new int[0], new int[0], new float[0], new int[0], new int[0], 0, 0, -1, new double[0], new String[0]);
    }
}
