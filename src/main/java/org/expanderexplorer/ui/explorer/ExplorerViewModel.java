package org.expanderexplorer.ui.explorer;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.expanderexplorer.core.drawing.AnalysisRequest;
import org.expanderexplorer.core.drawing.SliderAnalysis;
import org.expanderexplorer.core.drawing.Snapshot;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.pruning.MonitoredGap;
import org.expanderexplorer.core.pruning.PruningMethod;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.PruneSettings;
import org.expanderexplorer.core.subject.Scope;
import org.expanderexplorer.core.subject.Subject;
import org.expanderexplorer.core.sweep.SweepPoint;
import org.expanderexplorer.core.sweep.SweepResult;
import org.expanderexplorer.ui.common.ErrorMessages;
import org.expanderexplorer.ui.task.LatestWins;
import org.expanderexplorer.ui.task.UiExecutor;

/**
 * The explorer's shared state, which the panel ViewModels read: the subject, the slider and its settings (inputs),
 * and what the panels show (outputs), kept current by background work. Three independent channels, each "latest
 * wins": the analysis of the slider position (fast), the accuracy at that position ({@link AccuracyChannel}: a
 * 1,000-example subset while dragging, the full test set once the slider is released), and the precomputed curves
 * over q ({@link CurveChannel}: recomputed when the settings change, published point by point). A result that
 * arrives for a subject no longer shown is dropped. No method here computes on the caller's thread.
 *
 * <p>A new subject comes only through {@link #load}, which replaces the whole state at once (the document
 * lifecycle, see {@code DocumentViewModel}).
 */
public final class ExplorerViewModel {

    /** The prune settings of a new view model: magnitude on both matrices, seed 1 ({@link PruneSettings#DEFAULT}). */
    public static final PruneSettings FIRST_SETTINGS = PruneSettings.DEFAULT;

