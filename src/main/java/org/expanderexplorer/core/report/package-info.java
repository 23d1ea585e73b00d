/**
 * Figures (PNG, SVG), CSV and JSON of results; a sweep's folder of {@code sweep.csv}, {@code sweep.json} and
 * figures ({@link org.expanderexplorer.core.report.SweepReport}, {@link org.expanderexplorer.core.report.SweepTable}).
 */
package org.expanderexplorer.core.report;
