package org.expanderexplorer.ui.graph;

/**
 * Vertices picked on the graph canvas: one by a click, those inside a box by Shift+drag.
 *
 * @param vertices drawing vertices
 * @param add      add to the current set (Ctrl held, or Shift on a click) rather than replace it
 */
public record PickedVertices(int[] vertices, boolean add) {
}
