package org.expanderexplorer.core.graph;

import java.util.Objects;

/**
 * The bipartite graph of one layer: left vertices are the rows of a weight matrix, right vertices its columns,
 * an edge wherever the weight is non-zero (science.md, sections 1 and 2). Isolated vertices (all-zero rows or
 * columns) are removed, and their counts kept, because they are a symptom of over-pruning.
 *
 * <p>Everything here refers to the non-isolated part. Vertices are numbered compactly: kept left vertices
 * 0 .. left()-1, then kept right vertices left() .. left()+right()-1; {@link #label(int)} names them by their
 * original indices as {@code L3}, {@code R17}.
 *
 * <p>Degrees: in the unweighted representation the number of edges at a vertex; in the weighted one the
 * strength (sum of |w|), consistently with the weighted Laplacian and cuts. {@link #lowDegree()} is
 * structural and always uses edge counts.
 *
 * <p>Cost: O(rows * cols) time and memory to build; the biadjacency of the kept part is held densely.
 */
public final class LayerGraph {

    /** Below this average degree (2|E| / (|L'| + |R'|), edge counts) a layer is flagged low-degree. */
    public static final double LOW_DEGREE_THRESHOLD = 3.0;

    private final Representation representation;
    private final int originalLeft;
    private final int originalRight;
    private final int[] leftIndex;
    private final int[] rightIndex;
    private final double[] biadjacency;
    private final int edges;
    private final double[] leftDegree;
    private final double[] rightDegree;
    private CsrGraph csr;

    /** Largest |w| of the weighted representation: squares and sums of a million of them stay finite. */
    public static final double MAX_WEIGHTED = 1e150;

