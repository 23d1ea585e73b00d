package org.expanderexplorer.core.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.junit.jupiter.api.Test;

class LayerAnalysisTest {

    private static final List<String> REQUIRED_ORDER = List.of("left", "right", "isolatedLeft", "isolatedRight",
            "edges", "avgDegreeLeft", "avgDegreeRight", "minDegree", "maxDegree", "components", "singularValues",
            "mu0", "muHat", "deltaS", "deltaR", "deltaSNormalized", "deltaRNormalized", "weightedGap", "fiedler",
            "cheegerLower", "cheegerUpper", "sweepCutRatio", "sweepCutSet", "cheegerExact", "lowDegree");

    private static LayerAnalysisResult analyse(WeightMatrix m) {
        return new LayerAnalysis(TestGraphs.layer(m)).result();
    }

    @Test
    void completeBipartite() {
        LayerAnalysisResult r = analyse(TestGraphs.completeBipartite(3, 5));
        assertThat(r.left()).isEqualTo(3);
        assertThat(r.right()).isEqualTo(5);
        assertThat(r.edges()).isEqualTo(15);
        assertThat(r.avgDegreeLeft()).isEqualTo(5.0);
        assertThat(r.avgDegreeRight()).isEqualTo(3.0);
        assertThat(r.minDegree()).isEqualTo(3.0);
        assertThat(r.maxDegree()).isEqualTo(5.0);
        assertThat(r.components()).isEqualTo(1);
        assertThat(r.mu0()).isCloseTo(Math.sqrt(15), within(1e-12));
        assertThat(r.muHat()).isCloseTo(0, within(1e-12));
        assertThat(r.deltaR()).isCloseTo(2 + Math.sqrt(2), within(1e-12));
        assertThat(r.fiedler()).isCloseTo(3, within(1e-9));
        assertThat(r.cheegerExact()).isNotNull();
        assertThat(r.fiedlerVector()).hasSize(8);
        assertThat(r.representation()).isEqualTo(Representation.UNWEIGHTED);
        assertThat(r.lowDegree()).isFalse();
    }

    @Test
    void heawoodFiedlerAndBounds() {
        LayerAnalysisResult r = analyse(TestGraphs.heawood());
        double r2 = Math.sqrt(2);
        // 3-regular: L = 3I - A, so lambda_2 = 3 - sqrt 2 and both forms of the bounds coincide
        assertThat(r.fiedler()).isCloseTo(3 - r2, within(1e-9));
        CheegerBounds b = r.cheegerBounds();
        assertThat(b.laplacianLower()).isCloseTo((3 - r2) / 2, within(1e-9));
        assertThat(b.adjacencyLower()).isCloseTo((3 - r2) / 2, within(1e-9));
        assertThat(b.laplacianUpper()).isCloseTo(Math.sqrt(6 * (3 - r2)), within(1e-9));
        assertThat(b.adjacencyUpper()).isCloseTo(Math.sqrt(6 * (3 - r2)), within(1e-9));
        assertThat(r.cheegerLower()).isCloseTo((3 - r2) / 2, within(1e-9));
        assertThat(r.cheegerExact()).isBetween(r.cheegerLower(), r.cheegerUpper());
        assertThat(r.cheegerExactSet()).hasSizeLessThanOrEqualTo(7).allMatch(s -> s.matches("[LR][0-6]"));
    }

    @Test
    void disconnectedLayerWithIsolatedVertices() {
        // row 0 is zero; rows 1-2 x cols 0-1 form K(2,2); rows 3-5 x cols 2-4 form K(3,3); column 5 is zero
        double[][] d = new double[6][6];
        for (int i = 1; i <= 2; i++) {
            d[i][0] = 1;
            d[i][1] = -2;
        }
        for (int i = 3; i <= 5; i++) {
            for (int j = 2; j <= 4; j++) {
                d[i][j] = 0.5;
            }
        }
        LayerAnalysisResult r = analyse(WeightMatrix.of(d));
        assertThat(r.left()).isEqualTo(5);
        assertThat(r.right()).isEqualTo(5);
        assertThat(r.isolatedLeft()).isEqualTo(1);
        assertThat(r.isolatedRight()).isEqualTo(1);
        assertThat(r.components()).isEqualTo(2);
        assertThat(r.fiedler()).isEqualTo(0.0);
        assertThat(r.cheegerExact()).isEqualTo(0.0);
        assertThat(r.cheegerExactSet()).containsExactly("L1", "L2", "R0", "R1");
        assertThat(r.sweepCutRatio()).isEqualTo(0.0);
        assertThat(r.sweepCutSet()).containsExactly("L1", "L2", "R0", "R1");
        assertThat(r.cheegerUpper()).isEqualTo(0.0);
        assertThat(r.singularValues()).hasSize(5);
        assertThat(r.mu0()).isCloseTo(3, within(1e-12));
        assertThat(r.muHat()).isCloseTo(2, within(1e-12));
    }

