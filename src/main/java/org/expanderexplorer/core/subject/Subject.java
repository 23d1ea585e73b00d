package org.expanderexplorer.core.subject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.graph.Gate;
import org.expanderexplorer.core.graph.GateOrder;
import org.expanderexplorer.core.graph.GateSlices;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.pruning.GapFloor;
import org.expanderexplorer.core.pruning.Pruner;
import org.expanderexplorer.core.pruning.PruningMask;

/**
 * What the explorer prunes and measures: one recurrent layer (W_ih, W_hh, the column-block order of its LSTM
 * gates, and optionally an {@link AccuracyProbe}), or one plain matrix opened from a file.
 *
 * <p>What q counts: for a recurrent layer, the percentage of the layer's weights kept (the dense entry count of each
 * pruned matrix, as in the paper, the command line and the sweeps). For a plain matrix, the percentage of the
 * matrix's NON-ZERO entries kept: a matrix file that is already 30 % dense is whole at q = 100 and loses edges as
 * soon as q falls (counted against its dense size it would not change between q = 100 and 30). For a matrix
 * without zeros, and for every layer, the two counts are the same and so are the masks.
 *
 * <p>Pruning orders are computed once per setting and cached, so pruning at another q is O(entries): a slider can
 * call {@link #prune} at every step. Thread-safe.
 */
public final class Subject {

    private final String name;
    private final WeightMatrix ih;
    private final WeightMatrix hh;
    private final GateOrder gateOrder;
    private final AccuracyProbe probe;
    // One pruner per settings, kept: its magnitude orders (and ramanujan's floors) are the costly part, and the
    // slider asks the same settings for many q. PruneSettings is a record, so equal settings share a pruner.
    private final Map<PruneSettings, Pruner> pruners = new ConcurrentHashMap<>();
    /** Non-zero entries of a plain matrix (q counts against them), or -1 for a layer. */
    private final long matrixNonZeros;

    private Subject(String name, WeightMatrix ih, WeightMatrix hh, GateOrder gateOrder, AccuracyProbe probe) {
        this.name = Objects.requireNonNull(name, "name");
        this.ih = Objects.requireNonNull(ih, "ih");
        this.hh = hh;
        this.gateOrder = gateOrder;
        this.probe = probe;
        // a matrix from a file may already be sparse; its q then means a share of the entries that exist
        this.matrixNonZeros = hh == null ? ih.nonZeros() : -1;
        // both matrices feed the same gates*H pre-activations, so their column counts must agree
        if (hh != null && hh.cols() != ih.cols()) {
            throw new BadInputException(name + ": W_ih has " + ih.cols() + " columns but W_hh " + hh.cols());
        }
        if (gateOrder != null && ih.cols() % gateOrder.blocks().size() != 0) {
            throw new BadInputException(name + ": " + ih.cols() + " columns do not split into "
                    + gateOrder.blocks().size() + " gates");
        }
    }

    /** A plain matrix (rows = left vertices): one graph, no accuracy; q counts its non-zero entries. */
    public static Subject ofMatrix(String name, WeightMatrix matrix) {
        return new Subject(name, matrix, null, null, null);
    }

    /**
     * A recurrent layer.
     *
     * @param ih        W_ih, inputs x (gates * H)
     * @param hh        W_hh, H x (gates * H)
     * @param gateOrder the library's column-block order of the gates (LSTM), or null for a vanilla RNN
     * @param probe     measures accuracy, or null
     */
    public static Subject ofLayer(String name, WeightMatrix ih, WeightMatrix hh, GateOrder gateOrder,
                                  AccuracyProbe probe) {
        Objects.requireNonNull(hh, "hh");
        return new Subject(name, ih, hh, gateOrder, probe);
    }

    public String name() {
        return name;
    }

    /** True for a recurrent layer, false for a plain matrix. */
    public boolean isLayer() {
        return hh != null;
    }

    /** Dense W_ih (or the plain matrix). */
    public WeightMatrix inputToHidden() {
        return ih;
    }

    /** Dense W_hh, or null for a plain matrix. */
    public WeightMatrix hiddenToHidden() {
        return hh;
    }

    /** The gate block order (LSTM), or null. */
    public GateOrder gateOrder() {
        return gateOrder;
    }

    /** Number of gates: 4 for an LSTM, 1 otherwise. */
    public int gates() {
        return gateOrder == null ? 1 : gateOrder.blocks().size();
    }

