/**
 * Figures (PNG, SVG, on screen or at a printed size, {@link org.expanderexplorer.core.report.FigureSize}), their
 * data as CSV with a header block ({@link org.expanderexplorer.core.report.FigureCsv}), and JSON of results; a
 * sweep's folder of {@code sweep.csv}, {@code sweep.json} and figures
 * ({@link org.expanderexplorer.core.report.SweepReport}, {@link org.expanderexplorer.core.report.SweepTable}).
 * Typography (ticks, subscripts, label placement) is in docs/decisions/0016.
 *
 * <p>Reports depend on results only (decision 0018): sweep and spectral results, the ids that name graphs, never
 * a model or a data set. A figure is described once ({@link org.expanderexplorer.core.report.FigureSpec}) and
 * drawn by JFreeChart for the screen, PNG, SVG and the command line alike (decision 0003), so an exported figure
 * looks like the panel it came from.
 */
package org.expanderexplorer.core.report;
