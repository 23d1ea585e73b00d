package org.expanderexplorer.ui.explorer;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;
import org.expanderexplorer.ui.StyleClasses;

/**
 * The numbers strip under the panels: the figures a student copies into a report, each with a tooltip giving its
 * definition and formula.
 */
public final class NumbersStrip extends HBox {

    private final Map<String, Label> values = new LinkedHashMap<>();
    private final ExplorerViewModel vm;

    public NumbersStrip(ExplorerViewModel vm) {
        this.vm = vm;
        getStyleClass().add(StyleClasses.NUMBERS_STRIP);
        metric("q", "q", "Percentage of the dense layer's edges kept by the pruning mask.");
        metric("edges", "edges", "|E|: non-zero weights of the selected graph (isolated vertices removed).");
        metric("dL", "d_L", "Average left degree d_L = |E| / |L'| (strength sum |w| / |L'| when weighted).");
        metric("dR", "d_R", "Average right degree d_R = |E| / |R'| (strength sum |w| / |R'| when weighted).");
        metric("mu0", "μ_0", "Largest singular value σ_1 of the biadjacency M: the trivial eigenvalue of A.");
        metric("muHat", "μ̂", "Second singular value σ_2 of M: the largest non-trivial eigenvalue magnitude.");
        metric("deltaS", "Δ_S", "Δ_S = 2√(μ_0 − 1) − μ̂: the d-regular Ramanujan bound with d estimated by μ_0."
                + " Undefined where μ_0 < 1. Ramanujan while > 0.");
        metric("deltaR", "Δ_R", "Δ_R = √(d_L − 1) + √(d_R − 1) − μ̂: the biregular bipartite Ramanujan bound with"
                + " average degrees (unweighted graph only). Ramanujan while > 0.");
        metric("fiedler", "λ_2", "Fiedler value: second smallest eigenvalue of the Laplacian L = D − A; 0 when the"
                + " graph is disconnected.");
        metric("cheeger", "h(G) ≥", "Cheeger (edge expansion) lower bound max(λ_2 / 2, (d_min − μ̂) / 2).");
        metric("isolated", "isolated", "Vertices with no kept edge (left + right), removed before the spectrum:"
                + " a symptom of over-pruning.");
        metric("acc", "accuracy", "Test accuracy of the pruned network: a fixed 1,000-example subset while dragging,"
                + " the full test set after release.");
        vm.snapshotProperty().addListener((o, a, b) -> update());
        vm.accuracyProperty().addListener((o, a, b) -> update());
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
        t.setWrapText(true);
        t.setMaxWidth(360);
        Tooltip.install(box, t);
        values.put(key, v);
        getChildren().add(box);
    }

    /** The shown text of one metric (for tests): q, edges, dL, dR, mu0, muHat, deltaS, deltaR, fiedler, ... */
    public String text(String key) {
        return values.get(key).getText();
    }

    private void update() {
        Snapshot s = vm.snapshotProperty().get();
        if (s == null) {
            return;
        }
        LayerAnalysisResult r = s.shown();
        set("q", String.format(Locale.ROOT, "%.1f %%", s.request().keepPercent()));
        set("edges", String.format(Locale.ROOT, "%,d", r.edges()));
        set("dL", num(r.avgDegreeLeft()));
        set("dR", num(r.avgDegreeRight()));
        set("mu0", num(r.mu0()));
        set("muHat", num(r.muHat()));
        gap("deltaS", r.deltaS());
        gap("deltaR", s.unweighted().deltaR());
        set("fiedler", num(r.fiedler()));
        set("cheeger", num(r.cheegerLower()));
        set("isolated", (r.isolatedLeft() + r.isolatedRight()) + "");
        Double acc = vm.accuracyProperty().get();
        set("acc", acc == null ? "–" : String.format(Locale.ROOT, "%.2f %%", 100 * acc));
    }

    private void set(String key, String text) {
        values.get(key).setText(text);
    }

    private void gap(String key, Double v) {
        Label l = values.get(key);
        l.setText(num(v));
        l.getStyleClass().removeAll(StyleClasses.BAD, StyleClasses.GOOD);
        if (v != null) {
            l.getStyleClass().add(v > 0 ? StyleClasses.GOOD : StyleClasses.BAD);
        }
    }

    /** Formats a value for the strip: 3 significant digits, "undef." for undefined. */
    public static String num(Double v) {
        if (v == null) {
            return "undef.";
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a != 0 && (a < 0.01 || a >= 1e5) ? "%.3e" : "%.3f", v);
    }
}
