package org.expanderexplorer.ui.train;

import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.expanderexplorer.core.model.CellType;
import org.expanderexplorer.core.model.TrainingJob;
import org.expanderexplorer.ui.common.StyleClasses;

/** The "Train a new model" dialog: architecture, data and epochs, then a progress bar with live loss and accuracy. */
public final class TrainDialog {

    private final Stage stage = new Stage();

    public TrainDialog(Window owner, TrainViewModel vm, Consumer<TrainingJob.Trained> onDone) {
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Train a new model");
        ComboBox<CellType> cell = new ComboBox<>();
        cell.getItems().setAll(CellType.values());
        cell.valueProperty().bindBidirectional(vm.cellProperty());
        Spinner<Integer> hidden = spinner(1, 2048, vm.hiddenProperty().get());
        hidden.valueProperty().addListener((o, a, b) -> vm.hiddenProperty().set(b));
        Spinner<Integer> layers = spinner(1, 2, vm.layersProperty().get());
        layers.valueProperty().addListener((o, a, b) -> vm.layersProperty().set(b));
        ComboBox<String> data = new ComboBox<>();
        data.getItems().setAll("digits8", "mnist", "fashion");
        data.setEditable(true);
        data.valueProperty().bindBidirectional(vm.dataProperty());
        Spinner<Integer> epochs = spinner(1, 200, vm.epochsProperty().get());
        epochs.valueProperty().addListener((o, a, b) -> vm.epochsProperty().set(b));
        Spinner<Integer> seed = spinner(0, Integer.MAX_VALUE, vm.seedProperty().get());
        seed.valueProperty().addListener((o, a, b) -> vm.seedProperty().set(b));
        TextField noise = new TextField();
        noise.setPromptText("blank: clean");
        noise.setPrefWidth(110);
        noise.textProperty().bindBidirectional(vm.noiseSnrProperty());
        Tooltip.install(noise, new Tooltip("White Gaussian noise at this SNR (dB) on every input sequence: on the "
                + "waveform for speech, on the [0, 1] pixels for images; seeded by the seed below"));
        CheckBox subset = new CheckBox("train on a 5,000-example subset (faster)");
        subset.selectedProperty().bindBidirectional(vm.lightSubsetProperty());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("architecture"), cell);
        form.addRow(1, new Label("hidden units"), hidden);
        form.addRow(2, new Label("recurrent layers"), layers);
        form.addRow(3, new Label("data set"), data);
        form.addRow(4, new Label("noise SNR (dB)"), noise);
        form.addRow(5, new Label("epochs"), epochs);
        form.addRow(6, new Label("seed"), seed);
        form.add(subset, 1, 7);
        form.disableProperty().bind(vm.runningProperty());

        ProgressBar bar = new ProgressBar();
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        Label text = new Label();
        text.getStyleClass().add(StyleClasses.STATUS_TEXT);
        text.setWrapText(true);
        text.textProperty().bind(vm.progressTextProperty());
        Button start = new Button("Train");
        start.setDefaultButton(true);
        start.disableProperty().bind(vm.runningProperty());
        start.setOnAction(e -> vm.start(trained -> {
            onDone.accept(trained);
            stage.close();
        }));
        Button cancel = new Button("Cancel training");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> {
            vm.cancel();
            stage.close();
        });
        stage.setOnCloseRequest(e -> vm.cancel());
        VBox root = new VBox(12, form, bar, text, new HBox(8, start, cancel, close));
        root.setStyle("-fx-padding: 16;");
        root.setPrefWidth(460);
        Scene scene = new Scene(root);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
            root.getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
        }
        stage.setScene(scene);
    }

    private static Spinner<Integer> spinner(int min, int max, int value) {
        Spinner<Integer> s = new Spinner<>(min, max, value);
        s.setEditable(true);
        s.setPrefWidth(110);
        return s;
    }

    public void show() {
        stage.show();
    }
}
