package org.expanderexplorer.core.spectral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.expanderexplorer.TestMatrices;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.TeachingGraphs;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * When lambda_2 is repeated, the sweep cut is a function of the graph, not of the eigenvector a solver returns:
 * the same set and ratio for every solver path and seed, the known multiplicities, and an upper bound on the exact
 * constant. With a simple lambda_2 nothing changes.
 */
class RepeatedFiedlerTest {

    static Stream<Arguments> repeated() {
        // Laplacian multiplicities: K(a, b) has lambda_2 = min(a, b) with multiplicity max(a, b) - 1; the Heawood graph
        // 3 - sqrt(2) six times; PG(2, q) q + 1 - sqrt(q) with multiplicity q^2 + q; C_n 2 - 2 cos(2 pi / n) twice
        return Stream.of(
                Arguments.of("K(4,6)", TeachingGraphs.completeBipartite(4, 6), 4.0, 5),
                Arguments.of("Heawood", TeachingGraphs.heawood(), 3 - Math.sqrt(2), 6),
                Arguments.of("PG(2,5)", TeachingGraphs.projectivePlane(5), 6 - Math.sqrt(5), 30),
                Arguments.of("C_12", TeachingGraphs.evenCycle(12), 2 - 2 * Math.cos(2 * Math.PI / 12), 2),
                Arguments.of("K(28,512)", TeachingGraphs.completeBipartite(28, 512), 28.0, 511),
                Arguments.of("K(156,128)", TeachingGraphs.completeBipartite(156, 128), 128.0, 155));
    }

    private static List<AnalysisOptions> solverVariants() {
        List<AnalysisOptions> out = new ArrayList<>();
        for (FiedlerSolver.Method m : FiedlerSolver.Method.values()) {
            for (long seed : new long[] {1, 5, 9}) {
                FiedlerSolver.Options o = FiedlerSolver.Options.DEFAULT.withMethod(m).withSeed(seed);
                out.add(AnalysisOptions.DEFAULT.withFiedler(o));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("repeated")
    void theSweepCutIsTheSameWhicheverEigenvectorTheSolverReturns(String name, WeightMatrix m, double lambda,
                                                                   int multiplicity) {
        LayerGraph g = LayerGraph.of(m, Representation.UNWEIGHTED);
        LayerAnalysisResult first = null;
        List<List<Double>> vectors = new ArrayList<>();
        for (AnalysisOptions o : solverVariants()) {
            LayerAnalysis a = new LayerAnalysis(g, o.withExact(AnalysisOptions.Exact.NEVER));
            LayerAnalysisResult r = a.result();
            assertThat(r.fiedler()).isCloseTo(lambda, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(a.fiedlerMultiplicity()).as("%s with %s", name, o.fiedler()).isEqualTo(multiplicity);
            vectors.add(r.fiedlerVector());
            if (first == null) {
                first = r;
            } else {
                assertThat(r.sweepCutRatio()).as("%s with %s", name, o.fiedler()).isEqualTo(first.sweepCutRatio());
                assertThat(r.sweepCutVertices()).isEqualTo(first.sweepCutVertices());
                assertThat(r.cheegerUpper()).isEqualTo(first.cheegerUpper());
            }
        }
        // the solvers did return different eigenvectors (otherwise this test would show nothing)
        assertThat(vectors.stream().distinct().count()).isGreaterThan(1);
    }

    @Test
    void theSweepCutIsAnUpperBoundOnTheExactConstant() {
        // K(4,6): h = 2.4 (two left and three right vertices: 12 edges leave 5 vertices); a vertex's projection onto
        // the eigenspace of lambda_2 = 4 only cuts one right vertex off (ratio 4), a probe's finds the optimum
        LayerAnalysisResult k46 = new LayerAnalysis(LayerGraph.of(TeachingGraphs.completeBipartite(4, 6),
                Representation.UNWEIGHTED)).result();
        assertThat(k46.cheegerExact()).isCloseTo(2.4, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(k46.sweepCutRatio()).isCloseTo(2.4, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(k46.sweepCutSet()).hasSize(5);
        // the Heawood graph: h = 1 (7 vertices, 7 edges leaving), found by the sweep as well
        LayerAnalysisResult heawood = new LayerAnalysis(LayerGraph.of(TeachingGraphs.heawood(),
                Representation.UNWEIGHTED)).result();
        assertThat(heawood.cheegerExact()).isEqualTo(1.0);
        assertThat(heawood.sweepCutRatio()).isEqualTo(1.0);
        // a larger graph, no exact value: the sweep stays between the lower bound and the trivial upper bound d_min
        LayerAnalysisResult pg5 = new LayerAnalysis(LayerGraph.of(TeachingGraphs.projectivePlane(5),
                Representation.UNWEIGHTED)).result();
        assertThat(pg5.sweepCutRatio()).isBetween(pg5.cheegerLower(), 6.0);
    }

    @Test
    void aRelabelledGraphGetsACutOfTheSameRatio() {
        // the Heawood graph with its rows and columns permuted: the eigenspace moves with the labels
        WeightMatrix h = TeachingGraphs.heawood();
        int[] rp = {3, 0, 6, 2, 5, 1, 4};
        int[] cp = {6, 4, 1, 0, 3, 5, 2};
        double[][] d = new double[7][7];
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                d[rp[i]][cp[j]] = h.get(i, j);
            }
        }
        double a = new LayerAnalysis(LayerGraph.of(h, Representation.UNWEIGHTED)).result().sweepCutRatio();
        double b = new LayerAnalysis(LayerGraph.of(WeightMatrix.of(d), Representation.UNWEIGHTED)).result()
                .sweepCutRatio();
        assertThat(b).isEqualTo(a);
    }

    @Test
    void aSimpleLambda2KeepsTheSolversVectorAndItsCut() {
        WeightMatrix w = TestMatrices.gaussian(30, 200, 4);
        double[] d = w.toRowMajor();
        java.util.Random r = new java.util.Random(4);
        for (int i = 0; i < d.length; i++) {
            if (r.nextDouble() < 0.6) {
                d[i] = 0;
            }
        }
        for (Representation rep : Representation.values()) {
            LayerGraph g = LayerGraph.of(new WeightMatrix(30, 200, d), rep);
            LayerAnalysis a = new LayerAnalysis(g);
            assertThat(a.fiedlerMultiplicity()).isEqualTo(1);
            CutResult plain = new SweepCut(g.asCsrGraph(), a.fiedler().vectorArray()).result();
            assertThat(a.sweepCut()).isEqualTo(plain);
        }
    }
}
