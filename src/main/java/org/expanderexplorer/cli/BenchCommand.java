package org.expanderexplorer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.data.Datasets;
import org.expanderexplorer.core.data.SequenceDataset;
import org.expanderexplorer.core.data.Split;
import org.expanderexplorer.core.graph.CsrGraph;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.MatrixFiles;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.UnfoldedGraph;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.io.Json;
import org.expanderexplorer.core.model.Evaluator;
import org.expanderexplorer.core.model.Nd4jThreads;
import org.expanderexplorer.core.model.RecurrentWeights;
import org.expanderexplorer.core.model.SavedModel;
import org.expanderexplorer.core.model.VectorInference;
import org.expanderexplorer.core.model.WeightKind;
import org.expanderexplorer.core.spectral.CheegerBounds;
import org.expanderexplorer.core.spectral.CutResult;
import org.expanderexplorer.core.spectral.FiedlerResult;
import org.expanderexplorer.core.spectral.FiedlerSolver;
import org.expanderexplorer.core.spectral.LayerAnalysis;
import org.expanderexplorer.core.spectral.RamanujanGaps;
import org.expanderexplorer.core.spectral.SingularSpectrum;
import org.expanderexplorer.core.spectral.SingularValues;
import org.expanderexplorer.core.spectral.SweepCut;
import org.expanderexplorer.core.subject.LoadedModel;
import org.expanderexplorer.core.subject.Subject;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench}: wall-clock medians and minima, in one process after a warm-up, of each stage of a layer
 * analysis ({@code --matrix}) or of a model's inference and time-unfolded graph ({@code --model}). Everything runs
 * on the calling thread, one stage after another; each repetition starts from fresh objects so that no cached
 * result is timed.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time the stages of a layer analysis of a matrix (graph, singular values, gaps, Fiedler value, "
                + "sweep cut, Cheeger bounds, and the whole), or a model's inference on a data set and the Fiedler "
                + "value and sweep cut of its time-unfolded graph.",
            "Reports the median and minimum milliseconds over --repeat runs after --warmup untimed runs."},
        footer = {"", "Examples:", "  expander-explorer bench --matrix layer.mtx --repeat 50 --json",
            "  expander-explorer bench --model smnist-rnn128.zip --data mnist --limit 1000",
            "  expander-explorer bench --model smnist-lstm128.zip --data mnist --nd4j-threads 1 --batch 500",
            "  expander-explorer bench --model smnist-rnn128.zip --unfold 28"})
final class BenchCommand extends CliCommand {

    static final class Subject {
        @Option(names = "--matrix", required = true, paramLabel = "FILE",
                description = "Weight matrix: .csv or .mtx.")
        Path matrix;

        @Option(names = "--model", required = true, paramLabel = "FILE", description = LoadedModel.FILE_HELP)
        Path model;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Subject subject;

    @Option(names = "--weighted", description = "Use |w| as edge weights (default: unweighted).")
    boolean weighted;

    @Option(names = "--data", paramLabel = "NAME", description = "With --model: time inference on the test split of "
            + Datasets.SPEC_HELP + ".")
    String data;

    @Option(names = "--limit", defaultValue = "1000", paramLabel = "N",
            description = "With --data: sequences per inference run (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--batch", defaultValue = "" + Evaluator.DEFAULT_BATCH, paramLabel = "N",
            description = "With --data: sequences per forward pass (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--nd4j-threads", paramLabel = "N",
            description = "With --data: ND4J computes with N threads (BLAS and its parallel loops; "
                    + "OMP_NUM_THREADS in the environment caps them). Default: " + Nd4jThreads.DEFAULT
                    + ", as evaluate, sweep and the window use.")
    Integer nd4jThreads;

    @Option(names = "--keep", split = ",", defaultValue = "50,20,10,5", paramLabel = "Q",
            description = "With --data: also time the model pruned to each Q %% of its edges (default "
                    + "${DEFAULT-VALUE}; pruned as by prune, see --method, --scope, --layer); 'none' for none.")
    List<String> keep;

    @Mixin
    PruneOptions prune;

    @Option(names = "--peer", paramLabel = "NAME",
            description = "With --data: also time a plain numpy forward pass of the same weights on the same "
                    + "sequences, interleaved with the tool's runs, and report the ratios. NAME: numpy.")
    String peer;

    @Option(names = "--python", defaultValue = "python3", paramLabel = "EXE",
            description = "The Python interpreter of --peer numpy (default ${DEFAULT-VALUE}; it needs numpy).")
    String python;

    @Option(names = "--peer-files", paramLabel = "DIR",
            description = "With --data: write the peer's inputs (peer.npz, peer.json, numpy_forward.py) to DIR and "
                    + "keep them, to run the numpy script by hand.")
    Path peerFiles;

    @Option(names = "--unfold", paramLabel = "STEPS",
            description = "With --model: time the Fiedler value and sweep cut of the first layer unfolded over "
                    + "STEPS steps (1 .. " + BenchCommand.MAX_UNFOLD + ").")
    Integer unfold;

