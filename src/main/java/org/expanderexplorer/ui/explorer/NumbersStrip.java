package org.expanderexplorer.ui.explorer;

import java.util.Locale;
import javafx.scene.layout.HBox;
import org.expanderexplorer.core.drawing.Snapshot;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;
import org.expanderexplorer.ui.common.MetricCells;
import org.expanderexplorer.ui.common.StyleClasses;

/**
 * The numbers strip under the panels: the figures a student copies into a report, each with a tooltip giving its
 * definition and formula.
 */
public final class NumbersStrip extends HBox {

    private final MetricCells cells = new MetricCells(this).wrapTooltipsAt(360);
    private final ExplorerViewModel vm;

    public NumbersStrip(ExplorerViewModel vm) {
        this.vm = vm;
        getStyleClass().add(StyleClasses.NUMBERS_STRIP);
        cells.add("q", "q", "Percentage of the dense layer's edges kept by the pruning mask. The ramanujan method"
                + " cannot go below its lowest reachable q (every pruned matrix at the last edge count with a positive"
                + " gap): asked for less, it keeps that, and this cell says so.");
        cells.add("edges", "edges", "|E|: non-zero weights of the selected graph (isolated vertices removed).");
        cells.add("dL", "d_L", "Average left degree d_L = |E| / |L'| (strength sum |w| / |L'| when weighted).");
        cells.add("dR", "d_R", "Average right degree d_R = |E| / |R'| (strength sum |w| / |R'| when weighted).");
        cells.add("mu0", "μ_0", "Largest singular value σ_1 of the biadjacency M: the trivial eigenvalue of A.");
        cells.add("muHat", "μ̂", "Second singular value σ_2 of M: the largest non-trivial eigenvalue magnitude.");
        cells.add("deltaS", "Δ_S", "Δ_S = 2√(μ_0 − 1) − μ̂: the d-regular Ramanujan bound with d estimated by μ_0."
                + " Undefined where μ_0 < 1. Ramanujan while > 0.");
        cells.add("deltaR", "Δ_R", "Δ_R = √(d_L − 1) + √(d_R − 1) − μ̂: the biregular bipartite Ramanujan bound with"
                + " average degrees (unweighted graph only). Ramanujan while > 0.");
        cells.add("fiedler", "λ_2", "Fiedler value: second smallest eigenvalue of the Laplacian L = D − A; 0 when the"
                + " graph is disconnected.");
        cells.add("cheeger", "h(G) ≥", "Cheeger (edge expansion) lower bound max(λ_2 / 2, (d_min − μ̂) / 2).");
        cells.add("isolated", "isolated", "Vertices with no kept edge (left + right), removed before the spectrum:"
                + " a symptom of over-pruning.");
        cells.add("acc", "accuracy", "Test accuracy of the pruned network: a fixed 1,000-example subset while dragging,"
                + " the full test set after release.");
        vm.snapshotProperty().addListener((o, a, b) -> update());
        vm.accuracyProperty().addListener((o, a, b) -> update());
        vm.weightedProperty().addListener((o, a, b) -> update());
    }

    /** The shown text of one metric (for tests): q, edges, dL, dR, mu0, muHat, deltaS, deltaR, fiedler, ... */
    public String text(String key) {
        return cells.text(key);
    }

    private void update() {
        Snapshot s = vm.snapshotProperty().get();
        if (s == null) {
            return;
        }
        LayerAnalysisResult r = s.shown();
        cells.set("q", s.state().belowReach() ? String.format(Locale.ROOT, "%.1f %% (lowest reachable; %.1f asked)",
                s.state().actualKeepPercent(), s.request().keepPercent())
                : String.format(Locale.ROOT, "%.1f %%", s.request().keepPercent()));
        cells.set("edges", MetricCells.count(r.edges()));
        cells.set("dL", MetricCells.num(r.avgDegreeLeft()));
        cells.set("dR", MetricCells.num(r.avgDegreeRight()));
        cells.set("mu0", MetricCells.num(r.mu0()));
        cells.set("muHat", MetricCells.num(r.muHat()));
        cells.gap("deltaS", r.deltaS());
        cells.gap("deltaR", s.unweighted().deltaR());
        cells.set("fiedler", MetricCells.num(r.fiedler()));
        cells.set("cheeger", MetricCells.num(r.cheegerLower()));
        cells.set("isolated", (r.isolatedLeft() + r.isolatedRight()) + "");
        cells.set("acc", MetricCells.accuracy(vm.accuracyProperty().get()));
    }
}
