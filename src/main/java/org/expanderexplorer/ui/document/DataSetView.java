package org.expanderexplorer.ui.document;

import java.io.File;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.expanderexplorer.ui.common.StyleClasses;
import org.expanderexplorer.ui.common.Widgets;

/**
 * The data-set chooser: why it is shown, what the model reads, the data sets (each saying its shape), a folder for
 * the sets read from disk, and why the choice cannot be used yet (OK stays disabled until it can).
 */
public final class DataSetView {

    private final Dialog<String> dialog = new Dialog<>();

    public DataSetView(Window owner, DataSetViewModel vm) {
        dialog.initOwner(owner);
        dialog.setTitle("Choose a data set");
        dialog.setHeaderText("Which data measures this model's accuracy?");
        Label reason = wrapped(vm.reasonProperty());
        Label model = wrapped(vm.modelProperty());
        ListView<DataSetViewModel.Option> list = new ListView<>(vm.options());
        list.setPrefHeight(190);
        list.setMinHeight(150);
        list.getSelectionModel().select(vm.selectedProperty().get());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        TextField folder = new TextField();
        folder.textProperty().bindBidirectional(vm.folderProperty());
        folder.setPromptText("the folder that holds the data");
        folder.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.selectedProperty().get() == null
                || !vm.selectedProperty().get().needsFolder(), vm.selectedProperty()));
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button browse = new Button("Browse...");
        browse.disableProperty().bind(folder.disableProperty());
        browse.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("The folder of " + vm.selectedProperty().get().kind().id());
            File f = dc.showDialog(dialog.getDialogPane().getScene().getWindow());
            if (f != null) {
                vm.folderProperty().set(f.getAbsolutePath());
            }
        });
        Label problem = wrapped(vm.problemBinding());
        problem.getStyleClass().add(StyleClasses.ERROR_TEXT);
        problem.textProperty().addListener((o, a, b) -> { // the dialog grows or shrinks with the message
            var w = dialog.getDialogPane().getScene() == null ? null : dialog.getDialogPane().getScene().getWindow();
            if (w != null) {
                javafx.application.Platform.runLater(w::sizeToScene);
            }
        });
        VBox content = new VBox(8, reason, model, list, new HBox(6, folder, browse), problem);
        content.setPrefWidth(560);
        content.setMinHeight(Region.USE_PREF_SIZE);
        dialog.getDialogPane().setContent(content);
        // a dialog whose labels wrap is otherwise sized before its text is laid out, and opens too short
        dialog.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        dialog.setResizable(true);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(Bindings.createBooleanBinding(() -> !vm.problemBinding().get().isEmpty(), vm.problemBinding()));
        dialog.setResultConverter(b -> b == ButtonType.OK ? vm.specBinding().get() : null);
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
    }

    private static Label wrapped(javafx.beans.value.ObservableValue<String> text) {
        Label l = Widgets.wrapping(text);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.managedProperty());
        return l;
    }

    /** Shows the chooser and waits; the chosen spec, or empty when cancelled. */
    public Optional<String> showAndWait() {
        return dialog.showAndWait();
    }
}
