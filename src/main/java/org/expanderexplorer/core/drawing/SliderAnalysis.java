package org.expanderexplorer.core.drawing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.graph.GateSlices;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.pruning.PruningMask;
import org.expanderexplorer.core.pruning.PruningSchedule;
import org.expanderexplorer.core.spectral.AnalysisOptions;
import org.expanderexplorer.core.graph.UnfoldedGraph;
import org.expanderexplorer.core.spectral.UnfoldedAnalysis;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.PruneSettings;
import org.expanderexplorer.core.subject.PrunedState;
import org.expanderexplorer.core.subject.Subject;
import org.expanderexplorer.core.sweep.LayerAnalyses;
import org.expanderexplorer.core.sweep.SweepConfig;
import org.expanderexplorer.core.sweep.SweepPoint;
import org.expanderexplorer.core.sweep.SweepResult;
import org.expanderexplorer.core.sweep.SweepRunner;

/**
 * The work behind one slider position of the explorer (the analysis of the selected graph and its drawing) and
 * the curves over q. Front ends call these from background threads.
 */
public final class SliderAnalysis {

    /** Test examples for live accuracy while dragging and for the precomputed accuracy curve. */
    public static final int LIVE_ACCURACY_LIMIT = 1000;
    /** The precomputed curves' grid: 100 % down to 1 % in steps of 20 % of what remains. */
    public static final PruningSchedule CURVE_GRID = PruningSchedule.geometric(0.8, 1.0, false);
    /**
     * Threads that measure the points of one curve at once in the window (the task's own and helpers from its
     * pool): two on a two-core machine, where the curves were measured by one thread while the other core had
     * finished the first analysis and the full test set's accuracy; at most three, leaving a worker for the charts.
     */
    public static final int CURVE_LANES = Math.max(1, Math.min(3, Runtime.getRuntime().availableProcessors()));
    /**
     * Hidden units drawn at most per column. A wider layer is drawn for its first units (the graph caption says
     * so): 2,048 units in one column cannot be told apart anyway, and the full unfolding of a 2048-unit LSTM would
     * need hundreds of MB for a drawing that shows 20,000 edges. The analysis always uses the whole layer.
     */
    public static final int DRAWN_UNITS = 256;

    private SliderAnalysis() {
    }

    /**
     * The analysis of the selected graph in both representations, its drawing, and the numbers of the time-unfolded
     * graph drawn (null when the drawing is not unfolded: a plain matrix, or a stacked LSTM matrix).
     */
    public static Snapshot analyse(AnalysisRequest r) {
        long t0 = System.nanoTime();
        Subject s = r.subject();
        PrunedState state = s.prune(r.keepPercent(), r.settings());
        // Both representations on every step: the numbers strip and the charts show both, and the toggle must switch
        // at once without a new computation.
        // (the curves' analyses at the same q are the same ones: computed once, LayerAnalyses)
        var unweighted = LayerAnalyses.of(s, state, r.graph(), Representation.UNWEIGHTED, AnalysisOptions.DEFAULT);
        var weighted = LayerAnalyses.of(s, state, r.graph(), Representation.WEIGHTED, AnalysisOptions.DEFAULT);
        GraphDrawing drawing = drawing(s, state, r);
        UnfoldedAnalysis.Result unfolded = unfolds(s, r.graph())
                ? unfolded(s, state, r.graph(), r.window(), r.representation()) : null;
        return new Snapshot(r, state, unweighted, weighted, drawing, (System.nanoTime() - t0) / 1_000_000, unfolded);
    }

    /**
     * True when graph {@code g} is drawn time-unfolded: every graph of a vanilla RNN, an LSTM's unit graphs and gate
     * slices. A stacked LSTM matrix (ih, hh, step with the four gates side by side) has 4H right vertices, the
     * gates' pre-activations, which are not the h_t of the unfolded picture: it is drawn as the bipartite graph it
     * is, so that the drawing and the numbers describe the same graph.
     */
    public static boolean unfolds(Subject s, GraphId g) {
        return s.isLayer() && (s.gates() == 1 || g.gate() != null || g.units());
    }

