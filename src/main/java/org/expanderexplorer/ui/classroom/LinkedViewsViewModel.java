package org.expanderexplorer.ui.classroom;

import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.expanderexplorer.core.report.Charts;
import org.expanderexplorer.core.report.FigureSpec;
import org.expanderexplorer.core.report.FigureStyle;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;
import org.expanderexplorer.core.spectral.SingularTriplets;
import org.expanderexplorer.ui.task.UiExecutor;

/**
 * Linked views: what colours the graph's vertices (nothing, the Fiedler vector, or the singular vectors u_i and
 * v_i of a singular value chosen by clicking the spectrum) and which cut is highlighted (an optimal Cheeger set
 * on small graphs, the sweep cut otherwise). The colouring is derived from finished results with O(vertices)
 * work, cheap enough for bindings.
 */
public final class LinkedViewsViewModel {

    /** What the vertex colours show. */
    public enum Colouring {
        NONE("plain"), FIEDLER("Fiedler vector"), SINGULAR("singular vectors u_i, v_i");

        private final String label;

        Colouring(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final ClassroomViewModel vm;
    private final UiExecutor executor;
    private final ObjectProperty<Colouring> colouring = new SimpleObjectProperty<>(Colouring.NONE);
    private final IntegerProperty singularIndex = new SimpleIntegerProperty(2);
    private final BooleanProperty showCut = new SimpleBooleanProperty(true);
    private final BooleanProperty reference = new SimpleBooleanProperty(true);
    private final ObjectBinding<double[]> vertexValues;
    private final ObjectBinding<boolean[]> highlight;
    private final StringBinding legend;

    public LinkedViewsViewModel(ClassroomViewModel vm, UiExecutor executor) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.executor = Objects.requireNonNull(executor, "executor");
        vertexValues = Bindings.createObjectBinding(this::values, vm.stateProperty(), vm.weightedProperty(),
                colouring, singularIndex);
        highlight = Bindings.createObjectBinding(() -> CutSets.highlight(vm.stateProperty().get(),
                vm.weightedProperty().get(), showCut.get()), vm.stateProperty(), vm.weightedProperty(), showCut);
        legend = Bindings.createStringBinding(this::legendText, vm.stateProperty(), vm.weightedProperty(),
                colouring, singularIndex, showCut);
    }

    /** Colours the vertices by the singular vectors of sigma_i (1-based), clamped to the spectrum. */
    public void selectSingular(int i) {
        GraphState g = vm.stateProperty().get();
        int count = g == null ? i : g.shown(vm.weightedProperty().get()).singularValues().size();
        singularIndex.set(Math.max(1, Math.min(i, Math.max(1, count))));
        colouring.set(Colouring.SINGULAR);
    }

    /**
     * Selects the singular value under a click on the spectrum chart: maps the click's x (logical pixels within
     * the chart drawn at width x height) to the index axis in the background, then rounds to the nearest i.
     */
    public void selectSingularAt(FigureSpec spectrum, FigureStyle style, int width, int height, double x) {
        if (spectrum == null || width < 50 || height < 50) {
            return;
        }
        executor.submit(() -> Charts.domainValueAt(Charts.build(spectrum, style), width, height, x), v -> {
            if (!Double.isNaN(v)) {
                selectSingular((int) Math.round(v));
            }
        }, e -> vm.setStatus("Could not read the click: " + e.getMessage()));
    }

    private double[] values() {
        GraphState g = vm.stateProperty().get();
        if (g == null || colouring.get() == Colouring.NONE) {
            return null;
        }
        boolean w = vm.weightedProperty().get();
        int n = g.drawing().vertexCount();
        double[] out = new double[n];
        java.util.Arrays.fill(out, Double.NaN);
        int[] at = g.drawingOfCompact();
        if (colouring.get() == Colouring.FIEDLER) {
            List<Double> f = g.shown(w).fiedlerVector();
            for (int c = 0; c < f.size() && c < at.length; c++) {
                out[at[c]] = f.get(c);
            }
        } else {
            SingularTriplets t = g.vectors(w);
            if (t == null || t.count() == 0) {
                return null;
            }
            int k = Math.max(0, Math.min(singularIndex.get(), t.count()) - 1);
            double[] u = t.leftVector(k);
            double[] v = t.rightVector(k);
            for (int a = 0; a < u.length; a++) {
                out[at[a]] = u[a];
            }
            for (int b = 0; b < v.length; b++) {
                out[at[u.length + b]] = v[b];
            }
        }
        return normalised(out);
    }

    /** Scales by the largest magnitude so the colours span [-1, 1]; NaN (isolated vertices) becomes 0. */
    static double[] normalised(double[] x) {
        double max = 0;
        for (double v : x) {
            if (Double.isFinite(v)) {
                max = Math.max(max, Math.abs(v));
            }
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Double.isFinite(x[i]) && max > 0 ? x[i] / max : 0;
        }
        return out;
    }

    private String legendText() {
        GraphState g = vm.stateProperty().get();
        if (g == null) {
            return "";
        }
        boolean w = vm.weightedProperty().get();
        LayerAnalysisResult r = g.shown(w);
        String colours = switch (colouring.get()) {
            case NONE -> "";
            case FIEDLER -> "Colour: Fiedler vector; blue −, red +.";
            case SINGULAR -> {
                int i = Math.max(1, Math.min(singularIndex.get(), Math.max(1, r.singularValues().size())));
                yield "Colour: u_" + i + " (left), v_" + i + " (right) of σ_" + i + " = "
                        + (r.singularValues().isEmpty() ? "–" : ClassroomViewModel.fmt(r.singularValues().get(i - 1)))
                        + "; blue −, red +" + (i == 1 ? " (one sign: the trivial vector)." : ".");
            }
        };
        String cut = showCut.get() ? CutSets.describe(g, w) : "";
        return (colours + (colours.isEmpty() || cut.isEmpty() ? "" : "   ") + cut).strip();
    }

    public ObjectProperty<Colouring> colouringProperty() {
        return colouring;
    }

    /** The selected singular value's index i, 1-based. */
    public IntegerProperty singularIndexProperty() {
        return singularIndex;
    }

    /** Highlight a Cheeger set and its cut edges. */
    public BooleanProperty showCutProperty() {
        return showCut;
    }

    /** Overlay the spectrum of a random biregular graph with the same rounded degrees. */
    public BooleanProperty referenceProperty() {
        return reference;
    }

    /** A value in [-1, 1] per drawing vertex, or null for plain colours. */
    public ObjectBinding<double[]> vertexValuesProperty() {
        return vertexValues;
    }

    /** The highlighted vertex set per drawing vertex, or null. */
    public ObjectBinding<boolean[]> highlightProperty() {
        return highlight;
    }

    /** The caption explaining colours and highlight. */
    public StringBinding legendProperty() {
        return legend;
    }
}