    private LayerGraph(WeightMatrix w, Representation rep) {
        this.representation = rep;
        this.originalLeft = w.rows();
        this.originalRight = w.cols();
        int r = w.rows();
        int c = w.cols();
        double[] d = w.toRowMajor();
        // NaN compares unequal to 0 and would count as an edge of weight NaN, poisoning every sum after it; refuse it
        // here, where its position can still be named.
        int bad = w.firstNonFinite();
        if (bad >= 0) {
            throw new IllegalArgumentException("weight at row " + (bad / c) + ", column " + (bad % c) + " is "
                    + d[bad] + ": NaN or infinite weights cannot be analysed");
        }
        if (rep == Representation.WEIGHTED) {
            // the weighted spectrum squares |w| (Gram matrix) and sums degrees: past this it overflows
            for (int k = 0; k < d.length; k++) {
                if (Math.abs(d[k]) > MAX_WEIGHTED) {
                    throw new IllegalArgumentException("weight at row " + (k / c) + ", column " + (k % c) + " is "
                            + d[k] + ": the weighted analysis squares weights and needs |w| <= " + MAX_WEIGHTED
                            + " (the unweighted analysis takes any finite value)");
                }
            }
        }
        // Isolated vertices are removed before anything is measured (science.md, section 2): an all-zero row adds a
        // zero singular value and a zero Laplacian eigenvalue that say nothing about expansion, and would make every
        // pruned layer look disconnected.
        boolean[] rowUsed = new boolean[r];
        boolean[] colUsed = new boolean[c];
        int e = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                if (d[i * c + j] != 0.0) {
                    rowUsed[i] = true;
                    colUsed[j] = true;
                    e++;
                }
            }
        }
        this.edges = e;
        this.leftIndex = indicesOf(rowUsed);
        this.rightIndex = indicesOf(colUsed);
        int nl = leftIndex.length;
        int nr = rightIndex.length;
        // The kept part is stored dense because the exact singular-value paths (Gram matrix, SVD) work on the
        // dense matrix; the CSR form for the Laplacian is derived from it on demand (asCsrGraph).
        this.biadjacency = new double[nl * nr];
        this.leftDegree = new double[nl];
        this.rightDegree = new double[nr];
        for (int a = 0; a < nl; a++) {
            int row = leftIndex[a] * c;
            for (int b = 0; b < nr; b++) {
                // Degrees are strengths in the weighted representation (sums of |w|, decision 0002), so that the
                // Laplacian, the cuts and the Cheeger bounds all measure the same weighted graph.
                double v = rep.edgeWeight(d[row + rightIndex[b]]);
                biadjacency[a * nr + b] = v;
                leftDegree[a] += v;
                rightDegree[b] += v;
            }
        }
    }

    /**
     * Builds the layer graph of {@code weights} in the given representation.
     *
     * @throws IllegalArgumentException if a weight is NaN or infinite (the message names its position)
     */
    public static LayerGraph of(WeightMatrix weights, Representation representation) {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(representation, "representation");
        return new LayerGraph(weights, representation);
    }

    private static int[] indicesOf(boolean[] used) {
        int n = 0;
        for (boolean u : used) {
            if (u) {
                n++;
            }
        }
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                out[k++] = i;
            }
        }
        return out;
    }

    public Representation representation() {
        return representation;
    }

    /** Rows of the original matrix. */
    public int originalLeft() {
        return originalLeft;
    }

    /** Columns of the original matrix. */
    public int originalRight() {
        return originalRight;
    }

    /** Non-isolated left vertices |L'|. */
    public int left() {
        return leftIndex.length;
    }

    /** Non-isolated right vertices |R'|. */
    public int right() {
        return rightIndex.length;
    }

    public int isolatedLeft() {
        return originalLeft - leftIndex.length;
    }

    public int isolatedRight() {
        return originalRight - rightIndex.length;
    }

    /** Number of edges |E| (non-zero weights). */
    public int edges() {
        return edges;
    }

    /** Vertices of the non-isolated part, |L'| + |R'|. */
    public int vertexCount() {
        return left() + right();
    }

    /** Original row index of kept left vertex a. */
    public int originalLeftIndex(int a) {
        return leftIndex[a];
    }

    /** Original column index of kept right vertex b. */
    public int originalRightIndex(int b) {
        return rightIndex[b];
    }

    /** Name of compact vertex v by its original index: {@code L3} or {@code R17}. */
    public String label(int v) {
        Objects.checkIndex(v, vertexCount());
        return v < left() ? "L" + leftIndex[v] : "R" + rightIndex[v - left()];
    }

    /** Entry (a, b) of the biadjacency M of the kept part: 1 or |w| for an edge, 0 otherwise. */
    public double biadjacency(int a, int b) {
        return biadjacency[a * right() + b];
    }

    /** A fresh row-major copy of the kept part's biadjacency M (left() x right()). */
    public double[] biadjacencyRowMajor() {
        return biadjacency.clone();
    }

    /** Degree (or strength) of kept left vertex a. */
    public double leftDegree(int a) {
        return leftDegree[a];
    }

    /** Degree (or strength) of kept right vertex b. */
    public double rightDegree(int b) {
        return rightDegree[b];
    }

    /** Sum of the edge weights: |E| unweighted, sum of |w| weighted. */
    public double totalWeight() {
        double s = 0;
        for (double v : leftDegree) {
            s += v;
        }
        return s;
    }

    /** d_L = total weight / |L'|, NaN when there are no edges. */
    public double avgDegreeLeft() {
        return left() == 0 ? Double.NaN : totalWeight() / left();
    }

    /** d_R = total weight / |R'|, NaN when there are no edges. */
    public double avgDegreeRight() {
        return right() == 0 ? Double.NaN : totalWeight() / right();
    }

    /** d_avg = 2 total weight / (|L'| + |R'|), NaN when there are no edges. */
    public double avgDegree() {
        return vertexCount() == 0 ? Double.NaN : 2 * totalWeight() / vertexCount();
    }

    /** Smallest degree (or strength) over the kept vertices of both sides, NaN when there are no edges. */
    public double minDegree() {
        return extremeDegree(Double.POSITIVE_INFINITY, Math::min);
    }

    /** Largest degree (or strength) over the kept vertices of both sides, NaN when there are no edges. */
    public double maxDegree() {
        return extremeDegree(Double.NEGATIVE_INFINITY, Math::max);
    }

    /** Folds {@code pick} over the degrees of both sides; NaN, not the start value, when there is no vertex. */
    private double extremeDegree(double start, java.util.function.DoubleBinaryOperator pick) {
        double m = start;
        for (double v : leftDegree) {
            m = pick.applyAsDouble(m, v);
        }
        for (double v : rightDegree) {
            m = pick.applyAsDouble(m, v);
        }
        return vertexCount() == 0 ? Double.NaN : m;
    }

    /** True where the structural average degree 2|E| / (|L'| + |R'|) is below 3 (prior code skips such layers). */
    public boolean lowDegree() {
        return vertexCount() == 0 || 2.0 * edges / vertexCount() < LOW_DEGREE_THRESHOLD;
    }

    /** Connected components of the non-isolated part (0 when there are no edges). */
    public int components() {
        return asCsrGraph().componentCount();
    }

    /**
     * The graph as an undirected CSR graph on the compact vertex numbering (left first), with the
     * representation's edge weights. Built once and cached.
     */
    public synchronized CsrGraph asCsrGraph() {
        if (csr == null) {
            int[] from = new int[edges];
            int[] to = new int[edges];
            double[] w = new double[edges];
            int k = 0;
            int nl = left();
            int nr = right();
            for (int a = 0; a < nl; a++) {
                for (int b = 0; b < nr; b++) {
                    double v = biadjacency[a * nr + b];
                    if (v != 0.0) {
                        from[k] = a;
                        to[k] = nl + b;
                        w[k++] = v;
                    }
                }
            }
            csr = CsrGraph.fromEdges(nl + nr, from, to, w, this::label);
        }
        return csr;
    }
}
