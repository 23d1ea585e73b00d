package org.expanderexplorer.ui.explorer;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.ui.common.StyleClasses;
import org.expanderexplorer.ui.graph.GraphCanvas;
import org.expanderexplorer.ui.task.UiExecutor;

/**
 * The centre: the graph canvas with its choices (which graph, unweighted or weighted, window T', ghosts, sweep
 * cut) and a caption.
 */
public final class GraphView extends BorderPane {

    private final GraphCanvas canvas;
    private final ComboBox<GraphId> graph = new ComboBox<>();

    public GraphView(GraphViewModel vm, UiExecutor executor) {
        this.canvas = new GraphCanvas(executor);
        getStyleClass().add(StyleClasses.GRAPH_VIEW);
        graph.setItems(FXCollections.observableArrayList(vm.choices()));
        graph.setValue(vm.selectedProperty().get());
        graph.setTooltip(new Tooltip("ih: input-to-hidden; hh: hidden-to-hidden; step: both stacked [W_ih ; W_hh];"
                + " .i .f .g .o: one LSTM gate. The spectrum, gaps and Cheeger panels follow this choice."));
        // a choice box whose list is refilled in place clears its value (it once emptied the selection for good):
        // it gets a new list instead, then the ViewModel's selection, and only real choices reach the ViewModel
        graph.valueProperty().addListener((o, a, b) -> vm.select(b));
        vm.selectedProperty().addListener((o, a, b) -> graph.setValue(b));
        vm.choices().addListener((ListChangeListener<GraphId>) c -> {
            graph.setItems(FXCollections.observableArrayList(vm.choices()));
            // through null: a value equal to the old one fires no change, and the box then showed nothing
            graph.setValue(null);
            graph.setValue(vm.selectedProperty().get());
        });
        ExplorerViewModel explorer = vm.explorer(); // the unfolding window and the ghosts are explorer settings
        Spinner<Integer> window = new Spinner<>(1, 28, explorer.windowProperty().get());
        window.getValueFactory().valueProperty().addListener((o, a, b) -> explorer.windowProperty().set(b));
        explorer.windowProperty().addListener((o, a, b) -> window.getValueFactory().setValue(b.intValue()));
        window.setPrefWidth(70);
        window.setTooltip(new Tooltip("Time steps T' of the unfolded graph drawn: x_t -> h_t and h_{t-1} -> h_t."));
        CheckBox ghosts = new CheckBox("ghosts");
        ghosts.setTooltip(new Tooltip("Draw the pruned edges as faint ghosts."));
        ghosts.selectedProperty().bindBidirectional(explorer.ghostsProperty());
        CheckBox cut = new CheckBox("sweep cut");
        cut.setTooltip(new Tooltip("Highlight the sweep-cut set (from the Fiedler vector) of the selected graph."));
        cut.selectedProperty().bindBidirectional(vm.cutProperty());
        Button fit = new Button("Fit");
        fit.setTooltip(new Tooltip("Fit the drawing to the view (Ctrl+F). Scroll to zoom, drag to pan."));
        fit.setOnAction(e -> canvas.fit());
        // a tool bar that wraps: at a large scale or beside the charts its items take a second row instead of
        // being cut ("gra...") or hidden behind an overflow button
        FlowPane bar = new FlowPane(6, 4, new Label("graph"), graph, new Label("T'"), window, ghosts, cut, fit);
        bar.getStyleClass().add("tool-bar");
        bar.getChildren().forEach(n -> ((Region) n).setMinWidth(Region.USE_PREF_SIZE));
        setTop(bar);
        setCenter(canvas);
        Label caption = new Label();
        caption.getStyleClass().add(StyleClasses.GRAPH_CAPTION);
        // its own lines only, cut with an ellipsis where narrow (the whole text in the tooltip): wrapped, the caption
        // took the canvas's height at a large scale (no combining marks in it, decision 10)
        caption.setWrapText(false);
        caption.textProperty().bind(vm.captionBinding());
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(vm.captionBinding());
        whole.setWrapText(true);
        whole.setMaxWidth(600);
        caption.setTooltip(whole);
        setBottom(caption);
        canvas.drawingProperty().bind(vm.drawingBinding());
        canvas.draftProperty().bind(vm.draftValue());
        canvas.highlightProperty().bind(vm.highlightBinding());
    }

    public GraphCanvas canvas() {
        return canvas;
    }

    /** The graph choice box (for tests). */
    public ComboBox<GraphId> graphChoice() {
        return graph;
    }
}