    /**
     * The numbers of graph {@code g} unfolded over {@code steps} steps, the graph the window draws (for a layer
     * wider than {@link #DRAWN_UNITS}, of its drawn units).
     *
     * @throws IllegalArgumentException if {@code g} is not drawn unfolded ({@link #unfolds})
     */
    public static UnfoldedAnalysis.Result unfolded(Subject s, PrunedState state, GraphId g, int steps,
                                                   Representation rep) {
        if (!unfolds(s, g)) {
            throw new IllegalArgumentException("graph " + g + " is not drawn unfolded");
        }
        Unfolded u = unfoldedMatrices(s, state, g);
        return new UnfoldedAnalysis(new UnfoldedGraph(u.ih(), u.hh(), steps, rep)).result();
    }

    /**
     * The drawing of the selected graph: time-unfolded over the request's window where {@link #unfolds}, else the
     * bipartite graph of its matrix (left column the rows, right column the columns).
     */
    public static GraphDrawing drawing(Subject s, PrunedState state, AnalysisRequest r) {
        GraphId g = r.graph();
        if (!s.isLayer()) {
            return GraphDrawings.bipartite(state.ih(), s.inputToHidden(), r.ghosts());
        }
        if (!unfolds(s, g)) {
            return stacked(s, state, g, r.ghosts());
        }
        Unfolded u = unfoldedMatrices(s, state, g);
        return GraphDrawings.unfolded(u.ih(), u.hh(), u.denseIh(), u.denseHh(), r.window(), u.gate(), r.ghosts());
    }

    /** The matrices an unfolded drawing is made of: pruned and dense, sliced to one gate and cut to the drawn units. */
    private record Unfolded(WeightMatrix ih, WeightMatrix hh, WeightMatrix denseIh, WeightMatrix denseHh, int gate) {
    }

    private static Unfolded unfoldedMatrices(Subject s, PrunedState state, GraphId g) {
        int hidden = s.hiddenToHidden().rows();
        WeightMatrix ih;
        WeightMatrix hh;
        WeightMatrix dih;
        WeightMatrix dhh;
        // A canvas cannot show thousands of units per column legibly and drawing them costs the frame rate; the
        // analysis above always used the whole layer, only the picture is cut (and its caption says so).
        if (hidden > DRAWN_UNITS) {
            int inputs = s.inputToHidden().rows();
            ih = firstUnits(s.inputToHidden(), state.ihMask(), hidden, inputs);
            hh = firstUnits(s.hiddenToHidden(), state.hhMask(), hidden, DRAWN_UNITS);
            dih = firstUnits(s.inputToHidden(), null, hidden, inputs);
            dhh = firstUnits(s.hiddenToHidden(), null, hidden, DRAWN_UNITS);
        } else {
            ih = state.ih();
            hh = state.hh();
            dih = s.inputToHidden();
            dhh = s.hiddenToHidden();
        }
        int gate = g.gate() == null ? -1 : g.gate().ordinal();
        WeightMatrix[] m = unfoldingInputs(s, g, ih, hh, dih, dhh);
        return new Unfolded(m[0], m[1], m[2], m[3], gate);
    }

    /**
     * The matrices an unfolding of graph {@code id} is built from, in the order pruned W_ih, pruned W_hh, dense
     * W_ih, dense W_hh: one gate's slices for a gate graph, the merged unit matrices for a unit graph, and zeros in
     * place of W_hh for the input graph alone (of W_ih for the recurrent one), so that every graph unfolds over the
     * same vertices. Used by the window's drawing and numbers here and by {@link GraphExport}'s files.
     *
     * @throws BadInputException if {@code id} names a gate of a layer without gates
     */
    static WeightMatrix[] unfoldingInputs(Subject s, GraphId id, WeightMatrix ih, WeightMatrix hh, WeightMatrix dih,
                                          WeightMatrix dhh) {
        if (id.gate() != null) {
            if (s.gateOrder() == null) {
                throw new BadInputException("graph '" + id + "' names a gate, but this layer has no gates (vanilla "
                        + "RNN)");
            }
            ih = GateSlices.slice(ih, s.gateOrder(), id.gate());
            hh = GateSlices.slice(hh, s.gateOrder(), id.gate());
            dih = GateSlices.slice(dih, s.gateOrder(), id.gate());
            dhh = GateSlices.slice(dhh, s.gateOrder(), id.gate());
        } else if (id.units()) {
            if (s.gateOrder() == null) {
                throw new BadInputException("graph '" + id + "' merges LSTM gates, but this layer has none (vanilla"
                        + " RNN: use " + id.kind().id() + ")");
            }
            ih = GateSlices.units(ih);
            hh = GateSlices.units(hh);
            dih = GateSlices.units(dih);
            dhh = GateSlices.units(dhh);
        }
        if (id.kind() == GraphId.Kind.IH) {
            hh = WeightMatrix.zeros(hh.rows(), hh.cols());
            dhh = hh;
        } else if (id.kind() == GraphId.Kind.HH) {
            ih = WeightMatrix.zeros(ih.rows(), ih.cols());
            dih = ih;
        }
        return new WeightMatrix[] {ih, hh, dih, dhh};
    }

