package org.expanderexplorer.ui.task;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Runs work and callbacks immediately on the calling thread: for ViewModel tests without a toolkit. Work that ends
 * in a {@link CancellationException} reaches neither callback, exactly as with {@link FxExecutor} (so a ViewModel
 * that must report its own cancellation is tested as it runs in the window).
 */
public final class SameThreadExecutor implements UiExecutor {

    @Override
    public <T> Handle submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (CancellationException | InterruptedException e) {
            return DONE; // superseded or cancelled: nobody waits for this result
        } catch (Exception | Error e) {
            onFailure.accept(e);
            return DONE;
        }
        onSuccess.accept(result);
        return DONE;
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }

    private static final Handle DONE = new Handle() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isDone() {
            return true;
        }
    };
}