    /** Most steps {@code --unfold} takes. */
    static final int MAX_UNFOLD = 1000;

    @Option(names = "--repeat", defaultValue = "20", paramLabel = "N",
            description = "Timed runs (default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--warmup", defaultValue = "10", paramLabel = "N",
            description = "Untimed runs first, for the JIT compiler (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--cpu-time", description = "Measure the thread's CPU time instead of wall-clock time (steadier "
            + "when other programs compete for the cores; inference uses further threads and is undercounted).")
    boolean cpuTime;

    @Option(names = "--json", description = "Print one JSON object: <stage>MedianMillis and <stage>MinMillis for "
            + "every stage, totalMedianMillis, totalMinMillis.")
    boolean json;

    /** Undoes process-wide settings made for the run. */
    private Runnable restore = () -> { };
    /** The inference stages with --data, or null. */
    private InferenceBench inference;

    @Override
    public Integer call() throws IOException {
        if (repeat < 1 || warmup < 0) {
            throw new BadInputException("--repeat must be at least 1 and --warmup at least 0, got " + repeat
                    + " and " + warmup);
        }
        StageTimer timer = new StageTimer(cpuTime);
        Map<String, Object> head = new LinkedHashMap<>();
        Map<String, Object> results = new LinkedHashMap<>();
        Runnable once;
        String total;
        if (subject.matrix != null) {
            WeightMatrix m = MatrixFiles.read(subject.matrix);
            Representation rep = Representation.of(weighted);
            LayerGraphs.of(m, rep, subject.matrix); // refuses NaN weights with the file's name, before timing
            head.put("matrix", subject.matrix.toString());
            head.put("rows", m.rows());
            head.put("cols", m.cols());
            head.put("nonZeros", m.nonZeros());
            head.put("representation", rep.name());
            once = () -> analyseOnce(timer, m, rep);
            total = "total";
        } else {
            once = modelRun(timer, head);
            total = data != null ? "inference" : "unfoldedTotal";
        }
        try {
            timer.recording(false);
            for (int i = 0; i < warmup; i++) {
                once.run();
            }
            timer.recording(true);
            for (int i = 0; i < repeat; i++) {
                once.run();
            }
            if (inference != null) {
                results.putAll(inference.results(timer));
            }
        } finally {
            restore.run();
            if (inference != null) {
                inference.close();
            }
        }
        print(timer, head, total, results);
        return 0;
    }

    /** Each stage on its own, then the whole analysis from the matrix on fresh objects. */
    private static void analyseOnce(StageTimer timer, WeightMatrix m, Representation rep) {
        LayerGraph g = timer.time("graph", () -> {
            LayerGraph built = LayerGraph.of(m, rep);
            built.asCsrGraph();
            return built;
        });
        CsrGraph csr = g.asCsrGraph();
        SingularSpectrum s = timer.time("singularValues", () -> new SingularValues(g).result());
        timer.time("gaps", () -> RamanujanGaps.of(g, s));
        FiedlerResult f = timer.time("fiedler",
                () -> FiedlerSolver.forLayer(g, FiedlerSolver.Options.DEFAULT).result());
        CutResult cut = timer.time("sweepCut", () -> new SweepCut(csr, f.vectorArray()).result());
        timer.time("cheegerBounds", () -> CheegerBounds.of(f.value(), g.minDegree(), g.maxDegree(), s.muHat(),
                cut.ratio()));
        timer.time("total", () -> new LayerAnalysis(LayerGraph.of(m, rep)).result());
    }

