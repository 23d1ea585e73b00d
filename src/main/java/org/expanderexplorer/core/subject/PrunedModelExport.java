package org.expanderexplorer.core.subject;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.expanderexplorer.core.io.FileGroup;
import org.expanderexplorer.core.io.Json;
import org.expanderexplorer.core.io.Provenance;
import org.expanderexplorer.core.model.InferenceSpeed;
import org.expanderexplorer.core.model.ModelFiles;
import org.expanderexplorer.core.model.ModelExportFormat;
import org.expanderexplorer.core.model.ModelMetadata;
import org.expanderexplorer.core.model.ModelSpec;
import org.expanderexplorer.core.model.NpyArray;
import org.expanderexplorer.core.model.NpzFiles;
import org.expanderexplorer.core.model.PyTorchNpz;
import org.expanderexplorer.core.model.RecurrentClassifier;
import org.expanderexplorer.core.model.SavedModel;
import org.expanderexplorer.core.model.StateDictLayout;
import org.expanderexplorer.core.model.WeightKind;
import org.expanderexplorer.core.model.WeightMasks;
import org.expanderexplorer.core.pruning.PruningMethod;
import org.expanderexplorer.core.pruning.PruningMask;

/**
 * Exports a pruned network: a copy of the model with the pruned weights of one recurrent layer set to zero, in the
 * format its file name asks for ({@link #write}: a Deeplearning4j zip, or a PyTorch state_dict as {@code .pt},
 * {@code .npz} or {@code .safetensors} under the keys, types and biases of the file the model came from, or ONNX;
 * {@link ModelExportFormat}) with the masks (1 kept, 0 pruned, in the weights' own layout and keys) in a separate file
 * beside a state_dict, never inside it; the older NPZ with one {@code <key>.mask} array per pruned matrix next to the
 * standard {@code rnn.}/{@code fc.} keys ({@link #writeNpz}); and a JSON {@link Summary} with the sizes a user
 * compares: dense float32 bytes, compressed sparse row bytes, and the gzip sizes of the dense and of the pruned
 * parameter vectors.
 *
 * <p>Size model (stated because "smaller" depends on it): dense = 4 bytes per parameter (float32); CSR = for each
 * pruned matrix 4 bytes per kept value + 4 bytes per kept column index + 4 (rows + 1) bytes of row pointers,
 * other parameters dense; gzip = {@link GZIPOutputStream} at the best level over all parameters as float32
 * little-endian in Deeplearning4j's order. Cost O(parameters). All writes are atomic. The source model is never
 * changed.
 */
public final class PrunedModelExport {

    /** Steps of the timed sequences of {@link #measureSpeed} when the model's data set is unknown: MNIST's rows. */
    public static final int DEFAULT_STEPS = 28;

    /**
     * One pruned matrix.
     *
     * @param key           the weight's key in the state_dict written ({@code encoder.weight_ih_l0})
     * @param rows          left vertices of its graph (inputs or previous hidden units; Deeplearning4j's rows)
     * @param cols          right vertices (gates * H pre-activations; Deeplearning4j's columns)
     * @param kept          kept (non-pruned) entries
     * @param keptPercent   kept entries as a percentage of all
     * @param emptyRows     rows with no kept entry (isolated left vertices)
     * @param emptyCols     columns with no kept entry (isolated right vertices)
     * @param shape         the array's shape in the state_dict, (gates * H, inputs) as PyTorch stores it
     */
    public record MatrixSummary(String key, int rows, int cols, int kept, double keptPercent, int emptyRows,
                                int emptyCols, List<Integer> shape) {
        public MatrixSummary {
            shape = List.copyOf(shape);
        }
    }

