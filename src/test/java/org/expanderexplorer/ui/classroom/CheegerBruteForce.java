package org.expanderexplorer.ui.classroom;

import org.expanderexplorer.core.graph.WeightMatrix;

/**
 * An independent enumeration of the Cheeger constant of a bipartite graph given by its matrix, for the tests:
 * vertices are the non-isolated rows and columns; every set of at most half of them is tried.
 */
final class CheegerBruteForce {

    final int[] vertexOfDrawing;
    final double[][] adjacency;
    final int n;

    /**
     * @param m        the (masked) matrix, rows = left vertices
     * @param weighted edge weight |w| (else 1)
     */
    CheegerBruteForce(WeightMatrix m, boolean weighted) {
        int rows = m.rows();
        int cols = m.cols();
        vertexOfDrawing = new int[rows + cols];
        java.util.Arrays.fill(vertexOfDrawing, -1);
        int k = 0;
        for (int i = 0; i < rows; i++) {
            boolean any = false;
            for (int j = 0; j < cols; j++) {
                any |= m.get(i, j) != 0;
            }
            if (any) {
                vertexOfDrawing[i] = k++;
            }
        }
        for (int j = 0; j < cols; j++) {
            boolean any = false;
            for (int i = 0; i < rows; i++) {
                any |= m.get(i, j) != 0;
            }
            if (any) {
                vertexOfDrawing[rows + j] = k++;
            }
        }
        n = k;
        adjacency = new double[n][n];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double w = m.get(i, j);
                if (w != 0) {
                    double e = weighted ? Math.abs(w) : 1;
                    adjacency[vertexOfDrawing[i]][vertexOfDrawing[rows + j]] = e;
                    adjacency[vertexOfDrawing[rows + j]][vertexOfDrawing[i]] = e;
                }
            }
        }
    }

    /** cut(S) / |S| for a set given over compact vertices as a bit mask. */
    double ratio(long set) {
        double cut = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if ((set >> a & 1) == 1 && (set >> b & 1) == 0) {
                    cut += adjacency[a][b];
                }
            }
        }
        return cut / Long.bitCount(set);
    }

    /** min over 0 < |S| <= n/2 of cut(S) / |S|. */
    double minimum() {
        double best = Double.POSITIVE_INFINITY;
        for (long s = 1; s < 1L << n; s++) {
            if (Long.bitCount(s) <= n / 2) {
                best = Math.min(best, ratio(s));
            }
        }
        return best;
    }

    /** The set of highlighted drawing vertices as a compact bit mask; fails on an isolated vertex. */
    long setOf(boolean[] highlightedDrawingVertices) {
        long set = 0;
        for (int v = 0; v < highlightedDrawingVertices.length; v++) {
            if (highlightedDrawingVertices[v]) {
                if (vertexOfDrawing[v] < 0) {
                    throw new AssertionError("an isolated vertex is highlighted: " + v);
                }
                set |= 1L << vertexOfDrawing[v];
            }
        }
        return set;
    }
}
