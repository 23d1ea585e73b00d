package org.expanderexplorer.ui.train;

import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.expanderexplorer.ui.common.StyleClasses;
import org.expanderexplorer.ui.common.Widgets;

/**
 * The frame shared by the training and fine-tuning dialogs: a form, a progress bar with a progress line, and
 * Start / Cancel / Close. The form and Start are disabled while a training runs; Cancel only then.
 */
public final class TrainingDialog {

    private final Stage stage = new Stage();
    private final Button start;
    private final Button cancel;
    private final Button close = new Button("Close");
    private final Label text;

    /**
     * @param vm         the training's state: progress, cancellation, whether the dialog may close
     * @param mayStart   asked when Start is pressed (it may ask the user)
     * @param startWork  starts the training; it is given what closes this dialog (once the training is done)
     */
    TrainingDialog(Window owner, String title, Node form, String startText, String cancelText, TrainingViewModel vm,
                   BooleanSupplier mayStart, Consumer<Runnable> startWork) {
        cancel = new Button(cancelText);
        var running = vm.runningProperty();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(title);
        form.disableProperty().bind(running);
        ProgressBar bar = new ProgressBar();
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        text = Widgets.wrapping(vm.progressTextProperty());
        text.getStyleClass().add(StyleClasses.STATUS_TEXT);
        start = new Button(startText);
        start.setDefaultButton(true);
        start.disableProperty().bind(running);
        cancel.disableProperty().bind(Bindings.not(running));
        start.setOnAction(e -> {
            if (mayStart.getAsBoolean()) {
                startWork.accept(stage::close);
            }
        });
        cancel.setOnAction(e -> vm.cancel());
        close.setCancelButton(true);
        close.setOnAction(e -> {
            if (vm.requestClose()) {
                stage.close();
            }
        });
        stage.setOnCloseRequest(e -> {
            if (!vm.requestClose()) {
                e.consume();
            }
        });
        VBox root = new VBox(12, form, bar, text, new HBox(8, start, cancel, close));
        root.setStyle("-fx-padding: 16;");
        root.setPrefWidth(480);
        Scene scene = new Scene(root);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
            root.getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
        }
        stage.setScene(scene);
    }

    /**
     * Adds the rows both dialogs share, from {@code row} on: epochs, batch size, learning rate, seed, and the
     * training subset.
     */
    static void addOptimiserRows(GridPane form, int row, TrainingViewModel vm) {
        TextField lr = new TextField();
        lr.setId("learning-rate");
        lr.textProperty().bindBidirectional(vm.learningRateProperty());
        lr.setPrefColumnCount(8);
        CheckBox subset = new CheckBox(String.format(Locale.ROOT, "train on a %,d-example subset (faster)",
                TrainingViewModel.SUBSET));
        subset.selectedProperty().bindBidirectional(vm.subsetProperty());
        form.addRow(row, new Label("epochs"), spinner("epochs", 1, 200, vm.epochsProperty()));
        form.addRow(row + 1, new Label("batch size"), spinner("batch", 1, 4096, vm.batchProperty()));
        form.addRow(row + 2, new Label("learning rate (Adam)"), lr);
        form.addRow(row + 3, new Label("seed"), spinner("seed", 0, Integer.MAX_VALUE, vm.seedProperty()));
        form.add(subset, 1, row + 4);
    }

    static Spinner<Integer> spinner(String id, int min, int max, IntegerProperty value) {
        Spinner<Integer> s = new Spinner<>(min, max, value.get());
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(110);
        s.valueProperty().addListener((o, a, b) -> value.set(b));
        value.addListener((o, a, b) -> s.getValueFactory().setValue(b.intValue()));
        return s;
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    /** The dialog's window. */
    public Stage stage() {
        return stage;
    }

    /** The progress line. */
    public Label progressLine() {
        return text;
    }

    public Button startButton() {
        return start;
    }

    public Button cancelButton() {
        return cancel;
    }

    public Button closeButton() {
        return close;
    }
}
