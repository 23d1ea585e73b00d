package org.expanderexplorer.ui.explorer;

import javafx.scene.layout.FlowPane;
import org.expanderexplorer.ui.common.MetricCells;
import org.expanderexplorer.ui.common.StyleClasses;

/**
 * The numbers strip under the panels: the figures a student copies into a report, each with a tooltip giving its
 * definition and formula; the gaps coloured by sign. Wraps onto further lines when the window is narrow or the
 * scale large.
 */
public final class NumbersView extends FlowPane {

    private final MetricCells cells = new MetricCells(this).wrapTooltipsAt(360);

    public NumbersView(NumbersViewModel vm) {
        getStyleClass().add(StyleClasses.NUMBERS_STRIP);
        setHgap(18);
        setVgap(4);
        for (NumbersViewModel.Metric m : NumbersViewModel.METRICS) {
            cells.add(m.key(), m.name(), m.definition());
        }
        show(vm.shownProperty().get());
        vm.shownProperty().addListener((o, a, b) -> show(b));
    }

    private void show(NumbersViewModel.Shown s) {
        s.texts().forEach(cells::set);
        if (!"–".equals(s.texts().get("q"))) { // dashes until the first analysis
            cells.gap("deltaS", s.deltaS());
            cells.gap("deltaR", s.deltaR());
        }
    }

    /** The shown text of one metric (for tests): q, edges, dL, dR, mu0, muHat, deltaS, deltaR, fiedler, ... */
    public String text(String key) {
        return cells.text(key);
    }
}
