package org.expanderexplorer.ui.classroom;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;
import org.expanderexplorer.ui.StyleClasses;
import org.expanderexplorer.ui.explorer.NumbersStrip;

/** The classroom's numbers strip; wraps onto a second line at large scales. */
public final class ClassroomNumbers extends FlowPane {

    private final Map<String, Label> values = new LinkedHashMap<>();
    private final ClassroomViewModel vm;

    public ClassroomNumbers(ClassroomViewModel vm) {
        this.vm = vm;
        getStyleClass().add(StyleClasses.NUMBERS_STRIP);
        setHgap(18);
        setVgap(4);
        metric("step", "step", "Edits since the graph was opened (undo goes back).");
        metric("edges", "edges", "|E|: edges kept.");
        metric("dL", "d_L", "Average left degree |E| / |L'| (strength when weighted).");
        metric("dR", "d_R", "Average right degree |E| / |R'| (strength when weighted).");
        metric("mu0", "μ_0", "Largest singular value σ_1 of the biadjacency M.");
        metric("muHat", "μ̂", "Second singular value σ_2: the largest non-trivial eigenvalue magnitude.");
        metric("deltaR", "Δ_R", "√(d_L − 1) + √(d_R − 1) − μ̂ (unweighted). Ramanujan while > 0.");
        metric("deltaS", "Δ_S", "2√(μ_0 − 1) − μ̂. Ramanujan while > 0.");
        metric("fiedler", "λ_2", "Fiedler value of the Laplacian L = D − A.");
        metric("cheeger", "h(G)", "Exact Cheeger constant (at most 24 vertices), else its bounds.");
        metric("components", "components", "Connected components of the non-isolated part.");
        metric("isolated", "isolated", "Vertices without a kept edge.");
        metric("acc", "accuracy", "Test accuracy of the network with this mask (classroom model only).");
        vm.stateProperty().addListener((o, a, b) -> update());
        vm.weightedProperty().addListener((o, a, b) -> update());
    }

    private void metric(String key, String name, String tooltip) {
        Label n = new Label(name);
        n.getStyleClass().add(StyleClasses.METRIC_NAME);
        Label v = new Label("–");
        v.getStyleClass().add(StyleClasses.METRIC_VALUE);
        VBox box = new VBox(n, v);
        Tooltip t = new Tooltip(tooltip);
        t.setShowDelay(Duration.millis(300));
        Tooltip.install(box, t);
        values.put(key, v);
        getChildren().add(box);
    }

    /** The shown text of one metric (for tests). */
    public String text(String key) {
        return values.get(key).getText();
    }

    private void update() {
        GraphState g = vm.stateProperty().get();
        if (g == null) {
            return;
        }
        boolean w = vm.weightedProperty().get();
        LayerAnalysisResult r = g.shown(w);
        set("step", vm.stepProperty().get() + "");
        set("edges", String.format(Locale.ROOT, "%,d", r.edges()));
        set("dL", NumbersStrip.num(r.avgDegreeLeft()));
        set("dR", NumbersStrip.num(r.avgDegreeRight()));
        set("mu0", NumbersStrip.num(r.mu0()));
        set("muHat", NumbersStrip.num(r.muHat()));
        gap("deltaR", g.unweighted().deltaR());
        gap("deltaS", r.deltaS());
        set("fiedler", NumbersStrip.num(r.fiedler()));
        set("cheeger", r.cheegerExact() != null ? NumbersStrip.num(r.cheegerExact())
                : NumbersStrip.num(r.cheegerLower()) + " … " + NumbersStrip.num(r.cheegerUpper()));
        set("components", r.components() + "");
        set("isolated", (r.isolatedLeft() + r.isolatedRight()) + "");
        set("acc", g.accuracy() == null ? "–" : String.format(Locale.ROOT, "%.2f %%", 100 * g.accuracy()));
    }

    private void set(String key, String text) {
        values.get(key).setText(text);
    }

    private void gap(String key, Double v) {
        Label l = values.get(key);
        l.setText(NumbersStrip.num(v));
        l.getStyleClass().removeAll(StyleClasses.BAD, StyleClasses.GOOD);
        l.getStyleClass().add(v != null && v > 0 ? StyleClasses.GOOD : StyleClasses.BAD);
    }
}
