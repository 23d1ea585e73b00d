package org.expanderexplorer.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.expanderexplorer.TestMatrices.sparseGaussian;

import java.util.HashSet;
import java.util.Set;
import org.expanderexplorer.core.graph.UnfoldedVertex.Role;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.api.Test;

class UnfoldedGraphTest {

    /** Independent count of (source, unit) pairs with a non-zero weight in any of the column blocks of width h. */
    private static int collapsedNonZeros(WeightMatrix w, int h) {
        int n = 0;
        for (int r = 0; r < w.rows(); r++) {
            for (int u = 0; u < h; u++) {
                boolean any = false;
                for (int b = 0; b < w.cols() / h; b++) {
                    any |= w.get(r, b * h + u) != 0.0;
                }
                n += any ? 1 : 0;
            }
        }
        return n;
    }

    private static Set<String> edgeLabels(UnfoldedGraph g) {
        int[] f = g.edgeFrom();
        int[] t = g.edgeTo();
        Set<String> out = new HashSet<>();
        for (int e = 0; e < f.length; e++) {
            out.add(g.label(f[e]) + "-" + g.label(t[e]));
        }
        return out;
    }

    @Test
    void smallRnnHasExactlyTheExpectedEdges() {
        WeightMatrix wih = WeightMatrix.of(new double[][] {{1, 0}, {0, 0}});
        WeightMatrix whh = WeightMatrix.of(new double[][] {{0, 2}, {0, 0}});
        UnfoldedGraph g = new UnfoldedGraph(wih, whh, 2, Representation.UNWEIGHTED);
        assertThat(g.vertexCount()).isEqualTo(2 + 2 * (2 + 2));
        assertThat(edgeLabels(g)).containsExactlyInAnyOrder(
                "x1[0]-h1[0]", "h0[0]-h1[1]", "x2[0]-h2[0]", "h1[0]-h2[1]");
        assertThat(g.label(0)).isEqualTo("h0[0]");
        assertThat(g.label(2)).isEqualTo("x1[0]");
        assertThat(g.label(4)).isEqualTo("h1[0]");
        assertThat(g.vertex(Role.H, 2, 1)).isEqualTo(9);
        assertThat(g.toCsrGraph().label(9)).isEqualTo("h2[1]");
    }

    @Test
    void countsFollowTheFormulas() {
        int i = 5;
        int h = 7;
        int t = 4;
        WeightMatrix wih = sparseGaussian(i, 4 * h, 0.2, 1);
        WeightMatrix whh = sparseGaussian(h, 4 * h, 0.1, 2);
        UnfoldedGraph g = new UnfoldedGraph(wih, whh, t, Representation.UNWEIGHTED);
        assertThat(g.gatesCollapsed()).isTrue();
        assertThat(g.vertexCount()).isEqualTo(h + t * (i + h));
        assertThat(g.inputEdgesPerStep()).isEqualTo(collapsedNonZeros(wih, h));
        assertThat(g.recurrentEdgesPerStep()).isEqualTo(collapsedNonZeros(whh, h));
        assertThat(g.edgeCount()).isEqualTo(t * (collapsedNonZeros(wih, h) + collapsedNonZeros(whh, h)));
        assertThat(g.edgeFrom()).hasSize(g.edgeCount());
        assertThat(g.toCsrGraph().edgeCount()).isEqualTo(g.edgeCount());
        UnfoldedGraph rnn = new UnfoldedGraph(wih.columns(0, h), whh.columns(0, h), t, Representation.UNWEIGHTED);
        assertThat(rnn.gatesCollapsed()).isFalse();
        assertThat(rnn.edgeCount()).isEqualTo(t * (wih.columns(0, h).nonZeros() + whh.columns(0, h).nonZeros()));
    }

