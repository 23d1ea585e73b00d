package org.expanderexplorer.ui.explorer;

import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.sweep.GraphId;
import org.expanderexplorer.core.sweep.PruneSettings;
import org.expanderexplorer.core.sweep.Subject;

/**
 * One slider position with its settings.
 *
 * @param subject        what is explored
 * @param keepPercent    q
 * @param settings       method and scope
 * @param graph          the selected graph
 * @param representation unweighted or weighted view
 * @param window         steps T' drawn in the unfolded view
 * @param ghosts         draw pruned edges as ghosts
 */
public record AnalysisRequest(Subject subject, double keepPercent, PruneSettings settings, GraphId graph,
                              Representation representation, int window, boolean ghosts) {
}
