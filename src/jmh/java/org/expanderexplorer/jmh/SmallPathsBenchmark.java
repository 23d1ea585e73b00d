package org.expanderexplorer.jmh;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.expanderexplorer.core.drawing.AnalysisRequest;
import org.expanderexplorer.core.drawing.SliderAnalysis;
import org.expanderexplorer.core.drawing.Snapshot;
import org.expanderexplorer.core.graph.CsrGraph;
import org.expanderexplorer.core.graph.GateOrder;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.spectral.CutResult;
import org.expanderexplorer.core.spectral.ExactCheeger;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.PruneSettings;
import org.expanderexplorer.core.subject.Subject;
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
 * The timings that used to be printed by unit tests (a test must not time things: the figures swing with the
 * machine's load, and the suite is no place to read them): one slider step of an LSTM-128-sized layer (prune,
 * analyse both representations, draw the unfolded window) per graph, and the exact Cheeger constant of a random
 * graph of 24 vertices (the enumeration limit), unweighted and weighted.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class SmallPathsBenchmark {

    @Param({"false", "true"})
    public boolean weighted;

    private CsrGraph random24;

    /** The slider's subject, per monitored graph. */
    @State(Scope.Benchmark)
    public static class Slider {
        @Param({"ih", "hh", "step"})
        public String graph;

        Subject lstm;
        int step;

        @Setup
        public void setUp() {
            lstm = Subject.ofLayer("lstm128", gaussian(28, 512, 4), gaussian(128, 512, 5), GateOrder.DL4J_LSTM,
                    null);
        }
    }

    @Setup
    public void setUp() {
        random24 = randomGraph(24, 0.3, weighted, 5);
    }

    /** One slider step at q = 20 .. 24 % (the q moves, as while dragging); pruning orders are cached after one. */
    @Benchmark
    public Snapshot sliderStepLstm128(Slider s) {
        s.step = (s.step + 1) % 5;
        return SliderAnalysis.analyse(new AnalysisRequest(s.lstm, 20 + s.step, PruneSettings.DEFAULT,
                GraphId.parse(s.graph), Representation.of(weighted), 3, true));
    }

    @Benchmark
    public CutResult exactCheeger24() {
        return new ExactCheeger(random24).result();
    }

    private static WeightMatrix gaussian(int rows, int cols, long seed) {
        Random r = new Random(seed);
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextGaussian();
        }
        return new WeightMatrix(rows, cols, d);
    }

    /** An Erdos-Renyi graph G(n, p), weights uniform in (0.1, 2.1) or 1, as the unit test's. */
    private static CsrGraph randomGraph(int n, double p, boolean weighted, long seed) {
        Random r = new Random(seed);
        int[] from = new int[n * n];
        int[] to = new int[n * n];
        double[] w = new double[n * n];
        int m = 0;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                if (r.nextDouble() < p) {
                    from[m] = a;
                    to[m] = b;
                    w[m++] = weighted ? 0.1 + 2 * r.nextDouble() : 1.0;
                }
            }
        }
        return CsrGraph.fromEdges(n, java.util.Arrays.copyOf(from, m), java.util.Arrays.copyOf(to, m),
                java.util.Arrays.copyOf(w, m), v -> "v" + v);
    }
}
