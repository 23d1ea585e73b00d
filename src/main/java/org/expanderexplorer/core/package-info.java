/**
 * The engine of Expander Explorer: models, data, layer graphs, spectra, pruning, sweeps and reports. Nothing in
 * here imports JavaFX, the UI or the CLI; both front ends call these services.
 */
package org.expanderexplorer.core;
