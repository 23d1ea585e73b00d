package org.expanderexplorer.ui.chart;

import java.util.Objects;
import javafx.beans.binding.ObjectBinding;
import org.expanderexplorer.core.report.FigureSpec;

/**
 * The three figures the explorer's and the classroom's chart panels both show: the spectrum, the Ramanujan gaps and
 * the Cheeger constant, as bindings the panels follow. Subclasses derive them from their own state and add the
 * fourth panel (accuracy in the explorer, degrees in the classroom).
 */
public abstract class SpectralFigures {

    private final ObjectBinding<FigureSpec> spectrum;
    private final ObjectBinding<FigureSpec> gaps;
    private final ObjectBinding<FigureSpec> cheeger;

    protected SpectralFigures(ObjectBinding<FigureSpec> spectrum, ObjectBinding<FigureSpec> gaps,
                              ObjectBinding<FigureSpec> cheeger) {
        this.spectrum = Objects.requireNonNull(spectrum, "spectrum");
        this.gaps = Objects.requireNonNull(gaps, "gaps");
        this.cheeger = Objects.requireNonNull(cheeger, "cheeger");
    }

    /** The singular values of the shown graph. */
    public final ObjectBinding<FigureSpec> spectrum() {
        return spectrum;
    }

    /** The Ramanujan gaps along the pruning. */
    public final ObjectBinding<FigureSpec> gaps() {
        return gaps;
    }

    /** The Cheeger constant and its bounds along the pruning. */
    public final ObjectBinding<FigureSpec> cheeger() {
        return cheeger;
    }
}