    /**
     * What was exported.
     *
     * @param architecture    e.g. {@code lstm 128 x 1 (28 -> 10)}
     * @param layer           the pruned recurrent layer
     * @param method          pruning method (CLI name)
     * @param scope           {@code ih}, {@code hh} or {@code ih,hh}
     * @param perGate         whether each LSTM gate block was pruned separately
     * @param seed            seed of random choices
     * @param minDegree       minimum degree of the expansion-preserving method
     * @param keepPercent     q asked for
     * @param actualPercent   q reached over the pruned matrices
     * @param matrices        the pruned matrices
     * @param parameters      all parameters of the network
     * @param nonZero         parameters that are not zero after pruning
     * @param denseBytes      4 bytes per parameter
     * @param sparseBytes     CSR size (see the class comment)
     * @param gzipDenseBytes  gzip size of the unpruned parameters
     * @param gzipPrunedBytes gzip size of the pruned parameters
     * @param zipFile         the Deeplearning4j zip written, or null
     * @param zipBytes        its size, or null
     * @param npzFile         the NPZ written, or null
     * @param npzBytes        its size, or null
     * @param speed           inference time of the pruned model against the dense one, measured on this machine,
     *                        or null when not measured
     * @param modelFile       the pruned model written by {@link #write} (any format), or null
     * @param modelFormat     its format ({@link ModelExportFormat} name), or null
     * @param modelBytes      its size, or null
     * @param masksFile       the masks written beside a state_dict, or null
     * @param masksBytes      their size, or null
     */
    public record Summary(String architecture, int layer, String method, String scope, boolean perGate, long seed,
                          int minDegree, double keepPercent, double actualPercent, List<MatrixSummary> matrices,
                          long parameters, long nonZero, long denseBytes, long sparseBytes, long gzipDenseBytes,
                          long gzipPrunedBytes, String zipFile, Long zipBytes, String npzFile, Long npzBytes,
                          InferenceSpeed speed, String modelFile, String modelFormat, Long modelBytes,
                          String masksFile, Long masksBytes) {
        public Summary {
            matrices = List.copyOf(matrices);
        }

        /** With the files written. */
        public Summary withFiles(Path zip, Long zipSize, Path npz, Long npzSize) {
            return new Summary(architecture, layer, method, scope, perGate, seed, minDegree, keepPercent,
                    actualPercent, matrices, parameters, nonZero, denseBytes, sparseBytes, gzipDenseBytes,
                    gzipPrunedBytes, zip == null ? null : zip.toString(), zipSize, npz == null ? null : npz.toString(),
                    npzSize, speed, modelFile, modelFormat, modelBytes, masksFile, masksBytes);
        }

        /** With the model written by {@link #write} and its masks (null when there are none). */
        public Summary withModel(Path model, long modelSize, Path masks, Long masksSize) {
            return new Summary(architecture, layer, method, scope, perGate, seed, minDegree, keepPercent,
                    actualPercent, matrices, parameters, nonZero, denseBytes, sparseBytes, gzipDenseBytes,
                    gzipPrunedBytes, zipFile, zipBytes, npzFile, npzBytes, speed, model.toString(),
                    ModelExportFormat.of(model).name(), modelSize, masks == null ? null : masks.toString(),
                    masksSize);
        }

        /** With the measured inference speed. */
        public Summary withSpeed(InferenceSpeed measured) {
            return new Summary(architecture, layer, method, scope, perGate, seed, minDegree, keepPercent,
                    actualPercent, matrices, parameters, nonZero, denseBytes, sparseBytes, gzipDenseBytes,
                    gzipPrunedBytes, zipFile, zipBytes, npzFile, npzBytes, measured, modelFile, modelFormat,
                    modelBytes, masksFile, masksBytes);
        }
    }

    private final RecurrentClassifier source;
    private final StateDictLayout layout;
    private final int layer;
    private final PrunedState state;
    // computed once under the object's lock: the summary, the speed measurement and every write share one copy
    private RecurrentClassifier pruned;
    private Summary summary;

    /**
     * @param model the network the state was pruned from (not modified)
     * @param layer the recurrent layer the state's masks belong to
     * @param state the masks (W_ih and W_hh in Deeplearning4j's layout)
     */
    public PrunedModelExport(RecurrentClassifier model, int layer, PrunedState state) {
        this(model, null, layer, state);
    }

