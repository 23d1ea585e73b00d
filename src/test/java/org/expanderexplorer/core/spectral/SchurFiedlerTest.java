package org.expanderexplorer.core.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.expanderexplorer.core.graph.CsrGraph;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Schur-complement path of layer graphs against the dense eigendecomposition of the whole Laplacian. */
class SchurFiedlerTest {

    @ParameterizedTest
    @CsvSource({"28,512,0.2,false", "28,512,0.2,true", "128,512,0.2,false", "512,128,0.2,true",
        "120,200,0.06,false", "200,120,0.06,true", "40,400,0.05,false"})
    void layerPathMatchesTheDenseSpectrum(int rows, int cols, double keep, boolean weighted) {
        for (long seed = 1; seed <= 1; seed++) {
            WeightMatrix m = TestGraphs.maskedGaussian(rows, cols, keep, seed);
            LayerGraph layer = LayerGraph.of(m, weighted ? Representation.WEIGHTED : Representation.UNWEIGHTED);
            CsrGraph g = layer.asCsrGraph();
            if (g.componentCount() > 1) {
                continue;
            }
            FiedlerResult f = FiedlerSolver.forLayer(layer, FiedlerSolver.Options.DEFAULT).result();
            assertThat(f.solver().method()).isEqualTo(SolverStats.Method.SCHUR_LANCZOS);
            double[] all = FiedlerSolverTest.allEigenvalues(g);
            assertThat(f.value()).isCloseTo(all[1], within(1e-9 * all[1]));
            FiedlerSolverTest.assertEigenpair(g, f, 1e-10);
            if (all[2] - all[1] > 1e-3 * all[all.length - 1]) {
                FiedlerResult dense = new FiedlerSolver(g,
                        FiedlerSolver.Options.DEFAULT.withMethod(FiedlerSolver.Method.DENSE)).result();
                double overlap = FiedlerSolverTest.dot(f.vectorArray(), dense.vectorArray());
                assertThat(Math.abs(overlap)).isCloseTo(1, within(1e-8));
            }
        }
    }
}
