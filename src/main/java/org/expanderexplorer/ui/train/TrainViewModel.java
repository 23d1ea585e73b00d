package org.expanderexplorer.ui.train;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.data.NoiseSpec;
import org.expanderexplorer.core.model.CellType;
import org.expanderexplorer.core.model.TrainingJob;
import org.expanderexplorer.core.model.TrainingRequest;
import org.expanderexplorer.ui.document.DialogService;
import org.expanderexplorer.ui.task.UiExecutor;

/**
 * The training dialog's state: the architecture and data chosen (and the optimiser settings of
 * {@link TrainingViewModel}), and a running training's progress (epoch, batch, loss, accuracy, time left) with
 * cancellation. A cancelled or failed training changes nothing else: the window keeps the model it had, and the
 * dialog can start another training at once.
 */
public final class TrainViewModel extends TrainingViewModel {

    private final ObjectProperty<CellType> cell = new SimpleObjectProperty<>(CellType.LSTM);
    private final IntegerProperty hidden = new SimpleIntegerProperty(32);
    private final IntegerProperty layers = new SimpleIntegerProperty(1);
    private final StringProperty data = new SimpleStringProperty("digits8");
    /** Noise SNR in dB as typed; blank for clean data. The noise seed is the training seed (as in the CLI). */
    private final StringProperty noiseSnr = new SimpleStringProperty("");

    public TrainViewModel(UiExecutor executor, DialogService dialogs) {
        super(executor, dialogs, "Training", 10);
    }

    /** The request the form describes. */
    public TrainingRequest request() {
        return new TrainingRequest(cell.get(), hidden.get(), layers.get(), data.get(), epochsProperty().get(),
                seedProperty().get(), batchProperty().get(), learningRate(), null,
                subsetProperty().get() ? SUBSET : null, noise());
    }

    /** The noise the form asks for: null when the SNR field is blank; a bad number is refused with one line. */
    private NoiseSpec noise() {
        String text = noiseSnr.get() == null ? "" : noiseSnr.get().strip();
        if (text.isEmpty()) {
            return null;
        }
        double db;
        try {
            db = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new BadInputException("the noise SNR must be a number of dB or blank for clean data, got '" + text
                    + "'");
        }
        return new NoiseSpec(db, seedProperty().get());
    }

    /**
     * Starts training in the background.
     *
     * @param onDone receives the trained model (UI thread)
     */
    public void start(Consumer<TrainingJob.Trained> onDone) {
        TrainingRequest r;
        try {
            r = request();
        } catch (RuntimeException e) {
            refuse(e.getMessage());
            return;
        }
        run("Loading " + r.dataSpec() + " ...",
                () -> TrainingJob.run(r, TrainingJob.trainingData(r), this::onProgress, this::cancelRequested),
                t -> String.format(Locale.ROOT, "Done: test accuracy %.2f %% in %.0f s.", 100 * t.eval().accuracy(),
                        t.training().seconds()), onDone);
    }

    public ObjectProperty<CellType> cellProperty() {
        return cell;
    }

    public IntegerProperty hiddenProperty() {
        return hidden;
    }

    public IntegerProperty layersProperty() {
        return layers;
    }

    public StringProperty dataProperty() {
        return data;
    }

    /** Noise SNR in dB as text; blank for clean data. */
    public StringProperty noiseSnrProperty() {
        return noiseSnr;
    }
}