    @Test
    void allZeroMatrixIsValid() throws Exception {
        LayerAnalysisResult r = analyse(WeightMatrix.zeros(4, 6));
        assertThat(r.edges()).isZero();
        assertThat(r.left()).isZero();
        assertThat(r.isolatedLeft()).isEqualTo(4);
        assertThat(r.isolatedRight()).isEqualTo(6);
        assertThat(r.components()).isZero();
        assertThat(r.singularValues()).isEmpty();
        assertThat(Arrays.asList(r.avgDegreeLeft(), r.avgDegreeRight(), r.minDegree(), r.maxDegree(), r.mu0(),
                r.muHat(), r.deltaS(), r.deltaR(), r.deltaSNormalized(), r.deltaRNormalized(), r.weightedGap(),
                r.fiedler(), r.cheegerLower(), r.cheegerUpper(), r.sweepCutRatio(), r.cheegerExact(),
                r.deltaAvg(), r.deltaAvgNormalized())).containsOnlyNulls();
        assertThat(r.lowDegree()).isTrue();
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(r));
        assertThat(json.get("deltaR").isNull()).isTrue();
        assertThat(json.get("sweepCutSet").isArray()).isTrue();
    }

    @Test
    void weightedMode() {
        WeightMatrix m = TestGraphs.maskedGaussian(10, 14, 0.4, 11);
        LayerAnalysisResult w = new LayerAnalysis(LayerGraph.of(m, Representation.WEIGHTED)).result();
        assertThat(w.representation()).isEqualTo(Representation.WEIGHTED);
        assertThat(w.deltaR()).isNull();
        assertThat(w.deltaRNormalized()).isNull();
        assertThat(w.weightedGap()).isCloseTo(w.mu0() - w.muHat(), within(1e-12));
        double total = 0;
        for (double v : m.toRowMajor()) {
            total += Math.abs(v);
        }
        assertThat(w.avgDegreeLeft()).isCloseTo(total / w.left(), within(1e-9));
        // scaled down until mu_0 < 1: Delta_S undefined, the plain gap still there
        double[] d = m.toRowMajor();
        for (int k = 0; k < d.length; k++) {
            d[k] *= 1e-3;
        }
        LayerAnalysisResult small = new LayerAnalysis(
                LayerGraph.of(new WeightMatrix(10, 14, d), Representation.WEIGHTED)).result();
        assertThat(small.mu0()).isLessThan(1);
        assertThat(small.deltaS()).isNull();
        assertThat(small.deltaSNormalized()).isNull();
        assertThat(small.weightedGap()).isCloseTo(1e-3 * w.weightedGap(), within(1e-12));
        assertThat(small.fiedler()).isCloseTo(1e-3 * w.fiedler(), within(1e-9 * w.fiedler()));
    }

    @Test
    void jsonHasTheRequiredFieldsFirstAndInOrder() throws Exception {
        LayerAnalysisResult r = analyse(TestGraphs.heawood());
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(r));
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names.subList(0, REQUIRED_ORDER.size())).isEqualTo(REQUIRED_ORDER);
        // the JSON is flat (the documented contract) while the record nests its sub-results: every declared key
        List<String> components = List.of(LayerAnalysisResult.class.getAnnotation(JsonPropertyOrder.class).value());
        assertThat(names).isEqualTo(components);
        assertThat(json.get("sweepCutSet").get(0).asText()).matches("[LR][0-6]");
        assertThat(json.get("cheegerBounds").get("laplacianLower").asDouble()).isPositive();
        assertThat(json.get("singularValues")).hasSize(7);
    }

    @Test
    void exactOptions() {
        LayerGraph small = TestGraphs.layer(TestGraphs.evenCycle(5));
        assertThat(new LayerAnalysis(small, AnalysisOptions.DEFAULT.withExact(AnalysisOptions.Exact.NEVER))
                .result().cheegerExact()).isNull();
        assertThat(new LayerAnalysis(small).result().cheegerExact()).isCloseTo(2.0 / 5, within(1e-12));
        LayerGraph big = TestGraphs.layer(TestGraphs.evenCycle(13));
        assertThat(new LayerAnalysis(big).result().cheegerExact()).isNull();
        assertThat(new LayerAnalysis(big).result().cheegerExactSet()).isEmpty();
        assertThatThrownBy(() -> new LayerAnalysis(big, AnalysisOptions.DEFAULT.withExact(AnalysisOptions.Exact.ALWAYS))
                .result()).isInstanceOf(BadInputException.class).hasMessageContaining("this graph has 26");
    }

    @Test
    void piecesAreComputedOnce() {
        LayerAnalysis a = new LayerAnalysis(TestGraphs.layer(TestGraphs.heawood()));
        SingularSpectrum s = a.spectrum();
        FiedlerResult f = a.fiedler();
        assertThat(a.result()).isSameAs(a.result());
        assertThat(a.spectrum()).isSameAs(s);
        assertThat(a.fiedler()).isSameAs(f);
        assertThat(a.result().singularValues()).isEqualTo(s.values());
    }

    @Test
    void layerOf128By512At20Percent() {
        // (how long the analysis takes is measured in src/jmh, LayerAnalysisBenchmark, not here)
        WeightMatrix m = TestGraphs.maskedGaussian(128, 512, 0.2, 3);
        LayerGraph g = TestGraphs.layer(m);
        LayerAnalysisResult r = new LayerAnalysis(g).result();
        assertThat(r.singularValues()).hasSize(128);
        assertThat(r.fiedlerSolver().converged()).isTrue();
        assertThat(r.cheegerLower()).isLessThanOrEqualTo(r.cheegerUpper());
        FiedlerSolverTest.assertEigenpair(g.asCsrGraph(), new LayerAnalysis(g).fiedler(), 1e-9);
    }
}
