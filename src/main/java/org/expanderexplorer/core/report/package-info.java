/**
 * Figures (PNG, SVG), CSV and JSON of results.
 */
package org.expanderexplorer.core.report;
