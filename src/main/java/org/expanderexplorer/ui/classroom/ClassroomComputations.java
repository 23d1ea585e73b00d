package org.expanderexplorer.ui.classroom;

import org.expanderexplorer.core.drawing.GraphDrawing;
import org.expanderexplorer.core.drawing.GraphDrawings;
import org.expanderexplorer.core.graph.BiregularReference;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.pruning.PruningMask;
import org.expanderexplorer.core.spectral.LayerAnalysis;
import org.expanderexplorer.core.spectral.SingularTriplets;
import org.expanderexplorer.core.spectral.SingularValues;
import org.expanderexplorer.core.spectral.SingularVectors;

/** The classroom's background work: every call goes to core services, none runs on the UI thread. */
final class ClassroomComputations {

    /** Seed of the random biregular reference (shown in its legend). */
    static final long REFERENCE_SEED = 1;

    private ClassroomComputations() {
    }

    /** Analyses {@code mask} on {@code source}: both representations, vectors, drawing, reference, accuracy. */
    static GraphState analyse(ClassroomSource source, PruningMask mask) {
        long t0 = System.nanoTime();
        WeightMatrix m = mask.applyTo(source.dense());
        LayerGraph u = LayerGraph.of(m, Representation.UNWEIGHTED);
        LayerGraph w = LayerGraph.of(m, Representation.WEIGHTED);
        var ru = new LayerAnalysis(u).result();
        var rw = new LayerAnalysis(w).result();
        SingularTriplets vu = u.edges() == 0 ? null : new SingularVectors(u).result();
        SingularTriplets vw = w.edges() == 0 ? null : new SingularVectors(w).result();
        int[] drawingOf = new int[u.vertexCount()];
        for (int a = 0; a < u.left(); a++) {
            drawingOf[a] = u.originalLeftIndex(a);
        }
        for (int b = 0; b < u.right(); b++) {
            drawingOf[u.left() + b] = m.rows() + u.originalRightIndex(b);
        }
        GraphDrawing drawing = GraphDrawings.bipartite(m, source.dense(), true);
        BiregularReference ref = null;
        double[] refValues = null;
        if (u.edges() > 0) {
            ref = BiregularReference.like(u.left(), u.right(), u.avgDegreeLeft(), u.avgDegreeRight(),
                    REFERENCE_SEED);
            refValues = new SingularValues(LayerGraph.of(ref.matrix(), Representation.UNWEIGHTED)).result()
                    .valuesArray();
        }
        Double accuracy = source.accuracy(mask);
        return new GraphState(source, mask, ru, rw, vu, vw, drawingOf, drawing, ref, refValues, mask.rowCounts(),
                mask.colCounts(), accuracy, (System.nanoTime() - t0) / 1_000_000);
    }
}
