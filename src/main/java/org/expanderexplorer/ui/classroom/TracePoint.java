package org.expanderexplorer.ui.classroom;

import org.expanderexplorer.core.report.TeachingFigures;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;

/**
 * One analysed step on the current path of edits, as the numbers the step panels plot (not the whole
 * analyses, so that a long session stays small).
 *
 * @param unweighted the step's numbers with the unweighted Cheeger values
 * @param weighted   the same with the Cheeger values of |W|
 */
public record TracePoint(TeachingFigures.Step unweighted, TeachingFigures.Step weighted) {

    static TracePoint of(int step, GraphState g) {
        LayerAnalysisResult u = g.unweighted();
        LayerAnalysisResult w = g.weighted();
        return new TracePoint(
                new TeachingFigures.Step(step, u.edges(), u.deltaR(), u.deltaS(), w.deltaS(), u.cheegerLower(),
                        u.sweepCutRatio(), u.cheegerExact(), g.accuracy()),
                new TeachingFigures.Step(step, u.edges(), u.deltaR(), u.deltaS(), w.deltaS(), w.cheegerLower(),
                        w.sweepCutRatio(), w.cheegerExact(), g.accuracy()));
    }

    /** 0 for the whole graph. */
    public int step() {
        return unweighted.step();
    }

    /** The numbers in the view's representation. */
    public TeachingFigures.Step in(boolean weightedView) {
        return weightedView ? weighted : unweighted;
    }

    /** The gap deciding "Ramanujan" in the view: Delta_R unweighted, Delta_S of |W| weighted. */
    public Double gap(boolean weightedView) {
        return weightedView ? weighted.deltaSWeighted() : unweighted.deltaR();
    }
}
