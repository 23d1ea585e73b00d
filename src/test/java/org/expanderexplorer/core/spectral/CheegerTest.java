package org.expanderexplorer.core.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.graph.CsrGraph;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheegerTest {

    private static final double EPS = 1e-9;

    /** min over 0 < |S| <= n/2 of cut(S) / |S|, every subset counted afresh from the edge list. */
    private static double bruteForce(TestGraphs.Edges e) {
        int n = e.n();
        double best = Double.POSITIVE_INFINITY;
        for (int mask = 1; mask < (1 << n) - 1; mask++) {
            int size = Integer.bitCount(mask);
            if (2 * size <= n) {
                best = Math.min(best, cut(e, mask) / size);
            }
        }
        return best;
    }

    private static double cut(TestGraphs.Edges e, int mask) {
        double c = 0;
        for (int k = 0; k < e.from().length; k++) {
            if (((mask >> e.from()[k]) & 1) != ((mask >> e.to()[k]) & 1)) {
                c += e.w()[k];
            }
        }
        return c;
    }

    private static int mask(List<Integer> vertices) {
        int m = 0;
        for (int v : vertices) {
            m |= 1 << v;
        }
        return m;
    }

    @Test
    void exactMatchesBruteForceOnRandomGraphs() {
        int checked = 0;
        for (long seed = 1; seed <= 12; seed++) {
            for (int n : new int[] {2, 3, 5, 8, 11, 14}) {
                for (double p : new double[] {0.25, 0.5, 0.9}) {
                    for (boolean weighted : new boolean[] {false, true}) {
                        TestGraphs.Edges e = TestGraphs.randomGraph(n, p, weighted, seed * 1000 + n);
                        checkAgainstBruteForce(e);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(432);
    }

    private static void checkAgainstBruteForce(TestGraphs.Edges e) {
        CsrGraph g = e.toGraph();
        CutResult exact = new ExactCheeger(g).result();
        double brute = bruteForce(e);
        String what = "n=" + e.n() + " m=" + e.from().length;
        assertThat(exact.ratio()).as(what).isCloseTo(brute, within(EPS));
        // the returned set is a legal set that attains the value
        int size = exact.vertices().size();
        assertThat(size).isBetween(1, e.n() / 2);
        assertThat(cut(e, mask(exact.vertices())) / size).isCloseTo(brute, within(EPS));
        assertThat(exact.cut()).isCloseTo(cut(e, mask(exact.vertices())), within(EPS));

        GraphAnalysisResult a = new GraphAnalysis(g).result();
        assertThat(a.cheegerExact()).isCloseTo(brute, within(EPS));
        assertThat(a.sweepCutRatio()).as(what).isGreaterThanOrEqualTo(brute - EPS);
        assertThat(cut(e, mask(a.sweepCutVertices())) / a.sweepCutVertices().size())
                .isCloseTo(a.sweepCutRatio(), within(EPS));
        CheegerBounds b = a.cheegerBounds();
        assertThat(b.laplacianLower()).as(what).isLessThanOrEqualTo(brute + EPS);
        assertThat(b.laplacianUpper()).as(what).isGreaterThanOrEqualTo(brute - EPS);
        assertThat(a.cheegerLower()).isLessThanOrEqualTo(brute + EPS);
        assertThat(a.cheegerUpper()).isGreaterThanOrEqualTo(brute - EPS);
    }

    @Test
    void layerGraphBoundsHoldIncludingTheAdjacencyForm() {
        for (long seed = 1; seed <= 40; seed++) {
            int rows = 2 + (int) (seed % 6);
            int cols = 3 + (int) (seed % 7);
            double q = 0.3 + 0.1 * (seed % 6);
            for (Representation rep : Representation.values()) {
                WeightMatrix m = TestGraphs.maskedGaussian(rows, cols, q, seed);
                LayerAnalysisResult r = new LayerAnalysis(LayerGraph.of(m, rep)).result();
                if (r.edges() == 0) {
                    continue;
                }
                double brute = bruteForce(edgesOf(m, rep));
                String what = rep + " seed " + seed;
                assertThat(r.cheegerExact()).as(what).isCloseTo(brute, within(EPS));
                CheegerBounds b = r.cheegerBounds();
                for (Double lower : new Double[] {b.laplacianLower(), b.adjacencyLower(), r.cheegerLower()}) {
                    assertThat(lower).as(what).isLessThanOrEqualTo(brute + EPS);
                }
                for (Double upper : new Double[] {b.laplacianUpper(), b.adjacencyUpper(), b.sweepCut(),
                    r.cheegerUpper()}) {
                    assertThat(upper).as(what).isGreaterThanOrEqualTo(brute - EPS);
                }
                assertThat(r.cheegerLower()).isGreaterThanOrEqualTo(0.0);
                assertThat(r.cheegerUpper()).isLessThanOrEqualTo(r.sweepCutRatio());
            }
        }
    }

    /** The kept part of a matrix as an edge list, numbered independently of the code under test. */
    private static TestGraphs.Edges edgesOf(WeightMatrix m, Representation rep) {
        int[] rowId = new int[m.rows()];
        int[] colId = new int[m.cols()];
        Arrays.fill(rowId, -1);
        Arrays.fill(colId, -1);
        int n = 0;
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                if (m.get(i, j) != 0 && rowId[i] < 0) {
                    rowId[i] = n++;
                }
            }
        }
        for (int j = 0; j < m.cols(); j++) {
            for (int i = 0; i < m.rows(); i++) {
                if (m.get(i, j) != 0 && colId[j] < 0) {
                    colId[j] = n++;
                }
            }
        }
        int count = m.nonZeros();
        int[] from = new int[count];
        int[] to = new int[count];
        double[] w = new double[count];
        int k = 0;
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                if (m.get(i, j) != 0) {
                    from[k] = rowId[i];
                    to[k] = colId[j];
                    w[k++] = rep == Representation.WEIGHTED ? Math.abs(m.get(i, j)) : 1;
                }
            }
        }
        return new TestGraphs.Edges(n, from, to, w);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 6, 9, 12})
    void evenCycleHasCheegerTwoOverN(int n) {
        CsrGraph g = TestGraphs.csr(TestGraphs.evenCycle(n));
        CutResult exact = new ExactCheeger(g).result();
        assertThat(exact.ratio()).isCloseTo(2.0 / n, within(1e-12));
        assertThat(exact.vertices()).hasSize(n);
        assertThat(exact.cut()).isEqualTo(2.0);
        // C_2n has h = 2/n; the sweep cut of the Fiedler vector finds such a path as well
        CutResult sweep = new SweepCut(g, new FiedlerSolver(g).result().vectorArray()).result();
        assertThat(sweep.ratio()).isCloseTo(2.0 / n, within(1e-12));
    }

    @Test
    void sweepCutEqualsAFreshCountOverEveryPrefix() {
        for (long seed = 1; seed <= 10; seed++) {
            TestGraphs.Edges e = TestGraphs.randomGraph(40, 0.15, seed % 2 == 0, seed);
            CsrGraph g = e.toGraph();
            double[] x = new FiedlerSolver(g).result().vectorArray();
            Integer[] order = IntStream.range(0, 40).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparingDouble((Integer v) -> x[v]).thenComparingInt(v -> v));
            double best = Double.POSITIVE_INFINITY;
            boolean[] in = new boolean[40];
            for (int k = 1; k < 40; k++) {
                in[order[k - 1]] = true;
                double c = 0;
                for (int i = 0; i < e.from().length; i++) {
                    if (in[e.from()[i]] != in[e.to()[i]]) {
                        c += e.w()[i];
                    }
                }
                best = Math.min(best, c / Math.min(k, 40 - k));
            }
            CutResult sweep = new SweepCut(g, x).result();
            assertThat(sweep.ratio()).isCloseTo(best, within(1e-9));
            assertThat(sweep.vertices().size()).isLessThanOrEqualTo(20);
            assertThat(sweep.labels()).allMatch(s -> s.startsWith("v"));
        }
    }

    @Test
    void disconnectedGraphHasCheegerZero() {
        CsrGraph g = TestGraphs.graph(7, new int[][] {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 6}, {6, 3}});
        CutResult exact = new ExactCheeger(g).result();
        assertThat(exact.ratio()).isEqualTo(0.0);
        assertThat(exact.vertices()).containsExactly(0, 1, 2);
        GraphAnalysisResult a = new GraphAnalysis(g).result();
        assertThat(a.fiedler()).isEqualTo(0.0);
        assertThat(a.cheegerExact()).isEqualTo(0.0);
        assertThat(a.sweepCutRatio()).isEqualTo(0.0);
        assertThat(a.sweepCutVertices()).containsExactly(0, 1, 2);
        assertThat(a.cheegerUpper()).isEqualTo(0.0);
    }

    @Test
    void largeGraphsAreRefused() {
        CsrGraph g = TestGraphs.csr(TestGraphs.evenCycle(13));
        assertThatThrownBy(() -> new ExactCheeger(g)).isInstanceOf(BadInputException.class)
                .hasMessage("exact Cheeger constant is limited to 24 vertices; this graph has 26");
        assertThatThrownBy(() -> new GraphAnalysis(g, AnalysisOptions.DEFAULT.withExact(AnalysisOptions.Exact.ALWAYS))
                .result()).isInstanceOf(BadInputException.class);
        assertThat(new GraphAnalysis(g).result().cheegerExact()).isNull();
    }

    @Test
    void twentyFourVerticesAreEnumerated() {
        for (boolean weighted : new boolean[] {false, true}) {
            TestGraphs.Edges e = TestGraphs.randomGraph(24, 0.3, weighted, 5);
            // (the enumeration's speed is measured in src/jmh, LayerAnalysisBenchmark.exactCheeger24, not here)
            CutResult exact = new ExactCheeger(e.toGraph()).result();
            int size = exact.vertices().size();
            assertThat(size).isBetween(1, 12);
            assertThat(exact.ratio()).isCloseTo(cut(e, mask(exact.vertices())) / size, within(EPS));
            // no single vertex and no sweep set does better
            CsrGraph g = e.toGraph();
            for (int v = 0; v < 24; v++) {
                assertThat(exact.ratio()).isLessThanOrEqualTo(g.strength(v) + EPS);
            }
            assertThat(new GraphAnalysis(g).result().sweepCutRatio()).isGreaterThanOrEqualTo(exact.ratio() - EPS);
        }
    }
}
