package org.expanderexplorer.ui.explorer;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.expanderexplorer.core.drawing.SliderAnalysis;
import org.expanderexplorer.core.subject.PruneSettings;
import org.expanderexplorer.core.subject.Subject;
import org.expanderexplorer.ui.task.LatestWins;
import org.expanderexplorer.ui.task.UiExecutor;

/**
 * The explorer's accuracy at the slider's q, "latest wins": on a fixed subset of the test set while the slider is
 * dragged, on the full test set once it is released; and the dense accuracy (q = 100) once per subject. Results
 * for a subject that is no longer shown are dropped.
 */
final class AccuracyChannel {

    private record Request(Subject subject, double keepPercent, PruneSettings settings, int limit) {
    }

    private final UiExecutor executor;
    private final Supplier<Subject> shown;
    private final Consumer<Throwable> onError;
    private final LatestWins<Request, Double> work;
    private final ReadOnlyObjectWrapper<Double> accuracy = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper full = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Double> dense = new ReadOnlyObjectWrapper<>();

    /**
     * @param shown   the subject shown now (results for another are dropped)
     * @param onError receives failures
     */
    AccuracyChannel(UiExecutor executor, Supplier<Subject> shown, Consumer<Throwable> onError) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.shown = Objects.requireNonNull(shown, "shown");
        this.onError = Objects.requireNonNull(onError, "onError");
        this.work = new LatestWins<>(executor, r -> {
            var state = r.subject().prune(r.keepPercent(), r.settings());
            // the full test set after a release is waited for; the live subset is small anyway
            return r.limit() == 0 ? r.subject().probe().accuracyNow(state.ihMask(), state.hhMask(), 0)
                    : r.subject().probe().accuracy(state.ihMask(), state.hhMask(), r.limit());
        }, (r, a) -> {
            if (r.subject() != shown.get()) {
                return;
            }
            accuracy.set(a);
            full.set(r.limit() == 0);
            if (r.keepPercent() >= 100 && r.limit() == 0 && dense.get() == null) {
                dense.set(a);
            }
        }, onError);
    }

    /** Forgets every value (another subject is about to be shown). */
    void clear() {
        accuracy.set(null);
        full.set(false);
        dense.set(null);
    }

    /** Measures {@code s} at q: on the live subset while {@code dragging}, else on the full test set. */
    void request(Subject s, double keepPercent, PruneSettings settings, boolean dragging) {
        if (s.probe() != null) {
            work.request(new Request(s, keepPercent, settings, dragging ? SliderAnalysis.LIVE_ACCURACY_LIMIT : 0));
        }
    }

    /** Measures the dense accuracy of {@code s} (unless q = 100, where {@link #request} measures it anyway). */
    void requestDense(Subject s, double keepPercent) {
        if (s.probe() == null || keepPercent >= 100) {
            return;
        }
        executor.submit(() -> {
            var d = s.dense();
            return s.probe().accuracy(d.ihMask(), d.hhMask(), 0);
        }, a -> {
            if (shown.get() == s) {
                dense.set(a);
            }
        }, onError);
    }

    boolean isBusy() {
        return work.isBusy();
    }

    ReadOnlyObjectProperty<Double> accuracyProperty() {
        return accuracy.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty fullProperty() {
        return full.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Double> denseProperty() {
        return dense.getReadOnlyProperty();
    }
}
