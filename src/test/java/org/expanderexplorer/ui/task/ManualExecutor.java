package org.expanderexplorer.ui.task;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * An executor whose work runs only when the test says so, in the order it came, to model slow computations; UI
 * actions run at once. Work that ends in a cancellation is dropped, as {@link SameThreadExecutor} does.
 */
public final class ManualExecutor implements UiExecutor {

    private final Deque<Runnable> inFlight = new ArrayDeque<>();
    private final SameThreadExecutor inPlace = new SameThreadExecutor();
    /** Work submitted so far. */
    public int started;

    @Override
    public <T> Handle submit(Callable<T> work, Consumer<? super T> ok, Consumer<? super Throwable> fail) {
        started++;
        inFlight.add(() -> inPlace.submit(work, ok, fail));
        return new Handle() {
            @Override
            public void cancel() {
            }

            @Override
            public boolean isDone() {
                return false;
            }
        };
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }

    /** Work submitted and not yet run. */
    public int pending() {
        return inFlight.size();
    }

    /** Runs the oldest waiting work. */
    public void finishOne() {
        inFlight.remove().run();
    }

    /** Runs waiting work, including what it submits, until none is left. */
    public void finishAll() {
        while (!inFlight.isEmpty()) {
            finishOne();
        }
    }
}
