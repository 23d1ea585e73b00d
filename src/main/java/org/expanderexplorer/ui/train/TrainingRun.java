package org.expanderexplorer.ui.train;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.expanderexplorer.core.model.TrainingProgress;
import org.expanderexplorer.ui.common.ErrorMessages;
import org.expanderexplorer.ui.document.DialogService;
import org.expanderexplorer.ui.task.UiExecutor;

/**
 * One training at a time in the background, shared by the training and fine-tuning dialogs: progress (at most ten
 * updates a second), cancellation that always ends in a usable, idle state saying "Cancelled", and a question
 * before a dialog closes over a running training.
 */
final class TrainingRun {

    private final UiExecutor executor;
    private final DialogService dialogs;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final AtomicBoolean cancel = new AtomicBoolean();
    private volatile long lastUpdate;

    TrainingRun(UiExecutor executor, DialogService dialogs) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
    }

    /**
     * Runs {@code work} in the background unless a run is going on.
     *
     * @param starting the text shown at the start
     * @param work     the training; polls {@link #cancelRequested()} and reports through {@link #onProgress}
     * @param doneText the text shown after success
     * @param onDone   receives the result (UI thread)
     */
    <T> void start(String starting, Callable<T> work, Function<T, String> doneText, Consumer<T> onDone) {
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
    void onProgress(TrainingProgress p) {
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
    boolean cancelRequested() {
        return cancel.get();
    }

    /** Asks a running training to stop before its next mini-batch. */
    void cancel() {
        if (running.get()) {
            cancel.set(true);
            text.set("Cancelling...");
        }
    }

    /** Shows a problem with the form (nothing runs). */
    void refuse(String problem) {
        text.set(problem);
    }

    /**
     * Whether the dialog may close: at once when nothing runs, else only when the user agrees to stop the
     * training (which is then cancelled).
     */
    boolean requestClose(String what) {
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

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
