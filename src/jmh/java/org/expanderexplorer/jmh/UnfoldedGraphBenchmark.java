package org.expanderexplorer.jmh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.expanderexplorer.core.graph.CsrGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.UnfoldedGraph;
import org.expanderexplorer.core.graph.UnfoldedVertex;
import org.expanderexplorer.core.model.ModelFiles;
import org.expanderexplorer.core.model.RecurrentWeights;
import org.expanderexplorer.core.model.WeightKind;
import org.expanderexplorer.core.spectral.CutResult;
import org.expanderexplorer.core.spectral.FiedlerResult;
import org.expanderexplorer.core.spectral.FiedlerSolver;
import org.expanderexplorer.core.spectral.SweepCut;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The time-unfolded graph of the first layer of the sample sequential-MNIST LSTM-128 over 28 steps (gates
 * collapsed, unweighted; 4,496 vertices, 559,104 edges): its Fiedler value and sweep cut on the prepared CSR graph,
 * and the same with the CSR graph built afresh from the unfolding. Run from the project folder (the model is read
 * from sample-models/).
 *
 * <p>Also the CSR arrays against JGraphT for what the spectral code repeats (decision 0017): building the graph,
 * one Laplacian product y = L x (Lanczos does 45-150 per Fiedler value) and the connected components, each as
 * {@code *Csr} and {@code *JGraphT}. Run with {@code -prof gc} for the bytes each build allocates.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class UnfoldedGraphBenchmark extends StandardRun {

    @Param({"sample-models/smnist-lstm128.zip"})
    public String model;

    @Param({"28"})
    public int steps;

    private UnfoldedGraph unfolded;
    private CsrGraph csr;
    private Graph<UnfoldedVertex, DefaultWeightedEdge> jgrapht;
    private Map<UnfoldedVertex, Integer> index;
    private double[] x;
    private double[] y;

    @Setup
    public void setUp() throws IOException {
        RecurrentWeights w = new RecurrentWeights(ModelFiles.loadAny(Path.of(model)).model());
        unfolded = new UnfoldedGraph(w.matrix(0, WeightKind.INPUT), w.matrix(0, WeightKind.RECURRENT), steps,
                Representation.UNWEIGHTED);
        csr = unfolded.toCsrGraph();
        jgrapht = unfolded.jgraphtView();
        int n = unfolded.vertexCount();
        index = new HashMap<>(2 * n);
        x = new double[n];
        y = new double[n];
        for (int v = 0; v < n; v++) {
            index.put(unfolded.vertexAt(v), v);
            x[v] = Math.sin(v);
        }
    }

    @Benchmark
    public CutResult fiedlerAndSweepCut() {
        FiedlerResult f = new FiedlerSolver(csr).result();
        return new SweepCut(csr, f.vectorArray()).result();
    }

    @Benchmark
    public CutResult graphFiedlerAndSweepCut() {
        // a fresh window: its CSR graph is not cached yet
        CsrGraph g = unfolded.window(unfolded.steps()).toCsrGraph();
        FiedlerResult f = new FiedlerSolver(g).result();
        return new SweepCut(g, f.vectorArray()).result();
    }

    @Benchmark
    public CsrGraph buildCsr() {
        return unfolded.window(unfolded.steps()).toCsrGraph();
    }

    @Benchmark
    public Graph<UnfoldedVertex, DefaultWeightedEdge> buildJGraphT() {
        return unfolded.window(unfolded.steps()).jgraphtView();
    }

    /** y = L x = D x - A x on the CSR arrays, as the Lanczos solvers do it. */
    @Benchmark
    public double[] laplacianProductCsr() {
        int[] off = csr.offsetArray();
        int[] nb = csr.neighbourArray();
        double[] wt = csr.weightArray();
        for (int v = 0; v < y.length; v++) {
            double ax = 0;
            for (int k = off[v]; k < off[v + 1]; k++) {
                ax += wt[k] * x[nb[k]];
            }
            y[v] = csr.strength(v) * x[v] - ax;
        }
        return y;
    }

    /** The same product through JGraphT's graph interface: per edge, its two ends and its weight. */
    @Benchmark
    public double[] laplacianProductJGraphT() {
        Arrays.fill(y, 0);
        for (DefaultWeightedEdge e : jgrapht.edgeSet()) {
            int a = index.get(jgrapht.getEdgeSource(e));
            int b = index.get(jgrapht.getEdgeTarget(e));
            double w = jgrapht.getEdgeWeight(e);
            y[a] += w * (x[a] - x[b]);
            y[b] += w * (x[b] - x[a]);
        }
        return y;
    }

    @Benchmark
    public int componentsCsr() {
        return csr.componentCount();
    }

    @Benchmark
    public int componentsJGraphT() {
        return new ConnectivityInspector<>(jgrapht).connectedSets().size();
    }
}
