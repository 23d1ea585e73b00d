package org.expanderexplorer.core.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SingularValuesTest {

    private static double[] values(WeightMatrix m) {
        return new SingularValues(TestGraphs.layer(m)).result().valuesArray();
    }

    @ParameterizedTest
    @CsvSource({"1,1", "1,5", "3,4", "7,2", "10,10"})
    void completeBipartiteHasOneNonZeroSingularValue(int a, int b) {
        SingularSpectrum s = new SingularValues(TestGraphs.layer(TestGraphs.completeBipartite(a, b))).result();
        assertThat(s.values()).hasSize(Math.min(a, b));
        assertThat(s.mu0()).isCloseTo(Math.sqrt(a * b), within(1e-12));
        double[] v = s.valuesArray();
        for (int i = 1; i < v.length; i++) {
            assertThat(v[i]).isCloseTo(0, within(1e-12));
        }
        assertThat(s.muHat()).isCloseTo(0, within(1e-12));
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5, 8, 13})
    void evenCycleSingularValues(int n) {
        double[] expected = new double[n];
        for (int k = 0; k < n; k++) {
            expected[k] = Math.abs(2 * Math.cos(Math.PI * k / n));
        }
        Arrays.sort(expected);
        double[] v = values(TestGraphs.evenCycle(n));
        assertThat(v).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(v[i]).isCloseTo(expected[n - 1 - i], within(1e-12));
        }
    }

    @Test
    void heawoodGraph() {
        double[] v = values(TestGraphs.heawood());
        assertThat(v).hasSize(7);
        assertThat(v[0]).isCloseTo(3, within(1e-12));
        for (int i = 1; i < 7; i++) {
            assertThat(v[i]).isCloseTo(Math.sqrt(2), within(1e-12));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5})
    void projectivePlaneIncidence(int q) {
        WeightMatrix m = TestGraphs.projectivePlane(q);
        int n = q * q + q + 1;
        assertThat(m.rows()).isEqualTo(n);
        assertThat(m.nonZeros()).isEqualTo(n * (q + 1));
        double[] v = values(m);
        assertThat(v).hasSize(n);
        assertThat(v[0]).isCloseTo(q + 1, within(1e-10));
        for (int i = 1; i < n; i++) {
            assertThat(v[i]).as("sigma_%d", i + 1).isCloseTo(Math.sqrt(q), within(1e-10));
        }
    }

    @Test
    void isolatedVerticesAreRemovedBeforeTheSpectrum() {
        // K(2,3) padded with a zero row and two zero columns
        double[][] d = new double[3][5];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                d[i][j * 2] = 1;
            }
        }
        SingularSpectrum s = new SingularValues(TestGraphs.layer(WeightMatrix.of(d))).result();
        assertThat(s.values()).hasSize(2);
        assertThat(s.mu0()).isCloseTo(Math.sqrt(6), within(1e-12));
    }

    @Test
    void weightedRepresentationUsesAbsoluteValues() {
        // rank one: |w| = u v^T with u = (1, 2), v = (3, 1) has sigma_1 = |u| |v| = sqrt(5) sqrt(10)
        WeightMatrix m = WeightMatrix.of(new double[][] {{-3, 1}, {6, -2}});
        SingularSpectrum s = new SingularValues(LayerGraph.of(m, Representation.WEIGHTED)).result();
        assertThat(s.mu0()).isCloseTo(Math.sqrt(50), within(1e-12));
        assertThat(s.muHat()).isCloseTo(0, within(1e-12));
    }

    @Test
    void oneSingularValueGivesMuHatZeroAndNoEdgesGivesNull() {
        SingularSpectrum star = new SingularValues(TestGraphs.layer(TestGraphs.completeBipartite(1, 4))).result();
        assertThat(star.values()).hasSize(1);
        assertThat(star.muHat()).isEqualTo(0.0);
        SingularSpectrum none = new SingularValues(TestGraphs.layer(WeightMatrix.zeros(3, 4))).result();
        assertThat(none.values()).isEmpty();
        assertThat(none.mu0()).isNull();
        assertThat(none.muHat()).isNull();
    }

    @Test
    void resultIsCached() {
        SingularValues sv = new SingularValues(TestGraphs.layer(TestGraphs.heawood()));
        assertThat(sv.result()).isSameAs(sv.result());
    }
}
