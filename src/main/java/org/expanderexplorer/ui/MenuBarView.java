package org.expanderexplorer.ui;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.controlsfx.control.SegmentedButton;
import org.expanderexplorer.ui.classroom.ClassroomMode;
import org.expanderexplorer.ui.document.DocumentViewModel;
import org.expanderexplorer.ui.document.ExportsViewModel;
import org.expanderexplorer.ui.document.OpenedDocument;
import org.expanderexplorer.ui.explorer.ExplorerViewModel;

/**
 * The window's top bar: the menus (File, Edit, Model, View, Classroom, Help) and, on the right, the
 * unweighted | weighted switch. Every item calls a ViewModel command or one of the window's {@link Actions}.
 */
public final class MenuBarView extends HBox {

    /**
     * What the window does for the menus beyond the ViewModels' commands.
     *
     * @param train        opens the training dialog
     * @param fineTune     opens the fine-tuning dialog
     * @param exportReport asks for a folder and writes the report
     * @param fitGraph     fits the graph to its view
     * @param dark         switches the dark theme
     * @param quit         closes the window (after asking about unsaved work)
     * @param owner        the window, for the About box
     */
    public record Actions(Runnable train, Runnable fineTune, Runnable exportReport, Runnable fitGraph,
                          Consumer<Boolean> dark, Runnable quit, Supplier<Window> owner) {
    }

    public MenuBarView(DocumentViewModel documents, ExportsViewModel exports, ExplorerViewModel explorer,
                       ClassroomMode classroom, Actions actions) {
        Objects.requireNonNull(actions, "actions");
        MenuBar bar = new MenuBar(file(documents, exports, actions), edit(explorer, classroom),
                model(documents, actions), view(explorer, actions), classroom.menu(), help(actions));
        HBox.setHgrow(bar, Priority.ALWAYS);
        getStyleClass().add("menu-bar"); // one bar across the window, the switch on it
        bar.setStyle("-fx-background-color: transparent; -fx-padding: 0;");
        SegmentedButton representation = representation(explorer);
        representation.setStyle("-fx-padding: 2 8 2 0;");
        representation.setMinWidth(Region.USE_PREF_SIZE);
        // the classroom has its own weighted view (its side panel): this switch is the explorer's
        representation.visibleProperty().bind(classroom.activeProperty().not());
        getChildren().addAll(bar, representation);
    }

    private static Menu file(DocumentViewModel documents, ExportsViewModel exports, Actions actions) {
        MenuItem saveModel = item("Save model...", "Shortcut+Shift+S", exports::saveModel);
        saveModel.disableProperty().bind(documents.unsavedProperty().not());
        Menu file = new Menu("File");
        file.getItems().addAll(item("Open model, matrix or session...", "Shortcut+O", documents::chooseAndOpen),
                item("Open sample LSTM (sequential MNIST)", null,
                        () -> documents.openSample(OpenedDocument.DEFAULT_SAMPLE)),
                item("Open sample RNN (sequential MNIST)", null, () -> documents.openSample("smnist-rnn128.zip")),
                item("Open classroom RNN (8 x 8 digits)", null, () -> documents.openSample("digits8-rnn12.zip")),
                new SeparatorMenuItem(),
                item("Save session...", "Shortcut+S", exports::saveSession), saveModel,
                item("Export pruned model (.zip, .pt, .npz, .safetensors, .onnx; masks, JSON)...", "Shortcut+Shift+E",
                        exports::exportPrunedModel),
                item("Export shown graph (GraphML, GEXF, DOT, JSON)...", "Shortcut+Shift+G", exports::exportShownGraph),
                item("Export report folder (all panels: PNG, SVG, CSV)...", "Shortcut+E", actions.exportReport()),
                new SeparatorMenuItem(), item("Quit", "Shortcut+Q", actions.quit()));
        return file;
    }

    private static Menu edit(ExplorerViewModel explorer, ClassroomMode classroom) {
        MenuItem undo = item("Undo (slider move, or classroom step)", "Shortcut+Z", () -> {
            if (classroom.activeProperty().get()) {
                classroom.undo();
            } else if (!explorer.undoSliderMove()) {
                explorer.setStatus("Nothing to undo.");
            }
        });
        MenuItem redo = item("Redo classroom step", "Shortcut+Y", classroom::redo);
        redo.disableProperty().bind(classroom.activeProperty().not());
        Menu edit = new Menu("Edit");
        edit.getItems().addAll(undo, redo);
        return edit;
    }

    private static Menu model(DocumentViewModel documents, Actions actions) {
        Menu model = new Menu("Model");
        model.getItems().addAll(item("Train a new model...", "Shortcut+T", actions.train()),
                item("Choose data set...", "Shortcut+Shift+D", documents::chooseDataSet),
                item("Fine-tune at the current q...", "Shortcut+Shift+T", actions.fineTune()));
        return model;
    }

    private static Menu view(ExplorerViewModel explorer, Actions actions) {
        CheckMenuItem weighted = new CheckMenuItem("Weighted graph (|w|)");
        weighted.setAccelerator(KeyCombination.keyCombination("Shortcut+W"));
        weighted.selectedProperty().bindBidirectional(explorer.weightedProperty());
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+D"));
        dark.selectedProperty().addListener((o, a, b) -> actions.dark().accept(b));
        Menu view = new Menu("View");
        view.getItems().addAll(weighted, dark, item("Fit graph", "Shortcut+F", actions.fitGraph()));
        return view;
    }

    private static Menu help(Actions actions) {
        Menu help = new Menu("Help");
        help.getItems().add(item("About", null, () -> {
            Alert a = new Alert(Alert.AlertType.INFORMATION, "Expander Explorer shows a recurrent network's layers "
                    + "as bipartite graphs and how pruning changes their spectrum, Ramanujan gaps and expansion."
                    + " Hover any number in the strip at the bottom for its definition.");
            a.setHeaderText("Expander Explorer");
            a.initOwner(actions.owner().get());
            a.show();
        }));
        return help;
    }

    /** unweighted | weighted, as one segmented control (Ctrl+W toggles it too). */
    private static SegmentedButton representation(ExplorerViewModel explorer) {
        ToggleButton unweighted = new ToggleButton("unweighted");
        unweighted.setTooltip(new Tooltip("M = 1[W != 0]: every kept weight is an edge of weight 1."));
        ToggleButton weighted = new ToggleButton("weighted");
        weighted.setTooltip(new Tooltip("M = |W|: degrees, spectrum, Laplacian and cuts use |w|."));
        unweighted.setMinWidth(Region.USE_PREF_SIZE);
        weighted.setMinWidth(Region.USE_PREF_SIZE);
        SegmentedButton seg = new SegmentedButton(unweighted, weighted);
        (explorer.weightedProperty().get() ? weighted : unweighted).setSelected(true);
        seg.getToggleGroup().selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // one of the two is always chosen
            } else {
                explorer.weightedProperty().set(b == weighted);
            }
        });
        explorer.weightedProperty().addListener((o, a, b) -> (b ? weighted : unweighted).setSelected(true));
        return seg;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(e -> action.run());
        return m;
    }
}
