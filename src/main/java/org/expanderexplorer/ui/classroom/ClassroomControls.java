package org.expanderexplorer.ui.classroom;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.ui.common.StyleClasses;
import org.expanderexplorer.ui.common.Widgets;

/**
 * The classroom's left panel: the gallery (a teaching graph, or the classroom model's ih or hh matrix), the
 * weighted view, what colours the vertices, and the named snapshots with their comparison.
 */
public final class ClassroomControls extends VBox {

    private final ListView<SnapshotsViewModel.Saved> list = new ListView<>();

    /**
     * @param openGallery opens the teaching-graph dialog
     * @param compare     shows a comparison (a dialog)
     */
    public ClassroomControls(ClassroomViewModel vm, StepViewModel steps, LinkedViewsViewModel linked,
                             SnapshotsViewModel snapshots, Runnable openGallery,
                             Consumer<SnapshotsViewModel.Comparison> compare) {
        getStyleClass().addAll(StyleClasses.SIDE_PANEL, StyleClasses.CLASSROOM_CONTROLS);
        Label title = new Label("–");
        title.setWrapText(true);
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 1.15em;");
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.sourceProperty().get() == null
                ? "Open a graph" : vm.sourceProperty().get().title(), vm.sourceProperty()));
        Label description = Widgets.wrapping(Bindings.createStringBinding(() -> vm.sourceProperty().get() == null ? ""
                : vm.sourceProperty().get().description(), vm.sourceProperty()));
        description.getStyleClass().add(StyleClasses.MODEL_SUMMARY);
        Button gallery = wide(new Button("Teaching graph..."));
        gallery.setOnAction(e -> openGallery.run());
        Button ih = new Button("W_ih");
        ih.setOnAction(e -> vm.openClassroomModel(GraphId.IH));
        Button hh = new Button("W_hh");
        ih.setMnemonicParsing(false);
        hh.setMnemonicParsing(false);
        hh.setOnAction(e -> vm.openClassroomModel(GraphId.HH));
        Label rnn = new Label("RNN:");
        rnn.setMinWidth(Region.USE_PREF_SIZE);
        // wraps in a narrow panel (200 % beside the explanation) rather than cutting "W_hh" off
        FlowPane model = new FlowPane(6, 6, rnn, ih, hh);
        model.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Tooltip.install(model, new Tooltip("The classroom model (an RNN with 12 units on 8 x 8 digits): edit its "
                + "input-to-hidden (8 x 12) or hidden-to-hidden (12 x 12) matrix and watch the test accuracy."));
        CheckBox weighted = new CheckBox("weighted view (|w|)");
        weighted.selectedProperty().bindBidirectional(vm.weightedProperty());

        ComboBox<LinkedViewsViewModel.Colouring> colouring = wide(new ComboBox<>());
        colouring.getItems().setAll(LinkedViewsViewModel.Colouring.values());
        colouring.valueProperty().bindBidirectional(linked.colouringProperty());
        Spinner<Integer> index = new Spinner<>(1, 1000, 2);
        index.setEditable(true);
        index.setPrefWidth(90);
        index.getValueFactory().valueProperty().addListener((o, a, b) -> {
            if (b != null && b != linked.singularIndexProperty().get()) {
                linked.selectSingular(b);
            }
        });
        linked.singularIndexProperty().addListener((o, a, b) -> index.getValueFactory().setValue(b.intValue()));
        HBox indexRow = new HBox(6, new Label("σ_i, i ="), index);
        indexRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        CheckBox cut = new CheckBox("Cheeger set S");
        cut.setTooltip(new Tooltip("Highlight an optimal Cheeger set (the sweep cut on larger graphs) and the "
                + "edges leaving it."));
        cut.selectedProperty().bindBidirectional(linked.showCutProperty());
        CheckBox reference = new CheckBox("random reference");
        reference.setTooltip(new Tooltip("Overlay the spectrum of a random biregular graph with the same rounded "
                + "degrees (unweighted view)."));
        reference.selectedProperty().bindBidirectional(linked.referenceProperty());

        TextField name = new TextField();
        name.setPromptText("name (A, B, ...)");
        Button save = new Button("Save");
        save.setOnAction(e -> {
            if (snapshots.save(name.getText()) != null) {
                name.clear();
            }
        });
        HBox saveRow = new HBox(6, name, save);
        HBox.setHgrow(name, Priority.ALWAYS);
        list.setItems(snapshots.saved());
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setPrefHeight(110);
        list.setMinHeight(60);
        Button restore = new Button("Restore");
        restore.setOnAction(e -> {
            var s = list.getSelectionModel().getSelectedItem();
            if (s != null) {
                snapshots.restore(s);
            }
        });
        restore.disableProperty().bind(Bindings.isEmpty(list.getSelectionModel().getSelectedItems()));
        Button compareButton = new Button("Compare");
        compareButton.setTooltip(new Tooltip("Select two snapshots (Ctrl+click) to compare spectra and numbers."));
        compareButton.disableProperty().bind(Bindings.size(list.getSelectionModel().getSelectedItems())
                .isNotEqualTo(2));
        compareButton.setOnAction(e -> {
            var sel = list.getSelectionModel().getSelectedItems();
            if (sel.size() == 2) {
                compare.accept(snapshots.compare(sel.get(0), sel.get(1)));
            }
        });
        // buttons keep their text; the name field and the lists give way when the panel is narrow
        for (Button b : List.of(ih, hh, save, restore, compareButton)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        getChildren().addAll(Widgets.section("GRAPH"), title, description, gallery, model, weighted,
                Widgets.section("STEP MODE"));
        getChildren().addAll(ClassroomGraphPane.stepOptions(steps));
        getChildren().addAll(Widgets.section("COLOURS"), colouring, indexRow, cut, reference,
                Widgets.section("SNAPSHOTS"), saveRow, list, new HBox(6, restore, compareButton));
    }

    private static <T extends Region> T wide(T node) {
        node.setMaxWidth(Double.MAX_VALUE);
        return node;
    }

    /** The snapshot list (for tests). */
    public ListView<SnapshotsViewModel.Saved> snapshotList() {
        return list;
    }
}
