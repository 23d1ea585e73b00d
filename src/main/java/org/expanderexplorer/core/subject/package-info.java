/**
 * The thing being explored: a recurrent layer of a loaded model, or a plain matrix opened from a file
 * ({@link org.expanderexplorer.core.subject.Subject}), with the data set that measures its accuracy
 * ({@link org.expanderexplorer.core.subject.AccuracyProbe}), the pruning settings and the pruned state at a q, the
 * named graphs it offers ({@link org.expanderexplorer.core.subject.GraphId}), and the export of the pruned model.
 * The command line, the sweeps and the window all reach a model through this package.
 */
package org.expanderexplorer.core.subject;
