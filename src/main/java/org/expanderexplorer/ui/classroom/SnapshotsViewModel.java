package org.expanderexplorer.ui.classroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.expanderexplorer.core.pruning.PruningMask;
import org.expanderexplorer.core.report.FigureSpec;
import org.expanderexplorer.core.report.TeachingFigures;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;

/**
 * Named snapshots of pruning states (the mask with its analysis), restoring one as an undoable step, and the
 * side-by-side comparison of two: spectra overlaid and the numbers in two columns.
 */
public final class SnapshotsViewModel {

    /**
     * A saved state.
     *
     * @param name  the lecturer's name for it
     * @param step  the step it was saved at
     * @param state its analysis (mask included)
     */
    public record Saved(String name, int step, GraphState state) {

        public Saved {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(state, "state");
        }

        public PruningMask mask() {
            return state.mask();
        }

        @Override
        public String toString() {
            return name + " (step " + step + ", " + state.unweighted().edges() + " edges)";
        }
    }

    /**
     * One line of the comparison table.
     *
     * @param quantity what is compared
     * @param a        value in the first snapshot
     * @param b        value in the second
     */
    public record Row(String quantity, String a, String b) {
    }

    /**
     * Two snapshots side by side.
     *
     * @param a       the first
     * @param b       the second
     * @param spectra both spectra overlaid
     * @param rows    the numbers
     */
    public record Comparison(Saved a, Saved b, FigureSpec spectra, List<Row> rows) {
    }

    private final ClassroomViewModel vm;
    private final ObservableList<Saved> saved = FXCollections.observableArrayList();
    private final ObservableList<Saved> savedView = FXCollections.unmodifiableObservableList(saved);

    public SnapshotsViewModel(ClassroomViewModel vm) {
        this.vm = Objects.requireNonNull(vm, "vm");
        vm.sourceProperty().addListener((o, a, b) -> saved.clear());
    }

    /** The name offered for the next snapshot: A, B, C, ... */
    public String nextName() {
        int n = saved.size();
        return n < 26 ? String.valueOf((char) ('A' + n)) : "S" + (n + 1);
    }

    /**
     * Saves the current state under {@code name} (the next free letter when blank). Returns the snapshot, or null
     * while the current step is still being analysed.
     */
    public Saved save(String name) {
        if (!vm.isCurrent()) {
            vm.setStatus("Wait until the current step is analysed, then save.");
            return null;
        }
        String n = name == null || name.isBlank() ? nextName() : name.strip();
        Saved s = new Saved(n, vm.stepProperty().get(), vm.stateProperty().get());
        saved.add(s);
        vm.setStatus("Saved snapshot " + s + ".");
        return s;
    }

    /** Makes a snapshot's mask the current one, as an undoable step. */
    public void restore(Saved s) {
        vm.apply(s.mask(), "restored snapshot " + s.name());
    }

    /** Compares two snapshots in the view's representation. */
    public Comparison compare(Saved a, Saved b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        boolean w = vm.weightedProperty().get();
        LayerAnalysisResult ra = a.state().shown(w);
        LayerAnalysisResult rb = b.state().shown(w);
        FigureSpec spectra = TeachingFigures.comparison(ra, a.name(), rb, b.name(), "Spectra of " + a.name() + " and "
                + b.name() + " (" + (w ? "weighted" : "unweighted") + ")");
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("step", a.step() + "", b.step() + ""));
        row(rows, "edges |E|", ra, rb, r -> (double) r.edges(), true);
        row(rows, "isolated vertices", ra, rb, r -> (double) r.isolatedLeft() + r.isolatedRight(), true);
        row(rows, "d_L", ra, rb, LayerAnalysisResult::avgDegreeLeft, false);
        row(rows, "d_R", ra, rb, LayerAnalysisResult::avgDegreeRight, false);
        row(rows, "μ_0 = σ_1", ra, rb, LayerAnalysisResult::mu0, false);
        row(rows, "μ̂ = σ_2", ra, rb, LayerAnalysisResult::muHat, false);
        row(rows, "Δ_R", a.state().unweighted(), b.state().unweighted(), LayerAnalysisResult::deltaR, false);
        row(rows, "Δ_S" + (w ? " (weighted)" : ""), ra, rb, LayerAnalysisResult::deltaS, false);
        row(rows, "spectral gap μ_0 − μ̂", ra, rb, LayerAnalysisResult::weightedGap, false);
        row(rows, "Fiedler value λ_2", ra, rb, LayerAnalysisResult::fiedler, false);
        row(rows, "h(G) exact", ra, rb, LayerAnalysisResult::cheegerExact, false);
        row(rows, "h(G) lower bound", ra, rb, LayerAnalysisResult::cheegerLower, false);
        row(rows, "sweep cut ratio", ra, rb, LayerAnalysisResult::sweepCutRatio, false);
        row(rows, "components", ra, rb, r -> (double) r.components(), true);
        if (a.state().accuracy() != null || b.state().accuracy() != null) {
            rows.add(new Row("test accuracy", pct(a.state().accuracy()), pct(b.state().accuracy())));
        }
        return new Comparison(a, b, spectra, List.copyOf(rows));
    }

    private static void row(List<Row> rows, String name, LayerAnalysisResult a, LayerAnalysisResult b,
                            Function<LayerAnalysisResult, Double> f, boolean integer) {
        rows.add(new Row(name, num(f.apply(a), integer), num(f.apply(b), integer)));
    }

    private static String num(Double v, boolean integer) {
        if (v == null) {
            return "undefined";
        }
        return integer ? String.valueOf(Math.round(v)) : ClassroomViewModel.fmt(v);
    }

    private static String pct(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.2f %%", 100 * v);
    }

    /** The saved snapshots, oldest first (read-only for views). */
    public ObservableList<Saved> saved() {
        return savedView;
    }
}
