/**
 * The thing being explored: a recurrent layer of a loaded model, or a plain matrix opened from a file
 * ({@link org.expanderexplorer.core.subject.Subject}), with the data set that measures its accuracy
 * ({@link org.expanderexplorer.core.subject.AccuracyProbe}), the pruning settings and the pruned state at a q, the
 * named graphs it offers ({@link org.expanderexplorer.core.subject.GraphId}), and the export of the pruned model.
 * The command line, the sweeps and the window all reach a model through this package.
 *
 * <p>One door ({@link org.expanderexplorer.core.subject.LoadedModel}) so that a file the window refuses is refused
 * by the command line with the same message, and a check such as "the data fits the model" is made in one place.
 * The subject uses {@code model}, {@code data}, {@code graph} and {@code pruning}, never the analyses: what is
 * explored does not depend on how it is measured.
 */
package org.expanderexplorer.core.subject;
