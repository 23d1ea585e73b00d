package org.expanderexplorer.ui.train;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.data.NoiseSpec;
import org.expanderexplorer.core.model.CellType;
import org.expanderexplorer.core.model.TrainingJob;
import org.expanderexplorer.core.model.TrainingProgress;
import org.expanderexplorer.core.model.TrainingRequest;
import org.expanderexplorer.ui.task.UiExecutor;

/**
 * The training dialog's state: the architecture and data chosen, and a running training's progress (epoch,
 * batch, loss, accuracy, time left) with cancellation. A cancelled or failed training changes nothing else: the
 * window keeps the model it had.
 */
public final class TrainViewModel {

    private final UiExecutor executor;
    private final ObjectProperty<CellType> cell = new SimpleObjectProperty<>(CellType.LSTM);
    private final IntegerProperty hidden = new SimpleIntegerProperty(32);
    private final IntegerProperty layers = new SimpleIntegerProperty(1);
    private final StringProperty data = new SimpleStringProperty("digits8");
    private final IntegerProperty epochs = new SimpleIntegerProperty(10);
    private final IntegerProperty seed = new SimpleIntegerProperty(1);
    private final BooleanProperty lightSubset = new SimpleBooleanProperty();
    /** Noise SNR in dB as typed; blank for clean data. The noise seed is the training seed (as in the CLI). */
    private final StringProperty noiseSnr = new SimpleStringProperty("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final AtomicBoolean cancel = new AtomicBoolean();
    private volatile long lastUpdate;

    public TrainViewModel(UiExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** The request the form describes. */
    public TrainingRequest request() {
        return new TrainingRequest(cell.get(), hidden.get(), layers.get(), data.get(), epochs.get(), seed.get(),
                64, 1e-3, null, lightSubset.get() ? 5000 : null, noise());
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
        return new NoiseSpec(db, seed.get());
    }

    /**
     * Starts training in the background.
     *
     * @param onDone receives the trained model (UI thread)
     */
    public void start(Consumer<TrainingJob.Trained> onDone) {
        if (running.get()) {
            return;
        }
        TrainingRequest r;
        try {
            r = request();
        } catch (RuntimeException e) {
            progressText.set(e.getMessage());
            return;
        }
        cancel.set(false);
        running.set(true);
        progress.set(0);
        progressText.set("Loading " + r.dataSpec() + " ...");
        executor.submit(() -> TrainingJob.run(r, TrainingJob.trainingData(r), this::onProgress, cancel::get),
                trained -> {
                    running.set(false);
                    progress.set(1);
                    progressText.set(String.format(Locale.ROOT, "Done: test accuracy %.2f %% in %.0f s.",
                            100 * trained.eval().accuracy(), trained.training().seconds()));
                    onDone.accept(trained);
                }, e -> {
                    running.set(false);
                    progressText.set(e instanceof CancellationException ? "Cancelled; the window keeps its model."
                            : "Training failed: " + e.getMessage());
                });
    }

    private void onProgress(TrainingProgress p) {
        long now = System.nanoTime();
        if (now - lastUpdate < 100_000_000L && p.batch() != p.batches()) {
            return; // at most ten updates a second reach the UI thread
        }
        lastUpdate = now;
        String text = format(p);
        double f = p.fractionDone();
        executor.onUiThread(() -> {
            progress.set(f);
            progressText.set(text);
        });
    }

    static String format(TrainingProgress p) {
        double eta = p.etaSeconds();
        return String.format(Locale.ROOT, "epoch %d/%d, batch %d/%d: loss %.4f, accuracy %.2f %%, %s left",
                p.epoch(), p.epochs(), p.batch(), p.batches(), p.epochLoss(), 100 * p.epochAccuracy(),
                Double.isNaN(eta) ? "?" : String.format(Locale.ROOT, "%d:%02d", (long) eta / 60, (long) eta % 60));
    }

    /** Asks a running training to stop before its next mini-batch. */
    public void cancel() {
        cancel.set(true);
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

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public BooleanProperty lightSubsetProperty() {
        return lightSubset;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
