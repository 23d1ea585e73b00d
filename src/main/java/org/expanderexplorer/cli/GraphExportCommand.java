package org.expanderexplorer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.drawing.GraphExport;
import org.expanderexplorer.core.graph.GraphFiles;
import org.expanderexplorer.core.graph.LabelledGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.PrunedState;
import org.expanderexplorer.core.subject.Subject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code graph}: writes a layer graph, a gate graph or the time-unfolded graph of a model (or the bipartite graph
 * of a matrix) for Gephi, NetworkX, Graphviz or yEd, pruned at q, every dense edge with its weight and a kept flag.
 */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = {"Write a graph as GraphML (.graphml), GEXF for Gephi (.gexf), Graphviz DOT (.dot, .gv) or "
            + "NetworkX node-link JSON (.json), by the extension of --out.",
            "Vertices are named as in the window (x1[3] input unit 3 at step 1, h0[62] and h1[62] hidden unit 62 "
                + "before and after the step, h1[62].f a gate pre-activation of a stacked LSTM matrix, L0 and R5 "
                + "for a matrix's rows and columns); every edge of the dense graph is written with its weight and "
                + "kept = true or false."},
        footer = {"", "Examples:", "  expander-explorer graph --model m.zip --graph hh --keep 20 --out hh.gexf",
            "  expander-explorer graph --model m.zip --graph step.f --unfold 3 --weighted --out f.graphml",
            "  expander-explorer graph --matrix heawood.mtx --out heawood.json"})
final class GraphExportCommand extends CliCommand {

    @Mixin
    LayerSource source;

    @Option(names = "--graph", paramLabel = "NAME", description = "ih, hh, step, one LSTM gate of them (ih.f, "
            + "step.o, ...), or matrix (the default, and the only graph of --matrix).")
    String graph;

    @Option(names = "--unfold", paramLabel = "T", defaultValue = "0",
            description = "Unfold the layer over T time steps, as the window draws it (default 0: the bipartite "
                    + "graph itself).")
    int unfold;

    @Option(names = "--weighted", description = "Edge weights |w| (default: 1 per edge, the unweighted graph).")
    boolean weighted;

    @Mixin
    PruneOptions prune;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "File to write: .graphml, .gexf, .dot, .gv or .json.")
    Path out;

    @Override
    public Integer call() {
        source.checkKeep();
        if (unfold < 0) {
            throw new BadInputException("--unfold must be 0 (no unfolding) or a number of steps, got " + unfold);
        }
        GraphFiles.formatOf(out);
        TrainCommand.checkOutput(out);
        if (source.isModel() && graph == null) {
            throw new BadInputException("--graph is needed with --model: ih, hh, step, or a gate such as hh.f");
        }
        Subject subject = source.subject(prune);
        GraphId id = graph == null ? GraphId.MATRIX : GraphId.parse(graph);
        PrunedState state = source.state(subject, prune);
        GraphExport export = GraphExport.of(subject, state, id, unfold, Representation.of(weighted));
        export.write(out);
        LabelledGraph g = export.graph();
        PrintWriter stdout = out();
        int edges = g.graph().edgeSet().size();
        int kept = g.keptEdges();
        stdout.printf(Locale.ROOT, "wrote %s: %s%n", out, g.title());
        stdout.printf(Locale.ROOT, "  %d vertices, %d edges: %d kept, %d pruned; %d connected component(s) of the "
                + "kept edges (isolated vertices not counted)%n", g.graph().vertexSet().size(), edges, kept,
                edges - kept, g.keptComponents());
        stdout.flush();
        return 0;
    }
}
