package org.expanderexplorer.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.expanderexplorer.core.drawing.SliderAnalysis;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.PruneSettings;
import org.expanderexplorer.core.subject.Subject;
import org.expanderexplorer.core.sweep.SweepPoint;
import org.expanderexplorer.core.sweep.SweepResult;
import org.expanderexplorer.ui.task.BackgroundPriority;

/**
 * The curves over q of the model the application opens at its start, measured before the window asks for them
 * (decision 0033). At a launch the sample is read on a thread of its own while JavaFX builds the window; the
 * curves can start as soon as it is read, about a second before the window shows it, on the core the window's
 * construction leaves free. {@link #start} measures them on two daemon threads (the lanes of
 * {@link SliderAnalysis#curve}); the application offers them to its window
 * ({@link ExplorerViewModel#offerCurves}), whose first request for curves ({@link CurveChannel}) takes them if it
 * asks for the same subject (the same object), settings and graph, and then publishes the points already
 * measured and the rest as they come, as if it had measured them itself.
 *
 * <p>Any other first request abandons them: the measurement stops at its next point, and the window measures
 * what it asked for. Only the first request looks, so a prefetch is never held past the window's first curves.
 * Thread-safe.
 */
public final class CurvePrefetch {

    private final Subject subject;
    private final PruneSettings settings;
    private final GraphId graph;
    // guarded by this: the points measured so far, in grid order, and how the measurement ended
    private final List<SweepPoint> points = new ArrayList<>();
    private SweepResult result;
    private Throwable failure;
    private volatile boolean abandoned;
    // opened when the window takes the prefetch (or abandons it): until then one lane measures, and the other core is
    // left to the window being built
    private final CountDownLatch taken = new CountDownLatch(1);

    private CurvePrefetch(Subject subject, PruneSettings settings, GraphId graph) {
        this.subject = subject;
        this.settings = settings;
        this.graph = graph;
    }

    /** Starts measuring the curves of {@code s} pruned with {@code settings} for {@code graph}. */
    public static CurvePrefetch start(Subject s, PruneSettings settings, GraphId graph) {
        CurvePrefetch p = new CurvePrefetch(Objects.requireNonNull(s, "subject"),
                Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(graph, "graph"));
        Thread t = new Thread(p::measure, "curve-prefetch");
        t.setDaemon(true);
        t.start();
        return p;
    }

    private void measure() {
        // the second lane: one daemon thread, shut down with the measurement
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "curve-prefetch-lane");
            t.setDaemon(true);
            return t;
        });
        Executor helper = task -> pool.execute(() -> {
            try {
                taken.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // the measuring thread takes the points this lane would have taken
            }
            BackgroundPriority.lowerCurrentThread();
            task.run();
        });
        try {
            SweepResult r = SliderAnalysis.curve(subject, settings, graph, this::add, () -> abandoned,
                    SliderAnalysis.CURVE_LANES, helper);
            synchronized (this) {
                result = r;
                notifyAll();
            }
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                failure = e;
                notifyAll();
            }
        } finally {
            taken.countDown(); // a lane still waiting finds the run over and does nothing
            pool.shutdown();
        }
    }

    private void add(SweepPoint p) {
        // The measuring thread keeps its normal priority to the end; only the second lane runs at the workers' lower
        // one. Lowered once the window took the curves (decision 0033), this thread shared the second core with the
        // first analysis and the charts, and the curves took 3.0-3.5 s; kept, 2.4-3.2 s, and the first analysis is
        // shown about 0.45 s later, so that the whole first screen is complete about a second sooner (decision 0035).
        synchronized (this) {
            points.add(p);
            notifyAll();
        }
    }

    /**
     * This prefetch if it is for {@code s}, {@code settings} and {@code g} (taken: its second lane may start), else
     * null, and it is abandoned.
     */
    CurvePrefetch claim(Subject s, PruneSettings settings, GraphId g) {
        taken.countDown();
        if (subject == s && this.settings.equals(settings) && graph.equals(g)) {
            return this;
        }
        abandon();
        return null;
    }

    /** Stops the measurement at its next point: nobody will take it. */
    void abandon() {
        abandoned = true;
        taken.countDown();
    }

    /** The measured curves, or null while they are being measured (or if the measurement failed). */
    public synchronized SweepResult result() {
        return result;
    }

    /** Whether the measurement was abandoned (an unmatched first request, or its taker cancelled). */
    public boolean abandoned() {
        return abandoned;
    }

    /**
     * Hands the points to {@code onPoint} in grid order, those measured so far at once and the others as they are
     * measured, and returns the result once all are handed on: what {@link SliderAnalysis#curve} would have done
     * on the calling thread.
     *
     * @throws CancellationException when {@code cancelled} says so (checked while waiting; the measurement is then
     *                               abandoned)
     * @throws RuntimeException      what the measurement threw
     */
    SweepResult replay(Consumer<SweepPoint> onPoint, BooleanSupplier cancelled) {
        int handed = 0;
        while (true) {
            List<SweepPoint> next;
            SweepResult done;
            Throwable failed;
            synchronized (this) {
                while (handed == points.size() && result == null && failure == null) {
                    if (cancelled.getAsBoolean()) {
                        abandoned = true;
                        throw new CancellationException("curves superseded");
                    }
                    try {
                        wait(50); // a bounded wait: cancellation is polled, not signalled
                    } catch (InterruptedException e) {
                        abandoned = true;
                        Thread.currentThread().interrupt();
                        throw new CancellationException("curves interrupted");
                    }
                }
                next = List.copyOf(points.subList(handed, points.size()));
                done = result;
                failed = failure;
            }
            for (SweepPoint p : next) {
                onPoint.accept(p);
            }
            handed += next.size();
            if (failed instanceof RuntimeException e) {
                throw e;
            }
            if (failed instanceof Error e) {
                throw e;
            }
            // the result is set after the last point was added: once it is seen, every point was in the list
            if (done != null) {
                return done;
            }
        }
    }
}
