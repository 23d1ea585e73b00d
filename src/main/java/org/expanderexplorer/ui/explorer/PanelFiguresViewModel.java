package org.expanderexplorer.ui.explorer;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import org.expanderexplorer.core.drawing.Snapshot;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.report.FigureSpec;
import org.expanderexplorer.core.report.Figures;
import org.expanderexplorer.core.sweep.SweepPoint;
import org.expanderexplorer.core.sweep.SweepResult;
import org.expanderexplorer.ui.chart.SpectralFigures;

/**
 * The four chart panels' figures, derived from the explorer's state. Building a {@link FigureSpec} only copies
 * finished results into arrays, so these bindings are cheap enough for the UI thread.
 */
public final class PanelFiguresViewModel extends SpectralFigures {

    private final ObjectBinding<FigureSpec> accuracy;

    public PanelFiguresViewModel(ExplorerViewModel vm) {
        super(spectrumOf(vm), gapsOf(vm), cheegerOf(vm));
        accuracy = Bindings.createObjectBinding(() -> {
            if (vm.subjectProperty().get() == null) {
                return null;
            }
            if (vm.subjectProperty().get().probe() == null) {
                return FigureSpec.builder(vm.subjectProperty().get().isLayer()
                        ? "No test data: Model > Choose data set..."
                        : "A plain matrix has no network, so no accuracy").axes(Figures.Q_AXIS, "test accuracy (%)",
                        null).xDescending(true).build();
            }
            SweepResult done = vm.finishedCurveProperty().get();
            Double stop = done == null || done.stopping() == null ? null : done.stopping().recommended();
            return Figures.accuracy(vm.curveProperty().get(), vm.denseAccuracyProperty().get(),
                    shownQ(vm), vm.accuracyProperty().get(), stop, vm.logQProperty().get(),
                    "Test accuracy on " + vm.subjectProperty().get().probe().dataName());
        }, vm.curveProperty(), vm.finishedCurveProperty(), vm.denseAccuracyProperty(), vm.accuracyProperty(),
                vm.keepPercentProperty(), vm.subjectProperty(), vm.snapshotProperty(), vm.logQProperty());
    }

    private static ObjectBinding<FigureSpec> spectrumOf(ExplorerViewModel vm) {
        return Bindings.createObjectBinding(() -> {
            Snapshot s = vm.snapshotProperty().get();
            return s == null ? null : Figures.spectrum(s.shown(), "Spectrum of " + graphTitle(s));
        }, vm.snapshotProperty());
    }

    private static ObjectBinding<FigureSpec> gapsOf(ExplorerViewModel vm) {
        return Bindings.createObjectBinding(() -> {
            List<SweepPoint> c = vm.curveProperty().get();
            return vm.subjectProperty().get() == null ? null
                    : Figures.gaps(c, vm.graphProperty().get(), shownQ(vm), vm.logQProperty().get(),
                    "Ramanujan gaps of " + vm.graphProperty().get() + " against q");
        }, vm.curveProperty(), vm.keepPercentProperty(), vm.graphProperty(), vm.subjectProperty(),
                vm.snapshotProperty(), vm.logQProperty());
    }

    private static ObjectBinding<FigureSpec> cheegerOf(ExplorerViewModel vm) {
        return Bindings.createObjectBinding(() -> {
            Representation r = Representation.of(vm.weightedProperty().get());
            return vm.subjectProperty().get() == null ? null
                    : Figures.cheeger(vm.curveProperty().get(), vm.graphProperty().get(), r, shownQ(vm),
                    vm.logQProperty().get(), "Cheeger constant of " + vm.graphProperty().get() + " ("
                            + r.name().toLowerCase(Locale.ROOT) + ")");
        }, vm.curveProperty(), vm.keepPercentProperty(), vm.graphProperty(), vm.weightedProperty(),
                vm.subjectProperty(), vm.snapshotProperty(), vm.logQProperty());
    }

    /** The slider's q, or the q actually kept where the ramanujan method stopped above it. */
    private static double shownQ(ExplorerViewModel vm) {
        Snapshot s = vm.snapshotProperty().get();
        return s != null && s.state().belowReach() ? s.state().actualKeepPercent() : vm.keepPercentProperty().get();
    }

    private static String graphTitle(Snapshot s) {
        String q = s.state().belowReach()
                ? String.format(Locale.ROOT, "%.1f %% (lowest reachable)", s.state().actualKeepPercent())
                : String.format(Locale.ROOT, "%.1f %%", s.request().keepPercent());
        return s.request().graph() + " at q = " + q + " (" + s.request().representation().name()
                .toLowerCase(Locale.ROOT) + ")";
    }

    public ObjectBinding<FigureSpec> accuracy() {
        return accuracy;
    }
}
