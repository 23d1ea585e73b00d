package org.expanderexplorer.core.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.junit.jupiter.api.Test;

class WorstSetTest {

    /** Vertices of the non-isolated part as labels (L row, R column), in the analysis' order. */
    private static List<String> vertices(WeightMatrix m) {
        List<String> out = new ArrayList<>();
        addNonEmptyRows(m, "L", out);
        addNonEmptyRows(m.transpose(), "R", out);
        return out;
    }

    /** Adds {@code prefix + i} to {@code out} for every row i of {@code m} with a non-zero entry, in order. */
    private static void addNonEmptyRows(WeightMatrix m, String prefix, List<String> out) {
        for (int i = 0; i < m.rows(); i++) {
            boolean any = false;
            for (int j = 0; j < m.cols(); j++) {
                any |= m.get(i, j) != 0;
            }
            if (any) {
                out.add(prefix + i);
            }
        }
    }

    private static boolean edge(WeightMatrix m, String a, String b) {
        if (a.charAt(0) == b.charAt(0)) {
            return false;
        }
        String l = a.charAt(0) == 'L' ? a : b;
        String r = a.charAt(0) == 'L' ? b : a;
        return m.get(Integer.parseInt(l.substring(1)), Integer.parseInt(r.substring(1))) != 0;
    }

    /** Edges leaving S, counted directly from the matrix. */
    private static int cut(WeightMatrix m, List<String> all, List<String> s) {
        int cut = 0;
        for (String a : s) {
            for (String b : all) {
                if (!s.contains(b) && edge(m, a, b)) {
                    cut++;
                }
            }
        }
        return cut;
    }

    /** min over 0 < |S| <= n/2 of cut / |S|, by plain enumeration of every subset. */
    private static double bruteForce(WeightMatrix m) {
        List<String> all = vertices(m);
        int n = all.size();
        double best = Double.POSITIVE_INFINITY;
        for (int mask = 1; mask < (1 << n); mask++) {
            if (Integer.bitCount(mask) > n / 2) {
                continue;
            }
            List<String> s = new ArrayList<>();
            for (int v = 0; v < n; v++) {
                if ((mask >>> v & 1) != 0) {
                    s.add(all.get(v));
                }
            }
            best = Math.min(best, (double) cut(m, all, s) / s.size());
        }
        return best;
    }

    private static WeightMatrix random(int rows, int cols, double keep, Random rnd) {
        double[] d = new double[rows * cols];
        for (int k = 0; k < d.length; k++) {
            d[k] = rnd.nextDouble() < keep ? 1 + rnd.nextDouble() : 0;
        }
        return new WeightMatrix(rows, cols, d);
    }

    @Test
    void smallLayersGiveTheEnumeratedMinimum() {
        Random rnd = new Random(21);
        for (int trial = 0; trial < 25; trial++) {
            WeightMatrix m = random(2 + rnd.nextInt(6), 2 + rnd.nextInt(8), 0.3 + 0.5 * rnd.nextDouble(), rnd);
            if (vertices(m).size() < 2) {
                continue;
            }
            var r = new LayerAnalysis(LayerGraph.of(m, Representation.UNWEIGHTED)).result();
            WorstSet w = WorstSet.of(r);
            assertThat(w.exact()).isTrue();
            double expected = bruteForce(m);
            assertThat(w.ratio()).as("trial %d", trial).isCloseTo(expected, within(1e-12));
            assertThat(w.labels().size()).isLessThanOrEqualTo(vertices(m).size() / 2);
            assertThat((double) cut(m, vertices(m), w.labels()) / w.labels().size()).isCloseTo(expected,
                    within(1e-12));
            assertThat(w.lower()).isLessThanOrEqualTo(expected + 1e-9);
            assertThat(w.upper()).isGreaterThanOrEqualTo(expected - 1e-9);
            assertThat(w.method()).startsWith("exact");
        }
    }

    @Test
    void withoutEnumerationTheSweepCutIsAnActualSetAboveTheMinimum() {
        Random rnd = new Random(5);
        AnalysisOptions sweepOnly = AnalysisOptions.DEFAULT.withExact(AnalysisOptions.Exact.NEVER);
        for (int trial = 0; trial < 15; trial++) {
            WeightMatrix m = random(4 + rnd.nextInt(4), 6 + rnd.nextInt(6), 0.25 + 0.4 * rnd.nextDouble(), rnd);
            if (vertices(m).size() < 2) {
                continue;
            }
            WorstSet w = WorstSet.of(new LayerAnalysis(LayerGraph.of(m, Representation.UNWEIGHTED), sweepOnly)
                    .result());
            assertThat(w.exact()).isFalse();
            double min = bruteForce(m);
            double own = (double) cut(m, vertices(m), w.labels()) / w.labels().size();
            assertThat(w.ratio()).isCloseTo(own, within(1e-12)).isGreaterThanOrEqualTo(min - 1e-12);
            assertThat(w.lower()).isLessThanOrEqualTo(min + 1e-9);
            assertThat(w.method()).contains("Fiedler");
        }
    }
}