    /**
     * @param model  the network the state was pruned from (not modified)
     * @param layout the keys, types and biases of the file it came from ({@link SavedModel#layout}), or null for
     *               the standard {@code rnn.}/{@code fc.} layout
     * @param layer  the recurrent layer the state's masks belong to
     * @param state  the masks (W_ih and W_hh in Deeplearning4j's layout)
     */
    public PrunedModelExport(RecurrentClassifier model, StateDictLayout layout, int layer, PrunedState state) {
        this.source = Objects.requireNonNull(model, "model");
        this.layout = layout != null ? layout : StateDictLayout.standard(model.spec());
        this.state = Objects.requireNonNull(state, "state");
        if (layer < 0 || layer >= model.spec().layers()) {
            throw new IllegalArgumentException("layer " + layer + " of a " + model.spec().layers() + "-layer model");
        }
        if (state.hhMask() == null) {
            throw new IllegalArgumentException("the state must come from a recurrent layer, not a plain matrix");
        }
        this.layer = layer;
    }

    /** The masks as Deeplearning4j masks of the layer. */
    public WeightMasks masks() {
        return WeightMasks.none().with(layer, WeightKind.INPUT, state.ihMask().toArray())
                .with(layer, WeightKind.RECURRENT, state.hhMask().toArray());
    }

    /** A copy of the model with the pruned weights set to zero (computed once). */
    public synchronized RecurrentClassifier prunedModel() {
        if (pruned == null) {
            RecurrentClassifier copy = source.copy();
            copy.applyMasks(masks());
            pruned = copy;
        }
        return pruned;
    }

    /**
     * Measures the pruned model's inference time against the dense model's on this machine (about a second;
     * {@link InferenceSpeed#measure}): what the sizes do not say, whether the pruned model also runs faster.
     *
     * @param steps time steps per sequence of the timed inputs (the model's data set's)
     */
    public InferenceSpeed measureSpeed(int steps) {
        return InferenceSpeed.measure(source, masks(), steps, 1);
    }

    /** The sizes and counts (no files yet). */
    public synchronized Summary summary() {
        if (summary == null) {
            ModelSpec spec = source.spec();
            List<MatrixSummary> ms = new ArrayList<>();
            // start from all parameters dense, then replace each pruned matrix's dense bytes by its CSR bytes
            long sparse = spec.parameterCount() * 4L;
            if (state.settings().pruneIh()) {
                sparse += csrDelta(state.ihMask());
                ms.add(matrixSummary(layout.weightKey(layer, WeightKind.INPUT), state.ihMask()));
            }
            if (state.settings().pruneHh()) {
                sparse += csrDelta(state.hhMask());
                ms.add(matrixSummary(layout.weightKey(layer, WeightKind.RECURRENT), state.hhMask()));
            }
            // DL4J's flat parameter vector: every parameter once, in the network's own order (the class comment's gzip
            // input)
            float[] dense = source.network().params().toFloatVector();
            float[] sparseParams = prunedModel().network().params().toFloatVector();
            long nonZero = 0;
            for (float f : sparseParams) {
                // counts weights that were zero before pruning too: nonZero is what a sparse format would actually
                // store
                nonZero += f != 0f ? 1 : 0;
            }
            summary = new Summary(spec.describe(), layer, state.settings().method().cliName(),
                    state.settings().scopeId(), state.settings().perGate(), state.settings().seed(),
                    state.settings().minDegree(), state.keepPercent(), state.actualKeepPercent(), ms,
                    spec.parameterCount(), nonZero, spec.parameterCount() * 4L, sparse, gzipSize(dense),
                    gzipSize(sparseParams), null, null, null, null, null, null, null, null, null, null);
        }
        return summary;
    }

    /** CSR bytes of a matrix minus its dense bytes. */
    private static long csrDelta(PruningMask m) {
        long kept = m.keptCount();
        // CSR: a float32 value and an int32 column index per kept entry, rows + 1 row pointers; minus 4 bytes per entry
        return kept * 8L + 4L * (m.rows() + 1) - 4L * m.rows() * m.cols();
    }

    private static MatrixSummary matrixSummary(String key, PruningMask m) {
        int emptyRows = 0;
        for (int c : m.rowCounts()) {
            emptyRows += c == 0 ? 1 : 0;
        }
        int emptyCols = 0;
        for (int c : m.colCounts()) {
            emptyCols += c == 0 ? 1 : 0;
        }
        return new MatrixSummary(key, m.rows(), m.cols(), m.keptCount(), m.keptPercent(), emptyRows, emptyCols,
                // the shape PyTorch stores: (out, in), the transpose of DL4J's (in, out) that rows and cols describe
                List.of(m.cols(), m.rows()));
    }

