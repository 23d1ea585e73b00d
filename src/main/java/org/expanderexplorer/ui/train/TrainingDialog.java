package org.expanderexplorer.ui.train;

import java.util.function.BooleanSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableNumberValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.expanderexplorer.ui.common.StyleClasses;

/**
 * The frame shared by the training and fine-tuning dialogs: a form, a progress bar with a progress line, and
 * Start / Cancel / Close. The form and Start are disabled while a training runs; Cancel only then.
 */
public final class TrainingDialog {

    private final Stage stage = new Stage();
    private final Button start;
    private final Button cancel;
    private final Button close = new Button("Close");
    private final Label text = new Label();
    private BooleanSupplier mayClose = () -> true;

    TrainingDialog(Window owner, String title, Node form, String startText, String cancelText,
                   ObservableNumberValue progress, ObservableStringValue progressText, ObservableBooleanValue running) {
        cancel = new Button(cancelText);
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(title);
        form.disableProperty().bind(running);
        ProgressBar bar = new ProgressBar();
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(progress);
        text.getStyleClass().add(StyleClasses.STATUS_TEXT);
        text.setWrapText(true);
        text.textProperty().bind(progressText);
        start = new Button(startText);
        start.setDefaultButton(true);
        start.disableProperty().bind(running);
        cancel.disableProperty().bind(Bindings.not(running));
        close.setCancelButton(true);
        close.setOnAction(e -> {
            if (mayClose.getAsBoolean()) {
                stage.close();
            }
        });
        stage.setOnCloseRequest(e -> {
            if (!mayClose.getAsBoolean()) {
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

    static Spinner<Integer> spinner(String id, int min, int max, IntegerProperty value) {
        Spinner<Integer> s = new Spinner<>(min, max, value.get());
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(110);
        s.valueProperty().addListener((o, a, b) -> value.set(b));
        value.addListener((o, a, b) -> s.getValueFactory().setValue(b.intValue()));
        return s;
    }

    /** What Start does, once {@code mayStart} agrees (it may ask the user). */
    void onStart(BooleanSupplier mayStart, Runnable action) {
        start.setOnAction(e -> {
            if (mayStart.getAsBoolean()) {
                action.run();
            }
        });
    }

    void onCancel(Runnable action) {
        cancel.setOnAction(e -> action.run());
    }

    /** Decides whether Close or the window's close button may close the dialog. */
    void onCloseRequest(BooleanSupplier decision) {
        this.mayClose = decision;
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    void close() {
        stage.close();
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
