package org.expanderexplorer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.expanderexplorer.core.io.Json;
import org.expanderexplorer.core.data.SequenceDataset;
import org.expanderexplorer.core.io.AtomicFiles;
import org.expanderexplorer.core.model.CompiledNetwork;
import org.expanderexplorer.core.model.EvaluationResult;
import org.expanderexplorer.core.model.Evaluator;
import org.expanderexplorer.core.model.NetworkWeights;
import org.expanderexplorer.core.model.NpyArray;
import org.expanderexplorer.core.model.NpzFiles;
import org.expanderexplorer.core.model.RecurrentClassifier;
import org.expanderexplorer.core.model.VectorInference;
import org.expanderexplorer.core.model.WeightKind;
import org.expanderexplorer.core.model.WeightMasks;
import org.expanderexplorer.core.subject.ModelSubjects;
import org.expanderexplorer.core.subject.PruneSettings;
import org.expanderexplorer.core.subject.PrunedState;
import org.expanderexplorer.core.subject.Subject;

/**
 * The inference part of {@code bench --model FILE --data NAME}: the dense model ({@code inference}, end to end as
 * {@code evaluate} runs it) and the model pruned at each q of {@code --keep} ({@code pruned<q>}: the masked
 * weights compiled and evaluated, as the window's accuracy does it), one after the other in every round; with a
 * numpy peer, the numpy forward pass of the same weights on the same sequences in the same rounds
 * ({@code numpyDense}, {@code numpy<q>}). Each stage's accuracy is kept to show that the paths agree.
 */
final class InferenceBench implements AutoCloseable {

    private record Variant(String stage, String peerName, Supplier<EvaluationResult> run) {
    }

    private final List<Variant> variants = new ArrayList<>();
    private final Map<String, Double> accuracy = new LinkedHashMap<>();
    private final Map<String, Double> peerAccuracy = new LinkedHashMap<>();
    private final Map<String, String> kernels = new LinkedHashMap<>();
    private final NumpyPeer peer;
    private final Path peerFolder;
    private final boolean keepPeerFiles;

    /**
     * @param keeps      the q (percent kept) of the pruned variants, each in (0, 100)
     * @param python     the interpreter of the numpy peer, or null for no peer
     * @param peerFolder where to write the peer's files (kept, also without a peer, for running the script by
     *                   hand), or null for a temporary folder (deleted)
     */
    InferenceBench(RecurrentClassifier model, SequenceDataset ds, int n, int batch, List<Double> keeps,
                   PruneSettings settings, int layer, String python, Path peerFolder, boolean cpuTime)
            throws IOException {
        variants.add(new Variant("inference", "dense", () -> new Evaluator(model, ds, n, batch).result()));
        NetworkWeights dense = VectorInference.available() ? model.weights() : null;
        Map<String, NetworkWeights> forPeer = new LinkedHashMap<>();
        forPeer.put("dense", dense != null ? dense : model.weights());
        Subject subject = keeps.isEmpty() ? null : ModelSubjects.of("bench", model, null, layer);
        for (double q : keeps) {
            PrunedState state = subject.prune(q, settings);
            WeightMasks masks = WeightMasks.none().with(layer, WeightKind.INPUT, state.ihMask().toArray())
                    .with(layer, WeightKind.RECURRENT, state.hhMask().toArray());
            String name = "pruned" + label(q);
            Supplier<EvaluationResult> run;
            if (dense != null) {
                NetworkWeights masked = dense.masked(masks);
                kernels.put(name, String.join(", ", CompiledNetwork.of(masked).kernels()));
                run = () -> new Evaluator(CompiledNetwork.of(masked), ds, n, batch).result();
            } else {
                RecurrentClassifier copy = model.copy();
                copy.applyMasks(masks);
                run = () -> new Evaluator(copy, ds, n, batch).result();
            }
            variants.add(new Variant(name, "q" + label(q), run));
            forPeer.put("q" + label(q), forPeer.get("dense").masked(masks));
        }
        if (dense != null) {
            kernels.put("inference", String.join(", ", CompiledNetwork.of(dense).kernels()));
        }
        this.keepPeerFiles = peerFolder != null;
        if (python == null && peerFolder == null) {
            this.peer = null;
            this.peerFolder = null;
            return;
        }
        this.peerFolder = peerFolder != null ? Files.createDirectories(peerFolder)
                : Files.createTempDirectory("expander-bench-peer");
        NumpyPeer started = null;
        try {
            writePeerFiles(this.peerFolder, model, ds, n, forPeer);
            started = python == null ? null : NumpyPeer.start(python, this.peerFolder, cpuTime);
        } finally {
            this.peer = started;
            if (started == null && python != null) {
                close(); // the peer did not start: no temporary files left behind
            }
        }
    }

