package org.expanderexplorer.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
import org.expanderexplorer.ui.task.LatestWins;
import org.expanderexplorer.ui.task.UiExecutor;

/**
 * The explorer's central state: the subject, the slider and its settings (inputs), and what the panels show
 * (outputs), kept current by background work. Three independent channels, each "latest wins": the analysis of
 * the slider position (fast), the accuracy at that position (a 1,000-example subset while dragging, the full
 * test set once the slider is released), and the precomputed curves over q (recomputed when the settings change,
 * published point by point). No method here computes on the caller's thread.
 */
public final class ExplorerViewModel {

    private final UiExecutor executor;

    private final ObjectProperty<Subject> subject = new SimpleObjectProperty<>();
    private final DoubleProperty keepPercent = new SimpleDoubleProperty(100);
    private final BooleanProperty dragging = new SimpleBooleanProperty();
    private final ObjectProperty<PruningMethod> method = new SimpleObjectProperty<>(PruningMethod.MAGNITUDE);
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.BOTH);
    private final BooleanProperty perGate = new SimpleBooleanProperty();
    private final ObjectProperty<MonitoredGap> gap = new SimpleObjectProperty<>(MonitoredGap.DELTA_R);
    private final ObjectProperty<GraphId> graph = new SimpleObjectProperty<>(GraphId.IH);
    private final BooleanProperty weighted = new SimpleBooleanProperty();
    private final IntegerProperty window = new SimpleIntegerProperty(3);
    private final BooleanProperty ghosts = new SimpleBooleanProperty(true);
    private final IntegerProperty seed = new SimpleIntegerProperty(1);

    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Double> accuracy = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper accuracyIsFull = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Double> denseAccuracy = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<SweepPoint>> curve = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<SweepResult> finishedCurve = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    private final java.util.Deque<Double> history = new java.util.ArrayDeque<>();
    private double committedQ = 100;
    private boolean switching;
    private final LatestWins<AnalysisRequest, Snapshot> analysis;
    private final LatestWins<AccuracyRequest, Double> accuracyWork;
    private final AtomicLong curveGeneration = new AtomicLong();

    record AccuracyRequest(Subject subject, double keepPercent, PruneSettings settings, int limit) {
    }

    public ExplorerViewModel(UiExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.analysis = new LatestWins<>(executor, SliderAnalysis::analyse, (r, s) -> {
            snapshot.set(s);
            error.set("");
        }, this::fail);
        this.accuracyWork = new LatestWins<>(executor, r -> {
            var state = r.subject().prune(r.keepPercent(), r.settings());
            return r.subject().probe().accuracy(state.ihMask(), state.hhMask(), r.limit());
        }, (r, a) -> {
            accuracy.set(a);
            accuracyIsFull.set(r.limit() == 0);
            if (r.keepPercent() >= 100 && r.limit() == 0 && denseAccuracy.get() == null) {
                denseAccuracy.set(a);
            }
        }, this::fail);
        List<ObservableValue<?>> analysisInputs = List.of(subject, keepPercent, method, scope, perGate, graph,
                weighted, window, ghosts, seed, gap);
        for (ObservableValue<?> o : analysisInputs) {
            o.addListener((obs, a, b) -> requestAnalysis());
        }
        for (ObservableValue<?> o : List.of(subject, keepPercent, method, scope, perGate, seed, gap)) {
            o.addListener((obs, a, b) -> requestAccuracy());
        }
        dragging.addListener((obs, was, is) -> {
            if (!is) {
                requestAccuracy(); // released: the exact, full-test-set value
                commitQ();
            }
        });
        keepPercent.addListener((obs, a, b) -> {
            if (!dragging.get()) {
                commitQ();
            }
        });
        for (ObservableValue<?> o : List.of(subject, method, scope, perGate, graph, seed, gap)) {
            o.addListener((obs, a, b) -> recomputeCurve());
        }
        subject.addListener((obs, a, b) -> requestDenseAccuracy());
    }

    private void commitQ() {
        double q = keepPercent.get();
        if (q != committedQ) {
            history.push(committedQ);
            while (history.size() > 100) {
                history.removeLast();
            }
            committedQ = q;
        }
    }

    /** Undoes the last slider move (a drag counts as one move). Returns false when there is nothing to undo. */
    public boolean undoSliderMove() {
        if (history.isEmpty()) {
            return false;
        }
        double q = history.pop();
        committedQ = q;
        keepPercent.set(q);
        status.set(String.format(java.util.Locale.ROOT, "Undo: back to q = %.1f %%.", q));
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
        if (switching || s == null || s.probe() == null) {
            return;
        }
        int limit = dragging.get() ? SliderAnalysis.LIVE_ACCURACY_LIMIT : 0;
        accuracyWork.request(new AccuracyRequest(s, keepPercent.get(), settings(), limit));
    }

    private void requestDenseAccuracy() {
        Subject s = subject.get();
        if (s == null || s.probe() == null || keepPercent.get() >= 100) {
            return; // at q = 100 the accuracy channel measures the dense model anyway
        }
        executor.submit(() -> {
            var dense = s.dense();
            return s.probe().accuracy(dense.ihMask(), dense.hhMask(), 0);
        }, a -> {
            if (subject.get() == s) {
                denseAccuracy.set(a);
            }
        }, this::fail);
    }

    private void recomputeCurve() {
        Subject s = subject.get();
        if (switching || s == null) {
            return;
        }
        long gen = curveGeneration.incrementAndGet();
        PruneSettings st = settings();
        GraphId g = graph.get();
        curve.set(List.of());
        finishedCurve.set(null);
        List<SweepPoint> collected = new ArrayList<>();
        executor.submit(() -> SliderAnalysis.curve(s, st, g, p -> executor.onUiThread(() -> {
            if (curveGeneration.get() == gen) {
                collected.add(p);
                curve.set(List.copyOf(collected));
            }
        }), () -> curveGeneration.get() != gen), result -> {
            if (curveGeneration.get() == gen) {
                finishedCurve.set(result);
                status.set("Curves over q ready (" + result.points().size() + " points, " + result.millis() + " ms).");
            }
        }, e -> {
            if (curveGeneration.get() == gen) {
                fail(e);
            }
        });
    }

    private void fail(Throwable e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        error.set(m);
        status.set("Error: " + m);
    }

    /** Shows a new subject (on the UI thread); everything recomputes. */
    public void setSubject(Subject s) {
        // reset what belonged to the previous subject before the new one triggers any work
        history.clear();
        committedQ = keepPercent.get();
        denseAccuracy.set(null);
        accuracy.set(null);
        Subject old = subject.get();
        boolean untouched = old == null || graph.get().equals(old.defaultGraph());
        if (s != null && (untouched || !s.graphs().contains(graph.get()))) {
            switching = true; // the old subject has no use for the new graph choice
            try {
                graph.set(s.defaultGraph());
            } finally {
                switching = false;
            }
        }
        subject.set(s);
    }

    /** A one-line status message (e.g. from an export). */
    public void setStatus(String s) {
        status.set(s);
    }

    public ReadOnlyObjectProperty<Subject> subjectProperty() {
        return subject;
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
        return accuracy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty accuracyIsFullProperty() {
        return accuracyIsFull.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Double> denseAccuracyProperty() {
        return denseAccuracy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<SweepPoint>> curveProperty() {
        return curve.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SweepResult> finishedCurveProperty() {
        return finishedCurve.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True while the slider's analysis is being computed. */
    public boolean isBusy() {
        return analysis.isBusy() || accuracyWork.isBusy();
    }
}
