package org.expanderexplorer.ui.train;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.expanderexplorer.core.model.CellType;
import org.expanderexplorer.core.model.TrainingJob;
import org.expanderexplorer.ui.common.Widgets;

/**
 * The "Train a new model" dialog: architecture, data, epochs, batch size, learning rate and seed, then a progress
 * bar with live loss and accuracy. Cancel stops the training and leaves the dialog ready for another; closing
 * the dialog while training runs asks first.
 */
public final class TrainView {

    private final TrainingDialog dialog;

    /**
     * @param mayReplace asked before training starts: whether the trained model may replace the open document
     * @param onDone     receives the trained model; the dialog closes then
     */
    public TrainView(Window owner, TrainViewModel vm, BooleanSupplier mayReplace,
                     Consumer<TrainingJob.Trained> onDone) {
        ComboBox<CellType> cell = new ComboBox<>();
        cell.getItems().setAll(CellType.values());
        cell.valueProperty().bindBidirectional(vm.cellProperty());
        ComboBox<String> data = new ComboBox<>();
        data.getItems().setAll("digits8", "mnist", "fashion");
        data.setEditable(true);
        data.valueProperty().bindBidirectional(vm.dataProperty());
        data.setPromptText("mnist, digits8, fashion, cifar10:DIR, speech:DIR");
        GridPane form = Widgets.form();
        cell.setId("architecture");
        data.setId("data-set");
        form.addRow(0, new Label("architecture"), cell);
        form.addRow(1, new Label("hidden units"), TrainingDialog.spinner("hidden", 1, 2048, vm.hiddenProperty()));
        form.addRow(2, new Label("recurrent layers"), TrainingDialog.spinner("layers", 1, 2, vm.layersProperty()));
        form.addRow(3, new Label("data set"), data);
        TextField noise = new TextField();
        noise.setId("noise-snr");
        noise.setPromptText("blank: clean");
        noise.textProperty().bindBidirectional(vm.noiseSnrProperty());
        noise.setTooltip(new Tooltip("White Gaussian noise at this SNR (dB) on every input sequence: on the waveform "
                + "for speech, on the [0, 1] pixels for images; seeded by the training seed"));
        form.addRow(4, new Label("noise SNR (dB)"), noise);
        TrainingDialog.addOptimiserRows(form, 5, vm);
        dialog = new TrainingDialog(owner, "Train a new model", form, "Train", "Cancel training", vm, mayReplace,
                close -> vm.start(trained -> {
                    onDone.accept(trained);
                    close.run();
                }));
    }

    public void show() {
        dialog.show();
    }

    /** The dialog's window (for tests). */
    public TrainingDialog dialog() {
        return dialog;
    }
}
