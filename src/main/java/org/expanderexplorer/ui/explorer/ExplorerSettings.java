package org.expanderexplorer.ui.explorer;

import java.util.List;
import java.util.Objects;
import org.expanderexplorer.core.pruning.PruningMethod;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.Scope;
import org.expanderexplorer.core.subject.Subject;

/**
 * How the explorer is set, apart from the subject and q: what a session stores, and what a newly opened document
 * inherits from the previous one.
 *
 * @param method   pruning method
 * @param scope    which matrices the slider prunes
 * @param perGate  prune each LSTM gate separately
 * @param graph    the selected graph
 * @param weighted weighted view
 * @param window   unfolded time steps drawn
 * @param seed     seed of random pruning
 */
public record ExplorerSettings(PruningMethod method, Scope scope, boolean perGate, GraphId graph, boolean weighted,
                               int window, int seed) {

    public ExplorerSettings {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(graph, "graph");
    }

    /**
     * The graph to show of {@code subject} when {@code wanted} was selected before: the same graph when the subject
     * has it, else the whole matrix of the same kind (an RNN has {@code hh} but not {@code hh.f}), else the
     * subject's default graph ({@link Subject#defaultGraph}).
     */
    public static GraphId graphFor(Subject subject, GraphId wanted) {
        List<GraphId> graphs = subject.graphs();
        if (wanted != null && graphs.contains(wanted)) {
            return wanted;
        }
        if (wanted != null && wanted.gate() != null) {
            GraphId whole = new GraphId(wanted.kind(), null);
            if (graphs.contains(whole)) {
                return whole;
            }
        }
        return subject.defaultGraph();
    }
}
