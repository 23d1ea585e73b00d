package org.expanderexplorer.core.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.expanderexplorer.core.graph.CsrGraph;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FiedlerSolverTest {

    private static final FiedlerSolver.Options DENSE =
            FiedlerSolver.Options.DEFAULT.withMethod(FiedlerSolver.Method.DENSE);
    private static final FiedlerSolver.Options LANCZOS =
            FiedlerSolver.Options.DEFAULT.withMethod(FiedlerSolver.Method.LANCZOS);

    @ParameterizedTest
    @CsvSource({"1,1", "1,4", "2,3", "3,5", "4,4", "6,2"})
    void completeBipartiteHasFiedlerMinAB(int a, int b) {
        CsrGraph g = TestGraphs.csr(TestGraphs.completeBipartite(a, b));
        for (FiedlerSolver.Options o : new FiedlerSolver.Options[] {DENSE, LANCZOS}) {
            FiedlerResult f = new FiedlerSolver(g, o).result();
            // spectrum 0, a (b-1 times), b (a-1 times), a + b; for K(1,1) it is 0, 2
            double expected = a == 1 && b == 1 ? 2 : Math.min(a, b);
            assertThat(f.value()).as(o.method() + " K(%d,%d)", a, b).isCloseTo(expected, within(1e-9));
            assertEigenpair(g, f, 1e-8);
        }
    }

    @ParameterizedTest
    @CsvSource({"3", "5", "8", "12", "40"})
    void evenCycleFiedler(int n) {
        CsrGraph g = TestGraphs.csr(TestGraphs.evenCycle(n));
        double expected = 2 - 2 * Math.cos(2 * Math.PI / (2 * n));
        for (FiedlerSolver.Options o : new FiedlerSolver.Options[] {DENSE, LANCZOS}) {
            FiedlerResult f = new FiedlerSolver(g, o).result();
            assertThat(f.value()).as(o.method().toString()).isCloseTo(expected, within(1e-9));
            assertEigenpair(g, f, 1e-8);
        }
    }

    @Test
    void disconnectedGraphHasZeroAndSeparatesSmallestComponent() {
        // a triangle, an edge, and a 4-cycle
        CsrGraph g = TestGraphs.graph(9, new int[][] {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {5, 6}, {6, 7}, {7, 8},
            {8, 5}});
        FiedlerResult f = new FiedlerSolver(g).result();
        assertThat(f.value()).isEqualTo(0.0);
        assertThat(f.components()).isEqualTo(3);
        assertThat(f.solver().method()).isEqualTo(SolverStats.Method.COMPONENTS);
        double[] x = f.vectorArray();
        assertThat(Arrays.stream(x).sum()).isCloseTo(0, within(1e-12));
        assertThat(norm(x)).isCloseTo(1, within(1e-12));
        // constant on each component, different on the edge {3, 4}
        assertThat(x[3]).isEqualTo(x[4]).isNotEqualTo(x[0]);
        assertThat(x[0]).isEqualTo(x[5]);
        assertEigenpair(g, f, 1e-12);
    }

    @Test
    void fewerThanTwoVerticesIsUndefined() {
        assertThat(new FiedlerSolver(TestGraphs.graph(1, new int[0][])).result().value()).isNull();
        assertThat(new FiedlerSolver(TestGraphs.graph(0, new int[0][])).result().value()).isNull();
    }

    @Test
    void lanczosMatchesDenseOnGraphsOfAFewHundredVertices() {
        for (long seed = 1; seed <= 4; seed++) {
            for (Representation rep : Representation.values()) {
                CsrGraph g = LayerGraph.of(TestGraphs.maskedGaussian(120, 200, 0.06, seed), rep).asCsrGraph();
                if (g.componentCount() > 1) {
                    continue;
                }
                compareWithDense(g, "layer seed " + seed + " " + rep);
            }
            for (boolean weighted : new boolean[] {false, true}) {
                CsrGraph small = TestGraphs.unfoldedLike(8, 10, 30, 0.5, weighted, seed).toGraph();
                compareWithDense(small, "unfolded-like seed " + seed + " weighted " + weighted);
                CsrGraph g = TestGraphs.randomGraph(300, 0.03, weighted, seed).toGraph();
                if (g.componentCount() == 1) {
                    compareWithDense(g, "G(300, 0.03) seed " + seed + " weighted " + weighted);
                }
            }
        }
    }

    private static void compareWithDense(CsrGraph g, String what) {
        double[] all = allEigenvalues(g);
        FiedlerResult lanczos = new FiedlerSolver(g, LANCZOS).result();
        FiedlerResult dense = new FiedlerSolver(g, DENSE).result();
        assertThat(lanczos.solver().method()).isEqualTo(SolverStats.Method.LANCZOS);
        assertThat(lanczos.solver().converged()).isTrue();
        assertThat(lanczos.value()).as(what).isCloseTo(all[1], within(1e-8 * all[1]));
        assertThat(dense.value()).as(what).isCloseTo(all[1], within(1e-8 * all[1]));
        assertEigenpair(g, lanczos, 1e-8);
        if (all[2] - all[1] > 1e-3 * all[all.length - 1]) {
            // simple lambda_2: the vectors agree up to sign
            double overlap = dot(lanczos.vectorArray(), dense.vectorArray());
            assertThat(Math.abs(overlap)).as(what).isCloseTo(1, within(1e-8));
        }
    }

    @Test
    void lanczosHandlesAnUnfoldedLstmSizedGraph() {
        for (boolean weighted : new boolean[] {false, true}) {
            CsrGraph g = TestGraphs.unfoldedLike(28, 28, 128, 0.8, weighted, 7).toGraph();
            assertThat(g.vertexCount()).isBetween(4300, 4600);
            assertThat(g.edgeCount()).isBetween(400_000, 500_000);
            // (its speed is measured in src/jmh, UnfoldedGraphBenchmark, not here)
            FiedlerSolver.Options o = FiedlerSolver.Options.DEFAULT;
            FiedlerResult f = new FiedlerSolver(g, o).result();
            assertThat(f.solver().method()).isEqualTo(SolverStats.Method.LANCZOS);
            assertThat(f.solver().converged()).isTrue();
            assertThat(f.value()).isPositive();
            assertEigenpair(g, f, 1e-9);
            // another random start finds the same eigenvalue (not a higher one missed by an unlucky start)
            FiedlerResult other = new FiedlerSolver(g, o.withSeed(99)).result();
            assertThat(other.value()).isCloseTo(f.value(), within(1e-9 * f.value()));
        }
    }

    /**
     * The dense solve (decision 0035: tridiagonal form, its eigenvalues, inverse iteration for one vector) against a
     * full eigendecomposition with every eigenvector, which it replaced: on pruned layers of several shapes and
     * densities, both representations, and random graphs, lambda_2 agrees to 1e-12 of 2 d_max, the vector (up to
     * sign) to 1e-9 wherever lambda_2 is simple by a margin, and the sweep cut over it is the same set with the same
     * ratio.
     */
    @Test
    void denseSolveAgreesWithAFullEigendecomposition() {
        int compared = 0;
        int vectors = 0;
        for (long seed = 1; seed <= 12; seed++) {
            for (double keep : new double[] {0.9, 0.5, 0.25, 0.12}) {
                WeightMatrix m = TestGraphs.maskedGaussian(seed % 2 == 0 ? 28 : 16, seed % 3 == 0 ? 128 : 40, keep,
                        seed);
                for (Representation rep : Representation.values()) {
                    CsrGraph g = LayerGraph.of(m, rep).asCsrGraph();
                    if (g.componentIds().length > 0 && Arrays.stream(g.componentIds()).max().getAsInt() > 0) {
                        continue; // disconnected: no eigensolver runs
                    }
                    vectors += compareWithFullEvd(g) ? 1 : 0;
                    compared++;
                }
            }
            CsrGraph r = TestGraphs.randomGraph(60 + (int) seed * 7, 0.15, seed % 2 == 0, seed).toGraph();
            if (Arrays.stream(r.componentIds()).max().getAsInt() == 0) {
                vectors += compareWithFullEvd(r) ? 1 : 0;
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(60);
        assertThat(vectors).as("graphs whose lambda_2 is simple by a margin").isGreaterThan(40);
    }

    /** Compares one connected graph; true when the vectors were compared too (lambda_2 simple by a margin). */
    private static boolean compareWithFullEvd(CsrGraph g) {
        int n = g.vertexCount();
        DMatrixRMaj l = new Laplacian(g).dense();
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        assertThat(eig.decompose(l)).isTrue();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(eig.getEigenvalue(a).real, eig.getEigenvalue(b).real));
        double l2 = eig.getEigenvalue(order[1]).real;
        double l3 = eig.getEigenvalue(order[2]).real;
        double scale = 0;
        for (int v = 0; v < n; v++) {
            scale = Math.max(scale, 2 * g.strength(v));
        }
        FiedlerResult f = new FiedlerSolver(g, DENSE).result();
        assertThat(f.value()).isCloseTo(l2, within(1e-12 * scale));
        assertEigenpair(g, f, 1e-10);
        if (l3 - l2 < 1e-4 * scale) {
            return false;
        }
        double[] ref = eig.getEigenVector(order[1]).getData().clone();
        double[] x = f.vectorArray();
        double dot = 0;
        for (int i = 0; i < n; i++) {
            dot += ref[i] * x[i];
        }
        double sign = Math.signum(dot);
        for (int i = 0; i < n; i++) {
            ref[i] *= sign;
            assertThat(x[i]).isCloseTo(ref[i], within(1e-9));
        }
        CutResult mine = new SweepCut(g, x).result();
        CutResult full = new SweepCut(g, ref).result();
        assertThat(mine.ratio()).isCloseTo(full.ratio(), within(1e-12));
        assertThat(mine).isEqualTo(full);
        return true;
    }

    /** Residual, orthogonality to the constant, unit norm and Rayleigh quotient, recomputed from the edges. */
    static void assertEigenpair(CsrGraph g, FiedlerResult f, double relTol) {
        double[] x = f.vectorArray();
        double lambda = f.value();
        int n = g.vertexCount();
        double dMax = 0;
        double[] lx = new double[n];
        double quad = 0;
        for (int v = 0; v < n; v++) {
            dMax = Math.max(dMax, g.strength(v));
            for (int k = g.firstEdge(v); k < g.endEdge(v); k++) {
                int u = g.neighbour(k);
                lx[v] += g.weight(k) * (x[v] - x[u]);
                if (u > v) {
                    quad += g.weight(k) * (x[v] - x[u]) * (x[v] - x[u]);
                }
            }
        }
        double r = 0;
        for (int v = 0; v < n; v++) {
            r += (lx[v] - lambda * x[v]) * (lx[v] - lambda * x[v]);
        }
        double scale = 2 * dMax;
        assertThat(Math.sqrt(r)).as("residual").isLessThanOrEqualTo(relTol * scale);
        assertThat(Arrays.stream(x).sum()).as("sum").isCloseTo(0, within(1e-9));
        assertThat(norm(x)).isCloseTo(1, within(1e-9));
        assertThat(quad).as("Rayleigh quotient").isCloseTo(lambda, within(relTol * scale));
    }

    static double[] allEigenvalues(CsrGraph g) {
        int n = g.vertexCount();
        DMatrixRMaj l = new DMatrixRMaj(n, n);
        for (int v = 0; v < n; v++) {
            for (int k = g.firstEdge(v); k < g.endEdge(v); k++) {
                l.add(v, v, g.weight(k));
                l.add(v, g.neighbour(k), -g.weight(k));
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        assertThat(eig.decompose(l)).isTrue();
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) {
            ev[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(ev);
        return ev;
    }

    static double norm(double[] x) {
        return Math.sqrt(dot(x, x));
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