    private Runnable modelRun(StageTimer timer, Map<String, Object> head) throws IOException {
        if (data == null && unfold == null) {
            throw new BadInputException("bench --model needs --data NAME (inference) or --unfold STEPS (graph)");
        }
        if (limit < 1 || batch < 1 || unfold != null && unfold < 1 || nd4jThreads != null && nd4jThreads < 1) {
            throw new BadInputException("--limit, --batch, --unfold and --nd4j-threads must be at least 1");
        }
        // what a user can mean: a sequence of MNIST is 28 steps, Speech Commands 101; the unfolded graph grows
        // linearly in the steps and its eigen-solve faster
        if (unfold != null && unfold > MAX_UNFOLD) {
            throw new BadInputException("--unfold " + unfold + " is more than the " + MAX_UNFOLD + " steps a bench "
                    + "unfolds (the data sets have 8 to 101 steps)");
        }
        if (nd4jThreads != null && nd4jThreads > 64) {
            throw new BadInputException("--nd4j-threads must be 1 .. 64, got " + nd4jThreads);
        }
        if (peer != null && !"numpy".equals(peer)) {
            throw new BadInputException("--peer: unknown peer '" + peer + "' (use numpy)");
        }
        List<Double> keeps = new ArrayList<>();
        for (String k : keep) {
            if (!k.strip().equalsIgnoreCase("none")) {
                double q;
                try {
                    q = Double.parseDouble(k.strip());
                } catch (NumberFormatException e) {
                    q = Double.NaN;
                }
                if (!(q > 0 && q < 100)) {
                    throw new BadInputException("--keep must be numbers in (0, 100) or 'none', got '" + k + "'");
                }
                keeps.add(q);
            }
        }
        VectorInference.warmUpInBackground();
        SavedModel saved = LoadedModel.read(subject.model);
        head.put("model", subject.model.toString());
        head.put("architecture", saved.model().spec().describe());
        SequenceDataset ds = data == null ? null : Datasets.load(data, Split.TEST);
        int n = ds == null ? 0 : Math.min(limit, ds.size());
        if (ds != null) {
            head.put("data", ds.name());
            head.put("sequences", n);
            head.put("batch", batch);
            // A process-wide setting: put back when the command ends (it may run inside a longer-lived JVM).
            int master = Nd4j.getEnvironment().maxMasterThreads();
            int blas = Nd4j.factory().blas().getMaxThreads();
            restore = () -> {
                Nd4j.factory().blas().setMaxThreads(blas);
                Nd4j.getEnvironment().setMaxMasterThreads(master);
            };
            Nd4jThreads.set(nd4jThreads == null ? Nd4jThreads.DEFAULT : nd4jThreads);
            // what decides ND4J's threading, so that figures from different set-ups can be told apart
            head.put("nd4jThreads", Nd4j.getEnvironment().maxThreads());
            head.put("nd4jMasterThreads", Nd4j.getEnvironment().maxMasterThreads());
            head.put("blasThreads", Nd4j.factory().blas().getMaxThreads());
            head.put("ompWaitPolicy", Objects.requireNonNullElse(System.getenv("OMP_WAIT_POLICY"), "(unset)"));
            inference = new InferenceBench(saved.model(), ds, n, batch, keeps, prune.settings(), prune.layer,
                    peer == null ? null : python, peerFiles, cpuTime);
            inference.describe(head);
        }
        UnfoldedGraph unfolded = null;
        if (unfold != null) {
            RecurrentWeights w = new RecurrentWeights(saved.model());
            unfolded = new UnfoldedGraph(w.matrix(0, WeightKind.INPUT), w.matrix(0, WeightKind.RECURRENT), unfold,
                    Representation.of(weighted));
            head.put("unfoldedSteps", unfold);
            head.put("unfoldedVertices", unfolded.vertexCount());
            head.put("unfoldedEdges", unfolded.edgeCount());
        }
        UnfoldedGraph u = unfolded;
        return () -> {
            if (inference != null) {
                inference.once(timer);
            }
            if (u != null) {
                long t0 = timer.now();
                // a fresh window each time: its CSR graph is not cached yet
                CsrGraph csr = timer.time("unfoldedGraph", () -> u.window(u.steps()).toCsrGraph());
                FiedlerResult f = timer.time("unfoldedFiedler", () -> new FiedlerSolver(csr).result());
                timer.time("unfoldedSweepCut", () -> new SweepCut(csr, f.vectorArray()).result());
                timer.record("unfoldedTotal", (timer.now() - t0) / 1e6);
            }
        };
    }

    /** {@code a 0.976, b 1.25} with doubles to 4 significant digits. */
    private static String format(Map<?, ?> map) {
        StringBuilder sb = new StringBuilder();
        map.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(v instanceof Double d ? String.format(Locale.ROOT, "%.4g", d) : v));
        return sb.toString();
    }

    private void print(StageTimer timer, Map<String, Object> head, String total, Map<String, Object> results) {
        PrintWriter out = out();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>(head);
            m.putAll(results);
            m.put("repeat", repeat);
            m.put("warmup", warmup);
            m.put("clock", cpuTime ? "thread CPU time" : "wall clock");
            m.put("totalMedianMillis", timer.median(total));
            m.put("totalMinMillis", timer.min(total));
            for (String s : timer.stages()) {
                m.put(s + "MedianMillis", timer.median(s));
                m.put(s + "MinMillis", timer.min(s));
            }
            out.println(Json.write(m));
        } else {
            head.forEach((k, v) -> out.printf(Locale.ROOT, "%-18s %s%n", k, v));
            out.printf(Locale.ROOT, "%d timed runs after %d warm-up runs, %s%n", repeat, warmup,
                cpuTime ? "thread CPU time" : "wall clock");
            out.printf(Locale.ROOT, "  %-18s %12s %12s%n", "stage", "median ms", "min ms");
            for (String s : timer.stages()) {
                out.printf(Locale.ROOT, "  %-18s %12.3f %12.3f%n", s, timer.median(s), timer.min(s));
            }
            results.forEach((k, v) -> out.printf(Locale.ROOT, "%-18s %s%n", k, v instanceof Map<?, ?> map
                    ? format(map) : v));
        }
        out.flush();
    }
}
