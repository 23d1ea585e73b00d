/**
 * What the graph view draws, as plain arrays: which matrix or gate of a subject, the first units of a wide layer,
 * the time-unfolded layout, sampled edges and ghosts ({@link org.expanderexplorer.core.drawing.GraphDrawing}),
 * the analysis behind one slider position ({@link org.expanderexplorer.core.drawing.SliderAnalysis}), and the
 * rasterisation of a drawing into pixels ({@link org.expanderexplorer.core.drawing.GraphRenderer}). No JavaFX:
 * the window shows these pixels, and the command line can write them.
 *
 * <p>This is domain work that used to sit in the window: which matrix a graph id means, how a wide layer is cut to
 * its first units, how the unfolded layout is laid out. Keeping it here lets it be tested without a toolkit and
 * lets the graph export ({@link org.expanderexplorer.core.drawing.GraphExport}) write the graph the window shows
 * (whole, where the window draws only the first units of a wide layer). It may use {@code sweep} (the slider's
 * precomputed curves), {@code subject} and the packages below.
 */
package org.expanderexplorer.core.drawing;
