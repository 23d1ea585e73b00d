package org.expanderexplorer.core.drawing;

import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.PruneSettings;
import org.expanderexplorer.core.subject.Subject;

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
