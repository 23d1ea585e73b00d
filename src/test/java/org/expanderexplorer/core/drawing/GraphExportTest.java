package org.expanderexplorer.core.drawing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.graph.GateOrder;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.UnfoldedGraph;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.pruning.PruningMethod;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.PruneSettings;
import org.expanderexplorer.core.subject.PrunedState;
import org.expanderexplorer.core.subject.Subject;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphExportTest {

    @TempDir
    Path dir;

    /** A seeded random vanilla-RNN layer, 6 inputs and 10 hidden units, about 60 % dense. */
    private static Subject rnn() {
        return Subject.ofLayer("rnn", random(6, 10, 1), random(10, 10, 2), null, null);
    }

    private static Subject lstm() {
        return Subject.ofLayer("lstm", random(5, 16, 3), random(4, 16, 4), GateOrder.DL4J_LSTM, null);
    }

    private static WeightMatrix random(int rows, int cols, long seed) {
        Random rnd = new Random(seed);
        double[] v = new double[rows * cols];
        for (int k = 0; k < v.length; k++) {
            v[k] = rnd.nextDouble() < 0.6 ? rnd.nextGaussian() : 0;
        }
        return new WeightMatrix(rows, cols, v);
    }

    /**
     * Reads a GraphML file with JGraphT: every edge with its weight and kept flag, by the window's names of its
     * ends ("h0[3] h1[5]"), which GraphML carries as labels.
     */
    private static Map<String, Boolean> readGraphMl(Path file, Map<String, Double> weights) throws IOException {
        Graph<String, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        GraphMLImporter<String, DefaultWeightedEdge> importer = new GraphMLImporter<>();
        importer.setVertexFactory(id -> id);
        Map<DefaultWeightedEdge, Boolean> kept = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        importer.addVertexAttributeConsumer((vertex, attribute) -> {
            if (vertex.getSecond().equals("label")) {
                labels.put(vertex.getFirst(), attribute.getValue());
            }
        });
        importer.addEdgeAttributeConsumer((edge, attribute) -> {
            if (edge.getSecond().equals("kept")) {
                kept.put(edge.getFirst(), Boolean.parseBoolean(attribute.getValue()));
            }
        });
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            importer.importGraph(g, r);
        }
        Map<String, Boolean> out = new HashMap<>();
        for (DefaultWeightedEdge e : g.edgeSet()) {
            String key = labels.get(g.getEdgeSource(e)) + " " + labels.get(g.getEdgeTarget(e));
            out.put(key, kept.get(e));
            weights.put(key, g.getEdgeWeight(e));
        }
        return out;
    }

    @Test
    void aGraphMlExportReadBackByJGraphTHasExactlyTheKeptEdges() throws IOException {
        Subject s = rnn();
        PrunedState state = s.prune(30, PruneSettings.DEFAULT);
        Path file = dir.resolve("hh.graphml");
        GraphExport.of(s, state, GraphId.HH, 0, Representation.WEIGHTED).write(file);
        Map<String, Double> weights = new HashMap<>();
        Map<String, Boolean> edges = readGraphMl(file, weights);
        WeightMatrix dense = s.hiddenToHidden();
        WeightMatrix pruned = state.hh();
        Set<String> expectedKept = new HashSet<>();
        int denseEdges = 0;
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 10; j++) {
                String key = "h0[" + i + "] h1[" + j + "]";
                if (pruned.get(i, j) != 0) {
                    expectedKept.add(key);
                    assertThat(weights.get(key)).isEqualTo(Math.abs(pruned.get(i, j)));
                }
                denseEdges += dense.get(i, j) != 0 ? 1 : 0;
            }
        }
        Set<String> kept = new HashSet<>();
        edges.forEach((k, v) -> {
            if (v) {
                kept.add(k);
            }
        });
        assertThat(expectedKept).hasSize(30);
        assertThat(kept).isEqualTo(expectedKept);
        assertThat(edges).hasSize(denseEdges);
    }

    @Test
    void theUnfoldedExportHasTheUnfoldedGraphsEdgesAndTheWindowsNames() throws IOException {
        Subject s = lstm();
        PrunedState state = s.prune(40, new PruneSettings(PruningMethod.MAGNITUDE, true, true, true, 1, 1));
        GraphExport e = GraphExport.of(s, state, GraphId.parse("step.f"), 3, Representation.UNWEIGHTED);
        var g = e.graph();
        WeightMatrix[] m = SliderAnalysis.unfoldingInputs(s, GraphId.parse("step.f"), state.ih(), state.hh(),
                s.inputToHidden(), s.hiddenToHidden());
        UnfoldedGraph pruned = new UnfoldedGraph(m[0], m[1], 3, Representation.UNWEIGHTED);
        UnfoldedGraph dense = new UnfoldedGraph(m[2], m[3], 3, Representation.UNWEIGHTED);
        assertThat(g.keptEdges()).isEqualTo(pruned.edgeFrom().length);
        assertThat(g.graph().edgeSet()).hasSize(dense.edgeFrom().length);
        assertThat(g.graph().vertexSet()).extracting(v -> v.name()).contains("h0[0]", "x1[4]", "h3[3]");
        Path file = dir.resolve("f.graphml");
        e.write(file);
        Map<String, Boolean> back = readGraphMl(file, new HashMap<>());
        assertThat(back.values().stream().filter(b -> b).count()).isEqualTo(pruned.edgeFrom().length);
        for (int k = 0; k < pruned.edgeFrom().length; k++) {
            assertThat(back.get(pruned.label(pruned.edgeFrom()[k]) + " " + pruned.label(pruned.edgeTo()[k])))
                    .isTrue();
        }
    }

    @Test
    void stackedLstmMatricesNameTheirGatePreActivations() {
        Subject s = lstm();
        var g = GraphExport.of(s, s.dense(), GraphId.IH, 0, Representation.UNWEIGHTED).graph().graph();
        // DL4J's block order is i, f, o, g: column 4 + 1 is unit 1 of the forget gate
        assertThat(g.vertexSet()).extracting(v -> v.name()).contains("x1[0]", "h1[1].f", "h1[3].g");
        assertThat(g.vertexSet()).hasSize(5 + 16);
    }

    @Test
    void refusesWhatDoesNotExist() {
        Subject m = Subject.ofMatrix("m", random(3, 4, 5));
        assertThatThrownBy(() -> GraphExport.of(m, m.dense(), GraphId.MATRIX, 2, Representation.UNWEIGHTED))
                .isInstanceOf(BadInputException.class).hasMessageContaining("unfold");
        assertThatThrownBy(() -> GraphExport.of(rnn(), rnn().dense(), GraphId.parse("hh.f"), 2,
                Representation.UNWEIGHTED)).isInstanceOf(BadInputException.class).hasMessageContaining("no gates");
    }

    /** GEXF and node-link JSON as Gephi's and NetworkX's users read them, where python3 has NetworkX. */
    @Test
    void networkxReadsTheGexfAndTheNodeLinkJson() throws Exception {
        assumeThat(python("import networkx")).as("python3 with networkx").isZero();
        Subject s = rnn();
        PrunedState state = s.prune(25, PruneSettings.DEFAULT);
        GraphExport e = GraphExport.of(s, state, GraphId.STEP, 0, Representation.WEIGHTED);
        e.write(dir.resolve("g.gexf"));
        e.write(dir.resolve("g.json"));
        int kept = e.graph().keptEdges();
        int all = e.graph().graph().edgeSet().size();
        String script = String.join("\n",
                "import json, networkx as nx",
                "g = nx.read_gexf('" + dir.resolve("g.gexf") + "')",
                "d = json.load(open('" + dir.resolve("g.json") + "'))",
                "j = nx.node_link_graph(d, link='edges') if nx.__version__ < '3' else nx.node_link_graph(d)",
                "for h in (g, j):",
                "    assert h.number_of_nodes() == 16 + 10, h.number_of_nodes()",
                "    assert h.number_of_edges() == " + all + ", h.number_of_edges()",
                "    assert sum(1 for *_, a in h.edges(data=True) if a['kept']) == " + kept,
                "    assert nx.is_bipartite(h)",
                "    assert h.nodes['h0[3]']['role'] == 'hidden' and h.nodes['x1[2]']['step'] == 1",
                "assert not j.is_multigraph() and not j.is_directed()");
        assertThat(python(script)).isZero();
    }

    private int python(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true)
                .redirectOutput(dir.resolve("python.log").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        if (p.exitValue() != 0 && !script.equals("import networkx")) {
            System.err.println(Files.readString(dir.resolve("python.log")));
        }
        return p.exitValue();
    }
}
