package org.expanderexplorer.ui.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where ViewModels send work: the computation runs off the JavaFX thread and its result comes back on it.
 * The window uses {@link FxExecutor}; ViewModel tests use {@link SameThreadExecutor}, which needs no toolkit.
 */
public interface UiExecutor {

    /**
     * Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the UI thread.
     *
     * @return a handle that can cancel the work (best effort: interrupts it)
     */
    <T> Handle submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Runs {@code action} on the UI thread (later, or now in tests). */
    void onUiThread(Runnable action);

    /** Cancels submitted work. */
    interface Handle {
        void cancel();

        boolean isDone();
    }
}