    /** The bipartite drawing of a stacked LSTM matrix (rows: sources; columns: the four gates' pre-activations). */
    private static GraphDrawing stacked(Subject s, PrunedState state, GraphId g, boolean ghosts) {
        int hidden = s.hiddenToHidden().rows();
        int inputs = s.inputToHidden().rows();
        int units = Math.min(DRAWN_UNITS, hidden);
        WeightMatrix ih = firstUnits(s.inputToHidden(), state.ihMask(), hidden, inputs);
        WeightMatrix hh = firstUnits(s.hiddenToHidden(), state.hhMask(), hidden, units);
        WeightMatrix dih = firstUnits(s.inputToHidden(), null, hidden, inputs);
        WeightMatrix dhh = firstUnits(s.hiddenToHidden(), null, hidden, units);
        String right = "pre-activations (" + s.gateOrder() + ", " + units + " each)";
        return switch (g.kind()) {
            case IH -> GraphDrawings.bipartite(ih, dih, ghosts, "x_t", right);
            case HH -> GraphDrawings.bipartite(hh, dhh, ghosts, "h_{t-1}", right);
            default -> GraphDrawings.bipartite(ih.stackAbove(hh), dih.stackAbove(dhh), ghosts, "x_t, h_{t-1}",
                    right);
        };
    }

    /**
     * The first {@link #DRAWN_UNITS} hidden units of a layer matrix: rows 0 .. rows-1, and in every block of
     * {@code hidden} columns (one per LSTM gate, one for an RNN) its first {@link #DRAWN_UNITS} columns, with the
     * entries {@code mask} prunes set to zero (null: none pruned). O(rows * blocks * DRAWN_UNITS).
     */
    public static WeightMatrix firstUnits(WeightMatrix m, PruningMask mask, int hidden, int rows) {
        int blocks = m.cols() / hidden;
        int units = Math.min(DRAWN_UNITS, hidden);
        int cols = blocks * units;
        double[] out = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int b = 0; b < blocks; b++) {
                for (int u = 0; u < units; u++) {
                    int j = b * hidden + u;
                    if (mask == null || mask.isKept(i, j)) {
                        out[i * cols + b * units + u] = m.get(i, j);
                    }
                }
            }
        }
        return new WeightMatrix(rows, cols, out);
    }

    /** The precomputed curves for one graph, both representations, accuracy on the live subset. */
    public static SweepResult curve(Subject s, PruneSettings settings, GraphId graph, Consumer<SweepPoint> onPoint,
                             BooleanSupplier cancelled) {
        return new SweepRunner(s, curveConfig(s, settings, graph)).run(onPoint, cancelled);
    }

    /**
     * As {@link #curve(Subject, PruneSettings, GraphId, Consumer, BooleanSupplier)}, the points measured by up to
     * {@code lanes} threads ({@link SweepRunner#run(Consumer, BooleanSupplier, int, Executor)}):
     * the same curves, sooner on a machine with a free core.
     */
    public static SweepResult curve(Subject s, PruneSettings settings, GraphId graph, Consumer<SweepPoint> onPoint,
                                    BooleanSupplier cancelled, int lanes, Executor helpers) {
        return new SweepRunner(s, curveConfig(s, settings, graph)).run(onPoint, cancelled, lanes, helpers);
    }

    private static SweepConfig curveConfig(Subject s, PruneSettings settings, GraphId graph) {
        return new SweepConfig(CURVE_GRID, settings, List.of(graph),
                Set.of(Representation.UNWEIGHTED, Representation.WEIGHTED),
                s.probe() == null ? -1 : LIVE_ACCURACY_LIMIT, AnalysisOptions.DEFAULT);
    }
}