    static long gzipSize(float[] values) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : values) {
            buf.putFloat(f);
        }
        CountingStream count = new CountingStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(count) {
            {
                // level 9, as "gzip -9": the size a user would get at best, so the comparison does not depend on a
                // default
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(buf.array());
        } catch (IOException e) {
            // CountingStream never throws; the compiler only sees the OutputStream's IOException
            throw new IllegalStateException("in-memory gzip cannot fail", e);
        }
        return count.count;
    }

    /**
     * Writes the Deeplearning4j zip (atomically).
     *
     * @param metadata metadata of the source model; stored as {@link ModelMetadata#derived} with {@code how}
     * @param how      how it was pruned, e.g. {@code pruned: magnitude, q = 20 %, ih,hh, seed 1, from rnn.zip}
     */
    public void writeZip(Path file, ModelMetadata metadata, String how) throws IOException {
        Objects.requireNonNull(metadata, "metadata");
        ModelFiles.save(prunedModel(), metadata.derived(how), file);
    }

    /**
     * Writes the pruned model in the format {@code file}'s extension names ({@link ModelExportFormat}), atomically.
     * A state_dict or ONNX file holds the weights only, under the source file's keys; its masks go to
     * {@link #masksFile} (write them with {@link #writeMasks}).
     *
     * @param metadata metadata of the source model, stored in a Deeplearning4j zip as {@link ModelMetadata#derived}
     * @param how      how it was pruned ({@link #how})
     * @throws org.expanderexplorer.core.BadInputException if the extension names no model format
     */
    public void write(Path file, ModelMetadata metadata, String how) throws IOException {
        write(file, ModelExportFormat.of(file), metadata, how);
    }

    /** As {@link #write(Path, ModelMetadata, String)} in a given format (for a staged file whose name is temporary). */
    public void write(Path file, ModelExportFormat format, ModelMetadata metadata, String how) throws IOException {
        Objects.requireNonNull(metadata, "metadata");
        format.write(file, prunedModel(), layout, metadata.derived(how));
    }

    /**
     * Writes the pruned model in the format {@code out}'s extension names, its masks beside a state_dict or ONNX
     * file ({@link #masksFile}), and the summary as JSON, as one set: nothing that was there is replaced until all
     * are written (the window's export; the command line stages the same files itself, with its extra outputs).
     *
     * @param summaryFile where the JSON summary goes
     * @param metadata    metadata of the source model ({@link #write})
     * @param from        the source model's shown name, for {@link #how}
     * @param base        the provenance to record, without the pruning ({@link #provenance} adds it)
     * @param steps       time steps of the sequences {@link #measureSpeed} times
     * @return the summary, with the model and masks files, their sizes and the measured speed
     */
    public Summary writeSet(Path out, Path summaryFile, ModelMetadata metadata, String from, Provenance base,
                            int steps) throws IOException {
        ModelExportFormat format = ModelExportFormat.of(out);
        // null for a Deeplearning4j zip, whose masks need no separate file (the pruned weights are exact zeros)
        Path masks = format.masksFile(out);
        // the summary is staged last so it is renamed last: a summary on disk always names files that are there
        try (FileGroup files = FileGroup.claim(out, masks, summaryFile)) {
            write(files.stage(out), format, metadata, how(from));
            if (masks != null) {
                writeMasks(files.stage(masks), format == ModelExportFormat.SAFETENSORS);
            }
            // sizes of the staged files: the renames in commit do not change them
            Summary s = summary().withModel(out, Files.size(files.stage(out)), masks,
                    masks == null ? null : Files.size(files.stage(masks))).withSpeed(measureSpeed(steps));
            writeSummary(files.stage(summaryFile), s, provenance(base));
            files.commit();
            return s;
        }
    }

    /**
     * Where {@link #write} of {@code file} wants the masks ({@code NAME.masks.npz} or {@code .safetensors}), or
     * null.
     */
    public static Path masksFile(Path file) {
        return ModelExportFormat.of(file).masksFile(file);
    }

    /**
     * Writes the masks of the pruned matrices (atomically) as float32 arrays of 1 (kept) and 0 (pruned) under the
     * weights' own keys and in their layout, as NPZ or, for a {@code .safetensors} name, safetensors.
     */
    public void writeMasks(Path file) throws IOException {
        writeMasks(file, file.getFileName().toString().endsWith(".safetensors"));
    }

    /** As {@link #writeMasks(Path)}, as safetensors or NPZ (for a staged file whose name is temporary). */
    public void writeMasks(Path file, boolean safetensors) throws IOException {
        ModelSpec spec = source.spec();
        Map<String, NpyArray> masks = new java.util.LinkedHashMap<>();
        if (state.settings().pruneIh()) {
            // Under the weight's own key, so a PyTorch script can apply mask[k] to state_dict[k] by name; the mask is
            // transposed and its gate blocks reordered like the weight (DL4J's g, f, o, i to PyTorch's i, f, g, o).
            masks.put(layout.weightKey(layer, WeightKind.INPUT), PyTorchNpz.maskToPyTorch(state.ihMask().toArray(),
                    spec));
        }
        if (state.settings().pruneHh()) {
            masks.put(layout.weightKey(layer, WeightKind.RECURRENT), PyTorchNpz.maskToPyTorch(
                    state.hhMask().toArray(), spec));
        }
        ModelExportFormat.writeArrays(file, masks, safetensors);
    }

    /**
     * Writes the PyTorch NPZ of the standard keys ({@code rnn.}, {@code fc.}) with one {@code <key>.mask} per pruned
     * matrix (atomically): the export of earlier versions, kept for the scripts that read it; {@link #write} with a
     * {@code .npz} name gives a strict-loadable state_dict instead.
     */
    public void writeNpz(Path file) throws IOException {
        Map<String, NpyArray> arrays = PyTorchNpz.stateDict(prunedModel());
        ModelSpec spec = source.spec();
        if (state.settings().pruneIh()) {
            arrays.put(PyTorchNpz.weightKey(layer, WeightKind.INPUT) + ".mask",
                    PyTorchNpz.maskToPyTorch(state.ihMask().toArray(), spec));
        }
        if (state.settings().pruneHh()) {
            arrays.put(PyTorchNpz.weightKey(layer, WeightKind.RECURRENT) + ".mask",
                    PyTorchNpz.maskToPyTorch(state.hhMask().toArray(), spec));
        }
        NpzFiles.write(file, arrays);
    }

    /**
     * How the state was pruned, in the one wording that the command line and the window store as the pruned
     * model's metadata source, e.g. {@code pruned: magnitude, q = 20.0 %, scope ih,hh, seed 1, from rnn.zip}.
     *
     * @param from the source model's shown name
     */
    public String how(String from) {
        PruneSettings st = state.settings();
        // for ramanujan the monitored gap belongs to the method: two runs that differ only in it are different prunings
        String method = st.method().cliName() + (st.method() == PruningMethod.RAMANUJAN
                ? " (keeps " + st.gap().cliName() + " > 0)" : "");
        String reach = state.belowReach() ? String.format(java.util.Locale.ROOT, " (lowest reachable: %.3f %% kept)",
                state.actualKeepPercent()) : "";
        return String.format(java.util.Locale.ROOT, "pruned: %s, q = %s %%%s, scope %s%s, seed %d, from %s",
                method, state.keepPercent(), reach, st.scopeId(), st.perGate() ? " per gate" : "", st.seed(), from);
    }

    /** {@code base} with this state's pruning method, q and pruning seed. */
    public Provenance provenance(Provenance base) {
        PruneSettings st = state.settings();
        return base.withPruning(st.method().cliName(), state.keepPercent()).withSeed("pruning", st.seed());
    }

    /**
     * Writes a summary as JSON (atomically), with the provenance record under {@code provenance} after the
     * summary's own keys.
     */
    public static void writeSummary(Path file, Summary s, Provenance provenance) throws IOException {
        Objects.requireNonNull(s, "s");
        Objects.requireNonNull(provenance, "provenance");
        ObjectNode tree = Json.tree(s);
        tree.set("provenance", Json.tree(provenance));
        Json.writeFile(file, tree);
    }

    /** Counts bytes and drops them. */
    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            // only the length matters; nothing is kept, so measuring a large model needs no second buffer
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
