package org.expanderexplorer.core.drawing;

import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;
import org.expanderexplorer.core.spectral.UnfoldedAnalysis;
import org.expanderexplorer.core.subject.PrunedState;

/**
 * Everything the panels show for one slider position, computed off the UI thread.
 *
 * @param request    what was asked
 * @param state      the pruned matrices and masks
 * @param unweighted analysis of the selected graph, unweighted
 * @param weighted   analysis of the selected graph, weighted
 * @param drawing    the graph view's drawing
 * @param millis     time it took
 * @param unfolded   the numbers of the time-unfolded graph drawn (in the request's representation), or null when
 *                   the drawing is not unfolded (a plain matrix, a stacked LSTM matrix)
 */
public record Snapshot(AnalysisRequest request, PrunedState state, LayerAnalysisResult unweighted,
                       LayerAnalysisResult weighted, GraphDrawing drawing, long millis,
                       UnfoldedAnalysis.Result unfolded) {

    /** The analysis in the representation the user looks at. */
    public LayerAnalysisResult shown() {
        return request.representation() == Representation.WEIGHTED ? weighted : unweighted;
    }
}
