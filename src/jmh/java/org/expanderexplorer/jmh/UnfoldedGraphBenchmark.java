package org.expanderexplorer.jmh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.expanderexplorer.core.graph.CsrGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.UnfoldedGraph;
import org.expanderexplorer.core.model.ModelFiles;
import org.expanderexplorer.core.model.RecurrentWeights;
import org.expanderexplorer.core.model.WeightKind;
import org.expanderexplorer.core.spectral.CutResult;
import org.expanderexplorer.core.spectral.FiedlerResult;
import org.expanderexplorer.core.spectral.FiedlerSolver;
import org.expanderexplorer.core.spectral.SweepCut;
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
 * The time-unfolded graph of the first layer of the sample sequential-MNIST LSTM-128 over 28 steps (gates
 * collapsed, unweighted): its Fiedler value and sweep cut on the prepared CSR graph, and the same with the CSR
 * graph built afresh from the unfolding. Run from the project folder (the model is read from sample-models/).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class UnfoldedGraphBenchmark {

    @Param({"sample-models/smnist-lstm128.zip"})
    public String model;

    @Param({"28"})
    public int steps;

    private UnfoldedGraph unfolded;
    private CsrGraph csr;

    @Setup
    public void setUp() throws IOException {
        RecurrentWeights w = new RecurrentWeights(ModelFiles.loadAny(Path.of(model)).model());
        unfolded = new UnfoldedGraph(w.matrix(0, WeightKind.INPUT), w.matrix(0, WeightKind.RECURRENT), steps,
                Representation.UNWEIGHTED);
        csr = unfolded.toCsrGraph();
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
}
