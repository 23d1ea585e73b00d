package org.expanderexplorer.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.expanderexplorer.core.spectral.SingularSpectrum;
import org.expanderexplorer.core.spectral.SingularValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GF(p^k) is a field, and PG(2, q) over it has the known degrees and spectrum for q = 4, 8, 9. */
class PrimePowerPlanesTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 5, 8, 9, 16, 25, 27})
    void galoisFieldSatisfiesTheFieldAxioms(int q) {
        GaloisField f = new GaloisField(q);
        for (int a = 0; a < q; a++) {
            assertThat(f.add(a, 0)).isEqualTo(a);
            assertThat(f.multiply(a, 1)).isEqualTo(a);
            assertThat(f.multiply(a, 0)).isZero();
            int negatives = 0;
            int inverses = 0;
            for (int b = 0; b < q; b++) {
                assertThat(f.add(a, b)).isEqualTo(f.add(b, a));
                assertThat(f.multiply(a, b)).isEqualTo(f.multiply(b, a));
                negatives += f.add(a, b) == 0 ? 1 : 0;
                inverses += f.multiply(a, b) == 1 ? 1 : 0;
                for (int c = 0; c < q; c++) {
                    assertThat(f.multiply(a, f.add(b, c))).isEqualTo(f.add(f.multiply(a, b), f.multiply(a, c)));
                    assertThat(f.multiply(f.multiply(a, b), c)).isEqualTo(f.multiply(a, f.multiply(b, c)));
                    assertThat(f.add(f.add(a, b), c)).isEqualTo(f.add(a, f.add(b, c)));
                }
            }
            assertThat(negatives).isEqualTo(1);
            assertThat(inverses).isEqualTo(a == 0 ? 0 : 1);
        }
    }

    @Test
    void theReducingPolynomialsAreTheFirstIrreducibleOnes() {
        assertThat(new GaloisField(4).modulus()).containsExactly(1, 1, 1); // x^2 + x + 1
        assertThat(new GaloisField(8).modulus()).containsExactly(1, 1, 0, 1); // x^3 + x + 1
        assertThat(new GaloisField(9).modulus()).containsExactly(1, 0, 1); // x^2 + 1
        assertThat(new GaloisField(7).characteristic()).isEqualTo(7);
        assertThatThrownBy(() -> new GaloisField(6)).isInstanceOf(IllegalArgumentException.class);
        assertThat(GaloisField.primePower(12)).isNull();
        assertThat(GaloisField.primePower(81)).containsExactly(3, 4);
    }

    @Test
    void pg24HasSingularValues5And2And105Edges() {
        WeightMatrix pg = TeachingGraphs.projectivePlane(4);
        assertThat(pg.rows()).isEqualTo(21);
        assertThat(pg.nonZeros()).isEqualTo(105);
        assertSpectrum(pg, 5, 2, 20);
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 9})
    void pg8AndPg9HaveDegreeQPlus1AndSecondSingularValueSqrtQ(int q) {
        WeightMatrix pg = TeachingGraphs.projectivePlane(q);
        int n = q * q + q + 1;
        assertThat(pg.rows()).isEqualTo(n);
        assertThat(pg.nonZeros()).isEqualTo(n * (q + 1));
        LayerGraph g = LayerGraph.of(pg, Representation.UNWEIGHTED);
        for (int v = 0; v < n; v++) {
            assertThat(g.leftDegree(v)).isEqualTo(q + 1);
            assertThat(g.rightDegree(v)).isEqualTo(q + 1);
        }
        assertSpectrum(pg, q + 1, Math.sqrt(q), q * q + q);
    }

    private static void assertSpectrum(WeightMatrix pg, double top, double rest, int restCount) {
        SingularSpectrum s = new SingularValues(LayerGraph.of(pg, Representation.UNWEIGHTED)).result();
        List<Double> v = s.values();
        assertThat(v).hasSize(restCount + 1);
        assertThat(v.get(0)).isCloseTo(top, org.assertj.core.data.Offset.offset(1e-10));
        for (double x : v.subList(1, v.size())) {
            assertThat(x).isCloseTo(rest, org.assertj.core.data.Offset.offset(1e-10));
        }
    }
}
