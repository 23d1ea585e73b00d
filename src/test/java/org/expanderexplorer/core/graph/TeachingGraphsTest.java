package org.expanderexplorer.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.expanderexplorer.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TeachingGraphsTest {

    /** Entries are 0 or 1 (a simple graph: no multi-edges). */
    private static void assertZeroOne(WeightMatrix m) {
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                assertThat(m.get(i, j)).isIn(0.0, 1.0);
            }
        }
    }

    private static int rowSum(WeightMatrix m, int i) {
        int s = 0;
        for (int j = 0; j < m.cols(); j++) {
            s += (int) m.get(i, j);
        }
        return s;
    }

    private static int colSum(WeightMatrix m, int j) {
        int s = 0;
        for (int i = 0; i < m.rows(); i++) {
            s += (int) m.get(i, j);
        }
        return s;
    }

    /** Common neighbours of rows a and b. */
    private static int sharedColumns(WeightMatrix m, int a, int b) {
        int s = 0;
        for (int j = 0; j < m.cols(); j++) {
            s += (int) (m.get(a, j) * m.get(b, j));
        }
        return s;
    }

    @Test
    void completeBipartiteIsAllOnes() {
        WeightMatrix k = TeachingGraphs.completeBipartite(3, 5);
        assertThat(k.rows()).isEqualTo(3);
        assertThat(k.cols()).isEqualTo(5);
        assertThat(k.nonZeros()).isEqualTo(15);
        assertZeroOne(k);
    }

    @Test
    void evenCycleHasDegreeTwoAndIsOneCycle() {
        for (int n = 4; n <= 20; n += 2) {
            WeightMatrix c = TeachingGraphs.evenCycle(n);
            assertThat(c.rows()).isEqualTo(n / 2);
            assertThat(c.nonZeros()).as("edges of C_%d", n).isEqualTo(n);
            for (int i = 0; i < n / 2; i++) {
                assertThat(rowSum(c, i)).isEqualTo(2);
                assertThat(colSum(c, i)).isEqualTo(2);
            }
            LayerGraph g = LayerGraph.of(c, Representation.UNWEIGHTED);
            assertThat(g.components()).isEqualTo(1);
            assertThat(g.vertexCount()).isEqualTo(n);
        }
        assertThat(TeachingGraphs.evenCycle(4)).isEqualTo(TeachingGraphs.completeBipartite(2, 2));
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 2, 0, -4, 3})
    void cycleRefusesOddOrSmallSizes(int n) {
        assertThatThrownBy(() -> TeachingGraphs.evenCycle(n)).isInstanceOf(BadInputException.class)
                .hasMessage("cycle: vertices must be even and at least 4, got " + n);
    }

    @Test
    void heawoodIsThreeRegularWithGirthSix() {
        WeightMatrix h = TeachingGraphs.heawood();
        assertThat(h.nonZeros()).isEqualTo(21);
        assertZeroOne(h);
        for (int i = 0; i < 7; i++) {
            assertThat(rowSum(h, i)).isEqualTo(3);
            assertThat(colSum(h, i)).isEqualTo(3);
        }
        // No 4-cycle: two points share exactly one line (at most one rules out 4-cycles; exactly one is the plane).
        for (int a = 0; a < 7; a++) {
            for (int b = a + 1; b < 7; b++) {
                assertThat(sharedColumns(h, a, b)).isEqualTo(1);
            }
        }
        assertThat(LayerGraph.of(h, Representation.UNWEIGHTED).components()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 7, 8, 9})
    void projectivePlaneIsALinearSpace(int q) {
        WeightMatrix pg = TeachingGraphs.projectivePlane(q);
        int n = q * q + q + 1;
        assertThat(pg.rows()).isEqualTo(n);
        assertThat(pg.cols()).isEqualTo(n);
        assertThat(pg.nonZeros()).isEqualTo(n * (q + 1));
        assertZeroOne(pg);
        for (int i = 0; i < n; i++) {
            assertThat(rowSum(pg, i)).isEqualTo(q + 1);
            assertThat(colSum(pg, i)).isEqualTo(q + 1);
        }
        WeightMatrix lines = pg.transpose();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                assertThat(sharedColumns(pg, a, b)).as("lines through points %d, %d", a, b).isEqualTo(1);
                assertThat(sharedColumns(lines, a, b)).as("points on lines %d, %d", a, b).isEqualTo(1);
            }
        }
    }

    @Test
    void fanoPlaneHasTheHeawoodDegreesAndEdges() {
        WeightMatrix pg2 = TeachingGraphs.projectivePlane(2);
        assertThat(pg2.nonZeros()).isEqualTo(TeachingGraphs.heawood().nonZeros());
    }

    @Test
    void projectivePlaneRefusesNonPrimePowers() {
        assertThatThrownBy(() -> TeachingGraphs.projectivePlane(6)).isInstanceOf(BadInputException.class)
                .hasMessage("pg: q must be a prime power (2, 3, 4, 5, 7, 8, 9, 11, ...), got 6");
        assertThatThrownBy(() -> TeachingGraphs.projectivePlane(12)).hasMessageContaining("got 12");
        assertThatThrownBy(() -> TeachingGraphs.projectivePlane(1)).hasMessageContaining("got 1");
        assertThatThrownBy(() -> TeachingGraphs.projectivePlane(-3)).hasMessageContaining("got -3");
        assertThatThrownBy(() -> TeachingGraphs.projectivePlane(131)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("pg: matrix of 17293 x 17293 entries is too large");
    }

    @Test
    void primesAreRecognised() {
        assertThat(java.util.stream.IntStream.rangeClosed(0, 30).filter(TeachingGraphs::isPrime).toArray())
                .containsExactly(2, 3, 5, 7, 11, 13, 17, 19, 23, 29);
        assertThat(TeachingGraphs.isPrime(2_147_483_647)).isTrue();
    }

    private static void assertBiregular(WeightMatrix m, int left, int right, int dl, int dr) {
        assertThat(m.rows()).isEqualTo(left);
        assertThat(m.cols()).isEqualTo(right);
        assertZeroOne(m);
        for (int i = 0; i < left; i++) {
            assertThat(rowSum(m, i)).isEqualTo(dl);
        }
        for (int j = 0; j < right; j++) {
            assertThat(colSum(m, j)).isEqualTo(dr);
        }
    }

    @Test
    void biregularHasExactDegreesWithoutMultiEdges() {
        // Sparse (rejection usually succeeds), larger degrees (repair by switches), dense (complement) cases.
        assertBiregular(TeachingGraphs.randomBiregular(12, 8, 2, 3, 1), 12, 8, 2, 3);
        assertBiregular(TeachingGraphs.randomBiregular(40, 40, 10, 10, 2), 40, 40, 10, 10);
        assertBiregular(TeachingGraphs.randomBiregular(28, 128, 64, 14, 3), 28, 128, 64, 14);
        assertBiregular(TeachingGraphs.randomBiregular(10, 10, 9, 9, 4), 10, 10, 9, 9);
        assertBiregular(TeachingGraphs.randomBiregular(6, 9, 9, 6, 5), 6, 9, 9, 6);
        assertBiregular(TeachingGraphs.randomBiregular(30, 20, 14, 21, 6), 30, 20, 14, 21);
    }

    @Test
    void sameSeedSameGraphOtherSeedOtherGraph() {
        assertThat(TeachingGraphs.randomBiregular(30, 20, 4, 6, 11))
                .isEqualTo(TeachingGraphs.randomBiregular(30, 20, 4, 6, 11))
                .isNotEqualTo(TeachingGraphs.randomBiregular(30, 20, 4, 6, 12));
        assertThat(TeachingGraphs.randomBipartite(30, 20, 0.3, 11))
                .isEqualTo(TeachingGraphs.randomBipartite(30, 20, 0.3, 11))
                .isNotEqualTo(TeachingGraphs.randomBipartite(30, 20, 0.3, 12));
    }

    @Test
    void biregularRefusesImpossibleParameters() {
        assertThatThrownBy(() -> TeachingGraphs.randomBiregular(5, 4, 3, 4, 0)).isInstanceOf(BadInputException.class)
                .hasMessage("biregular: left * dl must equal right * dr (the edge count seen from each side), "
                        + "got 5 * 3 = 15 and 4 * 4 = 16");
        assertThatThrownBy(() -> TeachingGraphs.randomBiregular(10, 2, 3, 15, 0))
                .hasMessageStartingWith("biregular: dl = 3 is larger than right = 2");
        assertThatThrownBy(() -> TeachingGraphs.randomBiregular(0, 2, 3, 15, 0))
                .hasMessage("biregular: left must be at least 1, got 0");
        assertThatThrownBy(() -> TeachingGraphs.randomBiregular(4, 2, 0, 0, 0))
                .hasMessage("biregular: dl must be at least 1, got 0");
    }

    @Test
    void randomBipartiteHasTheRequestedDensity() {
        WeightMatrix r = TeachingGraphs.randomBipartite(200, 250, 0.3, 99);
        assertZeroOne(r);
        // 50,000 Bernoulli(0.3) trials: standard deviation of the density is 0.002; allow 5 of them.
        assertThat(r.nonZeros() / 50_000.0).isBetween(0.29, 0.31);
        assertThat(TeachingGraphs.randomBipartite(5, 6, 0.0, 1).nonZeros()).isZero();
        assertThat(TeachingGraphs.randomBipartite(5, 6, 1.0, 1).nonZeros()).isEqualTo(30);
    }

    @Test
    void randomBipartiteRefusesBadProbabilities() {
        assertThatThrownBy(() -> TeachingGraphs.randomBipartite(5, 6, 1.5, 1)).isInstanceOf(BadInputException.class)
                .hasMessage("random: p must be a probability between 0 and 1, got 1.5");
        assertThatThrownBy(() -> TeachingGraphs.randomBipartite(5, 6, Double.NaN, 1))
                .hasMessageContaining("got NaN");
    }

    @Test
    void completeRefusesEmptySides() {
        assertThatThrownBy(() -> TeachingGraphs.completeBipartite(0, 3)).isInstanceOf(BadInputException.class)
                .hasMessage("complete: left must be at least 1, got 0");
        assertThatThrownBy(() -> TeachingGraphs.completeBipartite(100_000, 100_000))
                .hasMessageStartingWith("complete: matrix of 100000 x 100000 entries is too large");
    }
}
