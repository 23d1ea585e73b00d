package org.expanderexplorer.core.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.expanderexplorer.core.graph.CsrGraph;
import org.junit.jupiter.api.Test;

class GraphAnalysisTest {

    @Test
    void unfoldedLikeGraph() throws Exception {
        CsrGraph g = TestGraphs.unfoldedLike(28, 28, 128, 0.5, false, 3).toGraph();
        GraphAnalysisResult r = new GraphAnalysis(g).result();
        assertThat(r.vertices()).isEqualTo(g.vertexCount());
        assertThat(r.edges()).isEqualTo(g.edgeCount());
        assertThat(r.components()).isEqualTo(1);
        assertThat(r.fiedler()).isPositive();
        assertThat(r.cheegerLower()).isCloseTo(r.fiedler() / 2, within(1e-15));
        assertThat(r.cheegerUpper()).isEqualTo(Math.min(r.sweepCutRatio(), r.cheegerBounds().laplacianUpper()));
        assertThat(r.cheegerLower()).isLessThanOrEqualTo(r.cheegerUpper());
        assertThat(r.cheegerBounds().adjacencyLower()).isNull();
        assertThat(r.cheegerExact()).isNull();
        assertThat(r.sweepCutVertices()).hasSizeLessThanOrEqualTo(g.vertexCount() / 2).isNotEmpty();
        // a chain of 28 steps: the best sweep cut splits it across time and cuts far fewer edges than it keeps
        double cut = r.sweepCutRatio() * r.sweepCutVertices().size();
        assertThat(cut).isLessThan(0.1 * g.edgeCount());
        FiedlerSolverTest.assertEigenpair(g, new GraphAnalysis(g).fiedler(), 1e-9);

        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(r));
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names).isEqualTo(Arrays.stream(GraphAnalysisResult.class.getRecordComponents())
                .map(RecordComponent::getName).toList());
    }

    @Test
    void isolatedVertexMakesItDisconnected() {
        CsrGraph g = TestGraphs.graph(5, new int[][] {{0, 1}, {1, 2}, {2, 3}});
        GraphAnalysisResult r = new GraphAnalysis(g).result();
        assertThat(r.components()).isEqualTo(2);
        assertThat(r.minDegree()).isEqualTo(0.0);
        assertThat(r.fiedler()).isEqualTo(0.0);
        assertThat(r.sweepCutSet()).containsExactly("v4");
        assertThat(r.cheegerExact()).isEqualTo(0.0);
        assertThat(r.cheegerExactSet()).containsExactly("v4");
    }

    @Test
    void pathGraphKnownValues() {
        // P_n: lambda_2 = 2 - 2 cos(pi / n); h = 1 / floor(n / 2) (cut the middle edge)
        int n = 9;
        int[][] edges = new int[n - 1][];
        for (int i = 0; i < n - 1; i++) {
            edges[i] = new int[] {i, i + 1};
        }
        GraphAnalysisResult r = new GraphAnalysis(TestGraphs.graph(n, edges)).result();
        assertThat(r.fiedler()).isCloseTo(2 - 2 * Math.cos(Math.PI / n), within(1e-12));
        assertThat(r.cheegerExact()).isCloseTo(1.0 / 4, within(1e-12));
        assertThat(r.sweepCutRatio()).isCloseTo(1.0 / 4, within(1e-12));
        assertThat(r.fiedlerSolver().method()).isEqualTo(SolverStats.Method.DENSE_EVD);
    }

    @Test
    void emptyAndSingleVertexGraphs() {
        for (int n = 0; n <= 1; n++) {
            GraphAnalysisResult r = new GraphAnalysis(TestGraphs.graph(n, new int[0][])).result();
            assertThat(r.fiedler()).isNull();
            assertThat(r.cheegerLower()).isNull();
            assertThat(r.cheegerUpper()).isNull();
            assertThat(r.sweepCutRatio()).isNull();
            assertThat(r.sweepCutSet()).isEmpty();
            assertThat(r.cheegerExact()).isNull();
            assertThat(r.components()).isEqualTo(n);
        }
    }
}
