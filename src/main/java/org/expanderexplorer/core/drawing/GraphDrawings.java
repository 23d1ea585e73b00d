package org.expanderexplorer.core.drawing;

import java.util.Arrays;
import java.util.Objects;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.UnfoldedGraph;
import org.expanderexplorer.core.graph.UnfoldedVertex;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.IndexSort;

/**
 * Builds {@link GraphDrawing}s (layout and edge selection) off the UI thread. Past {@link #EDGE_CAP} kept edges
 * only the largest |w| are drawn (the caption says so); ghosts of pruned edges are capped likewise.
 */
public final class GraphDrawings {

    /** Most kept edges drawn. */
    public static final int EDGE_CAP = 20_000;
    /** Most pruned (ghost) edges drawn. */
    public static final int GHOST_CAP = 8_000;
    /** Horizontal distance between the x_t and h_t columns, and between steps. */
    private static final double COLUMN_GAP = 7.0;

    private GraphDrawings() {
    }

    /**
     * The time-unfolded drawing of a pruned layer over a window of steps: columns h_0 | x_1 h_1 | x_2 h_2 ...
     *
     * @param ih     pruned W_ih (or one gate's slice)
     * @param hh     pruned W_hh (same columns)
     * @param denseIh dense W_ih: vertices that lose all their dense edges are marked isolated, and pruned
     *                edges can be drawn as ghosts (may be null)
     * @param denseHh dense W_hh (may be null)
     * @param steps  window length T'
     * @param gate   gate colour index, or -1
     * @param withGhosts draw pruned edges as ghosts
     */
    public static GraphDrawing unfolded(WeightMatrix ih, WeightMatrix hh, WeightMatrix denseIh, WeightMatrix denseHh,
                                        int steps, int gate, boolean withGhosts) {
        Objects.requireNonNull(ih, "ih");
        Objects.requireNonNull(hh, "hh");
        UnfoldedGraph g = new UnfoldedGraph(ih, hh, steps, Representation.WEIGHTED);
        int n = g.vertexCount();
        double[] x = new double[n];
        double[] y = new double[n];
        byte[] kind = new byte[n];
        String[] labels = new String[n];
        int inputs = g.inputs();
        int hidden = g.hidden();
        // Inputs are spread to span the hidden column (at most 3 units apart) so that x_t - h_t edges fan out instead
        // of converging on a short stub; with 28 inputs against 128 hidden units the input column would otherwise be a
        // fifth of the height.
        double spacingX = Math.max(1.0, (double) hidden / Math.max(1, inputs)) ;
        for (int v = 0; v < n; v++) {
            UnfoldedVertex u = g.vertexAt(v);
            boolean isX = u.role() == UnfoldedVertex.Role.X;
            int size = isX ? inputs : hidden;
            double pitch = isX ? Math.min(spacingX, 3.0) : 1.0;
            x[v] = u.step() * COLUMN_GAP * 2 - (isX ? COLUMN_GAP : 0);
            y[v] = (u.unit() - (size - 1) / 2.0) * pitch;
            kind[v] = isX ? GraphDrawing.INPUT : GraphDrawing.HIDDEN;
            labels[v] = g.label(v);
        }
        int[] from = g.edgeFrom();
        int[] to = g.edgeTo();
        double[] w = g.edgeWeight();
        UnfoldedGraph dense = denseIh == null || denseHh == null ? null
                : new UnfoldedGraph(denseIh, denseHh, steps, Representation.WEIGHTED);
        int[][] ghosts = dense == null || !withGhosts ? new int[][] {new int[0], new int[0]} : ghosts(g, dense);
        int[] denseDegree = dense == null ? null : degrees(n, dense.edgeFrom(), dense.edgeTo());
        // Column titles h0 | x1 h1 | x2 h2 ... follow the unfolding's vertex numbering (h_0, then x_t and h_t per
        // step), so a title sits over its column whatever the window length.
        int colCount = 2 * steps + 1;
        double[] cols = new double[colCount];
        String[] titles = new String[colCount];
        cols[0] = 0;
        titles[0] = "h" + 0;
        for (int t = 1; t <= steps; t++) {
            cols[2 * t - 1] = t * COLUMN_GAP * 2 - COLUMN_GAP;
            titles[2 * t - 1] = "x" + t;
            cols[2 * t] = t * COLUMN_GAP * 2;
            titles[2 * t] = "h" + t;
        }
        return finish(x, y, kind, labels, from, to, w, ghosts[0], ghosts[1], gate, cols, titles, denseDegree);
    }

    /** The bipartite drawing of a plain matrix: left vertices (rows) in one column, right vertices in another. */
    public static GraphDrawing bipartite(WeightMatrix pruned, WeightMatrix dense, boolean withGhosts) {
        return bipartite(pruned, dense, withGhosts, "left (rows)", "right (columns)");
    }

