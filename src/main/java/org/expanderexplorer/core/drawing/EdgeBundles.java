package org.expanderexplorer.core.drawing;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The kept edges of a large drawing aggregated between groups of vertices: each column of the drawing (vertices
 * with one x) is cut, in order of y, into groups of {@code groupSize} neighbouring vertices, and all edges between
 * two groups become one bundle, drawn from group centre to group centre with an opacity by its density (the
 * share of the possible edges between the two groups that are kept). Past a few thousand edges single lines merge
 * into a grey block; bundles keep the structure readable and count every edge, where a sample would drop most.
 *
 * @param x1        one end of each bundle (layout units)
 * @param y1        one end
 * @param x2        other end
 * @param y2        other end
 * @param count     edges in each bundle
 * @param density   count / (size of one group x size of the other), in (0, 1]
 * @param groupSize vertices per group (the last group of a column may be smaller)
 * @param edges     edges bundled, all kept edges of the drawing
 */
public record EdgeBundles(double[] x1, double[] y1, double[] x2, double[] y2, int[] count, float[] density,
                          int groupSize, int edges) {

    /** Kept edges past which a drawing bundles them. */
    public static final int AGGREGATE_ABOVE = 4_000;
    /** Most groups per column. */
    public static final int GROUPS_PER_COLUMN = 32;

    /** Number of bundles. */
    public int size() {
        return count.length;
    }

    /**
     * Bundles {@code from[e]} - {@code to[e]} over vertices at (x, y); arrays are not modified.
     *
     * @return the bundles, or null when there are at most {@link #AGGREGATE_ABOVE} edges
     */
    static EdgeBundles of(double[] x, double[] y, int[] from, int[] to) {
        if (from.length <= AGGREGATE_ABOVE) {
            return null;
        }
        int n = x.length;
        Integer[] byColumn = new Integer[n];
        for (int v = 0; v < n; v++) {
            byColumn[v] = v;
        }
        Arrays.sort(byColumn, (a, b) -> x[a] != x[b] ? Double.compare(x[a], x[b]) : Double.compare(y[a], y[b]));
        int longest = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && x[byColumn[j]] == x[byColumn[i]]) {
                j++;
            }
            longest = Math.max(longest, j - i);
            i = j;
        }
        int groupSize = Math.max(1, (longest + GROUPS_PER_COLUMN - 1) / GROUPS_PER_COLUMN);
        int[] group = new int[n];
        int groups = 0;
        java.util.List<double[]> centres = new java.util.ArrayList<>();
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && x[byColumn[j]] == x[byColumn[i]]) {
                j++;
            }
            for (int s = i; s < j; s += groupSize) {
                int e = Math.min(j, s + groupSize);
                double cy = 0;
                for (int k = s; k < e; k++) {
                    group[byColumn[k]] = groups;
                    cy += y[byColumn[k]];
                }
                centres.add(new double[] {x[byColumn[s]], cy / (e - s), e - s});
                groups++;
            }
            i = j;
        }
        Map<Long, int[]> pairs = new HashMap<>();
        for (int e = 0; e < from.length; e++) {
            int a = group[from[e]];
            int b = group[to[e]];
            long key = a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
            pairs.computeIfAbsent(key, k -> new int[1])[0]++;
        }
        Long[] keys = pairs.keySet().toArray(new Long[0]);
        Arrays.sort(keys);
        int m = keys.length;
        double[] x1 = new double[m];
        double[] y1 = new double[m];
        double[] x2 = new double[m];
        double[] y2 = new double[m];
        int[] count = new int[m];
        float[] density = new float[m];
        for (int i = 0; i < m; i++) {
            double[] a = centres.get((int) (keys[i] >>> 32));
            double[] b = centres.get((int) (keys[i] & 0xffffffffL));
            x1[i] = a[0];
            y1[i] = a[1];
            x2[i] = b[0];
            y2[i] = b[1];
            count[i] = pairs.get(keys[i])[0];
            density[i] = (float) Math.min(1.0, count[i] / (a[2] * b[2]));
        }
        return new EdgeBundles(x1, y1, x2, y2, count, density, groupSize, from.length);
    }
}
