package org.expanderexplorer.ui.explorer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.expanderexplorer.core.drawing.Snapshot;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;
import org.expanderexplorer.ui.common.MetricCells;

/**
 * The numbers strip's state: the figures a student copies into a report, as shown text, each with its name and
 * definition; the two Ramanujan gaps also as numbers (the strip colours them by sign).
 */
public final class NumbersViewModel {

    /**
     * One figure of the strip.
     *
     * @param key        its key ({@code q}, {@code edges}, {@code deltaR}, ...)
     * @param name       shown name
     * @param definition the tooltip: definition and formula
     */
    public record Metric(String key, String name, String definition) {
    }

    /** The figures, in strip order. */
    public static final List<Metric> METRICS = List.of(
            new Metric("q", "q", "Percentage of edges kept by the pruning mask: of a matrix file's non-zero weights,"
                    + " of a model layer's weights (W_ih, W_hh or both, as the scope says). The ramanujan method"
                    + " cannot go below its lowest reachable q (every pruned matrix at the last edge count with a"
                    + " positive gap): asked for less, it keeps that, and this cell says so."),
            new Metric("edges", "edges", "|E|: non-zero weights of the selected graph (isolated vertices removed)."),
            new Metric("dL", "d_L", "Average left degree d_L = |E| / |L'| (strength sum |w| / |L'| when weighted)."),
            new Metric("dR", "d_R", "Average right degree d_R = |E| / |R'| (strength sum |w| / |R'| when weighted)."),
            new Metric("mu0", "μ_0", "Largest singular value σ_1 of the biadjacency M: the trivial eigenvalue of A."),
            new Metric("muHat", "μ̂", "Second singular value σ_2 of M: the largest non-trivial eigenvalue magnitude."),
            new Metric("deltaS", "Δ_S", "Δ_S = 2√(μ_0 − 1) − μ̂: the d-regular Ramanujan bound with d estimated by μ_0."
                    + " Undefined where μ_0 < 1. Ramanujan while > 0."),
            new Metric("deltaR", "Δ_R", "Δ_R = √(d_L − 1) + √(d_R − 1) − μ̂: the biregular bipartite Ramanujan bound "
                    + "with average degrees (unweighted graph only). Ramanujan while > 0."),
            new Metric("fiedler", "λ_2", "Fiedler value: second smallest eigenvalue of the Laplacian L = D − A; 0 when"
                    + " the graph is disconnected."),
            new Metric("cheeger", "h(G) ≥", "Cheeger (edge expansion) lower bound max(λ_2 / 2, (d_min − μ̂) / 2)."),
            new Metric("isolated", "isolated", "Vertices with no kept edge (left + right), removed before the "
                    + "spectrum: a symptom of over-pruning."),
            new Metric("acc", "accuracy", "Test accuracy of the pruned network: a fixed 1,000-example subset while "
                    + "dragging, the full test set after release."));

    /**
     * What the strip shows.
     *
     * @param texts  shown text by key
     * @param deltaS Δ_S of the shown representation, or null (undefined)
     * @param deltaR Δ_R of the unweighted graph, or null
     */
    public record Shown(Map<String, String> texts, Double deltaS, Double deltaR) {
        public Shown {
            texts = Map.copyOf(texts);
        }
    }

    private final ExplorerViewModel explorer;
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>();

    public NumbersViewModel(ExplorerViewModel explorer) {
        this.explorer = Objects.requireNonNull(explorer, "explorer");
        explorer.snapshotProperty().addListener((o, a, b) -> update());
        explorer.accuracyProperty().addListener((o, a, b) -> update());
        explorer.weightedProperty().addListener((o, a, b) -> update());
        update();
    }

    private void update() {
        Snapshot s = explorer.snapshotProperty().get();
        Map<String, String> t = new LinkedHashMap<>();
        if (s == null) {
            METRICS.forEach(m -> t.put(m.key(), "–"));
            shown.set(new Shown(t, null, null));
            return;
        }
        LayerAnalysisResult r = s.shown();
        t.put("q", s.state().belowReach() ? String.format(Locale.ROOT, "%.1f %% (lowest reachable; %.1f asked)",
                s.state().actualKeepPercent(), s.request().keepPercent())
                : String.format(Locale.ROOT, "%.1f %%", s.request().keepPercent()));
        t.put("edges", MetricCells.count(r.edges()));
        t.put("dL", MetricCells.num(r.avgDegreeLeft()));
        t.put("dR", MetricCells.num(r.avgDegreeRight()));
        t.put("mu0", MetricCells.num(r.mu0()));
        t.put("muHat", MetricCells.num(r.muHat(), r.mu0()));
        t.put("deltaS", MetricCells.num(r.deltaS()));
        t.put("deltaR", MetricCells.num(s.unweighted().deltaR()));
        t.put("fiedler", MetricCells.num(r.fiedler()));
        t.put("cheeger", MetricCells.num(r.cheegerLower()));
        t.put("isolated", (r.isolatedLeft() + r.isolatedRight()) + "");
        t.put("acc", MetricCells.accuracy(explorer.accuracyProperty().get()));
        shown.set(new Shown(t, r.deltaS(), s.unweighted().deltaR()));
    }

    /** What the strip shows now (dashes before anything is open). */
    public ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }
}
