package org.expanderexplorer.jmh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.expanderexplorer.core.graph.CsrGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.UnfoldedGraph;
import org.expanderexplorer.core.graph.UnfoldedVertex;
import org.expanderexplorer.core.model.ModelFiles;
import org.expanderexplorer.core.model.RecurrentWeights;
import org.expanderexplorer.core.model.WeightKind;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JGraphT against the hand-written CSR arrays for the operations the spectral code repeats (decision 0017): build
 * the graph, one Laplacian product y = L x (what Lanczos does 45-150 times per Fiedler value), and the connected
 * components. The graph is the 28-step unfolding of the sample LSTM-128 (4,496 vertices, 559,104 edges), or a
 * shorter window of it. Run with {@code -prof gc} for the bytes each build allocates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class GraphLibraryBenchmark {

    @Param({"sample-models/smnist-lstm128.zip"})
    public String model;

    @Param({"28"})
    public int steps;

    private UnfoldedGraph unfolded;
    private CsrGraph csr;
    private Graph<UnfoldedVertex, DefaultWeightedEdge> jgrapht;
    private UnfoldedVertex[] vertices;
    private java.util.Map<UnfoldedVertex, Integer> index;
    private double[] x;
    private double[] y;

    @Setup
    public void setUp() throws IOException {
        RecurrentWeights w = new RecurrentWeights(ModelFiles.loadAny(Path.of(model)).model());
        unfolded = new UnfoldedGraph(w.matrix(0, WeightKind.INPUT), w.matrix(0, WeightKind.RECURRENT), steps,
                Representation.WEIGHTED);
        csr = unfolded.toCsrGraph();
        jgrapht = unfolded.jgraphtView();
        int n = unfolded.vertexCount();
        vertices = new UnfoldedVertex[n];
        index = new java.util.HashMap<>(2 * n);
        x = new double[n];
        y = new double[n];
        for (int v = 0; v < n; v++) {
            vertices[v] = unfolded.vertexAt(v);
            index.put(vertices[v], v);
            x[v] = Math.sin(v);
        }
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
            double s = 0;
            double d = 0;
            for (int k = off[v]; k < off[v + 1]; k++) {
                s += wt[k] * x[nb[k]];
                d += wt[k];
            }
            y[v] = d * x[v] - s;
        }
        return y;
    }

    /** The same product through JGraphT's graph interface: per edge, its ends and weight. */
    @Benchmark
    public double[] laplacianProductJGraphT() {
        java.util.Arrays.fill(y, 0);
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
