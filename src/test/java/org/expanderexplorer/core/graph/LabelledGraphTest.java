package org.expanderexplorer.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Random;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.graph.LabelledGraph.Vertex;
import org.expanderexplorer.core.io.Json;
import org.jgrapht.Graph;
import org.jgrapht.GraphMetrics;
import org.jgrapht.GraphTests;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.jgrapht.nio.dot.DOTImporter;
import org.junit.jupiter.api.Test;

/**
 * The teaching graphs and our CSR results checked against JGraphT's own algorithms, and the graph files read back.
 */
class LabelledGraphTest {

    private static LabelledGraph of(WeightMatrix m) {
        return LabelledGraph.bipartite("test", m, m, Representation.UNWEIGHTED,
                i -> new Vertex("L" + i, "left", -1, i, null), j -> new Vertex("R" + j, "right", -1, j, null));
    }

    @Test
    void heawoodIsTheCubicBipartiteGraphOfGirthSix() {
        Graph<Vertex, LabelledGraph.Edge> g = of(TeachingGraphs.heawood()).graph();
        assertThat(g.vertexSet()).hasSize(14);
        assertThat(g.edgeSet()).hasSize(21);
        assertThat(GraphTests.isBipartite(g)).isTrue();
        assertThat(GraphTests.isConnected(g)).isTrue();
        assertThat(g.vertexSet()).allSatisfy(v -> assertThat(g.degreeOf(v)).isEqualTo(3));
        assertThat(GraphMetrics.getGirth(g)).isEqualTo(6);
    }

    @Test
    void projectivePlaneIncidenceGraphsHaveGirthSixAndDegreeQPlusOne() {
        for (int q : new int[] {2, 3, 5, 7}) {
            Graph<Vertex, LabelledGraph.Edge> g = of(TeachingGraphs.projectivePlane(q)).graph();
            assertThat(g.vertexSet()).hasSize(2 * (q * q + q + 1));
            assertThat(g.vertexSet()).allSatisfy(v -> assertThat(g.degreeOf(v)).isEqualTo(q + 1));
            // two points share exactly one line: no 4-cycle, and PG(2, q) has triangles, so girth 6
            assertThat(GraphMetrics.getGirth(g)).as("q = %d", q).isEqualTo(6);
            assertThat(GraphTests.isBipartite(g)).isTrue();
        }
    }

    @Test
    void cyclesAndCompleteBipartiteGraphs() {
        Graph<Vertex, LabelledGraph.Edge> c = of(TeachingGraphs.evenCycle(10)).graph();
        assertThat(GraphMetrics.getGirth(c)).isEqualTo(10);
        assertThat(c.vertexSet()).allSatisfy(v -> assertThat(c.degreeOf(v)).isEqualTo(2));
        Graph<Vertex, LabelledGraph.Edge> k = of(TeachingGraphs.completeBipartite(3, 5)).graph();
        assertThat(k.edgeSet()).hasSize(15);
        assertThat(GraphMetrics.getGirth(k)).isEqualTo(4);
    }

    @Test
    void componentsOfTheKeptEdgesMatchTheCsrCountOfLayerGraph() {
        Random rnd = new Random(17);
        for (int trial = 0; trial < 40; trial++) {
            int rows = 2 + rnd.nextInt(12);
            int cols = 2 + rnd.nextInt(12);
            double p = 0.05 + 0.25 * rnd.nextDouble();
            double[] dense = new double[rows * cols];
            double[] pruned = new double[rows * cols];
            for (int k = 0; k < dense.length; k++) {
                dense[k] = rnd.nextDouble() < 3 * p ? rnd.nextGaussian() : 0;
                pruned[k] = rnd.nextDouble() < p / (3 * p) ? dense[k] : 0;
            }
            WeightMatrix pm = new WeightMatrix(rows, cols, pruned);
            LabelledGraph g = LabelledGraph.bipartite("t", pm, new WeightMatrix(rows, cols, dense),
                    Representation.WEIGHTED, i -> new Vertex("L" + i, "left", -1, i, null),
                    j -> new Vertex("R" + j, "right", -1, j, null));
            LayerGraph csr = LayerGraph.of(pm, Representation.WEIGHTED);
            assertThat(g.keptComponents()).as("trial %d", trial).isEqualTo(csr.components());
            assertThat(g.keptEdges()).isEqualTo(csr.edges());
            for (LabelledGraph.Edge e : g.graph().edgeSet()) {
                int i = g.graph().getEdgeSource(e).unit();
                int j = g.graph().getEdgeTarget(e).unit();
                assertThat(e.kept()).isEqualTo(pm.get(i, j) != 0);
                assertThat(g.graph().getEdgeWeight(e)).isEqualTo(Math.abs(dense[i * cols + j]));
            }
        }
    }

    @Test
    void dotReadsBackWithJGraphTAndJsonIsNodeLink() throws Exception {
        LabelledGraph g = of(TeachingGraphs.heawood());
        Graph<String, DefaultEdge> back = new SimpleGraph<>(DefaultEdge.class);
        DOTImporter<String, DefaultEdge> importer = new DOTImporter<>();
        importer.setVertexFactory(id -> id);
        importer.importGraph(back, new StringReader(GraphFiles.toText(g, GraphFiles.Format.DOT)));
        assertThat(back.vertexSet()).hasSize(14);
        assertThat(back.edgeSet()).hasSize(21);
        JsonNode json = Json.readTree(GraphFiles.toText(g, GraphFiles.Format.JSON).getBytes("UTF-8"));
        assertThat(json.get("directed").asBoolean()).isFalse();
        assertThat(json.get("multigraph").asBoolean()).isFalse();
        assertThat(json.get("nodes")).hasSize(14);
        assertThat(json.get("nodes").get(7).get("id").asText()).isEqualTo("R0");
        assertThat(json.get("edges")).hasSize(21);
        assertThat(json.get("edges").get(0).get("kept").asBoolean()).isTrue();
    }

    @Test
    void formatByExtension() {
        assertThat(GraphFiles.formatOf(Path.of("a.GraphML"))).isEqualTo(GraphFiles.Format.GRAPHML);
        assertThat(GraphFiles.formatOf(Path.of("a.gv"))).isEqualTo(GraphFiles.Format.DOT);
        assertThatThrownBy(() -> GraphFiles.formatOf(Path.of("a.txt"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("a.txt").hasMessageContaining(".gexf");
    }
}
