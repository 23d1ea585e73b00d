package org.expanderexplorer.ui.explorer;

import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.expanderexplorer.core.drawing.CutHighlight;
import org.expanderexplorer.core.drawing.GraphDrawing;
import org.expanderexplorer.core.drawing.SliderAnalysis;
import org.expanderexplorer.core.drawing.Snapshot;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;
import org.expanderexplorer.core.spectral.UnfoldedAnalysis;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.ui.common.MetricCells;

/**
 * The graph panel's state: which graphs the open subject has and which is selected, the unfolding window, ghosts,
 * the sweep-cut highlight, and the drawing and its caption. The selection never becomes empty:
 * while the choice list is refilled for a new subject, the selected graph stays as the explorer chose it.
 */
public final class GraphViewModel {

    private final ExplorerViewModel explorer;
    private final ObservableList<GraphId> choices = FXCollections.observableArrayList();
    private final BooleanProperty cut = new SimpleBooleanProperty();
    private final ObjectBinding<GraphDrawing> drawing;
    private final ObjectBinding<boolean[]> highlight;
    private final StringBinding caption;

    public GraphViewModel(ExplorerViewModel explorer) {
        this.explorer = Objects.requireNonNull(explorer, "explorer");
        if (explorer.subjectProperty().get() != null) {
            choices.setAll(explorer.subjectProperty().get().graphs());
        }
        explorer.subjectProperty().addListener((o, a, b) -> {
            if (b != null) {
                choices.setAll(b.graphs());
            }
        });
        drawing = Bindings.createObjectBinding(() -> {
            Snapshot s = explorer.snapshotProperty().get();
            return s == null ? GraphDrawing.empty() : s.drawing();
        }, explorer.snapshotProperty());
        highlight = Bindings.createObjectBinding(() -> cut.get() ? CutHighlight.of(explorer.snapshotProperty().get())
                : null, cut, explorer.snapshotProperty());
        caption = Bindings.createStringBinding(() -> caption(explorer.snapshotProperty().get()),
                explorer.snapshotProperty());
    }

    /** Selects a graph; null (a choice box between two lists) is ignored. */
    public void select(GraphId g) {
        if (g != null && choices.contains(g)) {
            explorer.graphProperty().set(g);
        }
    }

    /** The graphs of the open subject. */
    public ObservableList<GraphId> choices() {
        return choices;
    }

    /** The selected graph (never null once something is open). */
    public ReadOnlyObjectProperty<GraphId> selectedProperty() {
        return explorer.graphProperty();
    }



    /** The explorer whose unfolding window and ghosts this panel sets (one owner, one set of accessors). */
    public ExplorerViewModel explorer() {
        return explorer;
    }

    /** Highlight the sweep-cut set. */
    public BooleanProperty cutProperty() {
        return cut;
    }

    /** While the slider is dragged the graph is drawn as a quick draft. */
    public ObservableBooleanValue draftValue() {
        return explorer.draggingProperty();
    }

    public ObjectBinding<GraphDrawing> drawingBinding() {
        return drawing;
    }

    public ObjectBinding<boolean[]> highlightBinding() {
        return highlight;
    }

    public StringBinding captionBinding() {
        return caption;
    }

    /**
     * Two lines: the selected graph with the counts the numbers strip shows (so caption, strip and drawing name the
     * same graph), how it is drawn; and, for an unfolded drawing, the unfolded graph's own numbers.
     */
    static String caption(Snapshot s) {
        if (s == null) {
            return "Nothing open yet: File > Open a model or a matrix, or a sample.";
        }
        GraphDrawing d = s.drawing();
        LayerAnalysisResult r = s.shown();
        var subject = s.request().subject();
        int isolated = r.isolatedLeft() + r.isolatedRight();
        String text = String.format(Locale.ROOT, "%s: %d x %d, %,d edges, %d isolated", s.request().graph().id(),
                r.left() + r.isolatedLeft(), r.right() + r.isolatedRight(), r.edges(), isolated);
        boolean unfolded = s.unfolded() != null;
        text += unfolded ? String.format(Locale.ROOT, " · drawn unfolded, %d copies:", s.request().window())
                : " · drawn bipartite:";
        if (d.bundled()) {
            // past a few thousand edges single lines merge into a block: every kept edge is counted into bundles
            text += String.format(Locale.ROOT, " %,d edges as %,d bundles between groups of %d vertices",
                    d.keptTotal(), d.bundles().size(), d.bundles().groupSize());
        } else {
            text += String.format(Locale.ROOT, " %,d edges", d.edgeFrom().length);
            if (d.sampled()) {
                text += String.format(Locale.ROOT, " (largest |w| of %,d)", d.keptTotal());
            }
        }
        if (d.ghostTotal() > 0) {
            text += String.format(Locale.ROOT, ", %,d pruned", d.ghostTotal());
        }
        if (isolated > 0) {
            text += ", red rings: no kept edge";
        }
        if (subject.isLayer() && subject.hiddenToHidden().rows() > SliderAnalysis.DRAWN_UNITS) {
            text += String.format(Locale.ROOT, "; units 0-%d of %,d drawn (the analysis uses all)",
                    SliderAnalysis.DRAWN_UNITS - 1, subject.hiddenToHidden().rows());
        }
        text += String.format(Locale.ROOT, " · %d ms", s.millis());
        if (unfolded) {
            UnfoldedAnalysis.Result u = s.unfolded();
            UnfoldedAnalysis.Layer l = u.layer();
            text += String.format(Locale.ROOT, "%nunfolded graph: %,d vertices, %,d components, λ_2 = %s, "
                    + "h in [%s, %s]; each of its %d step layers: Δ_S = %s%s", u.vertices(), u.components(),
                    MetricCells.num(u.fiedler()), MetricCells.num(u.cheegerLower()), MetricCells.num(u.cheegerUpper()),
                    u.steps(),
                    MetricCells.num(l.deltaS()), l.deltaR() == null ? "" : ", Δ_R = " + MetricCells.num(l.deltaR()));
        }
        return text;
    }
}
