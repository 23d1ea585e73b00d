package org.expanderexplorer.ui.train;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.model.TrainingConfig;
import org.expanderexplorer.core.model.TrainingProgress;
import org.expanderexplorer.ui.common.ErrorMessages;
import org.expanderexplorer.ui.document.DialogService;
import org.expanderexplorer.ui.task.UiExecutor;

/**
 * What the training and fine-tuning dialogs share: the optimiser settings (epochs, batch size, learning rate,
 * seed, an optional training subset), and one training at a time in the background with progress (at most ten
 * updates a second), cancellation that always ends in a usable, idle state saying "Cancelled", and a question
 * before a dialog closes over a running training.
 */
public abstract class TrainingViewModel {

    /** Examples of the optional training subset. */
    public static final int SUBSET = 5000;

    private final UiExecutor executor;
    private final DialogService dialogs;
    private final String what;
    private final IntegerProperty epochs;
    private final IntegerProperty batch = new SimpleIntegerProperty(TrainingConfig.DEFAULT_BATCH);
    private final StringProperty learningRate = new SimpleStringProperty("0.001");
    private final IntegerProperty seed = new SimpleIntegerProperty(1);
    private final BooleanProperty subset = new SimpleBooleanProperty();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final AtomicBoolean cancel = new AtomicBoolean();
    private volatile long lastUpdate;

    /**
     * @param what   what runs, for questions and messages ("Training", "Fine-tuning")
     * @param epochs the form's initial epochs
     */
    TrainingViewModel(UiExecutor executor, DialogService dialogs, String what, int epochs) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.what = Objects.requireNonNull(what, "what");
        this.epochs = new SimpleIntegerProperty(epochs);
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

    /** The learning rate as typed, parsed (a {@link BadInputException} says what is wrong). */
    double learningRate() {
        return parseRate(learningRate.get());
    }

    /**
     * Runs {@code work} in the background unless a run is going on.
     *
     * @param starting the text shown at the start
     * @param work     the training; polls {@link #cancelRequested()} and reports through {@link #onProgress}
     * @param doneText the text shown after success
     * @param onDone   receives the result (UI thread)
     */
    final <T> void run(String starting, Callable<T> work, Function<T, String> doneText, Consumer<T> onDone) {
        if (running.get()) {
            return;
        }
        cancel.set(false);
        running.set(true);
        progress.set(0);
        lastUpdate = 0;
        text.set(starting);
        // the executors drop a CancellationException (nobody waits for superseded work), but a cancelled training
        // must end in a visible state: it is turned into an empty result here
        executor.submit(() -> {
            try {
                return java.util.Optional.of(work.call());
            } catch (CancellationException e) {
                return java.util.Optional.<T>empty();
            }
        }, result -> {
            running.set(false);
            if (result.isEmpty()) {
                progress.set(0);
                text.set("Cancelled; the window keeps its model.");
                return;
            }
            progress.set(1);
            text.set(doneText.apply(result.get()));
            onDone.accept(result.get());
        }, e -> {
            running.set(false);
            progress.set(0);
            text.set("Failed: " + ErrorMessages.of(e));
        });
    }

    /** Shows a training's progress (called on the training thread). */
    final void onProgress(TrainingProgress p) {
        long now = System.nanoTime();
        if (lastUpdate != 0 && now - lastUpdate < 100_000_000L && p.batch() != p.batches()) {
            return; // at most ten updates a second reach the UI thread
        }
        lastUpdate = now;
        String t = format(p);
        double f = p.fractionDone();
        executor.onUiThread(() -> {
            if (running.get() && !cancel.get()) {
                progress.set(f);
                text.set(t);
            }
        });
    }

    static String format(TrainingProgress p) {
        double eta = p.etaSeconds();
        return String.format(Locale.ROOT, "epoch %d/%d, batch %d/%d: loss %.4f, accuracy %.2f %%, %s left",
                p.epoch(), p.epochs(), p.batch(), p.batches(), p.epochLoss(), 100 * p.epochAccuracy(),
                Double.isNaN(eta) ? "?" : String.format(Locale.ROOT, "%d:%02d", (long) eta / 60, (long) eta % 60));
    }

    /** True once cancellation was asked for (polled by the training before each mini-batch). */
    final boolean cancelRequested() {
        return cancel.get();
    }

    /** Asks a running training to stop before its next mini-batch. */
    public final void cancel() {
        if (running.get()) {
            cancel.set(true);
            text.set("Cancelling...");
        }
    }

    /** Shows a problem with the form (nothing runs). */
    final void refuse(String problem) {
        text.set(problem);
    }

    /**
     * Whether the dialog may close: at once when nothing runs, else only when the user agrees to stop the
     * training (which is then cancelled).
     */
    public final boolean requestClose() {
        if (!running.get()) {
            return true;
        }
        if (dialogs.confirm(what + " is running", "Closing this dialog stops the " + what.toLowerCase(Locale.ROOT)
                + ". Stop it?", "Stop " + what.toLowerCase(Locale.ROOT))) {
            cancel();
            return true;
        }
        return false;
    }

    public final IntegerProperty epochsProperty() {
        return epochs;
    }

    /** Mini-batch size. */
    public final IntegerProperty batchProperty() {
        return batch;
    }

    /** Adam learning rate, as typed. */
    public final StringProperty learningRateProperty() {
        return learningRate;
    }

    /** Seed of the initialisation (training) and of the shuffling. */
    public final IntegerProperty seedProperty() {
        return seed;
    }

    /** Train on a seeded subset of {@link #SUBSET} examples (faster on MNIST). */
    public final BooleanProperty subsetProperty() {
        return subset;
    }

    public final ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public final ReadOnlyStringProperty progressTextProperty() {
        return text.getReadOnlyProperty();
    }

    public final ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
