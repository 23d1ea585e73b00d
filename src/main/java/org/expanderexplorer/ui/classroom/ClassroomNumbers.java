package org.expanderexplorer.ui.classroom;

import javafx.scene.layout.FlowPane;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;
import org.expanderexplorer.ui.common.MetricCells;
import org.expanderexplorer.ui.common.StyleClasses;

/** The classroom's numbers strip; wraps onto a second line at large scales. */
public final class ClassroomNumbers extends FlowPane {

    private final MetricCells cells = new MetricCells(this).undefinedGapIsBad();
    private final ClassroomViewModel vm;

    public ClassroomNumbers(ClassroomViewModel vm) {
        this.vm = vm;
        getStyleClass().add(StyleClasses.NUMBERS_STRIP);
        setHgap(18);
        setVgap(4);
        cells.add("step", "step", "Edits since the graph was opened (undo goes back).");
        cells.add("edges", "edges", "|E|: edges kept.");
        cells.add("dL", "d_L", "Average left degree |E| / |L'| (strength when weighted).");
        cells.add("dR", "d_R", "Average right degree |E| / |R'| (strength when weighted).");
        cells.add("mu0", "μ_0", "Largest singular value σ_1 of the biadjacency M.");
        cells.add("muHat", "μ̂", "Second singular value σ_2: the largest non-trivial eigenvalue magnitude.");
        cells.add("deltaR", "Δ_R", "√(d_L − 1) + √(d_R − 1) − μ̂ (unweighted). Ramanujan while > 0.");
        cells.add("deltaS", "Δ_S", "2√(μ_0 − 1) − μ̂. Ramanujan while > 0.");
        cells.add("fiedler", "λ_2", "Fiedler value of the Laplacian L = D − A.");
        cells.add("cheeger", "h(G)", "Exact Cheeger constant (at most 24 vertices), else its bounds.");
        cells.add("components", "components", "Connected components of the non-isolated part.");
        cells.add("isolated", "isolated", "Vertices without a kept edge.");
        cells.add("acc", "accuracy", "Test accuracy of the network with this mask (classroom model only).");
        vm.stateProperty().addListener((o, a, b) -> update());
        vm.weightedProperty().addListener((o, a, b) -> update());
    }

    /** The shown text of one metric (for tests). */
    public String text(String key) {
        return cells.text(key);
    }

    private void update() {
        GraphState g = vm.stateProperty().get();
        if (g == null) {
            return;
        }
        boolean w = vm.weightedProperty().get();
        LayerAnalysisResult r = g.shown(w);
        cells.set("step", vm.stepProperty().get() + "");
        cells.set("edges", MetricCells.count(r.edges()));
        cells.set("dL", MetricCells.num(r.avgDegreeLeft()));
        cells.set("dR", MetricCells.num(r.avgDegreeRight()));
        cells.set("mu0", MetricCells.num(r.mu0()));
        cells.set("muHat", MetricCells.num(r.muHat(), r.mu0()));
        cells.gap("deltaR", g.unweighted().deltaR());
        cells.gap("deltaS", r.deltaS());
        cells.set("fiedler", MetricCells.num(r.fiedler()));
        cells.set("cheeger", r.cheegerExact() != null ? MetricCells.num(r.cheegerExact())
                : MetricCells.num(r.cheegerLower()) + " … " + MetricCells.num(r.cheegerUpper()));
        cells.set("components", r.components() + "");
        cells.set("isolated", (r.isolatedLeft() + r.isolatedRight()) + "");
        cells.set("acc", MetricCells.accuracy(g.accuracy()));
    }
}