    private final ReadOnlyObjectWrapper<Subject> subject = new ReadOnlyObjectWrapper<>();
    private final DoubleProperty keepPercent = new SimpleDoubleProperty(100);
    private final BooleanProperty dragging = new SimpleBooleanProperty();
    private final ObjectProperty<PruningMethod> method = new SimpleObjectProperty<>(FIRST_SETTINGS.method());
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.BOTH);
    private final BooleanProperty perGate = new SimpleBooleanProperty(FIRST_SETTINGS.perGate());
    private final ObjectProperty<MonitoredGap> gap = new SimpleObjectProperty<>(FIRST_SETTINGS.gap());
    private final ObjectProperty<GraphId> graph = new SimpleObjectProperty<>(GraphId.IH);
    private final BooleanProperty weighted = new SimpleBooleanProperty();
    private final IntegerProperty window = new SimpleIntegerProperty(3);
    private final BooleanProperty ghosts = new SimpleBooleanProperty(true);
    private final BooleanProperty logQ = new SimpleBooleanProperty();
    private final IntegerProperty seed = new SimpleIntegerProperty((int) FIRST_SETTINGS.seed());

    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    private final SliderHistory history = new SliderHistory();
    private final CurveChannel curves;
    private final AccuracyChannel accuracy;
    private boolean switching;
    // the subject whose opening accuracy waits for its curves (written on the UI thread; null when none waits)
    private volatile Subject accuracyAfterCurves;
    private final LatestWins<AnalysisRequest, Snapshot> analysis;

    public ExplorerViewModel(UiExecutor executor) {
        Objects.requireNonNull(executor, "executor");
        this.curves = new CurveChannel(executor, this::fail);
        this.analysis = new LatestWins<>(executor, SliderAnalysis::analyse, (r, s) -> {
            if (r.subject() == subject.get()) {
                snapshot.set(s);
                error.set("");
            }
        }, this::fail);
        this.accuracy = new AccuracyChannel(executor, subject::get, this::fail);
        // the curves complete (or fail): the accuracy a newly shown subject waits for is measured now
        curves.progressProperty().addListener((o, a, b) -> {
            if (b.doubleValue() >= 1) {
                measureOpeningAccuracy();
            }
        });
        // a null graph (a choice list being refilled) never reaches the analysis: the previous choice stays
        graph.addListener((obs, a, b) -> {
            if (b == null) {
                graph.set(a);
            }
        });
        for (ObservableValue<?> o : List.of(keepPercent, method, scope, perGate, graph, weighted, window, ghosts,
                seed, gap)) {
            o.addListener((obs, a, b) -> requestAnalysis());
        }
        for (ObservableValue<?> o : List.of(keepPercent, method, scope, perGate, seed, gap)) {
            o.addListener((obs, a, b) -> requestAccuracy());
        }
        dragging.addListener((obs, was, is) -> {
            if (!is) {
                requestAccuracy(); // released: the exact, full-test-set value
                history.commit(keepPercent.get());
            }
        });
        keepPercent.addListener((obs, a, b) -> {
            if (!dragging.get() && !switching) {
                history.commit(b.doubleValue());
            }
        });
        for (ObservableValue<?> o : List.of(method, scope, perGate, graph, seed, gap)) {
            o.addListener((obs, a, b) -> recomputeCurve());
        }
    }

    /**
     * Shows a new subject, replacing the whole state at once (on the UI thread): the settings (or the current ones
     * when null; the selected graph stays when the subject has it, see {@link ExplorerSettings#graphFor}), the
     * slider at {@code keepPercent}, no undo history, no accuracy, snapshot or curves of the previous subject; then
     * every channel recomputes.
     */
    public void load(Subject s, ExplorerSettings settings, double keepPercent) {
        Objects.requireNonNull(s, "subject");
        if (!(keepPercent > 0 && keepPercent <= 100)) {
            throw new IllegalArgumentException("q must be in (0, 100], got " + keepPercent);
        }
        switching = true;
        accuracyAfterCurves = null;
        try {
            curves.clear(); // the previous subject's curves stop being published
            ExplorerSettings st = settings != null ? settings : currentSettings();
            method.set(st.method());
            scope.set(st.scope());
            perGate.set(st.perGate());
            weighted.set(st.weighted());
            window.set(st.window());
            seed.set(st.seed());
            // a graph the user did not change from the previous subject's default becomes the new one's default
            Subject previous = subject.get();
            GraphId wanted = settings == null && (previous == null || st.graph().equals(previous.defaultGraph()))
                    ? s.defaultGraph() : st.graph();
            graph.set(ExplorerSettings.graphFor(s, wanted));
            dragging.set(false);
            this.keepPercent.set(keepPercent);
            history.reset(keepPercent);
            snapshot.set(null);
            accuracy.clear();
            error.set("");
            subject.set(s);
        } finally {
            switching = false;
        }
        requestAnalysis();
        // The full test set's accuracy (10,000 sequences for the samples: ten times one point of the curves) waits
        // until the curves are complete, unless the user moves the slider or changes a setting first: measured at
        // once, it took half of the two cores while the curves were being measured, and delayed them by about half a
        // second (decision 0035). The model's recorded accuracy is in the model panel meanwhile.
        accuracyAfterCurves = s.probe() != null ? s : null;
        recomputeCurve(); // its progress reaching 1 measures the accuracy (the listener above)
    }

    /** Measures the accuracy a newly shown subject waits for ({@link #load}), if it still waits. UI thread. */
    private void measureOpeningAccuracy() {
        Subject s = accuracyAfterCurves;
        if (switching || s == null || s != subject.get()) {
            return;
        }
        accuracyAfterCurves = null;
        requestAccuracy();
        accuracy.requestDense(s, keepPercent.get());
    }

    /**
     * Offers curves measured before the window asked for any ({@link CurvePrefetch}, at a launch) to the next
     * request for curves: it shows them if they are for its subject, settings and graph.
     */
    public void offerCurves(CompletableFuture<CurvePrefetch> prefetch) {
        curves.offer(Objects.requireNonNull(prefetch, "prefetch"));
    }

    /** Shows a new subject at q = 100 with the current settings (see {@link #load}). */
    public void setSubject(Subject s) {
        load(s, null, 100);
    }

    /** The settings as they are now. */
    public ExplorerSettings currentSettings() {
        return new ExplorerSettings(method.get(), scope.get(), perGate.get(), graph.get(), weighted.get(),
                window.get(), seed.get());
    }

    /** Undoes the last slider move (a drag counts as one move). Returns false when there is nothing to undo. */
    public boolean undoSliderMove() {
        OptionalDouble q = history.undo();
        if (q.isEmpty()) {
            return false;
        }
        keepPercent.set(q.getAsDouble());
        status.set(String.format(Locale.ROOT, "Undo: back to q = %.1f %%.", q.getAsDouble()));
        return true;
    }

    /** Current prune settings from the inputs. */
    public PruneSettings settings() {
        Scope s = scope.get();
        return new PruneSettings(method.get(), s != Scope.HH, s != Scope.IH, perGate.get(), seed.get(), 1, gap.get());
    }

    private void requestAnalysis() {
        Subject s = subject.get();
        if (switching || s == null) {
            return;
        }
        analysis.request(new AnalysisRequest(s, keepPercent.get(), settings(), graph.get(),
                Representation.of(weighted.get()), window.get(), ghosts.get()));
    }

    private void requestAccuracy() {
        Subject s = subject.get();
        if (!switching && s != null) {
            if (accuracyAfterCurves == s) {
                // the user asked before the curves were done: this request replaces the waiting one, and the dense
                // accuracy is measured alongside, as it would have been
                accuracyAfterCurves = null;
                accuracy.requestDense(s, keepPercent.get());
            }
            accuracy.request(s, keepPercent.get(), settings(), dragging.get());
        }
    }

    private void recomputeCurve() {
        Subject s = subject.get();
        if (!switching && s != null) {
            curves.request(s, settings(), graph.get());
        }
    }

    private void fail(Throwable e) {
        String m = ErrorMessages.of(e);
        error.set(m);
        status.set("Error: " + m);
    }

    /** A one-line status message (e.g. from an export). */
    public void setStatus(String s) {
        status.set(s);
    }

    public ReadOnlyObjectProperty<Subject> subjectProperty() {
        return subject.getReadOnlyProperty();
    }

    public DoubleProperty keepPercentProperty() {
        return keepPercent;
    }

    public BooleanProperty draggingProperty() {
        return dragging;
    }

    public ObjectProperty<PruningMethod> methodProperty() {
        return method;
    }

    /** The gap the ramanujan method keeps positive. */
    public ObjectProperty<MonitoredGap> gapProperty() {
        return gap;
    }

    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    public BooleanProperty perGateProperty() {
        return perGate;
    }

    public ObjectProperty<GraphId> graphProperty() {
        return graph;
    }

    public BooleanProperty weightedProperty() {
        return weighted;
    }

    public IntegerProperty windowProperty() {
        return window;
    }

    /** The slider is logarithmic in q, and the charts against q have a logarithmic q axis. */
    public BooleanProperty logQProperty() {
        return logQ;
    }

    public BooleanProperty ghostsProperty() {
        return ghosts;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Double> accuracyProperty() {
        return accuracy.accuracyProperty();
    }

    /** True when the shown accuracy was measured on the full test set (false: the live subset, while dragging). */
    public ReadOnlyBooleanProperty accuracyIsFullProperty() {
        return accuracy.fullProperty();
    }

    public ReadOnlyObjectProperty<Double> denseAccuracyProperty() {
        return accuracy.denseProperty();
    }

    public ReadOnlyObjectProperty<List<SweepPoint>> curveProperty() {
        return curves.curveProperty();
    }

    public ReadOnlyObjectProperty<SweepResult> finishedCurveProperty() {
        return curves.finishedProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * True while the slider's analysis or accuracy is being computed, or while a newly shown subject's accuracy waits
     * for its curves.
     */
    public boolean isBusy() {
        return analysis.isBusy() || accuracy.isBusy() || accuracyAfterCurves != null;
    }

    /** Fraction of the curves over q computed for the shown subject, 0 .. 1 (1 also when nothing is open). */
    public ReadOnlyDoubleProperty curveProgressProperty() {
        return curves.progressProperty();
    }
}
