package org.expanderexplorer.ui.train;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.model.CellType;
import org.expanderexplorer.core.model.TrainingConfig;
import org.expanderexplorer.core.model.TrainingJob;
import org.expanderexplorer.core.model.TrainingRequest;
import org.expanderexplorer.ui.document.DialogService;
import org.expanderexplorer.ui.task.UiExecutor;

/**
 * The training dialog's state: the architecture, data and optimiser settings chosen, and a running training's
 * progress (epoch, batch, loss, accuracy, time left) with cancellation. A cancelled or failed training changes
 * nothing else: the window keeps the model it had, and the dialog can start another training at once.
 */
public final class TrainViewModel {

    private final TrainingRun run;
    private final ObjectProperty<CellType> cell = new SimpleObjectProperty<>(CellType.LSTM);
    private final IntegerProperty hidden = new SimpleIntegerProperty(32);
    private final IntegerProperty layers = new SimpleIntegerProperty(1);
    private final StringProperty data = new SimpleStringProperty("digits8");
    private final IntegerProperty epochs = new SimpleIntegerProperty(10);
    private final IntegerProperty seed = new SimpleIntegerProperty(1);
    private final IntegerProperty batch = new SimpleIntegerProperty(TrainingConfig.DEFAULT_BATCH);
    private final StringProperty learningRate = new SimpleStringProperty("0.001");
    private final BooleanProperty lightSubset = new SimpleBooleanProperty();

    public TrainViewModel(UiExecutor executor, DialogService dialogs) {
        this.run = new TrainingRun(executor, dialogs);
    }

    /** The request the form describes. */
    public TrainingRequest request() {
        return new TrainingRequest(cell.get(), hidden.get(), layers.get(), data.get(), epochs.get(), seed.get(),
                batch.get(), parseRate(learningRate.get()), null, lightSubset.get() ? 5000 : null);
    }

    /** Parses a learning rate such as {@code 0.001} or {@code 1e-3}. */
    static double parseRate(String text) {
        try {
            double lr = Double.parseDouble(text.strip());
            if (lr > 0 && lr < 10) {
                return lr;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // refused below
        }
        throw new BadInputException("the learning rate must be a number between 0 and 10, such as 0.001 or 1e-3; "
                + "got '" + text + "'");
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
            run.refuse(e.getMessage());
            return;
        }
        run.start("Loading " + r.dataSpec() + " ...",
                () -> TrainingJob.run(r, TrainingJob.trainingData(r), run::onProgress, run::cancelRequested),
                t -> String.format(Locale.ROOT, "Done: test accuracy %.2f %% in %.0f s.", 100 * t.eval().accuracy(),
                        t.training().seconds()), onDone);
    }

    /** Asks a running training to stop before its next mini-batch. */
    public void cancel() {
        run.cancel();
    }

    /** Whether the dialog may close (asks first while training runs, and then stops it). */
    public boolean requestClose() {
        return run.requestClose("Training");
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

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    /** Mini-batch size. */
    public IntegerProperty batchProperty() {
        return batch;
    }

    /** Adam learning rate, as typed. */
    public StringProperty learningRateProperty() {
        return learningRate;
    }

    public BooleanProperty lightSubsetProperty() {
        return lightSubset;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return run.progressProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return run.textProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return run.runningProperty();
    }
}
