package org.expanderexplorer.core.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The three singular-value paths against the exact SVD and against analytic values. */
class SingularValuePathsTest {

    private static double[] exact(LayerGraph g) {
        return SingularValues.compute(g.left(), g.right(), g.biadjacencyRowMajor());
    }

    @ParameterizedTest
    @CsvSource({"128,512,0.2,true,true", "512,128,0.2,false,true", "28,512,0.2,false,true", "60,80,0.5,true,true",
        "128,128,0.2,true,false", "60,60,0.5,false,false"})
    void gramPathAgreesWithTheExactSvd(int rows, int cols, double keep, boolean weighted, boolean wellConditioned) {
        LayerGraph g = LayerGraph.of(TestGraphs.maskedGaussian(rows, cols, keep, 11),
                weighted ? Representation.WEIGHTED : Representation.UNWEIGHTED);
        SingularSpectrum s = new SingularValues(g).result();
        double[] want = exact(g);
        // a square random matrix has sigma_min of order sigma_1 / n: it may go either way, and must be right
        if (wellConditioned) {
            assertThat(s.method()).isEqualTo(SingularSpectrum.Method.GRAM_EVD);
        }
        assertThat(s.method() == SingularSpectrum.Method.GRAM_EVD)
                .isEqualTo(want[want.length - 1] >= want[0] / SingularValues.CONDITION_LIMIT);
        assertThat(s.complete()).isTrue();
        double[] got = s.valuesArray();
        assertThat(got).hasSize(want.length);
        for (int i = 0; i < want.length; i++) {
            assertThat(got[i]).as("sigma_%d", i + 1).isCloseTo(want[i], within(1e-11 * want[0]));
        }
        // mu_0 and mu_hat carry relative accuracy
        assertThat(s.mu0()).isCloseTo(want[0], within(1e-13 * want[0]));
        assertThat(s.muHat()).isCloseTo(want[1], within(1e-13 * want[0]));
    }

    @Test
    void rankDeficientLayersTakeTheExactPath() {
        SingularSpectrum s = new SingularValues(TestGraphs.layer(TestGraphs.completeBipartite(3, 5))).result();
        assertThat(s.method()).isEqualTo(SingularSpectrum.Method.EXACT_SVD);
        assertThat(s.valuesArray()[2]).isCloseTo(0, within(1e-14));
    }

    @Test
    void illConditionedLayersKeepTheirSmallValuesExact() {
        // |w| = diag(1, 1e-5) padded to 2 x 3: sigma = 1 and 1e-5, a condition number of 1e5
        WeightMatrix m = WeightMatrix.of(new double[][] {{1, 0, 0.5}, {0, -1e-5, 0}});
        SingularSpectrum s = new SingularValues(LayerGraph.of(m, Representation.WEIGHTED)).result();
        assertThat(s.method()).isEqualTo(SingularSpectrum.Method.EXACT_SVD);
        assertThat(s.valuesArray()[0]).isCloseTo(Math.sqrt(1.25), within(1e-15));
        assertThat(s.valuesArray()[1]).isCloseTo(1e-5, within(1e-18));
    }

    @Test
    void projectivePlaneTakesTheGramPathAndKeepsItsKnownSpectrum() {
        SingularSpectrum s = new SingularValues(TestGraphs.layer(TestGraphs.projectivePlane(7))).result();
        assertThat(s.method()).isEqualTo(SingularSpectrum.Method.GRAM_EVD);
        double[] v = s.valuesArray();
        assertThat(v).hasSize(57);
        assertThat(v[0]).isCloseTo(8, within(1e-12));
        for (int i = 1; i < v.length; i++) {
            assertThat(v[i]).isCloseTo(Math.sqrt(7), within(1e-12));
        }
    }

