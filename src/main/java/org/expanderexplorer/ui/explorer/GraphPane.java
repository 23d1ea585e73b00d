package org.expanderexplorer.ui.explorer;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import org.expanderexplorer.core.drawing.CutHighlight;
import org.expanderexplorer.core.drawing.GraphDrawing;
import org.expanderexplorer.core.drawing.SliderAnalysis;
import org.expanderexplorer.core.drawing.Snapshot;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;
import org.expanderexplorer.core.spectral.UnfoldedAnalysis;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.ui.common.MetricCells;
import org.expanderexplorer.ui.common.StyleClasses;
import org.expanderexplorer.ui.graph.GraphCanvas;

/** The centre: the graph canvas with its choices (which graph, window T', ghosts, sweep cut) and a caption. */
public final class GraphPane extends BorderPane {

    private final GraphCanvas canvas;

    public GraphPane(ExplorerViewModel vm, org.expanderexplorer.ui.task.UiExecutor executor) {
        this.canvas = new GraphCanvas(executor);
        getStyleClass().add(StyleClasses.GRAPH_VIEW);
        ComboBox<GraphId> graph = new ComboBox<>();
        graph.valueProperty().bindBidirectional(vm.graphProperty());
        graph.setTooltip(new Tooltip("ih: input-to-hidden; hh: hidden-to-hidden; step: both stacked [W_ih ; W_hh];"
                + " .i .f .g .o: one LSTM gate. The spectrum, gaps and Cheeger panels follow this choice."));
        vm.subjectProperty().addListener((o, a, b) -> {
            if (b != null) {
                graph.getItems().setAll(b.graphs());
                graph.setValue(vm.graphProperty().get());
            }
        });
        Spinner<Integer> window = new Spinner<>(1, 28, 3);
        window.getValueFactory().valueProperty().addListener((o, a, b) -> vm.windowProperty().set(b));
        window.setPrefWidth(70);
        window.setTooltip(new Tooltip("Time steps T' of the unfolded graph drawn: x_t -> h_t and h_{t-1} -> h_t."));
        CheckBox ghosts = new CheckBox("pruned edges as ghosts");
        ghosts.selectedProperty().bindBidirectional(vm.ghostsProperty());
        CheckBox cut = new CheckBox("sweep cut");
        cut.setTooltip(new Tooltip("Highlight the sweep-cut set (from the Fiedler vector) of the selected graph."));
        Button fit = new Button("Fit");
        fit.setTooltip(new Tooltip("Fit the drawing to the view (Ctrl+F). Scroll to zoom, drag to pan."));
        fit.setOnAction(e -> canvas.fit());
        ToolBar bar = new ToolBar(new Label("graph"), graph, new Label("T'"), window, ghosts, cut, fit);
        setTop(bar);
        setCenter(canvas);
        Label caption = new Label();
        caption.getStyleClass().add(StyleClasses.GRAPH_CAPTION);
        caption.setWrapText(true); // two lines of numbers; no combining marks in them (decision 10)
        setBottom(caption);
        canvas.drawingProperty().bind(Bindings.createObjectBinding(() -> {
            Snapshot s = vm.snapshotProperty().get();
            return s == null ? GraphDrawing.empty() : s.drawing();
        }, vm.snapshotProperty()));
        canvas.draftProperty().bind(vm.draggingProperty());
        caption.textProperty().bind(Bindings.createStringBinding(() -> caption(vm.snapshotProperty().get()),
                vm.snapshotProperty()));
        canvas.highlightProperty().bind(Bindings.createObjectBinding(() -> cut.isSelected()
                ? CutHighlight.of(vm.snapshotProperty().get()) : null, cut.selectedProperty(), vm.snapshotProperty()));
    }

    public GraphCanvas canvas() {
        return canvas;
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
        text += String.format(Locale.ROOT, " %,d edges", d.edgeFrom().length);
        if (d.sampled()) {
            text += String.format(Locale.ROOT, " (largest |w| of %,d)", d.keptTotal());
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