    /** {@code 20} for 20.0, {@code 2.5} for 2.5. */
    static String label(double q) {
        return q == Math.rint(q) ? Long.toString((long) q) : Double.toString(q);
    }

    private static void writePeerFiles(Path folder, RecurrentClassifier model, SequenceDataset ds, int n,
                                       Map<String, NetworkWeights> variants) throws IOException {
        int length = ds.steps() * ds.features();
        float[] x = new float[n * length];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            ds.copySequence(i, x, i * length);
            y[i] = ds.label(i);
        }
        double[] xd = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            xd[k] = x[k];
        }
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("x", new NpyArray(new int[] {n, ds.steps(), ds.features()}, xd, NpyArray.Type.FLOAT32));
        arrays.put("y", NpyArray.of(y, NpyArray.Type.FLOAT32));
        for (Map.Entry<String, NetworkWeights> e : variants.entrySet()) {
            arrays.putAll(e.getValue().npyArrays(e.getKey() + "__"));
        }
        NpzFiles.write(folder.resolve("peer.npz"), arrays);
        NumpyPeer.writeScript(folder);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("cell", model.spec().cell().name().toLowerCase(Locale.ROOT));
        meta.put("layers", model.spec().layers());
        meta.put("variants", List.copyOf(variants.keySet()));
        byte[] json = Json.write(meta).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        AtomicFiles.write(folder.resolve("peer.json"), out -> out.write(json));
    }

    /** What describes the set-up: the inference path, and the peer's python, numpy and BLAS. */
    void describe(Map<String, Object> head) {
        head.put("inferencePath", VectorInference.describe());
        if (!kernels.isEmpty()) {
            head.put("kernels", kernels);
        }
        if (peer != null) {
            JsonNode d = peer.description();
            head.put("peer", "numpy " + d.path("numpy").asText() + " (python " + d.path("python").asText() + ", "
                    + d.path("executable").asText() + "), BLAS " + d.path("blas").asText() + ", loaded "
                    + d.path("blasLoaded").toString() + ", 1 thread");
        }
    }

    /** One round: every variant of the tool, then every variant of the peer. */
    void once(StageTimer timer) {
        for (Variant v : variants) {
            accuracy.put(v.stage(), timer.time(v.stage(), v.run()).accuracy());
        }
        if (peer != null) {
            try {
                NumpyPeer.Run r = peer.run();
                for (Variant v : variants) {
                    String stage = "numpy" + (v.peerName().equals("dense") ? "Dense" : v.peerName().substring(1));
                    timer.record(stage, r.millis().get(v.peerName()));
                    peerAccuracy.put(stage, r.accuracy().get(v.peerName()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Accuracies, and the ratios of medians: each pruned stage's speed-up against the dense one, and with a peer
     * every tool stage against numpy's dense time (below 1: the tool is faster).
     */
    Map<String, Object> results(StageTimer timer) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accuracy", accuracy);
        if (peer != null) {
            out.put("numpyAccuracy", peerAccuracy);
        }
        double dense = timer.median("inference");
        Map<String, Double> speedUp = new LinkedHashMap<>();
        for (Variant v : variants.subList(1, variants.size())) {
            speedUp.put(v.stage(), dense / timer.median(v.stage()));
        }
        if (!speedUp.isEmpty()) {
            out.put("speedUpOverDense", speedUp);
        }
        if (peer != null) {
            double numpy = timer.median("numpyDense");
            Map<String, Double> ratio = new LinkedHashMap<>();
            for (Variant v : variants) {
                ratio.put(v.stage(), timer.median(v.stage()) / numpy);
            }
            out.put("timeOverNumpyDense", ratio);
        }
        return out;
    }

    @Override
    public void close() {
        if (peer != null) {
            peer.close();
        }
        if (peerFolder != null && !keepPeerFiles) {
            try (Stream<Path> files = Files.walk(peerFolder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                // a temporary folder left behind is harmless
            }
        }
    }
}
