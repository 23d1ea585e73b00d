package org.expanderexplorer.core.drawing;

import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;
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
 */
public record Snapshot(AnalysisRequest request, PrunedState state, LayerAnalysisResult unweighted,
                       LayerAnalysisResult weighted, GraphDrawing drawing, long millis) {

    /** The analysis in the representation the user looks at. */
    public LayerAnalysisResult shown() {
        return request.representation() == Representation.WEIGHTED ? weighted : unweighted;
    }
}
