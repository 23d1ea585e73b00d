package org.expanderexplorer.jmh;

import org.expanderexplorer.core.drawing.AnalysisRequest;
import org.expanderexplorer.core.drawing.SliderAnalysis;
import org.expanderexplorer.core.drawing.Snapshot;
import org.expanderexplorer.core.graph.CsrGraph;
import org.expanderexplorer.core.graph.GateOrder;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.spectral.CutResult;
import org.expanderexplorer.core.spectral.ExactCheeger;
import org.expanderexplorer.core.spectral.FiedlerResult;
import org.expanderexplorer.core.spectral.FiedlerSolver;
import org.expanderexplorer.core.spectral.LayerAnalysis;
import org.expanderexplorer.core.spectral.LayerAnalysisResult;
import org.expanderexplorer.core.spectral.SingularSpectrum;
import org.expanderexplorer.core.spectral.SingularValues;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.PruneSettings;
import org.expanderexplorer.core.subject.Subject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The layer analysis of an LSTM-128 layer with 20 % of its weights kept, unweighted: the hidden-to-hidden stacked
 * matrix (128 x 512) and the input-to-hidden one of sequential MNIST (28 x 512). {@code analysis} is the whole
 * {@link LayerAnalysis} from the matrix (graph, singular values, gaps, Fiedler pair, sweep cut, Cheeger bounds;
 * the exact Cheeger constant is skipped at these sizes); the others time one stage on a prepared graph. Sample
 * time mode, so that JMH reports the median (p0.50) next to the mean. Also one slider step of the window
 * ({@code sliderStepLstm128}) and the exact Cheeger constant of a 24-vertex graph ({@code exactCheeger24}).
 */
public class LayerAnalysisBenchmark extends StandardRun {

    /** The layer matrix, by shape and kept fraction. */
    @State(Scope.Benchmark)
    public static class Layer {
        @Param({"128x512", "28x512"})
        public String shape;

        @Param({"0.2"})
        public double keep;

        WeightMatrix matrix;
        LayerGraph graph;

        @Setup
        public void setUp() {
            int[] s = BenchmarkData.shape(shape);
            matrix = BenchmarkData.maskedGaussian(s[0], s[1], keep, 42);
            graph = LayerGraph.of(matrix, Representation.UNWEIGHTED);
            graph.asCsrGraph();
        }
    }

    /** A dense LSTM-128 layer on 28 inputs, as the window's slider sees it, per monitored graph. */
    @State(Scope.Benchmark)
    public static class Slider {
        @Param({"ih", "hh", "step"})
        public String graph;

        Subject lstm;
        int step;

        @Setup
        public void setUp() {
            // dense: every entry kept
            lstm = Subject.ofLayer("lstm128", BenchmarkData.maskedGaussian(28, 512, 1.0, 4),
                    BenchmarkData.maskedGaussian(128, 512, 1.0, 5), GateOrder.DL4J_LSTM, null);
        }
    }

    /** A random graph of 24 vertices (the exact Cheeger constant's limit), p = 0.3, weights 1 or in (0.1, 2.1). */
    @State(Scope.Benchmark)
    public static class Small {
        @Param({"false", "true"})
        public boolean weighted;

        CsrGraph graph;

        @Setup
        public void setUp() {
            graph = BenchmarkData.randomGraph(24, 0.3, weighted, 5);
        }
    }

    @Benchmark
    public LayerAnalysisResult analysis(Layer l) {
        return new LayerAnalysis(LayerGraph.of(l.matrix, Representation.UNWEIGHTED)).result();
    }

    @Benchmark
    public SingularSpectrum singularValues(Layer l) {
        return new SingularValues(l.graph).result();
    }

    @Benchmark
    public FiedlerResult fiedler(Layer l) {
        return FiedlerSolver.forLayer(l.graph, FiedlerSolver.Options.DEFAULT).result();
    }

    /**
     * One slider step at q = 20 .. 24 % (prune, analyse both representations, draw the unfolded window), the q
     * moving as while dragging. It used to be timed inside a unit test, which is no place for timings.
     */
    @Benchmark
    public Snapshot sliderStepLstm128(Slider s) {
        s.step = (s.step + 1) % 5;
        return SliderAnalysis.analyse(new AnalysisRequest(s.lstm, 20 + s.step, PruneSettings.DEFAULT,
                GraphId.parse(s.graph), Representation.UNWEIGHTED, 3, true));
    }

    /** The exact Cheeger constant by enumeration at its limit of 24 vertices. */
    @Benchmark
    public CutResult exactCheeger24(Small g) {
        return new ExactCheeger(g.graph).result();
    }
}