    @Test
    void collapsedGatesSumAbsoluteWeightsInWeightedMode() {
        // One input, H = 2, gates in blocks of 2: unit 0 has -0.5 in block 1 and 2 in block 3; unit 1 nothing.
        WeightMatrix wih = WeightMatrix.of(new double[][] {{0, 0, -0.5, 0, 0, 0, 2, 0}});
        WeightMatrix whh = WeightMatrix.zeros(2, 8);
        UnfoldedGraph weighted = new UnfoldedGraph(wih, whh, 1, Representation.WEIGHTED);
        assertThat(weighted.edgeCount()).isEqualTo(1);
        assertThat(weighted.label(weighted.edgeFrom()[0])).isEqualTo("x1[0]");
        assertThat(weighted.label(weighted.edgeTo()[0])).isEqualTo("h1[0]");
        assertThat(weighted.edgeWeight()).containsExactly(2.5);
        assertThat(new UnfoldedGraph(wih, whh, 1, Representation.UNWEIGHTED).edgeWeight()).containsExactly(1.0);
    }

    @Test
    void vertexArraysDescribeEveryVertex() {
        UnfoldedGraph g = new UnfoldedGraph(sparseGaussian(3, 4, 0.5, 3), sparseGaussian(4, 4, 0.5, 4), 3,
                Representation.WEIGHTED);
        int[] step = g.stepArray();
        int[] unit = g.unitArray();
        Role[] role = g.roleArray();
        int xs = 0;
        for (int v = 0; v < g.vertexCount(); v++) {
            assertThat(g.vertex(role[v], step[v], unit[v])).isEqualTo(v);
            assertThat(g.label(v)).isEqualTo((role[v] == Role.X ? "x" : "h") + step[v] + "[" + unit[v] + "]");
            xs += role[v] == Role.X ? 1 : 0;
        }
        assertThat(xs).isEqualTo(3 * 3);
        assertThat(step[0]).isZero();
        assertThat(step[g.vertexCount() - 1]).isEqualTo(3);
    }