    /** As {@link #bipartite(WeightMatrix, WeightMatrix, boolean)}, with the two columns' titles. */
    public static GraphDrawing bipartite(WeightMatrix pruned, WeightMatrix dense, boolean withGhosts,
                                         String leftTitle, String rightTitle) {
        Objects.requireNonNull(pruned, "pruned");
        int r = pruned.rows();
        int c = pruned.cols();
        int n = r + c;
        double[] x = new double[n];
        double[] y = new double[n];
        byte[] kind = new byte[n];
        String[] labels = new String[n];
        double gap = Math.max(6.0, Math.max(r, c) / 3.0);
        double pl = Math.max(1.0, (double) Math.max(r, c) / Math.max(1, r));
        double pr = Math.max(1.0, (double) Math.max(r, c) / Math.max(1, c));
        for (int i = 0; i < r; i++) {
            y[i] = (i - (r - 1) / 2.0) * Math.min(pl, 3);
            kind[i] = GraphDrawing.LEFT;
            labels[i] = "L" + i;
        }
        for (int j = 0; j < c; j++) {
            x[r + j] = gap;
            y[r + j] = (j - (c - 1) / 2.0) * Math.min(pr, 3);
            kind[r + j] = GraphDrawing.RIGHT;
            labels[r + j] = "R" + j;
        }
        int m = pruned.nonZeros();
        int[] from = new int[m];
        int[] to = new int[m];
        double[] w = new double[m];
        // Ghosts are the dense entries that pruning removed; their number is known up front, so the arrays are sized
        // once (a pruned entry is never non-zero where the dense one is zero).
        int ghostCount = dense == null || !withGhosts ? 0 : Math.max(0, dense.nonZeros() - m);
        int[] gf = new int[ghostCount];
        int[] gt = new int[ghostCount];
        int k = 0;
        int gk = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double v = pruned.get(i, j);
                if (v != 0.0) {
                    from[k] = i;
                    to[k] = r + j;
                    w[k++] = Math.abs(v);
                } else if (dense != null && dense.get(i, j) != 0.0 && gk < ghostCount) {
                    gf[gk] = i;
                    gt[gk++] = r + j;
                }
            }
        }
        int[] denseDegree = null;
        if (dense != null) {
            denseDegree = new int[n];
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < c; j++) {
                    if (dense.get(i, j) != 0.0) {
                        denseDegree[i]++;
                        denseDegree[r + j]++;
                    }
                }
            }
        }
        return finish(x, y, kind, labels, from, to, w, Arrays.copyOf(gf, gk), Arrays.copyOf(gt, gk), -1,
                new double[] {0, gap}, new String[] {leftTitle, rightTitle}, denseDegree);
    }

    private static int[][] ghosts(UnfoldedGraph pruned, UnfoldedGraph dense) {
        // both graphs enumerate edges in the same order over the same vertex numbering, so a merge finds the
        // dense edges that the pruned graph lacks
        int[] pf = pruned.edgeFrom();
        int[] pt = pruned.edgeTo();
        int[] df = dense.edgeFrom();
        int[] dt = dense.edgeTo();
        java.util.HashSet<Long> kept = new java.util.HashSet<>(pf.length * 2);
        for (int e = 0; e < pf.length; e++) {
            kept.add(((long) pf[e] << 32) | pt[e]);
        }
        int[] gf = new int[df.length - pf.length > 0 ? df.length - pf.length : 0];
        int[] gt = new int[gf.length];
        int k = 0;
        for (int e = 0; e < df.length && k < gf.length; e++) {
            if (!kept.contains(((long) df[e] << 32) | dt[e])) {
                gf[k] = df[e];
                gt[k++] = dt[e];
            }
        }
        return new int[][] {Arrays.copyOf(gf, k), Arrays.copyOf(gt, k)};
    }

    private static GraphDrawing finish(double[] x, double[] y, byte[] kind, String[] labels, int[] from, int[] to,
                                       double[] w, int[] gf, int[] gt, int gate, double[] cols, String[] titles,
                                       int[] denseDegree) {
        int n = x.length;
        int[] degree = degrees(n, from, to);
        boolean[] isolated = new boolean[n];
        for (int v = 0; v < n; v++) {
            // isolated by pruning: no kept edge although the dense graph had some. A vertex that never had an edge
            // is not news; one that lost all of them is what the red ring is for (it no longer takes part in the
            // layer's computation).
            isolated[v] = degree[v] == 0 && (denseDegree == null || denseDegree[v] > 0);
        }
        int keptTotal = from.length;
        int[] order = topByWeight(w, Math.min(EDGE_CAP, keptTotal));
        double max = 0;
        for (double v : w) {
            max = Math.max(max, v);
        }
        int[] ef = new int[order.length];
        int[] et = new int[order.length];
        float[] es = new float[order.length];
        for (int i = 0; i < order.length; i++) {
            ef[i] = from[order[i]];
            et[i] = to[order[i]];
            es[i] = max > 0 ? (float) (w[order[i]] / max) : 1f;
        }
        int ghostTotal = gf.length;
        int gn = Math.min(GHOST_CAP, ghostTotal);
        // ghosts: an evenly spaced subset when capped (they carry no weight to order by)
        int[] gf2 = new int[gn];
        int[] gt2 = new int[gn];
        for (int i = 0; i < gn; i++) {
            int idx = (int) ((long) i * ghostTotal / Math.max(1, gn));
            gf2[i] = gf[idx];
            gt2[i] = gt[idx];
        }
        return new GraphDrawing(x, y, kind, isolated, labels, degree, ef, et, es, gf2, gt2, keptTotal, ghostTotal, gate,
                cols, titles, EdgeBundles.of(x, y, from, to));
    }

    private static int[] degrees(int n, int[] from, int[] to) {
        int[] degree = new int[n];
        for (int e = 0; e < from.length; e++) {
            degree[from[e]]++;
            degree[to[e]]++;
        }
        return degree;
    }

    /** Indices of the k largest weights (all when k = length), largest first. */
    static int[] topByWeight(double[] w, int k) {
        return Arrays.copyOf(IndexSort.descending(w), k);
    }
}
