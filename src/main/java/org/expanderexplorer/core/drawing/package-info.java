/**
 * What the graph view draws, as plain arrays: which matrix or gate of a subject, the first units of a wide layer,
 * the time-unfolded layout, sampled edges and ghosts ({@link org.expanderexplorer.core.drawing.GraphDrawing}),
 * the analysis behind one slider position ({@link org.expanderexplorer.core.drawing.SliderAnalysis}), and the
 * rasterisation of a drawing into pixels ({@link org.expanderexplorer.core.drawing.GraphRenderer}). No JavaFX:
 * the window shows these pixels, and the command line can write them.
 */
package org.expanderexplorer.core.drawing;
