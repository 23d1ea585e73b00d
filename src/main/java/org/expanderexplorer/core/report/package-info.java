/**
 * Figures (PNG, SVG, on screen or at a printed size, {@link org.expanderexplorer.core.report.FigureSize}), their
 * data as CSV with a header block ({@link org.expanderexplorer.core.report.FigureCsv}), and JSON of results; a
 * sweep's folder of {@code sweep.csv}, {@code sweep.json} and figures
 * ({@link org.expanderexplorer.core.report.SweepReport}, {@link org.expanderexplorer.core.report.SweepTable}).
 * Typography (ticks, subscripts, label placement) is in docs/decisions/0016.
 */
package org.expanderexplorer.core.report;
