package org.expanderexplorer.ui.classroom;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.expanderexplorer.core.drawing.GraphDrawing;
import org.expanderexplorer.core.pruning.PruningMask;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.Subject;
import org.expanderexplorer.ui.document.DocumentLoader;
import org.expanderexplorer.ui.task.LatestWins;
import org.expanderexplorer.ui.task.UiExecutor;

/**
 * The classroom's central state: the graph being edited, its current mask with undo and redo, and the analysis
 * of that mask (latest wins, cached per mask so that undo and redo show at once). Every edit is one step; the
 * trace of steps feeds the gap and Cheeger panels, and the moment the graph stops being Ramanujan (Delta_R, or
 * Delta_S of |W| in the weighted view, &lt;= 0) is called out. No method computes on the caller's thread.
 */
public final class ClassroomViewModel {

    /** The classroom model shipped with the application. */
    public static final String CLASSROOM_MODEL = "digits8-rnn12.zip";
    /** Analyses kept for undo, redo and snapshots (a 200 x 200 graph's state takes a few megabytes). */
    private static final int CACHE = 32;

    private record Request(ClassroomSource source, PruningMask mask) {
    }

    private final UiExecutor executor;
    private final ReadOnlyObjectWrapper<ClassroomSource> source = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PruningMask> mask = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<GraphState> state = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty weighted = new SimpleBooleanProperty();
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper();
    private final RamanujanTrace trace = new RamanujanTrace();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final EditHistory history = new EditHistory();
    private final Map<PruningMask, GraphState> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<PruningMask, GraphState> e) {
            return size() > CACHE;
        }
    };
    private final LatestWins<Request, GraphState> analysis;
    private Subject classroomModel;

    public ClassroomViewModel(UiExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.analysis = new LatestWins<>(executor, r -> ClassroomComputations.analyse(r.source(), r.mask()),
                this::deliver, this::fail);
        weighted.addListener((o, a, b) -> updateCallout());
    }

    /** Builds a teaching graph in the background and shows it. */
    public void open(GraphChoice choice) {
        Objects.requireNonNull(choice, "choice");
        status.set("Building " + choice.title() + " ...");
        executor.submit(() -> ClassroomSource.of(choice), this::show, this::fail);
    }

    /** Shows one matrix (ih or hh) of the classroom model, loading it in the background the first time. */
    public void openClassroomModel(GraphId graph) {
        if (classroomModel != null) {
            show(ClassroomSource.ofModel(classroomModel, graph));
            return;
        }
        status.set("Opening the classroom model " + CLASSROOM_MODEL + " ...");
        executor.submit(() -> DocumentLoader.openSample(CLASSROOM_MODEL).subject(), s -> {
            classroomModel = s;
            show(ClassroomSource.ofModel(s, graph));
        }, this::fail);
    }

    /** Shows a source with every edge kept, forgetting the previous history. */
    public void show(ClassroomSource s) {
        Objects.requireNonNull(s, "source");
        cache.clear();
        history.clear();
        trace.clear();
        source.set(s);
        step.set(0);
        error.set("");
        mask.set(s.fullMask());
        status.set("Opened " + s.title() + ".");
        request();
    }

    /** Makes {@code next} the current mask as one undoable step; nothing happens when it equals the current one. */
    public void apply(PruningMask next, String description) {
        Objects.requireNonNull(next, "next");
        if (source.get() == null || next.equals(mask.get())) {
            return;
        }
        history.record(mask.get(), description);
        step.set(history.depth());
        mask.set(next);
        status.set("Step " + step.get() + ": " + description + ".");
        request();
    }

    /** Removes the edge at (row, col) if kept, restores it if pruned; false when the dense graph has no such edge. */
    public boolean toggleEdge(int row, int col) {
        ClassroomSource s = source.get();
        if (s == null || s.dense().get(row, col) == 0.0) {
            return false;
        }
        boolean[] k = mask.get().toArray();
        int i = row * s.dense().cols() + col;
        k[i] = !k[i];
        apply(new PruningMask(s.dense().rows(), s.dense().cols(), k), (k[i] ? "restored " : "removed ")
                + edgeName(row, col));
        return true;
    }

    /** Toggles the edge a click on the bipartite drawing found (left vertex = row, right vertex = rows + col). */
    public boolean toggleDrawnEdge(GraphDrawing.EdgeHit hit) {
        ClassroomSource s = source.get();
        if (s == null) {
            return false;
        }
        int rows = s.dense().rows();
        int a = Math.min(hit.from(), hit.to());
        int b = Math.max(hit.from(), hit.to());
        return a < rows && b >= rows && toggleEdge(a, b - rows);
    }

    /** Goes back to the whole graph, as one undoable step. */
    public void reset() {
        if (source.get() != null) {
            apply(source.get().fullMask(), "back to the whole graph");
        }
    }

    /** Undoes the last step; false when there is none. */
    public boolean undo() {
        return travel(mask.get() == null ? null : history.undo(mask.get()), "undo", "Undo");
    }

    /** Redoes the last undone step; false when there is none. */
    public boolean redo() {
        return travel(mask.get() == null ? null : history.redo(mask.get()), "redo", "Redo");
    }

    /** Shows the state undo or redo went to ({@code e}, null when there was none) and says so in the status. */
    private boolean travel(EditHistory.Entry e, String verb, String title) {
        if (e == null) {
            status.set("Nothing to " + verb + ".");
            return false;
        }
        step.set(history.depth());
        mask.set(e.mask());
        status.set(title + ": " + e.description() + " (now step " + step.get() + ").");
        request();
        return true;
    }

    /** True when the state shown is that of the current mask and nothing is being computed. */
    public boolean isCurrent() {
        GraphState g = state.get();
        return g != null && g.mask().equals(mask.get()) && g.source() == source.get() && !analysis.isBusy();
    }

    /** "L3–R5", the name of an edge. */
    static String edgeName(int row, int col) {
        return "L" + row + "–R" + col;
    }

    private void request() {
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
        GraphState cached = cache.get(mask.get());
        if (cached != null) {
            setState(cached);
        } else {
            analysis.request(new Request(source.get(), mask.get()));
        }
    }

    private void deliver(Request r, GraphState g) {
        if (r.source() != source.get()) {
            return; // computed for a graph no longer open
        }
        cache.put(g.mask(), g);
        if (g.mask().equals(mask.get())) {
            setState(g);
        }
    }

    private void setState(GraphState g) {
        trace.add(step.get(), g);
        state.set(g);
        updateCallout();
    }

    private void updateCallout() {
        GraphState g = state.get();
        if (g != null) {
            trace.update(g, weighted.get(), step.get(), history.nextUndo());
        }
    }

    private void fail(Throwable e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        error.set(m);
        status.set("Error: " + m);
    }

    /** A one-line status message. */
    public void setStatus(String s) {
        status.set(s);
    }

    public ReadOnlyObjectProperty<ClassroomSource> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PruningMask> maskProperty() {
        return mask.getReadOnlyProperty();
    }

    /** The analysis on screen: the current mask's once computed (the previous one until then). */
    public ReadOnlyObjectProperty<GraphState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Weighted view (|W|): Delta_S of |W| decides "Ramanujan", cuts and vectors use |w|. */
    public BooleanProperty weightedProperty() {
        return weighted;
    }

    public ReadOnlyIntegerProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** The analysed steps of the current path of edits, by step. */
    public ReadOnlyObjectProperty<List<TracePoint>> traceProperty() {
        return trace.trace.getReadOnlyProperty();
    }

    /** The step at which the graph last stopped being Ramanujan on this path, or null while it is Ramanujan. */
    public ReadOnlyObjectProperty<Integer> lostAtProperty() {
        return trace.lostAt.getReadOnlyProperty();
    }

    /** Whether the shown state is Ramanujan in the view's sense (null before the first analysis). */
    public ReadOnlyObjectProperty<Boolean> ramanujanProperty() {
        return trace.ramanujan.getReadOnlyProperty();
    }

    /** True exactly when the last step made the graph stop being Ramanujan. */
    public ReadOnlyBooleanProperty justLostProperty() {
        return trace.justLost.getReadOnlyProperty();
    }

    /** The on-screen call-out about the Ramanujan property. */
    public ReadOnlyStringProperty calloutProperty() {
        return trace.callout.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The view's name of the deciding gap. */
    static String gapName(boolean weightedView) {
        return Callouts.gapName(weightedView);
    }

    /** A number as the classroom shows it (three decimals). */
    static String fmt(double v) {
        return Callouts.fmt(v);
    }
}