    /**
     * Percentage of the entries of W_ih and W_hh (or of the plain matrix) that are non-zero: 100 for a trained
     * model, less for one pruned before (its pruned weights are stored as zeros). O(entries).
     */
    public double nonZeroPercent() {
        long dense = (long) ih.rows() * ih.cols() + (hh == null ? 0 : (long) hh.rows() * hh.cols());
        long nonZero = (long) ih.nonZeros() + (hh == null ? 0 : hh.nonZeros());
        return dense == 0 ? 100 : 100.0 * nonZero / dense;
    }

    /** The accuracy probe, or null when there is no model or data. */
    public AccuracyProbe probe() {
        return probe;
    }

    /**
     * The graphs one can monitor: matrix; or ih, hh, step, and for an LSTM the unit graphs (ih.units, hh.units,
     * step.units) and per gate (gates in i, f, g, o order).
     */
    public List<GraphId> graphs() {
        if (!isLayer()) {
            return List.of(GraphId.MATRIX);
        }
        List<GraphId> out = new ArrayList<>(List.of(GraphId.IH, GraphId.HH, GraphId.STEP));
        if (gateOrder != null) {
            out.addAll(List.of(GraphId.IH_UNITS, GraphId.HH_UNITS, GraphId.STEP_UNITS));
            for (GraphId.Kind k : List.of(GraphId.Kind.IH, GraphId.Kind.HH, GraphId.Kind.STEP)) {
                for (Gate g : Gate.values()) {
                    out.add(new GraphId(k, g));
                }
            }
        }
        return out;
    }

    /**
     * The graph a front end shows first: the unit graph of the input layer for an LSTM (the graph of the
     * time-unfolded picture), {@code ih} for a vanilla RNN, {@code matrix} for a plain matrix.
     */
    public GraphId defaultGraph() {
        // for an LSTM the unit graph, whose right vertices are the H hidden units rather than 4H gate rows
        return !isLayer() ? GraphId.MATRIX : gateOrder != null ? GraphId.IH_UNITS : GraphId.IH;
    }

    /** The unpruned state (q = 100, all masks full). */
    public PrunedState dense() {
        return new PrunedState(100.0, PruneSettings.DEFAULT, PruningMask.nonZerosOf(ih),
                hh == null ? null : PruningMask.nonZerosOf(hh), ih, hh);
    }

    /**
     * Prunes at q percent of edges kept: of the dense entries of a layer's matrices, of the non-zero entries of a
     * plain matrix (see the class comment).
     *
     * @throws BadInputException for q outside (0, 100] or settings that do not fit this subject
     */
    public PrunedState prune(double keepPercent, PruneSettings settings) {
        // normalised first, so that settings differing only in what this subject cannot use share one pruner
        PruneSettings key = fitted(settings);
        boolean doIh = key.pruneIh();
        boolean doHh = key.pruneHh();
        Pruner pruner = pruners.computeIfAbsent(key, this::newPruner);
        // the pruner returns one mask per matrix it was given, W_ih first: k walks through them in that order
        List<PruningMask> masks = pruner.prune(prunerPercent(keepPercent));
        int k = 0;
        PruningMask ihMask = doIh ? masks.get(k++) : PruningMask.nonZerosOf(ih);
        PruningMask hhMask = hh == null ? null : doHh ? masks.get(k) : PruningMask.nonZerosOf(hh);
        return new PrunedState(keepPercent, key, ihMask, hhMask, ih, hh, pruner.lowestReachablePercent(),
                pruner.belowReach(keepPercent));
    }

    private void putBlocks(Map<String, Double> out, String name, PruningMask m, boolean perGate) {
        out.put(name, m.keptPercent());
        if (!perGate || gateOrder == null) {
            return;
        }
        // gate blocks are H consecutive columns each, so a block's kept share is the sum of its column degrees
        int h = m.cols() / gates();
        int[] cols = m.colCounts();
        for (int b = 0; b < gates(); b++) {
            long kept = 0;
            for (int c = b * h; c < (b + 1) * h; c++) {
                kept += cols[c];
            }
            out.put(name + "." + gateOrder.blocks().get(b).shortName(), 100.0 * kept / ((long) m.rows() * h));
        }
    }

