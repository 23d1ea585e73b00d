package org.expanderexplorer.core.sweep;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.pruning.PruningSchedule;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.PruneSettings;

/**
 * What a sparsity sweep computes.
 *
 * @param schedule        the q grid (from 100 % down)
 * @param settings        pruning method and scope
 * @param graphs          monitored graphs
 * @param representations unweighted, weighted or both
 * @param accuracyLimit   test examples for accuracy: 0 = the full test set, n &gt; 0 = a fixed subset of n,
 *                        -1 = no accuracy
 * @param options         spectral options (e.g. whether to enumerate exact Cheeger constants)
 */
public record SweepConfig(PruningSchedule schedule, PruneSettings settings, List<GraphId> graphs,
                          Set<Representation> representations, int accuracyLimit,
                          org.expanderexplorer.core.spectral.AnalysisOptions options) {

    public SweepConfig {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(settings, "settings");
        graphs = List.copyOf(graphs);
        representations = Set.copyOf(representations);
        Objects.requireNonNull(options, "options");
        if (graphs.isEmpty()) {
            throw new BadInputException("a sweep needs at least one graph to monitor");
        }
        if (representations.isEmpty()) {
            throw new BadInputException("a sweep needs the unweighted or the weighted representation (or both)");
        }
        if (accuracyLimit < -1) {
            throw new BadInputException("accuracy limit must be -1 (none), 0 (full test set) or positive");
        }
    }
}
