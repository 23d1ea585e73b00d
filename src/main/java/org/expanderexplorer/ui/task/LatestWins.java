package org.expanderexplorer.ui.task;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * "Latest wins" for slider-driven work: at most one computation runs at a time; requests that arrive meanwhile
 * replace each other, and only the newest one runs next. So a fast drag never queues up work, every result shown
 * is a real, exact one for some slider position, and the last one shown is always for the last position.
 *
 * <p>All methods are called on the UI thread; callbacks arrive on it too.
 *
 * @param <R> request (e.g. the slider value and settings)
 * @param <T> result
 */
public final class LatestWins<R, T> {

    private final UiExecutor executor;
    private final Function<R, T> work;
    private final BiConsumer<R, T> deliver;
    private final Consumer<Throwable> onError;
    private R pending;
    private boolean running;
    private R lastRequested;

    /**
     * @param executor where the work runs
     * @param work     the computation (runs off the UI thread)
     * @param deliver  receives each finished request and its result (UI thread)
     * @param onError  receives failures (UI thread)
     */
    public LatestWins(UiExecutor executor, Function<R, T> work, BiConsumer<R, T> deliver, Consumer<Throwable> onError) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.work = Objects.requireNonNull(work, "work");
        this.deliver = Objects.requireNonNull(deliver, "deliver");
        this.onError = Objects.requireNonNull(onError, "onError");
    }

    /** Asks for {@code request}; supersedes any request not yet started. */
    public void request(R request) {
        Objects.requireNonNull(request, "request");
        lastRequested = request;
        if (running) {
            pending = request;
            return;
        }
        start(request);
    }

    /** True while a computation runs or waits. */
    public boolean isBusy() {
        return running || pending != null;
    }

    /** The newest request made. */
    public R lastRequested() {
        return lastRequested;
    }

    private void start(R request) {
        running = true;
        executor.submit(() -> work.apply(request), result -> {
            running = false;
            try {
                deliver.accept(request, result);
            } finally {
                startPending();
            }
        }, error -> {
            running = false;
            try {
                onError.accept(error);
            } finally {
                startPending();
            }
        });
    }

    private void startPending() {
        R next = pending;
        pending = null;
        if (next != null) {
            start(next);
        }
    }
}
