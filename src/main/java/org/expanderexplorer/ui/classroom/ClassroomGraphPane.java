package org.expanderexplorer.ui.classroom;

import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.expanderexplorer.core.drawing.GraphDrawing;
import org.expanderexplorer.core.pruning.EdgeOrder;
import org.expanderexplorer.ui.common.StyleClasses;
import org.expanderexplorer.ui.common.Widgets;
import org.expanderexplorer.ui.graph.GraphCanvas;
import org.expanderexplorer.ui.task.UiExecutor;

/**
 * The classroom's centre: the Ramanujan call-out, the step and edit controls, the graph (click an edge to remove
 * or restore it) and a caption explaining its colours.
 */
public final class ClassroomGraphPane extends BorderPane {

    private final GraphCanvas canvas;
    private final WrappedText callout = new WrappedText("");
    private final AnimationTimer player;

    public ClassroomGraphPane(ClassroomViewModel vm, StepViewModel steps, LinkedViewsViewModel linked,
                              UiExecutor executor) {
        getStyleClass().add(StyleClasses.GRAPH_VIEW);
        canvas = new GraphCanvas(executor);
        canvas.teachingProperty().set(true);
        canvas.drawingProperty().bind(Bindings.createObjectBinding(() -> vm.stateProperty().get() == null
                ? GraphDrawing.empty() : vm.stateProperty().get().drawing(), vm.stateProperty()));
        canvas.highlightProperty().bind(linked.highlightProperty());
        canvas.vertexValuesProperty().bind(linked.vertexValuesProperty());
        canvas.onEdgeClickedProperty().set(vm::toggleDrawnEdge);

        callout.getStyleClass().add(StyleClasses.CALLOUT);
        callout.setMaxWidth(Double.MAX_VALUE);
        callout.setText(vm.calloutProperty().get());
        vm.calloutProperty().addListener((o, a, b) -> callout.setText(b));
        vm.ramanujanProperty().addListener((o, a, b) -> {
            callout.getStyleClass().removeAll(StyleClasses.GOOD, StyleClasses.BAD);
            if (b != null) {
                callout.getStyleClass().add(b ? StyleClasses.GOOD : StyleClasses.BAD);
            }
        });

        Label caption = Widgets.wrapping(linked.legendProperty());
        caption.getStyleClass().add(StyleClasses.GRAPH_CAPTION);
        Tooltip.install(canvas, new Tooltip("Click an edge to remove it, a dashed (pruned) one to restore it. "
                + "Scroll to zoom, drag to pan, double-click to fit."));

        setTop(new VBox(callout, toolbar(vm, steps)));
        setCenter(canvas);
        setBottom(caption);
        player = new AnimationTimer() {
            @Override
            public void handle(long now) {
                steps.tick(now);
            }
        };
        steps.playingProperty().addListener((o, a, b) -> {
            if (b) {
                player.start();
            } else {
                player.stop();
            }
        });
    }

    private static FlowPane toolbar(ClassroomViewModel vm, StepViewModel steps) {
        Label stepLabel = new Label();
        stepLabel.textProperty().bind(Bindings.createStringBinding(() -> "step " + vm.stepProperty().get(),
                vm.stepProperty()));
        stepLabel.getStyleClass().add(StyleClasses.METRIC_VALUE);
        Button step = new Button("Step ▸");
        step.setTooltip(new Tooltip("Remove the next edge in the chosen order (Ctrl+K)."));
        step.setOnAction(e -> steps.step());
        ToggleButton play = new ToggleButton();
        play.selectedProperty().bindBidirectional(steps.playingProperty());
        play.textProperty().bind(Bindings.when(steps.playingProperty()).then("❚❚ Pause").otherwise("▶ Play"));
        play.setTooltip(new Tooltip("Remove edges one by one at the chosen speed (Ctrl+P)."));
        Slider speed = new Slider(0.25, 4, 1);
        speed.valueProperty().bindBidirectional(steps.speedProperty());
        speed.setPrefWidth(100);
        Tooltip speedTip = new Tooltip();
        speedTip.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT,
                "Speed: %.2g steps per second", steps.speedProperty().get()), steps.speedProperty()));
        speed.setTooltip(speedTip);
        Button undo = new Button("↶");
        undo.setTooltip(new Tooltip("Undo the last step or edit (Ctrl+Z)."));
        undo.setOnAction(e -> vm.undo());
        undo.disableProperty().bind(vm.canUndoProperty().not());
        Button redo = new Button("↷");
        redo.setTooltip(new Tooltip("Redo (Ctrl+Y)."));
        redo.setOnAction(e -> vm.redo());
        redo.disableProperty().bind(vm.canRedoProperty().not());
        Button reset = new Button("Whole graph");
        reset.setTooltip(new Tooltip("Restore every edge (one more step: undo brings the edits back)."));
        reset.setOnAction(e -> vm.reset());
        FlowPane bar = new FlowPane(stepLabel, step, play, speed, undo, redo, reset);
        bar.getStyleClass().add(StyleClasses.CLASSROOM_TOOLBAR);
        return bar;
    }

    /** The step-mode options for the side panel: edge order, seed, pausing when Ramanujan is lost. */
    static List<Node> stepOptions(StepViewModel steps) {
        ComboBox<EdgeOrder.Kind> order = new ComboBox<>();
        order.getItems().setAll(EdgeOrder.Kind.values());
        order.valueProperty().bindBidirectional(steps.orderProperty());
        order.setTooltip(new Tooltip("Which edge goes next: the smallest |w| (as magnitude pruning), or a random "
                + "order fixed by the seed."));
        Spinner<Integer> seed = new Spinner<>(1, 9999, 1);
        seed.setEditable(true);
        seed.setPrefWidth(85);
        seed.getValueFactory().valueProperty().addListener((o, a, b) -> steps.seedProperty().set(b));
        seed.disableProperty().bind(steps.orderProperty().isNotEqualTo(EdgeOrder.Kind.RANDOM));
        seed.setTooltip(new Tooltip("Seed of the random order."));
        FlowPane row = new FlowPane(6, 6, order, seed);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        CheckBox pause = new CheckBox("pause when Ramanujan is lost");
        pause.selectedProperty().bindBidirectional(steps.pauseWhenLostProperty());
        return List.of(row, pause);
    }

    public GraphCanvas canvas() {
        return canvas;
    }

    /** The call-out's text (for tests). */
    public String calloutText() {
        return callout.getText();
    }
}
