package org.expanderexplorer.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
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
 * The explorer's curves over q, computed in the background and published point by point. A new request, or
 * {@link #clear}, supersedes the one in flight: its points are no longer published and its computation stops at
 * the next grid point.
 */
final class CurveChannel {

    private final UiExecutor executor;
    private final Consumer<Throwable> onError;
    private final ReadOnlyObjectWrapper<List<SweepPoint>> curve = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<SweepResult> finished = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(1);
    private final AtomicLong generation = new AtomicLong();

    CurveChannel(UiExecutor executor, Consumer<Throwable> onError) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.onError = Objects.requireNonNull(onError, "onError");
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
        executor.submit(() -> SliderAnalysis.curve(s, settings, g, p -> executor.onUiThread(() -> {
            if (generation.get() == gen) {
                collected.add(p);
                curve.set(List.copyOf(collected));
                progress.set(collected.size() / (double) points);
            }
        }), () -> generation.get() != gen), result -> {
            if (generation.get() == gen) {
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
