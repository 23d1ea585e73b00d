package org.expanderexplorer.jmh;

import java.util.concurrent.TimeUnit;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.spectral.FiedlerResult;
import org.expanderexplorer.core.spectral.FiedlerSolver;
import org.expanderexplorer.core.spectral.LayerAnalysis;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;
import org.expanderexplorer.core.spectral.SingularSpectrum;
import org.expanderexplorer.core.spectral.SingularValues;
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
 * The layer analysis of an LSTM-128 layer with 20 % of its weights kept, unweighted: the hidden-to-hidden stacked
 * matrix (128 x 512) and the input-to-hidden one of sequential MNIST (28 x 512). {@code analysis} is the whole
 * {@link LayerAnalysis} from the matrix (graph, singular values, gaps, Fiedler pair, sweep cut, Cheeger bounds;
 * the exact Cheeger constant is skipped at these sizes); the others time one stage on a prepared graph. Sample
 * time mode, so that JMH reports the median (p0.50) next to the mean.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class LayerAnalysisBenchmark {

    @Param({"128x512", "28x512"})
    public String shape;

    @Param({"0.2"})
    public double keep;

    private WeightMatrix matrix;
    private LayerGraph graph;

    @Setup
    public void setUp() {
        int[] s = BenchmarkData.shape(shape);
        matrix = BenchmarkData.maskedGaussian(s[0], s[1], keep, 42);
        graph = LayerGraph.of(matrix, Representation.UNWEIGHTED);
        graph.asCsrGraph();
    }

    @Benchmark
    public LayerAnalysisResult analysis() {
        return new LayerAnalysis(LayerGraph.of(matrix, Representation.UNWEIGHTED)).result();
    }

    @Benchmark
    public SingularSpectrum singularValues() {
        return new SingularValues(graph).result();
    }

    @Benchmark
    public FiedlerResult fiedler() {
        return FiedlerSolver.forLayer(graph, FiedlerSolver.Options.DEFAULT).result();
    }
}