    @Test
    void jgraphtViewHasTheSameEdgesAndWeights() {
        UnfoldedGraph g = new UnfoldedGraph(sparseGaussian(4, 24, 0.2, 5), sparseGaussian(6, 24, 0.15, 6), 3,
                Representation.WEIGHTED);
        Graph<UnfoldedVertex, DefaultWeightedEdge> view = g.jgraphtView();
        assertThat(view.vertexSet()).hasSize(g.vertexCount());
        assertThat(view.edgeSet()).hasSize(g.edgeCount());
        int[] f = g.edgeFrom();
        int[] t = g.edgeTo();
        double[] w = g.edgeWeight();
        for (int e = 0; e < f.length; e++) {
            DefaultWeightedEdge edge = view.getEdge(g.vertexAt(f[e]), g.vertexAt(t[e]));
            assertThat(edge).isNotNull();
            assertThat(view.getEdgeWeight(edge)).isEqualTo(w[e]);
        }
        assertThatThrownBy(() -> view.addVertex(new UnfoldedVertex(Role.X, 9, 0)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void componentCountsAgreeBetweenJgraphtAndCsr() {
        for (long seed = 0; seed < 5; seed++) {
            UnfoldedGraph g = new UnfoldedGraph(sparseGaussian(6, 8, 0.08, seed),
                    sparseGaussian(8, 8, 0.1, seed + 100), 3, Representation.UNWEIGHTED);
            int jgrapht = new ConnectivityInspector<>(g.jgraphtView()).connectedSets().size();
            assertThat(g.toCsrGraph().componentCount()).as("seed %d", seed).isEqualTo(jgrapht);
        }
    }

    @Test
    void identityRecurrenceWithoutInputsGivesChainsAndIsolatedInputs() {
        // W_ih = 0, W_hh = I_3, T = 2, I = 2: three chains h0[j]-h1[j]-h2[j] and 4 isolated x vertices.
        double[][] id = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        UnfoldedGraph g = new UnfoldedGraph(WeightMatrix.zeros(2, 3), WeightMatrix.of(id), 2,
                Representation.UNWEIGHTED);
        CsrGraph csr = g.toCsrGraph();
        assertThat(csr.componentCount()).isEqualTo(3 + 4);
        for (int v = 0; v < g.vertexCount(); v++) {
            if (g.role(v) == Role.X) {
                assertThat(csr.degree(v)).as(g.label(v)).isZero();
            }
        }
        assertThat(new ConnectivityInspector<>(g.jgraphtView()).connectedSets()).hasSize(7);
    }

    @Test
    void initialHiddenStateHasOnlyRecurrentEdgesToStepOne() {
        UnfoldedGraph g = new UnfoldedGraph(sparseGaussian(5, 6, 0.9, 7), sparseGaussian(6, 6, 0.9, 8), 4,
                Representation.UNWEIGHTED);
        CsrGraph csr = g.toCsrGraph();
        int seen = 0;
        for (int j = 0; j < g.hidden(); j++) {
            int v = g.vertex(Role.H, 0, j);
            for (int k = csr.firstEdge(v); k < csr.endEdge(v); k++) {
                int u = csr.neighbour(k);
                assertThat(g.role(u)).isEqualTo(Role.H);
                assertThat(g.step(u)).isEqualTo(1);
                seen++;
            }
        }
        assertThat(seen).isEqualTo(g.recurrentEdgesPerStep());
        assertThatThrownBy(() -> g.vertex(Role.X, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no vertex x0[0]");
    }

    @Test
    void windowsAreTheSameGraphWithShiftedLabels() {
        UnfoldedGraph full = new UnfoldedGraph(sparseGaussian(3, 5, 0.5, 9), sparseGaussian(5, 5, 0.5, 10), 6,
                Representation.WEIGHTED);
        UnfoldedGraph first = full.window(UnfoldedGraph.DEFAULT_WINDOW);
        UnfoldedGraph later = full.window(3, 3);
        assertThat(later.vertexCount()).isEqualTo(5 + 3 * (3 + 5));
        assertThat(later.edgeFrom()).isEqualTo(first.edgeFrom());
        assertThat(later.edgeTo()).isEqualTo(first.edgeTo());
        assertThat(later.edgeWeight()).isEqualTo(first.edgeWeight());
        assertThat(later.label(0)).isEqualTo("h2[0]");
        assertThat(later.label(5)).isEqualTo("x3[0]");
        assertThat(later.lastStep()).isEqualTo(5);
        assertThatThrownBy(() -> full.window(5, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window of 3 steps from step 5 does not fit in steps 1..6");
    }

    @Test
    void refusesMismatchedShapesAndNonFiniteWeights() {
        assertThatThrownBy(() -> new UnfoldedGraph(WeightMatrix.zeros(2, 3), WeightMatrix.zeros(3, 4), 1,
                Representation.UNWEIGHTED)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("W_hh is 3 x 4: it must have H = 3 columns");
        assertThatThrownBy(() -> new UnfoldedGraph(WeightMatrix.zeros(2, 8), WeightMatrix.zeros(3, 12), 1,
                Representation.UNWEIGHTED)).hasMessageContaining("both need the same number of columns");
        assertThatThrownBy(() -> new UnfoldedGraph(WeightMatrix.zeros(2, 3), WeightMatrix.zeros(3, 3), 0,
                Representation.UNWEIGHTED)).hasMessage("an unfolding needs at least 1 step, got 0");
        WeightMatrix nan = WeightMatrix.of(new double[][] {{0, 0, 0}, {0, Double.NaN, 0}});
        assertThatThrownBy(() -> new UnfoldedGraph(nan, WeightMatrix.zeros(3, 3), 1, Representation.UNWEIGHTED))
                .hasMessageStartingWith("W_ih at row 1, column 1 is NaN");
    }

    @Test
    void lstm128Over28StepsHasEveryCollapsedEdgeAtEveryStep() {
        // Keep each gate weight with probability 1/3: about 1 - (2/3)^4 = 80 % of the collapsed pairs remain.
        // (How long the build takes is measured in src/jmh, UnfoldedGraphBenchmark.buildCsr, not here.)
        WeightMatrix wih = sparseGaussian(28, 512, 1.0 / 3, 11);
        WeightMatrix whh = sparseGaussian(128, 512, 1.0 / 3, 12);
        UnfoldedGraph g = new UnfoldedGraph(wih, whh, 28, Representation.WEIGHTED);
        CsrGraph csr = g.toCsrGraph();
        assertThat(csr.vertexCount()).isEqualTo(128 + 28 * (28 + 128));
        assertThat(csr.edgeCount()).isEqualTo(28 * (collapsedNonZeros(wih, 128) + collapsedNonZeros(whh, 128)));
    }
}