    /**
     * The floors of the ramanujan method under {@code settings} (one per pruned block, named {@code ih}, {@code hh}
     * or {@code ih.g}, ... per gate), from the dense weights; computed once per setting and cached.
     *
     * @throws IllegalStateException if the method is not ramanujan
     */
    public Map<String, GapFloor.Floor> floors(PruneSettings settings) {
        PruneSettings key = fitted(settings);
        List<GapFloor.Floor> f = pruners.computeIfAbsent(key, this::newPruner).floors();
        Map<String, GapFloor.Floor> out = new LinkedHashMap<>();
        List<String> names = blockNames(key);
        for (int i = 0; i < f.size(); i++) {
            out.put(names.get(i), f.get(i));
        }
        return out;
    }

    /** Names of the pruned blocks in the pruner's order: {@code ih}, {@code hh}, or per gate {@code ih.g}, ... */
    private List<String> blockNames(PruneSettings key) {
        List<String> names = new ArrayList<>();
        List<String> matrices = new ArrayList<>();
        if (key.pruneIh() || hh == null) {
            matrices.add(hh == null ? GraphId.MATRIX.id() : GraphId.IH.id());
        }
        if (key.pruneHh() && hh != null) {
            matrices.add(GraphId.HH.id());
        }
        for (String m : matrices) {
            if (key.perGate()) {
                for (Gate g : gateOrder.blocks()) {
                    names.add(m + "." + g.shortName());
                }
            } else {
                names.add(m);
            }
        }
        return names;
    }

    /**
     * The percentage of its dense entries each pruned block of {@code state} keeps: {@code ih} and {@code hh}, and
     * with per-gate pruning each gate slice ({@code ih.g}, ...) after its matrix. Matrices outside the scope are
     * left out. O(entries).
     */
    public Map<String, Double> blockKeepPercents(PrunedState state) {
        Objects.requireNonNull(state, "state");
        Map<String, Double> out = new LinkedHashMap<>();
        PruneSettings s = state.settings();
        if (!isLayer()) {
            out.put(GraphId.MATRIX.id(), state.ihMask().keptPercent());
            return out;
        }
        if (s.pruneIh()) {
            putBlocks(out, GraphId.IH.id(), state.ihMask(), s.perGate());
        }
        if (s.pruneHh()) {
            putBlocks(out, GraphId.HH.id(), state.hhMask(), s.perGate());
        }
        return out;
    }

    /**
     * Prunes at q percent of dense edges kept, within the masks of {@code previous} (an iterative round): entries
     * pruned there stay pruned, and the pruner ranks what remains by this subject's weights, which after
     * fine-tuning are not those that chose {@code previous}. Not cached: each round has its own candidates.
     *
     * @param previous the previous round's state (its masks must have this subject's shapes)
     * @throws BadInputException for q outside (0, 100] or settings that do not fit this subject
     */
    public PrunedState prune(double keepPercent, PruneSettings settings, PrunedState previous) {
        Objects.requireNonNull(previous, "previous");
        PruneSettings key = fitted(settings);
        boolean doIh = key.pruneIh();
        boolean doHh = key.pruneHh();
        // Iterative pruning prunes within what the previous step kept; the AND also drops entries that are zero
        // in the weights, which no mask should count as kept.
        PruningMask prevIh = previous.ihMask().and(PruningMask.nonZerosOf(ih));
        PruningMask prevHh = hh == null ? null : previous.hhMask().and(PruningMask.nonZerosOf(hh));
        List<WeightMatrix> ms = new ArrayList<>();
        List<PruningMask> current = new ArrayList<>();
        if (doIh) {
            ms.add(ih);
            current.add(prevIh);
        }
        if (doHh) {
            ms.add(hh);
            current.add(prevHh);
        }
        // not cached: the candidate masks differ from step to step, so a pruner serves one call only
        Pruner pruner = new Pruner(ms, current, key.method(), key.seed(), key.minDegree(),
                key.perGate() ? gates() : 1, key.gap());
        List<PruningMask> masks = pruner.prune(prunerPercent(keepPercent));
        int k = 0;
        PruningMask ihMask = doIh ? masks.get(k++) : prevIh;
        PruningMask hhMask = hh == null ? null : doHh ? masks.get(k) : prevHh;
        return new PrunedState(keepPercent, key, ihMask, hhMask, ih, hh, pruner.lowestReachablePercent(),
                pruner.belowReach(keepPercent));
    }

