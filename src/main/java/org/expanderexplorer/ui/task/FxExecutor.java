package org.expanderexplorer.ui.task;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Background threads for computation, results delivered with {@link Platform#runLater}. The pool is small (the
 * machines this runs on have few cores and the numeric libraries use their own threads), runs at a lower
 * operating-system priority than the UI threads ({@link BackgroundPriority}), and is daemon, so a closing window
 * never waits for it.
 */
public final class FxExecutor implements UiExecutor, AutoCloseable {

    private final ExecutorService pool;

    public FxExecutor(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(() -> {
                BackgroundPriority.lowerCurrentThread();
                r.run();
            }, "explorer-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
    }

    @Override
    public <T> Handle submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        Future<?> f = pool.submit(() -> {
            try {
                T result = work.call();
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (CancellationException | InterruptedException e) {
                // superseded or cancelled: nobody waits for this result
            } catch (Exception | Error e) {
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
        return new Handle() {
            @Override
            public void cancel() {
                f.cancel(true);
            }

            @Override
            public boolean isDone() {
                return f.isDone();
            }
        };
    }

    @Override
    public void onUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
