package org.expanderexplorer.ui.classroom;

import org.expanderexplorer.core.drawing.GraphDrawing;
import org.expanderexplorer.core.graph.BiregularReference;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.pruning.PruningMask;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;
import org.expanderexplorer.core.spectral.SingularTriplets;

/**
 * Everything the classroom shows for one mask, computed off the UI thread. Arrays are never modified after
 * construction.
 *
 * @param source           what is edited
 * @param mask             the kept edges
 * @param unweighted       analysis of the graph, unweighted
 * @param weighted         analysis of |W|
 * @param vectorsUnweighted singular vectors, unweighted (null when the graph has no edges)
 * @param vectorsWeighted  singular vectors of |W| (null when the graph has no edges)
 * @param drawingOfCompact the drawing vertex of each compact vertex of the layer graph (left first)
 * @param drawing          the bipartite drawing, pruned edges as ghosts
 * @param reference        a random biregular graph with the same rounded degrees, or null (no edges)
 * @param referenceValues  its singular values, descending, or null
 * @param leftDegrees      kept edges at every row (isolated ones included)
 * @param rightDegrees     kept edges at every column
 * @param accuracy         test accuracy with this mask, or null without a model
 * @param millis           time it took
 */
public record GraphState(ClassroomSource source, PruningMask mask, LayerAnalysisResult unweighted,
                         LayerAnalysisResult weighted, SingularTriplets vectorsUnweighted,
                         SingularTriplets vectorsWeighted, int[] drawingOfCompact, GraphDrawing drawing,
                         BiregularReference reference, double[] referenceValues, int[] leftDegrees,
                         int[] rightDegrees, Double accuracy, long millis) {

    /** The analysis in the representation on screen. */
    public LayerAnalysisResult shown(boolean weightedView) {
        return weightedView ? weighted : unweighted;
    }

    /** The singular vectors in the representation on screen. */
    public SingularTriplets vectors(boolean weightedView) {
        return weightedView ? vectorsWeighted : vectorsUnweighted;
    }

    /** The matrix with this mask applied. */
    public WeightMatrix matrix() {
        return mask.applyTo(source.dense());
    }

    /**
     * The gap that decides "Ramanujan" in the view: Delta_R unweighted, Delta_S of |W| weighted; null where
     * undefined.
     */
    public Double gap(boolean weightedView) {
        return weightedView ? weighted.deltaS() : unweighted.deltaR();
    }
}
