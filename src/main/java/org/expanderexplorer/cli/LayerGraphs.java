package org.expanderexplorer.cli;

import java.nio.file.Path;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.WeightMatrix;

/** Builds layer graphs for commands, turning a refused matrix (NaN weights) into a message naming the file. */
final class LayerGraphs {

    private LayerGraphs() {
    }

    static LayerGraph of(WeightMatrix m, Representation rep, Path source) {
        try {
            return LayerGraph.of(m, rep);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(source + ": " + e.getMessage(), e);
        }
    }
}
