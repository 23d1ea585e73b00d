package org.expanderexplorer.core.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SingularVectorsTest {

    @ParameterizedTest
    @CsvSource({"1,1", "2,5", "3,4", "7,2"})
    void completeBipartiteTopVectorsAreConstant(int a, int b) {
        SingularTriplets t = new SingularVectors(TestGraphs.layer(TestGraphs.completeBipartite(a, b))).result();
        assertThat(t.count()).isEqualTo(Math.min(a, b));
        assertThat(t.value(0)).isCloseTo(Math.sqrt(a * b), within(1e-12));
        for (double x : t.leftVector(0)) {
            assertThat(x).isCloseTo(1 / Math.sqrt(a), within(1e-12));
        }
        for (double x : t.rightVector(0)) {
            assertThat(x).isCloseTo(1 / Math.sqrt(b), within(1e-12));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 7})
    void regularGraphsHaveConstantTopVectorsAndTheKnownValues(int n) {
        SingularTriplets t = new SingularVectors(TestGraphs.layer(TestGraphs.evenCycle(n))).result();
        assertThat(t.value(0)).isCloseTo(2, within(1e-12));
        for (double x : t.leftVector(0)) {
            assertThat(x).isCloseTo(1 / Math.sqrt(n), within(1e-12));
        }
        // sigma_2 of the cycle C_2n: 2 |cos(pi / n)|
        assertThat(t.value(1)).isCloseTo(Math.abs(2 * Math.cos(Math.PI / n)), within(1e-12));
    }

    @Test
    void permutedDiagonalGivesUnitVectorsAtTheRightVertices() {
        // L0 - R1 with weight 3, L1 - R0 with weight 5 (weighted view: |w|)
        WeightMatrix m = WeightMatrix.of(new double[][] {{0, -3}, {5, 0}});
        SingularTriplets t = new SingularVectors(LayerGraph.of(m, Representation.WEIGHTED)).result();
        assertThat(t.values()).containsExactly(5.0, 3.0);
        assertThat(t.leftVector(0)).containsExactly(0.0, 1.0);
        assertThat(t.rightVector(0)).containsExactly(1.0, 0.0);
        assertThat(t.leftVector(1)).containsExactly(1.0, 0.0);
        assertThat(t.rightVector(1)).containsExactly(0.0, 1.0);
    }

    @Test
    void everyTripletSatisfiesTheDefinitionAndVectorsAreOrthonormal() {
        Random r = new Random(7);
        double[][] d = new double[6][9];
        for (double[] row : d) {
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextDouble() < 0.6 ? r.nextGaussian() : 0;
            }
        }
        LayerGraph g = LayerGraph.of(WeightMatrix.of(d), Representation.WEIGHTED);
        SingularTriplets t = new SingularVectors(g).result();
        double[] values = new SingularValues(g).result().valuesArray();
        assertThat(t.count()).isEqualTo(values.length);
        for (int k = 0; k < t.count(); k++) {
            assertThat(t.value(k)).isCloseTo(values[k], within(1e-10));
            double[] u = t.leftVector(k);
            double[] v = t.rightVector(k);
            for (int a = 0; a < g.left(); a++) {
                double mv = 0;
                for (int b = 0; b < g.right(); b++) {
                    mv += g.biadjacency(a, b) * v[b];
                }
                assertThat(mv).as("(M v)_%d for k = %d", a, k).isCloseTo(t.value(k) * u[a], within(1e-10));
            }
            for (int b = 0; b < g.right(); b++) {
                double mu = 0;
                for (int a = 0; a < g.left(); a++) {
                    mu += g.biadjacency(a, b) * u[a];
                }
                assertThat(mu).isCloseTo(t.value(k) * v[b], within(1e-10));
            }
            for (int l = 0; l < t.count(); l++) {
                assertThat(dot(u, t.leftVector(l))).isCloseTo(k == l ? 1 : 0, within(1e-10));
                assertThat(dot(v, t.rightVector(l))).isCloseTo(k == l ? 1 : 0, within(1e-10));
            }
            double sum = 0;
            for (double x : u) {
                sum += x;
            }
            for (double x : v) {
                sum += x;
            }
            assertThat(sum).as("sign convention").isGreaterThanOrEqualTo(-1e-9);
        }
    }

    @Test
    void isolatedVerticesAreLeftOut() {
        WeightMatrix m = WeightMatrix.of(new double[][] {{1, 0, 1}, {0, 0, 0}, {1, 0, 1}});
        SingularTriplets t = new SingularVectors(LayerGraph.of(m, Representation.UNWEIGHTED)).result();
        assertThat(t.leftCount()).isEqualTo(2);
        assertThat(t.rightCount()).isEqualTo(2);
        assertThat(t.value(0)).isCloseTo(2, within(1e-12));
    }

    @Test
    void refusesLargeGraphs() {
        double[][] d = new double[SingularVectors.MAX_SIDE + 1][1];
        for (double[] row : d) {
            row[0] = 1;
        }
        LayerGraph g = LayerGraph.of(WeightMatrix.of(d), Representation.UNWEIGHTED);
        assertThatThrownBy(() -> new SingularVectors(g)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("1000 vertices per side");
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
