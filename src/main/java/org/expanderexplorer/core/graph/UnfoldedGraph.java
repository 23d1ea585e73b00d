package org.expanderexplorer.core.graph;

import java.util.Objects;
import java.util.stream.IntStream;
import org.expanderexplorer.core.graph.UnfoldedVertex.Role;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * The time-unfolded graph of a recurrent layer (science.md, section 1): vertices x_t (I units each, t = 1..T)
 * and h_t (H units each, t = 0..T); an edge x_t[k] - h_t[j] wherever W_ih[k][j] is non-zero and an edge
 * h_{t-1}[i] - h_t[j] wherever W_hh[i][j] is non-zero. The weights are shared across t, so every step repeats the
 * same two bipartite layers; the whole graph is for drawing and for teaching-scale spectral measures, on a
 * {@link #window window} of T' steps ({@link #DEFAULT_WINDOW} by default in the UI).
 *
 * <p>Stacked LSTM matrices (H' = 4H columns) are collapsed onto the H hidden units: there is an edge k - j
 * where any gate's weight between them is non-zero; in the {@link Representation#WEIGHTED} representation its
 * weight is the sum over the four gates of |w|, in the unweighted one it is 1. The collapse does not depend on
 * the gate order. For one gate's graph, slice it first with {@link GateSlices} (then H' = H).
 *
 * <p>Vertex numbering (what the arrays and {@link #toCsrGraph()} use): the first step's predecessor h_{s-1} takes
 * 0..H-1; then for each step t = s..s+T-1 in turn, x_t takes I numbers and h_t the next H. So there are
 * H + T (I + H) vertices and T (|E_ih| + |E_hh|) edges, where |E_ih|, |E_hh| count the (collapsed) non-zero
 * weights. Edges are listed step by step, input edges before recurrent ones, each from the earlier vertex to h_t.
 *
 * <p>Cost: O(I H' + H H') to build (the collapse); the edge arrays, the CSR graph and the JGraphT view are built
 * on first use in O(V + E) and cached. Sizes: 28 steps of an LSTM-128 on 28 inputs give 4,496 vertices and up
 * to 559,104 edges (about 10 MB of arrays and 25 MB of CSR); the JGraphT view costs far more per edge (hash
 * maps of edge objects), so give it a window, not a long unfolding. The edge count times 2 must fit in an int.
 *
 * <p>Immutable and thread-safe.
 */
public final class UnfoldedGraph {

    /** The number of steps the UI draws by default. */
    public static final int DEFAULT_WINDOW = 3;

    /** Collapsed non-zero weights of one layer: source unit, hidden unit, edge weight. */
    private record Pattern(int[] source, int[] target, double[] weight) {
        int size() {
            return source.length;
        }
    }

    private final int inputs;
    private final int hidden;
    private final boolean gatesCollapsed;
    private final Representation representation;
    private final Pattern inputPattern;
    private final Pattern recurrentPattern;
    private final int firstStep;
    private final int steps;
    private int[] from;
    private int[] to;
    private double[] weight;
    private CsrGraph csr;
    private Graph<UnfoldedVertex, DefaultWeightedEdge> jgrapht;

    /**
     * Unfolds a layer over steps 1..{@code steps}.
     *
     * @param inputToHidden  W_ih, I x H or I x 4H (stacked LSTM gates); not modified
     * @param hiddenToHidden W_hh, H x H or H x 4H, with as many columns as W_ih; not modified
     * @param steps          T, at least 1
     * @param representation unweighted (1 per edge) or weighted (|w|, summed over collapsed gates)
     * @throws IllegalArgumentException if the shapes do not fit, a weight is NaN or infinite (the message names
     *                                  the matrix and position), or the graph would be too large
     */
    public UnfoldedGraph(WeightMatrix inputToHidden, WeightMatrix hiddenToHidden, int steps,
            Representation representation) {
        Objects.requireNonNull(inputToHidden, "inputToHidden");
        Objects.requireNonNull(hiddenToHidden, "hiddenToHidden");
        this.representation = Objects.requireNonNull(representation, "representation");
        int h = hiddenToHidden.rows();
        int cols = hiddenToHidden.cols();
        if (h == 0 || inputToHidden.rows() == 0) {
            throw new IllegalArgumentException("W_ih (" + shape(inputToHidden) + ") and W_hh (" + shape(hiddenToHidden)
                    + ") must have at least one row each");
        }
        if (cols != h && cols != 4 * h) {
            throw new IllegalArgumentException("W_hh is " + shape(hiddenToHidden) + ": it must have H = " + h
                    + " columns (one gate or a vanilla RNN) or 4H = " + (4 * h) + " (stacked LSTM gates)");
        }
        if (inputToHidden.cols() != cols) {
            throw new IllegalArgumentException("W_ih is " + shape(inputToHidden) + " but W_hh is "
                    + shape(hiddenToHidden) + ": both need the same number of columns");
        }
        this.inputs = inputToHidden.rows();
        this.hidden = h;
        this.gatesCollapsed = cols == 4 * h;
        this.inputPattern = collapse(inputToHidden, h, representation, "W_ih");
        this.recurrentPattern = collapse(hiddenToHidden, h, representation, "W_hh");
        this.firstStep = 1;
        this.steps = steps;
        checkSteps();
    }

    private UnfoldedGraph(UnfoldedGraph of, int firstStep, int steps) {
        this.inputs = of.inputs;
        this.hidden = of.hidden;
        this.gatesCollapsed = of.gatesCollapsed;
        this.representation = of.representation;
        this.inputPattern = of.inputPattern;
        this.recurrentPattern = of.recurrentPattern;
        this.firstStep = firstStep;
        this.steps = steps;
        checkSteps();
    }

    private void checkSteps() {
        if (steps < 1) {
            throw new IllegalArgumentException("an unfolding needs at least 1 step, got " + steps);
        }
        long v = hidden + (long) steps * (inputs + hidden);
        long e = (long) steps * (inputPattern.size() + recurrentPattern.size());
        if (v > Integer.MAX_VALUE || 2 * e > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(steps + " steps give " + v + " vertices and " + e
                    + " edges, too many to hold: use fewer steps");
        }
    }

    private static String shape(WeightMatrix m) {
        return m.rows() + " x " + m.cols();
    }

    private static Pattern collapse(WeightMatrix w, int h, Representation rep, String name) {
        int bad = w.firstNonFinite();
        double[] d = w.toRowMajor();
        int rows = w.rows();
        int cols = w.cols();
        if (bad >= 0) {
            throw new IllegalArgumentException(name + " at row " + (bad / cols) + ", column " + (bad % cols) + " is "
                    + d[bad] + ": NaN or infinite weights cannot be analysed");
        }
        double[] acc = new double[rows * h];
        int nonZero = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = rep.edgeWeight(d[r * cols + c]);
                if (v != 0.0) {
                    int at = r * h + c % h;
                    if (acc[at] == 0.0) {
                        nonZero++;
                    }
                    acc[at] = rep == Representation.UNWEIGHTED ? 1.0 : acc[at] + v;
                }
            }
        }
        int[] source = new int[nonZero];
        int[] target = new int[nonZero];
        double[] weight = new double[nonZero];
        int k = 0;
        for (int at = 0; at < acc.length; at++) {
            if (acc[at] != 0.0) {
                source[k] = at / h;
                target[k] = at % h;
                weight[k++] = acc[at];
            }
        }
        return new Pattern(source, target, weight);
    }

    /** A window of {@code steps} steps starting at this graph's first step. */
    public UnfoldedGraph window(int steps) {
        return window(firstStep, steps);
    }

    /**
     * The unfolding over steps {@code first} .. {@code first + steps - 1} (with h_{first-1}), which must lie within
     * this one's steps. Because the weights are shared, every window of T' steps is the same graph; only the step
     * numbers in the labels differ.
     */
    public UnfoldedGraph window(int first, int steps) {
        if (steps < 1 || first < firstStep || (long) first + steps - 1 > lastStep()) {
            throw new IllegalArgumentException("window of " + steps + " steps from step " + first
                    + " does not fit in steps " + firstStep + ".." + lastStep());
        }
        return new UnfoldedGraph(this, first, steps);
    }

    /** Input units I. */
    public int inputs() {
        return inputs;
    }

    /** Hidden units H. */
    public int hidden() {
        return hidden;
    }

    /** True when W_ih and W_hh had 4H columns (stacked LSTM gates) that were collapsed onto H units. */
    public boolean gatesCollapsed() {
        return gatesCollapsed;
    }

    public Representation representation() {
        return representation;
    }

    /** Number of steps T (x_t exists for t = firstStep..lastStep). */
    public int steps() {
        return steps;
    }

    /** The first step with inputs (1 unless this is a later window); its predecessor h is step firstStep - 1. */
    public int firstStep() {
        return firstStep;
    }

    public int lastStep() {
        return firstStep + steps - 1;
    }

    /** Edges x_t - h_t per step: the collapsed non-zeros of W_ih. */
    public int inputEdgesPerStep() {
        return inputPattern.size();
    }

    /** Edges h_{t-1} - h_t per step: the collapsed non-zeros of W_hh. */
    public int recurrentEdgesPerStep() {
        return recurrentPattern.size();
    }

    /** H + T (I + H). */
    public int vertexCount() {
        return hidden + steps * (inputs + hidden);
    }

    /** T (|E_ih| + |E_hh|). */
    public int edgeCount() {
        return steps * (inputPattern.size() + recurrentPattern.size());
    }

    /**
     * The number of a vertex.
     *
     * @throws IllegalArgumentException if there is no such vertex in this unfolding
     */
    public int vertex(Role role, int step, int unit) {
        Objects.requireNonNull(role, "role");
        boolean ok = role == Role.X
                ? step >= firstStep && step <= lastStep() && unit >= 0 && unit < inputs
                : step >= firstStep - 1 && step <= lastStep() && unit >= 0 && unit < hidden;
        if (!ok) {
            throw new IllegalArgumentException("no vertex " + new UnfoldedVertex(role, step, unit) + " in steps "
                    + firstStep + ".." + lastStep() + " of " + inputs + " inputs and " + hidden + " hidden units");
        }
        if (role == Role.H && step == firstStep - 1) {
            return unit;
        }
        int base = hidden + (step - firstStep) * (inputs + hidden);
        return role == Role.X ? base + unit : base + inputs + unit;
    }

    /** The number of a vertex given as a record. */
    public int vertex(UnfoldedVertex v) {
        return vertex(v.role(), v.step(), v.unit());
    }

    /** Time step of vertex v. */
    public int step(int v) {
        Objects.checkIndex(v, vertexCount());
        return v < hidden ? firstStep - 1 : firstStep + (v - hidden) / (inputs + hidden);
    }

    /** Role (X or H) of vertex v. */
    public Role role(int v) {
        Objects.checkIndex(v, vertexCount());
        return v < hidden || (v - hidden) % (inputs + hidden) >= inputs ? Role.H : Role.X;
    }

    /** Unit index of vertex v within its layer. */
    public int unit(int v) {
        Objects.checkIndex(v, vertexCount());
        if (v < hidden) {
            return v;
        }
        int r = (v - hidden) % (inputs + hidden);
        return r < inputs ? r : r - inputs;
    }

    /** Vertex v as a record. */
    public UnfoldedVertex vertexAt(int v) {
        return new UnfoldedVertex(role(v), step(v), unit(v));
    }

    /** The label of vertex v, e.g. {@code x3[5]} or {@code h2[17]}. */
    public String label(int v) {
        return vertexAt(v).toString();
    }

    /** A fresh array of every vertex's step. O(V). */
    public int[] stepArray() {
        return IntStream.range(0, vertexCount()).map(this::step).toArray();
    }

    /** A fresh array of every vertex's role. O(V). */
    public Role[] roleArray() {
        return IntStream.range(0, vertexCount()).mapToObj(this::role).toArray(Role[]::new);
    }

    /** A fresh array of every vertex's unit index. O(V). */
    public int[] unitArray() {
        return IntStream.range(0, vertexCount()).map(this::unit).toArray();
    }

    /** A fresh copy of each edge's earlier end (x_t or h_{t-1}). O(E). */
    public int[] edgeFrom() {
        buildEdges();
        return from.clone();
    }

    /** A fresh copy of each edge's later end (h_t). O(E). */
    public int[] edgeTo() {
        buildEdges();
        return to.clone();
    }

    /** A fresh copy of each edge's weight: 1, or |w| summed over collapsed gates. O(E). */
    public double[] edgeWeight() {
        buildEdges();
        return weight.clone();
    }

    private synchronized void buildEdges() {
        if (from != null) {
            return;
        }
        int m = edgeCount();
        int[] f = new int[m];
        int[] t = new int[m];
        double[] w = new double[m];
        int k = 0;
        int block = inputs + hidden;
        for (int s = 0; s < steps; s++) {
            int xBase = hidden + s * block;
            int hBase = xBase + inputs;
            int prevBase = s == 0 ? 0 : hBase - block;
            Pattern p = inputPattern;
            for (int e = 0; e < p.size(); e++) {
                f[k] = xBase + p.source[e];
                t[k] = hBase + p.target[e];
                w[k++] = p.weight[e];
            }
            p = recurrentPattern;
            for (int e = 0; e < p.size(); e++) {
                f[k] = prevBase + p.source[e];
                t[k] = hBase + p.target[e];
                w[k++] = p.weight[e];
            }
        }
        weight = w;
        to = t;
        from = f;
    }

    /** The graph in CSR form, labelled {@code x3[5]}, {@code h2[17]}; built once, O(V + E). */
    public synchronized CsrGraph toCsrGraph() {
        if (csr == null) {
            buildEdges();
            csr = CsrGraph.fromEdges(vertexCount(), from, to, weight, this::label);
        }
        return csr;
    }

    /**
     * An unmodifiable JGraphT view: a {@link SimpleWeightedGraph} with every vertex (isolated ones included) and
     * the same edges and weights as the arrays. Built once on first use; costly for long unfoldings (see the
     * class comment), so prefer a {@link #window}.
     */
    public synchronized Graph<UnfoldedVertex, DefaultWeightedEdge> jgraphtView() {
        if (jgrapht == null) {
            buildEdges();
            SimpleWeightedGraph<UnfoldedVertex, DefaultWeightedEdge> g =
                    new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
            UnfoldedVertex[] vertices = new UnfoldedVertex[vertexCount()];
            for (int v = 0; v < vertices.length; v++) {
                vertices[v] = vertexAt(v);
                g.addVertex(vertices[v]);
            }
            for (int e = 0; e < from.length; e++) {
                DefaultWeightedEdge edge = g.addEdge(vertices[from[e]], vertices[to[e]]);
                g.setEdgeWeight(edge, weight[e]);
            }
            jgrapht = new AsUnmodifiableGraph<>(g);
        }
        return jgrapht;
    }
}
