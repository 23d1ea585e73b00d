package org.expanderexplorer;

import org.expanderexplorer.core.drawing.GraphDrawing;

/** Looks up the vertices of a drawing by their labels, as tests name them ({@code x1[0]}, {@code h2[1]}, ...). */
public final class TestDrawings {

    private TestDrawings() {
    }

    /** The index of the vertex labelled {@code label}; fails the test when the drawing has none. */
    public static int vertex(GraphDrawing d, String label) {
        for (int v = 0; v < d.vertexCount(); v++) {
            if (d.labels()[v].equals(label)) {
                return v;
            }
        }
        throw new AssertionError(label);
    }
}
