package org.expanderexplorer.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.expanderexplorer.core.drawing.SliderAnalysis;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.PruneSettings;
import org.expanderexplorer.core.subject.Subject;
import org.expanderexplorer.core.sweep.SweepPoint;
import org.expanderexplorer.core.sweep.SweepResult;
import org.expanderexplorer.ui.task.UiExecutor;

/**
 * The explorer's curves over q, computed in the background and published as they grow. A new request, or
 * {@link #clear}, supersedes the one in flight: its points are no longer published and its computation stops at
 * the next grid point.
 *
 * <p>The growing curve is published after its first point and then after every {@link #PUBLISH_EVERY}th (the
 * progress after every point, the whole curve when it is complete). Why: every publication redraws the three
 * charts that plot the curves, and a chart takes 30-200 ms of a worker's time; published after each of the 21
 * points, the redraws (about 60 per opening, measured) competed with the curves' own computation for the two
 * cores and delayed the complete curves by seconds. A count, not a time interval, so that a loaded machine (where
 * each point takes longer) does not get more redraws. Five pictures show the curves growing just as well.
 */
final class CurveChannel {

    /** A growing curve is published when its number of points is 1 more than a multiple of this. */
    static final int PUBLISH_EVERY = 5;

    private final UiExecutor executor;
    private final Consumer<Throwable> onError;
    private final ReadOnlyObjectWrapper<List<SweepPoint>> curve = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<SweepResult> finished = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(1);
    private final AtomicLong generation = new AtomicLong();
    // UI thread only: the curves offered to the next request
    private CompletableFuture<CurvePrefetch> offered;

    CurveChannel(UiExecutor executor, Consumer<Throwable> onError) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.onError = Objects.requireNonNull(onError, "onError");
    }

    /**
     * Offers curves measured before the window asked ({@link CurvePrefetch}) to the next request, which takes them
     * if they are the ones it asks for; any later request measures its own. UI thread.
     */
    void offer(CompletableFuture<CurvePrefetch> prefetch) {
        offered = prefetch;
    }

    /** Forgets the curves (nothing open, or another subject about to be shown). */
    void clear() {
        generation.incrementAndGet();
        curve.set(List.of());
        finished.set(null);
        progress.set(1);
    }

    /** Computes the curves of {@code s} pruned with {@code settings}, for graph {@code g}. */
    void request(Subject s, PruneSettings settings, GraphId g) {
        long gen = generation.incrementAndGet();
        int points = SliderAnalysis.CURVE_GRID.keepPercents().size();
        curve.set(List.of());
        finished.set(null);
        progress.set(0);
        List<SweepPoint> collected = new ArrayList<>();
        Consumer<SweepPoint> onPoint = p -> executor.onUiThread(() -> {
            if (generation.get() == gen) {
                collected.add(p);
                if (collected.size() % PUBLISH_EVERY == 1) {
                    curve.set(List.copyOf(collected));
                }
                progress.set(collected.size() / (double) points);
            }
        });
        BooleanSupplier superseded = () -> generation.get() != gen;
        // the curves started before the window asked (at a launch: the sample's), if they are these
        CompletableFuture<CurvePrefetch> o = offered;
        offered = null;
        CurvePrefetch ready = o == null ? null : o.getNow(null);
        if (o != null && ready == null) {
            o.thenAccept(CurvePrefetch::abandon); // not even started: not these
        }
        CurvePrefetch early = ready == null ? null : ready.claim(s, settings, g);
        executor.submit(() -> early != null ? early.replay(onPoint, superseded)
                : SliderAnalysis.curve(s, settings, g, onPoint, superseded,
                SliderAnalysis.CURVE_LANES, executor::background), result -> {
            if (generation.get() == gen) {
                if (curve.get().size() != result.points().size()) {
                    curve.set(List.copyOf(result.points()));
                }
                finished.set(result);
                progress.set(1);
            }
        }, e -> {
            if (generation.get() == gen) {
                progress.set(1);
                onError.accept(e);
            }
        });
    }

    ReadOnlyObjectProperty<List<SweepPoint>> curveProperty() {
        return curve.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<SweepResult> finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
