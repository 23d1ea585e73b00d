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

    /**
     * Runs {@code task} in the background for its effects alone (no result, nothing on the UI thread): a helper of
     * work already running, which may start late.
     */
    default void background(Runnable task) {
        submit(() -> {
            task.run();
            return null;
        }, x -> { }, e -> { });
    }

    /** Runs {@code action} on the UI thread (later, or now in tests). */
    void onUiThread(Runnable action);

    /** Cancels submitted work. */
    interface Handle {
        void cancel();

        boolean isDone();
    }
}
