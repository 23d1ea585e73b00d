package org.expanderexplorer.ui.train;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
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

    public TrainViewModel(UiExecutor executor, DialogService dialogs) {
        super(executor, dialogs, "Training", 10);
    }

    /** The request the form describes. */
    public TrainingRequest request() {
        return new TrainingRequest(cell.get(), hidden.get(), layers.get(), data.get(), epochsProperty().get(),
                seedProperty().get(), batchProperty().get(), learningRate(), null,
                subsetProperty().get() ? SUBSET : null);
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
}
