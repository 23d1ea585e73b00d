package org.expanderexplorer.ui.explorer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.expanderexplorer.core.drawing.GraphDrawing;
import org.expanderexplorer.core.drawing.SliderAnalysis;
import org.expanderexplorer.core.drawing.Snapshot;
import org.expanderexplorer.core.drawing.SpreadAnalysis;
import org.expanderexplorer.core.drawing.SpreadOverlay;
import org.expanderexplorer.core.graph.Spread;
import org.expanderexplorer.core.graph.UnfoldedVertex;
import org.expanderexplorer.core.spectral.WorstSet;
import org.expanderexplorer.ui.task.LatestWins;
import org.expanderexplorer.ui.task.UiExecutor;

/**
 * The spread panel: a set S picked on the graph (or the worst set of the shown layer), its spread through the
 * unfolded graph over the window's T' steps ({@link Spread}), walked step by step, and recomputed off the UI thread
 * whenever the slider's q, the graph or the window changes, so the moment pruning stops the spread is seen.
 */
public final class SpreadViewModel {

    /** One row of the per-step table: t, |F_t|, |N_t(S)| and the ratio, as shown. */
    public record StepRow(int step, int fed, int count, String ratio, boolean shown) {
    }

    private record Work(Snapshot snapshot, List<UnfoldedVertex> start, int upTo) {
    }

    private record Done(Spread.Result result, SpreadOverlay overlay) {
    }

    private final ExplorerViewModel explorer;
    private final ReadOnlyObjectWrapper<List<UnfoldedVertex>> start = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyIntegerWrapper stepShown = new ReadOnlyIntegerWrapper();
    private final BooleanProperty playing = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<Spread.Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SpreadOverlay> overlay = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper setText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fullText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper worstText = new ReadOnlyStringWrapper("");
    private final ObservableList<StepRow> rows = FXCollections.observableArrayList();
    private final LatestWins<Work, Done> work;

    public SpreadViewModel(ExplorerViewModel explorer, UiExecutor executor) {
        this.explorer = Objects.requireNonNull(explorer, "explorer");
        this.work = new LatestWins<>(executor, SpreadViewModel::compute, (w, d) -> deliver(d), e -> clearShown());
        explorer.snapshotProperty().addListener((o, a, b) -> {
            if (a != null && b != null && a.request().subject() != b.request().subject()) {
                start.set(List.of());
                worstText.set("");
            }
            refresh();
        });
        start.addListener((o, a, b) -> refresh());
        stepShown.addListener((o, a, b) -> refresh());
        setText.set(describeSet(List.of()));
    }

    private static Done compute(Work w) {
        Snapshot s = w.snapshot();
        var subject = s.request().subject();
        int steps = subject.isLayer() ? s.request().window() : 1;
        // a set picked on a longer window keeps the vertices the current window still has
        List<UnfoldedVertex> start = w.start().stream().filter(v -> v.step() <= steps).toList();
        Spread spread = SpreadAnalysis.of(subject, s.state(), s.request().graph(), start, steps);
        Spread.Result r = spread.result();
        // a stacked LSTM matrix is drawn with one right vertex per gate pre-activation, not the units the spread
        // reaches: its counts stand, but nothing is painted onto that drawing
        boolean paintable = !subject.isLayer() || SliderAnalysis.unfolds(subject, s.request().graph());
        SpreadOverlay o = paintable ? SpreadOverlay.of(s.drawing(), spread, start, w.upTo()) : null;
        return new Done(r, o);
    }

    private void refresh() {
        Snapshot s = explorer.snapshotProperty().get();
        if (s == null || start.get().isEmpty()) {
            clearShown();
            return;
        }
        work.request(new Work(s, start.get(), stepShown.get()));
    }

    private void clearShown() {
        result.set(null);
        overlay.set(null);
        rows.clear();
        fullText.set("");
    }

    private void deliver(Done d) {
        result.set(d.result());
        overlay.set(d.overlay());
        List<StepRow> out = new ArrayList<>();
        for (Spread.Step s : d.result().steps()) {
            out.add(new StepRow(s.step(), s.fed(), s.count(), s.ratio() == null ? "-"
                    : String.format(Locale.ROOT, "%.2f", s.ratio()), s.step() <= stepShown.get()));
        }
        rows.setAll(out);
        fullText.set(fullText(d.result()) + (d.overlay() == null
                ? " (a stacked LSTM matrix is drawn by gate pre-activation: pick a .units graph or a gate to see "
                + "the spread drawn)" : ""));
    }