    @Test
    void lanczosTopValuesMatchTheExactLargestOnes() {
        LayerGraph g = LayerGraph.of(TestGraphs.maskedGaussian(90, 140, 0.3, 5), Representation.WEIGHTED);
        double[] want = exact(g);
        double[] got = TopSingularValues.of(g, 8, 400, 1e-12, 3);
        assertThat(got.length).isBetween(2, 8);
        for (int i = 0; i < got.length; i++) {
            assertThat(got[i]).as("sigma_%d", i + 1).isCloseTo(want[i], within(1e-9 * want[0]));
        }
    }

    @Test
    void lanczosPathSeesASigmaOneSharedByTwoComponents() {
        // two copies of the same block: sigma_1 twice, so mu_hat = mu_0 (one Krylov run would see it once)
        WeightMatrix block = TestGraphs.maskedGaussian(20, 30, 0.5, 9);
        double[][] d = new double[40][60];
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 30; j++) {
                d[i][j] = block.get(i, j);
                d[20 + i][30 + j] = block.get(i, j);
            }
        }
        LayerGraph g = LayerGraph.of(WeightMatrix.of(d), Representation.WEIGHTED);
        double[] want = exact(g);
        assertThat(want[0]).isCloseTo(want[1], within(1e-12));
        double[] got = TopSingularValues.of(g, 6, 400, 1e-12, 3);
        assertThat(got[0]).isCloseTo(want[0], within(1e-10));
        assertThat(got[1]).isCloseTo(want[0], within(1e-10));
        assertThat(got[2]).isCloseTo(want[2], within(1e-10));
    }

    @Test
    void layerOf2048UnitsIsAnalysedOnTheLanczosPath() {
        // one gate's W_hh of an LSTM with 2,048 hidden units (or an RNN's), 20 % of the weights kept: both sides
        // past the 1,024 limit, so the top singular values by Lanczos and the Fiedler pair by plain Lanczos, as
        // for the 2048 x 8192 stacked matrix (four times the edges, the same paths)
        int rows = 2048;
        int cols = 2048;
        Random r = new Random(17);
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            if (r.nextDouble() < 0.2) {
                d[i] = r.nextGaussian();
            }
        }
        LayerGraph g = LayerGraph.of(new WeightMatrix(rows, cols, d), Representation.WEIGHTED);
        LayerAnalysis analysis = new LayerAnalysis(g);
        SingularSpectrum s = analysis.spectrum();
        assertThat(s.method()).isEqualTo(SingularSpectrum.Method.LANCZOS_TOP);
        assertThat(s.complete()).isFalse();
        assertThat(s.values().size()).isBetween(2, SingularValues.TOP_COUNT);
        // sigma_1 by an independent power iteration on |M|^T |M| (sigma_1 / sigma_2 is about eight here)
        double[] a = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            a[i] = Math.abs(d[i]);
        }
        double[] x = new double[cols];
        Arrays.fill(x, 1);
        double sigma = 0;
        for (int it = 0; it < 25; it++) {
            double[] y = new double[rows];
            for (int i = 0; i < rows; i++) {
                double acc = 0;
                for (int j = 0; j < cols; j++) {
                    acc += a[i * cols + j] * x[j];
                }
                y[i] = acc;
            }
            double[] z = new double[cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    z[j] += a[i * cols + j] * y[i];
                }
            }
            double norm = Math.sqrt(Arrays.stream(z).map(v -> v * v).sum());
            sigma = Math.sqrt(norm / Math.sqrt(Arrays.stream(x).map(v -> v * v).sum()));
            for (int j = 0; j < cols; j++) {
                x[j] = z[j] / norm;
            }
        }
        assertThat(s.mu0()).isCloseTo(sigma, within(1e-9 * sigma));
        assertThat(s.muHat()).isLessThan(s.mu0() / 5);
        FiedlerResult f = analysis.fiedler();
        assertThat(f.solver().converged()).isTrue();
        assertThat(analysis.sweepCut().ratio()).isGreaterThanOrEqualTo(analysis.bounds().lower());
    }
}
