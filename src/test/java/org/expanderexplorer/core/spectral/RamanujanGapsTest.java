package org.expanderexplorer.core.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RamanujanGapsTest {

    private static RamanujanGaps gaps(WeightMatrix m, Representation rep) {
        LayerGraph g = LayerGraph.of(m, rep);
        return RamanujanGaps.of(g, new SingularValues(g).result());
    }

    @ParameterizedTest
    @CsvSource({"2,3", "4,4", "3,9", "28,128"})
    void completeBipartite(int a, int b) {
        RamanujanGaps g = gaps(TestGraphs.completeBipartite(a, b), Representation.UNWEIGHTED);
        // d_L = b, d_R = a, mu_hat = 0, mu_0 = sqrt(ab)
        double boundR = Math.sqrt(b - 1) + Math.sqrt(a - 1);
        assertThat(g.deltaR()).isCloseTo(boundR, within(1e-9));
        assertThat(g.deltaRNormalized()).isCloseTo(1, within(1e-9));
        assertThat(g.deltaS()).isCloseTo(2 * Math.sqrt(Math.sqrt(a * b) - 1), within(1e-9));
        double dAvg = 2.0 * a * b / (a + b);
        assertThat(g.deltaAvg()).isCloseTo(2 * Math.sqrt(dAvg - 1), within(1e-9));
        assertThat(g.weightedGap()).isCloseTo(Math.sqrt(a * b), within(1e-9));
    }

    @Test
    void heawoodIsRamanujan() {
        RamanujanGaps g = gaps(TestGraphs.heawood(), Representation.UNWEIGHTED);
        double r2 = Math.sqrt(2);
        assertThat(g.deltaR()).isCloseTo(r2, within(1e-12));
        assertThat(g.deltaS()).isCloseTo(r2, within(1e-12));
        assertThat(g.deltaAvg()).isCloseTo(r2, within(1e-12));
        assertThat(g.deltaRNormalized()).isCloseTo(0.5, within(1e-12));
        assertThat(g.deltaSNormalized()).isCloseTo(0.5, within(1e-12));
        assertThat(g.weightedGap()).isCloseTo(3 - r2, within(1e-12));
        assertThat(g.lowDegree()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5})
    void projectivePlanesAreRamanujan(int q) {
        RamanujanGaps g = gaps(TestGraphs.projectivePlane(q), Representation.UNWEIGHTED);
        assertThat(g.deltaR()).isCloseTo(Math.sqrt(q), within(1e-9));
        assertThat(g.deltaS()).isCloseTo(Math.sqrt(q), within(1e-9));
    }

    @Test
    void evenCycleAndPerfectMatching() {
        RamanujanGaps c = gaps(TestGraphs.evenCycle(6), Representation.UNWEIGHTED);
        assertThat(c.deltaR()).isCloseTo(2 - 2 * Math.cos(Math.PI / 6), within(1e-12));
        assertThat(c.lowDegree()).isTrue();
        // d_L = d_R = mu_0 = mu_hat = 1: both bounds are 0, so the gaps are -1 and the normalised ones undefined
        double[][] id = new double[4][4];
        for (int i = 0; i < 4; i++) {
            id[i][i] = 1;
        }
        RamanujanGaps m = gaps(WeightMatrix.of(id), Representation.UNWEIGHTED);
        assertThat(m.deltaR()).isCloseTo(-1, within(1e-12));
        assertThat(m.deltaRNormalized()).isNull();
        assertThat(m.deltaS()).isCloseTo(-1, within(1e-12));
        assertThat(m.deltaSNormalized()).isNull();
        assertThat(m.weightedGap()).isCloseTo(0, within(1e-12));
    }

    @Test
    void weightedModeHasNoDeltaRAndNoDeltaSBelowOne() {
        WeightMatrix small = TestGraphs.maskedGaussian(6, 9, 0.7, 3);
        double[] d = small.toRowMajor();
        for (int k = 0; k < d.length; k++) {
            d[k] *= 0.01;
        }
        RamanujanGaps g = gaps(new WeightMatrix(6, 9, d), Representation.WEIGHTED);
        assertThat(g.deltaR()).isNull();
        assertThat(g.deltaRNormalized()).isNull();
        assertThat(g.deltaS()).isNull();
        assertThat(g.deltaSNormalized()).isNull();
        assertThat(g.weightedGap()).isNotNull().isPositive();

        RamanujanGaps big = gaps(TestGraphs.maskedGaussian(20, 30, 0.5, 3), Representation.WEIGHTED);
        assertThat(big.deltaR()).isNull();
        LayerGraph lg = LayerGraph.of(TestGraphs.maskedGaussian(20, 30, 0.5, 3), Representation.WEIGHTED);
        SingularSpectrum s = new SingularValues(lg).result();
        assertThat(s.mu0()).isGreaterThan(1);
        assertThat(big.deltaS()).isCloseTo(2 * Math.sqrt(s.mu0() - 1) - s.muHat(), within(1e-12));
        assertThat(big.weightedGap()).isCloseTo(s.mu0() - s.muHat(), within(1e-12));
    }

    @Test
    void noEdgesGivesOnlyNulls() {
        RamanujanGaps g = gaps(WeightMatrix.zeros(5, 7), Representation.UNWEIGHTED);
        assertThat(g.deltaR()).isNull();
        assertThat(g.deltaS()).isNull();
        assertThat(g.deltaAvg()).isNull();
        assertThat(g.weightedGap()).isNull();
        assertThat(g.lowDegree()).isTrue();
    }

    /** science.md, section 3: random masks of a Gaussian matrix, unweighted, averaged over seeds. */
    @Test
    void scienceSanityValues() {
        assertThat(meanDeltaR(28, 128, 1.0)).isCloseTo(16.5, within(0.5));
        assertThat(meanDeltaR(28, 128, 0.4)).isCloseTo(2.5, within(0.5));
        assertThat(meanDeltaR(28, 128, 0.2)).isCloseTo(0.5, within(0.5)).isPositive();
        assertThat(meanDeltaR(28, 128, 0.1)).isNegative();
        assertThat(meanDeltaR(128, 128, 0.1)).isPositive();
        assertThat(meanDeltaR(128, 128, 0.05)).isNegative();
    }

    private static double meanDeltaR(int rows, int cols, double q) {
        int seeds = 5;
        double sum = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            sum += gaps(TestGraphs.maskedGaussian(rows, cols, q, seed), Representation.UNWEIGHTED).deltaR();
        }
        double mean = sum / seeds;
        System.out.printf("Delta_R of %d x %d at q = %.0f %%: %.3f (mean of %d seeds)%n", rows, cols, 100 * q, mean,
                seeds);
        return mean;
    }
}