    static String fullText(Spread.Result r) {
        if (r.fullStep() != null) {
            return String.format(Locale.ROOT, "all %d hidden units reached at step %d%s", r.hidden(), r.fullStep(),
                    r.fullStep() > r.steps().size() ? " (past the T' drawn)" : "");
        }
        return r.never() ? String.format(Locale.ROOT, "all %d hidden units reached: never (pruning cut the spread)",
                r.hidden()) : String.format(Locale.ROOT, "all %d units: not by step %d", r.hidden(), r.searched());
    }

    /**
     * Picks drawing vertices as the set (or adds them to it with {@code add}); vertices the spread cannot start
     * from are ignored.
     */
    public void select(int[] drawingVertices, boolean add) {
        Snapshot s = explorer.snapshotProperty().get();
        if (s == null) {
            return;
        }
        GraphDrawing d = s.drawing();
        Set<UnfoldedVertex> set = new LinkedHashSet<>(add ? start.get() : List.of());
        int steps = s.request().subject().isLayer() ? s.request().window() : 1;
        for (int v : drawingVertices) {
            UnfoldedVertex u = v >= 0 && v < d.vertexCount() ? SpreadOverlay.vertexOf(d, v) : null;
            if (u != null && u.step() <= steps && (s.request().subject().isLayer() || u.role() == UnfoldedVertex.Role.X)) {
                set.add(u);
            }
        }
        setStart(new ArrayList<>(set));
        worstText.set("");
    }

    /** Starts from the worst set of the shown layer (the analysis' exact or sweep cut). */
    public void useWorstSet() {
        Snapshot s = explorer.snapshotProperty().get();
        if (s == null) {
            return;
        }
        WorstSet w = WorstSet.of(s.shown());
        worstText.set(w.ratio() == null ? "the layer has fewer than 2 vertices: no worst set"
                : String.format(Locale.ROOT, "worst set (%s): %d vertices, ratio %.3f; Cheeger %.3f <= h <= %.3f",
                w.method(), w.labels().size(), w.ratio(), w.lower(), w.upper()));
        setStart(SpreadAnalysis.startOf(s.request().subject(), s.request().graph(), w.labels()));
    }

    private void setStart(List<UnfoldedVertex> vertices) {
        stepShown.set(0);
        playing.set(false);
        start.set(List.copyOf(vertices));
        setText.set(describeSet(vertices));
    }

    /** Forgets the set. */
    public void clear() {
        setStart(List.of());
        worstText.set("");
    }

    /** Shows one step more; false (and stops playing) when the last step is already shown. */
    public boolean step() {
        int last = lastStep();
        if (stepShown.get() >= last) {
            playing.set(false);
            return false;
        }
        stepShown.set(stepShown.get() + 1);
        return true;
    }

    /** Back to the set alone. */
    public void rewind() {
        stepShown.set(0);
    }

    /** Starts or stops playing; starting from the end rewinds first. */
    public void togglePlay() {
        if (!playing.get() && stepShown.get() >= lastStep()) {
            rewind();
        }
        playing.set(!playing.get() && !start.get().isEmpty());
    }

    private int lastStep() {
        Snapshot s = explorer.snapshotProperty().get();
        return s == null ? 0 : s.request().subject().isLayer() ? s.request().window() : 1;
    }

    static String describeSet(List<UnfoldedVertex> set) {
        if (set.isEmpty()) {
            return "Click vertices (Shift+drag a box, Ctrl+click to add) or take the worst set.";
        }
        StringBuilder b = new StringBuilder("|S| = " + set.size() + ": ");
        for (int i = 0; i < Math.min(6, set.size()); i++) {
            b.append(i > 0 ? " " : "").append(set.get(i));
        }
        return set.size() > 6 ? b.append(" ...").toString() : b.toString();
    }

    public ReadOnlyObjectProperty<List<UnfoldedVertex>> startProperty() {
        return start.getReadOnlyProperty();
    }

    /** Steps shown: 0 the set alone, t the reach of steps 1..t. */
    public ReadOnlyIntegerProperty stepShownProperty() {
        return stepShown.getReadOnlyProperty();
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public ReadOnlyObjectProperty<Spread.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** What the graph canvas paints, or null. */
    public ReadOnlyObjectProperty<SpreadOverlay> overlayProperty() {
        return overlay.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty setTextProperty() {
        return setText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fullTextProperty() {
        return fullText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty worstTextProperty() {
        return worstText.getReadOnlyProperty();
    }

    /** The per-step table. */
    public ObservableList<StepRow> rows() {
        return rows;
    }
}