    /**
     * The state with {@code masks}' masks applied to this subject's weights (e.g. the same masks after
     * fine-tuning changed the kept weights).
     */
    public PrunedState withMasks(PrunedState masks) {
        Objects.requireNonNull(masks, "masks");
        PruningMask ihMask = masks.ihMask();
        PruningMask hhMask = hh == null ? null : masks.hhMask();
        return new PrunedState(masks.keepPercent(), masks.settings(), ihMask, hhMask, ih, hh,
                masks.lowestReachablePercent(), masks.belowReach());
    }

    /**
     * The q the {@link Pruner} is given (it counts dense entries): q itself for a layer and for a matrix without
     * zeros; for a sparse plain matrix the percentage of dense entries that keeps k = round(q nnz / 100) of its nnz
     * non-zero entries (at least 1), which the pruner's own rounding, round(q' rows cols / 100), turns back into
     * exactly k.
     */
    double prunerPercent(double keepPercent) {
        long dense = (long) ih.rows() * ih.cols();
        if (isLayer() || matrixNonZeros == dense || matrixNonZeros == 0
                || !(keepPercent > 0.0 && keepPercent <= 100.0)) {
            return keepPercent; // out-of-range values reach the pruner, which refuses them with its message
        }
        // q of the non-zero entries, converted to the pruner's q of all entries, so the count kept is exact
        long k = Math.max(1, Math.min(matrixNonZeros, Math.round(keepPercent * matrixNonZeros / 100.0)));
        return 100.0 * k / dense;
    }

    private Pruner newPruner(PruneSettings s) {
        List<WeightMatrix> ms = new ArrayList<>();
        List<PruningMask> current = new ArrayList<>();
        if (s.pruneIh()) {
            ms.add(ih);
            // zero weights start pruned: a magnitude order would otherwise "keep" edges that do not exist
            current.add(PruningMask.nonZerosOf(ih));
        }
        if (s.pruneHh()) {
            ms.add(hh);
            current.add(PruningMask.nonZerosOf(hh));
        }
        return new Pruner(ms, current, s.method(), s.seed(), s.minDegree(), s.perGate() ? gates() : 1, s.gap());
    }

    /**
     * The settings as they apply to this subject, which also serve as the pruner cache's key: a plain matrix is
     * always pruned (it has no W_hh to choose instead), and only a layer with gates can be pruned per gate, so
     * that settings which mean the same share one pruner.
     *
     * @throws BadInputException if nothing would be pruned
     */
    private PruneSettings fitted(PruneSettings settings) {
        Objects.requireNonNull(settings, "settings");
        boolean doIh = settings.pruneIh() || hh == null;
        boolean doHh = settings.pruneHh() && hh != null;
        if (!doIh && !doHh) {
            throw new BadInputException("nothing to prune: a plain matrix has no hidden-to-hidden part");
        }
        return new PruneSettings(settings.method(), doIh, doHh, settings.perGate() && gateOrder != null,
                settings.seed(), settings.minDegree(), settings.gap());
    }

    /** The biadjacency matrix of graph {@code id} in {@code state}: rows = left vertices. */
    public WeightMatrix matrix(PrunedState state, GraphId id) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(id, "id");
        if (id.kind() == GraphId.Kind.MATRIX) {
            if (isLayer()) {
                throw new BadInputException("graph 'matrix' is for a plain matrix; this subject is a recurrent layer");
            }
            return state.ih();
        }
        if (!isLayer()) {
            throw new BadInputException("graph '" + id + "' needs a recurrent layer; this subject is a plain matrix");
        }
        WeightMatrix m = switch (id.kind()) {
            case IH -> state.ih();
            case HH -> state.hh();
            // the step graph: left vertices are the inputs and the previous hidden units, [W_ih ; W_hh]
            case STEP -> state.ih().stackAbove(state.hh());
            default -> throw new IllegalStateException();
        };
        if (id.units()) {
            if (gateOrder == null) {
                throw new BadInputException("graph '" + id + "' merges LSTM gates, but this layer has none (vanilla"
                        + " RNN: use " + id.kind().id() + ")");
            }
            return GateSlices.units(m);
        }
        if (id.gate() == null) {
            return m;
        }
        if (gateOrder == null) {
            throw new BadInputException("graph '" + id + "' names a gate, but this layer has no gates (vanilla RNN)");
        }
        return GateSlices.slice(m, gateOrder, id.gate());
    }
}
