package org.expanderexplorer.core.drawing;

import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.pruning.PruningMask;
import org.expanderexplorer.core.pruning.PruningSchedule;
import org.expanderexplorer.core.spectral.AnalysisOptions;
import org.expanderexplorer.core.spectral.LayerAnalysis;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.PruneSettings;
import org.expanderexplorer.core.subject.PrunedState;
import org.expanderexplorer.core.subject.Subject;
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
     * Hidden units drawn at most per column. A wider layer is drawn for its first units (the graph caption says
     * so): 2,048 units in one column cannot be told apart anyway, and the full unfolding of a 2048-unit LSTM would
     * need hundreds of MB for a drawing that shows 20,000 edges. The analysis always uses the whole layer.
     */
    public static final int DRAWN_UNITS = 256;

    private SliderAnalysis() {
    }

    public static Snapshot analyse(AnalysisRequest r) {
        long t0 = System.nanoTime();
        Subject s = r.subject();
        PrunedState state = s.prune(r.keepPercent(), r.settings());
        WeightMatrix m = s.matrix(state, r.graph());
        // Both representations on every step: the numbers strip and the charts show both, and the toggle must switch
        // at once without a new computation.
        var unweighted = new LayerAnalysis(LayerGraph.of(m, Representation.UNWEIGHTED)).result();
        var weighted = new LayerAnalysis(LayerGraph.of(m, Representation.WEIGHTED)).result();
        GraphDrawing drawing = drawing(s, state, r);
        return new Snapshot(r, state, unweighted, weighted, drawing, (System.nanoTime() - t0) / 1_000_000);
    }

    public static GraphDrawing drawing(Subject s, PrunedState state, AnalysisRequest r) {
        GraphId g = r.graph();
        if (!s.isLayer()) {
            return GraphDrawings.bipartite(state.ih(), s.inputToHidden(), r.ghosts());
        }
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
        WeightMatrix[] m = GraphExport.unfoldingInputs(s, g, ih, hh, dih, dhh);
        return GraphDrawings.unfolded(m[0], m[1], m[2], m[3], r.window(), gate, r.ghosts());
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
        SweepConfig cfg = new SweepConfig(CURVE_GRID, settings, List.of(graph),
                Set.of(Representation.UNWEIGHTED, Representation.WEIGHTED),
                s.probe() == null ? -1 : LIVE_ACCURACY_LIMIT, AnalysisOptions.DEFAULT);
        return new SweepRunner(s, cfg).run(onPoint, cancelled);
    }
}
