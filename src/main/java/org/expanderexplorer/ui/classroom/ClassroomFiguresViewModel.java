package org.expanderexplorer.ui.classroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.report.FigureSpec;
import org.expanderexplorer.core.report.TeachingFigures;
import org.expanderexplorer.ui.chart.SpectralFigures;

/**
 * The classroom's four chart panels, derived from finished results (copying them into arrays only, so cheap
 * enough for bindings): the spectrum with the selected sigma_i and the reference, the gaps and the Cheeger
 * constant along the steps, and the degree histogram.
 */
public final class ClassroomFiguresViewModel extends SpectralFigures {

    private final ObjectBinding<FigureSpec> degrees;

    public ClassroomFiguresViewModel(ClassroomViewModel vm, LinkedViewsViewModel linked) {
        super(spectrumOf(Objects.requireNonNull(vm, "vm"), Objects.requireNonNull(linked, "linked")), gapsOf(vm),
                cheegerOf(vm));
        degrees = Bindings.createObjectBinding(() -> {
            GraphState g = vm.stateProperty().get();
            return g == null ? null : TeachingFigures.degreeHistogram(g.leftDegrees(), g.rightDegrees(),
                    g.unweighted().avgDegreeLeft(), g.unweighted().avgDegreeRight(), "Degrees, step "
                            + vm.stepProperty().get());
        }, vm.stateProperty());
    }

    private static ObjectBinding<FigureSpec> spectrumOf(ClassroomViewModel vm, LinkedViewsViewModel linked) {
        return Bindings.createObjectBinding(() -> {
            GraphState g = vm.stateProperty().get();
            if (g == null) {
                return null;
            }
            boolean w = vm.weightedProperty().get();
            int selected = linked.colouringProperty().get() == LinkedViewsViewModel.Colouring.SINGULAR
                    ? linked.singularIndexProperty().get() : 0;
            boolean ref = linked.referenceProperty().get() && g.reference() != null && !w;
            String refName = ref ? "random (" + g.reference().dl() + "," + g.reference().dr() + ")-biregular" : "";
            return TeachingFigures.spectrum(g.shown(w), "Spectrum, step " + vm.stepProperty().get()
                    + (w ? " (weighted)" : ""), selected, ref ? g.referenceValues() : null, refName);
        }, vm.stateProperty(), vm.weightedProperty(), linked.colouringProperty(), linked.singularIndexProperty(),
                linked.referenceProperty());
    }

    private static ObjectBinding<FigureSpec> gapsOf(ClassroomViewModel vm) {
        return Bindings.createObjectBinding(() -> vm.stateProperty().get() == null ? null
                : TeachingFigures.gaps(steps(vm), vm.stepProperty().get(), vm.lostAtProperty().get(),
                "Ramanujan gaps"), vm.traceProperty(), vm.lostAtProperty(), vm.stateProperty());
    }

    private static ObjectBinding<FigureSpec> cheegerOf(ClassroomViewModel vm) {
        return Bindings.createObjectBinding(() -> vm.stateProperty().get() == null ? null
                : TeachingFigures.cheeger(steps(vm), vm.stepProperty().get(),
                Representation.of(vm.weightedProperty().get()),
                "Cheeger constant" + (vm.weightedProperty().get() ? " (weighted)" : "")),
                vm.traceProperty(), vm.weightedProperty(), vm.stateProperty());
    }

    /** The trace in the view's representation. */
    private static List<TeachingFigures.Step> steps(ClassroomViewModel vm) {
        boolean w = vm.weightedProperty().get();
        List<TeachingFigures.Step> out = new ArrayList<>();
        for (TracePoint p : vm.traceProperty().get()) {
            out.add(p.in(w));
        }
        return out;
    }

    public ObjectBinding<FigureSpec> degrees() {
        return degrees;
    }
}
